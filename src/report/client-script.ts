/**
 * The report's own script, inlined into the HTML so that it works offline from one file. Plain
 * browser JavaScript (no libraries): it draws three SVG charts from the embedded data and makes
 * the table searchable. Kept as text because the project compiles for Node, not the DOM.
 */
export const CLIENT_SCRIPT = String.raw`
'use strict'
const data = JSON.parse(document.getElementById('report-data').textContent)
const NS = 'http://www.w3.org/2000/svg'
const STATUS = [['complete', 'Complete', '#0070c0'], ['on_track', 'On track', '#00b050'], ['in_progress', 'In progress', '#ffc000'], ['behind', 'Behind', '#e03030'], ['not_started', 'Not started', '#a05050'], ['', 'No status', '#c8c8c8']]

// A chart is drawn at its own size at most, never blown up past it.
function size(svg, width, height) {
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height)
  svg.style.maxWidth = width + 'px'
}

function el(name, attrs, parent, text) {
  const node = document.createElementNS(NS, name)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v))
  if (text !== undefined) node.textContent = text
  parent.appendChild(node)
  return node
}
const statusOf = (a) => (a.complete ? 'complete' : a.status)

function statusByAuthority(svg) {
  const authorities = [...new Set(data.actions.map((a) => a.authority))].sort()
  const width = 840, left = 330, bar = 22, gap = 8
  size(svg, width, authorities.length * (bar + gap) + 40)
  authorities.forEach((name, i) => {
    const rows = data.actions.filter((a) => a.authority === name)
    const y = i * (bar + gap)
    el('text', { x: left - 8, y: y + bar * 0.7, 'text-anchor': 'end', class: 'label' }, svg, name)
    let x = left
    for (const [key, label, colour] of STATUS) {
      const n = rows.filter((a) => statusOf(a) === key).length
      if (n === 0) continue
      const w = ((width - left - 10) * n) / rows.length
      const rect = el('rect', { x, y, width: w, height: bar, fill: colour, class: 'bar' }, svg)
      el('title', {}, rect, label + ': ' + n + ' of ' + rows.length)
      x += w
    }
  })
  STATUS.forEach(([, label, colour], i) => {
    el('rect', { x: left + i * 82, y: authorities.length * (bar + gap) + 10, width: 10, height: 10, fill: colour }, svg)
    el('text', { x: left + i * 82 + 14, y: authorities.length * (bar + gap) + 19, class: 'legend' }, svg, label)
  })
}

function themeHeatMap(svg) {
  const authorities = [...new Set(data.actions.map((a) => a.authority))].sort()
  const themes = [...new Set(data.actions.flatMap((a) => a.themes))].sort()
  const cell = 26, left = 270, top = 210
  size(svg, left + authorities.length * cell + 170, top + themes.length * cell + 10)
  const count = (t, au) => data.actions.filter((a) => a.authority === au && a.themes.includes(t)).length
  const max = Math.max(1, ...themes.flatMap((t) => authorities.map((au) => count(t, au))))
  authorities.forEach((au, j) => el('text', { x: 0, y: 0, transform: 'translate(' + (left + j * cell + cell * 0.65) + ',' + (top - 6) + ') rotate(-55)', class: 'label' }, svg, au))
  themes.forEach((t, i) => {
    el('text', { x: left - 6, y: top + i * cell + cell * 0.65, 'text-anchor': 'end', class: 'label' }, svg, data.theme_labels[t] || t)
    authorities.forEach((au, j) => {
      const n = count(t, au)
      const rect = el('rect', { x: left + j * cell, y: top + i * cell, width: cell - 2, height: cell - 2, fill: 'rgba(0, 90, 160, ' + (n === 0 ? 0.04 : 0.15 + (0.85 * n) / max) + ')', class: 'heat' }, svg)
      el('title', {}, rect, au + ', ' + t + ': ' + n + ' actions')
      if (n > 0) el('text', { x: left + j * cell + cell / 2 - 1, y: top + i * cell + cell * 0.62, 'text-anchor': 'middle', class: n / max > 0.5 ? 'count light' : 'count' }, svg, n)
    })
  })
}

function overdueOverTime(svg) {
  const dated = data.actions.filter((a) => a.due_end)
  const width = 760, height = 240, left = 50, bottom = 30
  size(svg, width, height)
  if (dated.length === 0) {
    el('text', { x: 20, y: 40, class: 'label' }, svg, 'No action has a due date.')
    return
  }
  const months = []
  let d = new Date(dated.map((a) => a.due_end).sort()[0].slice(0, 7) + '-01T00:00:00Z')
  const end = new Date(data.as_of + 'T00:00:00Z')
  while (d <= end && months.length < 240) {
    months.push(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10))
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  }
  // Overdue at the end of each month: due before it and not complete (as the plans now stand).
  const series = months.map((m) => dated.filter((a) => a.due_end < m && !a.complete).length)
  const max = Math.max(1, ...series)
  const x = (i) => left + ((width - left - 20) * i) / Math.max(1, months.length - 1)
  const y = (n) => height - bottom - ((height - bottom - 20) * n) / max
  el('line', { x1: left, y1: height - bottom, x2: width - 10, y2: height - bottom, class: 'axis' }, svg)
  el('line', { x1: left, y1: 10, x2: left, y2: height - bottom, class: 'axis' }, svg)
  el('text', { x: left - 6, y: y(max) + 4, 'text-anchor': 'end', class: 'label' }, svg, max)
  el('text', { x: left - 6, y: height - bottom + 4, 'text-anchor': 'end', class: 'label' }, svg, 0)
  months.forEach((m, i) => { if (i % Math.ceil(months.length / 8) === 0) el('text', { x: x(i), y: height - 10, 'text-anchor': 'middle', class: 'label' }, svg, m.slice(0, 7)) })
  el('polyline', { points: series.map((n, i) => x(i) + ',' + y(n)).join(' '), class: 'line' }, svg)
  series.forEach((n, i) => { const dot = el('circle', { cx: x(i), cy: y(n), r: 2.5, class: 'dot' }, svg); el('title', {}, dot, months[i] + ': ' + n + ' overdue') })
}

function table() {
  const body = document.querySelector('#actions tbody')
  const filter = document.getElementById('filter')
  const authority = document.getElementById('authority')
  const status = document.getElementById('status')
  const shown = document.getElementById('shown')
  for (const au of [...new Set(data.actions.map((a) => a.authority))].sort()) {
    const o = document.createElement('option'); o.value = au; o.textContent = au; authority.appendChild(o)
  }
  const rows = data.actions.map((a) => {
    const tr = document.createElement('tr')
    const cells = [a.authority, a.ref, a.action, a.leads, a.due, a.complete ? 'complete' : a.status, a.rag, a.themes.join(', ')]
    for (const c of cells) { const td = document.createElement('td'); td.textContent = c; tr.appendChild(td) }
    if (a.overdue) tr.className = 'overdue'
    const td = document.createElement('td')
    if (a.href) { const link = document.createElement('a'); link.href = a.href; link.textContent = a.where; td.appendChild(link) } else td.textContent = a.where
    tr.appendChild(td)
    tr.dataset.search = (cells.join(' ') + ' ' + a.recommendation + ' ' + a.where).toLowerCase()
    body.appendChild(tr)
    return { tr, a }
  })
  const apply = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean)
    let n = 0
    for (const { tr, a } of rows) {
      const ok = words.every((w) => tr.dataset.search.includes(w)) && (!authority.value || a.authority === authority.value) && (!status.value || statusOf(a) === status.value || (status.value === 'overdue' && a.overdue))
      tr.hidden = !ok
      if (ok) n += 1
    }
    shown.textContent = n + ' of ' + rows.length + ' actions'
  }
  for (const input of [filter, authority, status]) input.addEventListener('input', apply)
  apply()
}

statusByAuthority(document.getElementById('chart-status'))
themeHeatMap(document.getElementById('chart-themes'))
overdueOverTime(document.getElementById('chart-overdue'))
table()
document.body.dataset.ready = 'true'
`
