/**
 * The report's charts, as browser JavaScript inlined into the page (see client-script.ts): status
 * and RAG by authority (stacked bars with their counts), themes by authority (a heat map with its
 * colour scale) and overdue actions over the plans' own period. Every label is measured before the
 * layout is fixed, so no name is cut whatever its length.
 */
export const CLIENT_CHARTS = String.raw`
const NS = 'http://www.w3.org/2000/svg'
const STATUS = [['complete', 'Complete', '#0070c0'], ['on_track', 'On track', '#00b050'], ['in_progress', 'In progress', '#ffc000'], ['behind', 'Behind', '#e03030'], ['not_started', 'Not started', '#a05050'], ['', 'No status', '#c8c8c8']]
const RAG = [['blue', 'Blue', '#0070c0'], ['green', 'Green', '#00b050'], ['amber', 'Amber', '#ffc000'], ['red', 'Red', '#e03030'], ['', 'No RAG', '#c8c8c8']]
const statusOf = (a) => (a.complete ? 'complete' : a.status)
const authoritiesOf = (actions) => [...new Set(actions.map((a) => a.authority))].sort()

function el(name, attrs, parent, text) {
  const node = document.createElementNS(NS, name)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v))
  if (text !== undefined) node.textContent = text
  parent.appendChild(node)
  return node
}

// The width a label takes in this chart's type, measured in the page (the SVG is in the document).
function measure(svg, text, cls) {
  const t = el('text', { x: 0, y: 0, class: cls }, svg, text)
  const w = t.getComputedTextLength()
  t.remove()
  return w
}

// A chart is drawn at its own size at most, never blown up past it.
function size(svg, width, height) {
  svg.setAttribute('viewBox', '0 0 ' + Math.ceil(width) + ' ' + Math.ceil(height))
  svg.style.maxWidth = Math.ceil(width) + 'px'
}

// Swatches in rows that wrap within the width; returns the height used.
function legend(svg, items, x0, y0, width) {
  let x = x0, y = y0
  for (const [label, colour] of items) {
    const w = 18 + measure(svg, label, 'legend') + 14
    if (x + w > width && x > x0) { x = x0; y += 18 }
    el('rect', { x, y, width: 11, height: 11, fill: colour, class: 'swatch' }, svg)
    el('text', { x: x + 15, y: y + 10, class: 'legend' }, svg, label)
    x += w
  }
  return y - y0 + 18
}

// One bar per authority, split by category, each part with its count when the count fits in it.
function stackedBars(svg, categories, keyOf, what) {
  const authorities = authoritiesOf(data.actions)
  const bar = 22, gap = 8, plot = 300
  const left = Math.max(...authorities.map((a) => measure(svg, a, 'label'))) + 10
  const width = left + plot + 44
  let y = 0
  for (const name of authorities) {
    const rows = data.actions.filter((a) => a.authority === name)
    el('text', { x: left - 8, y: y + bar * 0.7, 'text-anchor': 'end', class: 'label' }, svg, name)
    let x = left
    for (const [key, label, colour] of categories) {
      const n = rows.filter((a) => keyOf(a) === key).length
      if (n === 0) continue
      const w = (plot * n) / rows.length
      const rect = el('rect', { x, y, width: w, height: bar, fill: colour, class: 'bar', 'data-authority': name, 'data-key': key, 'data-count': n }, svg)
      el('title', {}, rect, name + ': ' + label + ', ' + n + ' of ' + rows.length + ' actions')
      if (measure(svg, String(n), 'count') + 4 <= w) {
        el('text', { x: x + w / 2, y: y + bar * 0.68, 'text-anchor': 'middle', class: key === '' || key === 'amber' || key === 'in_progress' ? 'count' : 'count light', 'data-authority': name, 'data-key': key }, svg, n)
      }
      x += w
    }
    el('text', { x: x + 5, y: y + bar * 0.7, class: 'label total' }, svg, rows.length)
    y += bar + gap
  }
  const used = legend(svg, categories.map(([, label, colour]) => [label, colour]), left, y + 4, width)
  size(svg, width, y + 4 + used)
  svg.setAttribute('aria-label', what + ' of actions by authority')
}

// Cell shade for a count: the heat map and its legend use the same scale.
const shade = (n, max) => 'rgba(0, 90, 160, ' + (n === 0 ? 0.04 : (0.15 + (0.85 * n) / max).toFixed(3)) + ')'

function themeHeatMap(svg) {
  const authorities = authoritiesOf(data.actions)
  const themes = [...new Set(data.actions.flatMap((a) => a.themes))].sort()
  const label = (t) => data.theme_labels[t] || t
  const cell = 26, angle = 55, rad = (angle * Math.PI) / 180
  const longest = Math.max(...authorities.map((a) => measure(svg, a, 'label')))
  const left = Math.max(0, ...themes.map((t) => measure(svg, label(t), 'label'))) + 10
  const top = Math.ceil(longest * Math.sin(rad)) + 14
  const right = left + authorities.length * cell
  const width = Math.max(right + longest * Math.cos(rad) + 10, left + 260)
  const count = (t, au) => data.actions.filter((a) => a.authority === au && a.themes.includes(t)).length
  const max = Math.max(1, ...themes.flatMap((t) => authorities.map((au) => count(t, au))))
  authorities.forEach((au, j) => el('text', { x: 0, y: 0, transform: 'translate(' + (left + j * cell + cell * 0.6) + ',' + (top - 6) + ') rotate(-' + angle + ')', class: 'label' }, svg, au))
  themes.forEach((t, i) => {
    el('text', { x: left - 6, y: top + i * cell + cell * 0.65, 'text-anchor': 'end', class: 'label' }, svg, label(t))
    authorities.forEach((au, j) => {
      const n = count(t, au)
      const rect = el('rect', { x: left + j * cell, y: top + i * cell, width: cell - 2, height: cell - 2, fill: shade(n, max), class: 'heat', 'data-count': n }, svg)
      el('title', {}, rect, au + ', ' + label(t) + ': ' + n + ' actions')
      if (n > 0) el('text', { x: left + j * cell + cell / 2 - 1, y: top + i * cell + cell * 0.62, 'text-anchor': 'middle', class: n / max > 0.5 ? 'count light' : 'count' }, svg, n)
    })
  })
  // The colour scale: a few steps from 0 to the largest count, each swatch in the cells' own shade.
  const y = top + themes.length * cell + 12
  const steps = [...new Set([0, 1, Math.round(max / 4), Math.round(max / 2), Math.round((3 * max) / 4), max])].filter((n) => n <= max).sort((a, b) => a - b)
  const g = el('g', { class: 'heat-legend' }, svg)
  el('text', { x: left, y: y + 12, class: 'legend' }, g, 'Actions per cell:')
  let x = left + measure(svg, 'Actions per cell:', 'legend') + 8
  for (const n of steps) {
    el('rect', { x, y, width: 18, height: 18, fill: shade(n, max), class: 'legend-swatch', 'data-count': n }, g)
    el('text', { x: x + 9, y: y + 31, 'text-anchor': 'middle', class: 'legend' }, g, n)
    x += 24
  }
  size(svg, Math.max(width, x + 10), y + 40)
}

// First days of the months from one ISO date's month to another's.
function monthsBetween(start, end) {
  const out = []
  let d = new Date(start.slice(0, 7) + '-01T00:00:00Z')
  const last = new Date(end.slice(0, 7) + '-01T00:00:00Z')
  while (d <= last && out.length < 600) {
    out.push(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10))
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  }
  return out
}

function overdueOverTime(svg) {
  const width = 760, height = 240, left = 50, bottom = 30
  size(svg, width, height)
  if (!data.period) {
    el('text', { x: 20, y: 40, class: 'label' }, svg, 'No action has a due date.')
    return
  }
  const dated = data.actions.filter((a) => a.due_end)
  // The plans' own period, from their first date to their last due date, not to today.
  const months = monthsBetween(data.period.start, data.period.end)
  // Overdue at the end of each month: due before it and not complete (as the plans now stand).
  const series = months.map((m) => dated.filter((a) => a.due_end < m && !a.complete).length)
  const max = Math.max(1, ...series)
  const x = (i) => left + ((width - left - 20) * i) / Math.max(1, months.length - 1)
  const y = (n) => height - bottom - ((height - bottom - 20) * n) / max
  el('line', { x1: left, y1: height - bottom, x2: width - 10, y2: height - bottom, class: 'axis' }, svg)
  el('line', { x1: left, y1: 10, x2: left, y2: height - bottom, class: 'axis' }, svg)
  el('text', { x: left - 6, y: y(max) + 4, 'text-anchor': 'end', class: 'label' }, svg, max)
  el('text', { x: left - 6, y: height - bottom + 4, 'text-anchor': 'end', class: 'label' }, svg, 0)
  // A label every few months, and the last month's unless it would touch the label before it.
  const every = Math.ceil(months.length / 8)
  const last = months.length - 1
  months.forEach((m, i) => { if (i % every === 0 || (i === last && last % every >= every / 2)) el('text', { x: x(i), y: height - 10, 'text-anchor': i === months.length - 1 ? 'end' : 'middle', class: 'label month' }, svg, m.slice(0, 7)) })
  const asOf = months.findIndex((m) => m >= data.as_of)
  if (asOf > 0) {
    el('line', { x1: x(asOf), y1: 10, x2: x(asOf), y2: height - bottom, class: 'as-of' }, svg)
    el('text', { x: x(asOf) + 4, y: 20, class: 'legend' }, svg, 'as of ' + data.as_of)
  }
  el('polyline', { points: series.map((n, i) => x(i) + ',' + y(n)).join(' '), class: 'line' }, svg)
  series.forEach((n, i) => { const dot = el('circle', { cx: x(i), cy: y(n), r: 2.5, class: 'dot', 'data-month': months[i], 'data-count': n }, svg); el('title', {}, dot, months[i] + ': ' + n + ' overdue') })
}
`
