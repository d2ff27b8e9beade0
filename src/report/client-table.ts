/**
 * The report's table, as browser JavaScript inlined into the page (see client-script.ts): rows
 * filtered by stemmed words (searchTokens, the CLI's FTS5 stemming), authority and status; columns
 * sorted by a click on their heading; the rows shown downloaded as CSV.
 */
export const CLIENT_TABLE = String.raw`
const COLUMNS = [
  ['authority', 'Authority', (a) => a.authority],
  ['ref', 'Ref', (a) => a.ref],
  ['action', 'Action', (a) => a.action],
  ['leads', 'Leads', (a) => a.leads],
  ['due', 'Due', (a) => a.due],
  ['status', 'Status', (a) => (a.complete ? 'complete' : a.status).replace(/_/g, ' ')],
  ['rag', 'RAG', (a) => a.rag],
  ['themes', 'Themes', (a) => a.themes.map((t) => data.theme_labels[t] || t).join(', ')],
  ['source', 'Source', (a) => a.where],
]
// What a column sorts by: the due date's last day (undated last), refs as numbers (1.10 after 1.9).
const SORT_KEY = { due: (a) => a.due_end || '9999', source: (a) => a.where }
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

// The query's words as the CLI takes them, each a phrase of stemmed tokens.
function queryPhrases(text) {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'&-]*/gu) || []).map(searchTokens).filter((p) => p.length > 0)
}
function hasPhrase(tokens, phrase) {
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((t, j) => tokens[i + j] === t)) return true
  }
  return false
}

function csvField(value) {
  const s = String(value)
  return /[",\r\n]/.test(s) || s !== s.trim() ? '"' + s.replace(/"/g, '""') + '"' : s
}
const CSV_COLUMNS = [
  ['authority', (a) => a.authority], ['plan', (a) => a.plan], ['ref', (a) => a.ref], ['recommendation', (a) => a.recommendation],
  ['action', (a) => a.action], ['leads', (a) => a.leads], ['due', (a) => a.due], ['due_by', (a) => a.due_end || ''],
  ['status', (a) => a.status_stated], ['status_effective', (a) => (a.complete ? 'complete' : a.status)], ['rag', (a) => a.rag],
  ['overdue', (a) => (a.overdue ? 'yes' : '')], ['progress', (a) => a.progress], ['themes', (a) => a.themes.join('; ')],
  ['source', (a) => a.where], ['link', (a) => a.href],
]
function toCsv(actions) {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')]
  for (const a of actions) lines.push(CSV_COLUMNS.map(([, get]) => csvField(get(a))).join(','))
  return lines.join('\r\n') + '\r\n'
}

function table() {
  const head = document.querySelector('#actions thead tr')
  const body = document.querySelector('#actions tbody')
  const filter = document.getElementById('filter')
  const authority = document.getElementById('authority')
  const status = document.getElementById('status')
  const shown = document.getElementById('shown')
  const download = document.getElementById('download')
  for (const au of authoritiesOf(data.actions)) {
    const o = document.createElement('option'); o.value = au; o.textContent = au; authority.appendChild(o)
  }
  let rows = data.actions.map((a, index) => {
    const tr = document.createElement('tr')
    COLUMNS.forEach(([key, , get]) => {
      const td = document.createElement('td')
      td.className = 'col-' + key
      if (key === 'source' && a.href) { const link = document.createElement('a'); link.href = a.href; link.textContent = a.where; td.appendChild(link) } else td.textContent = get(a)
      tr.appendChild(td)
    })
    if (a.overdue) tr.className = 'overdue'
    tr.dataset.dueBy = a.due_end || ''
    tr.dataset.index = index
    const text = [a.authority, a.ref, a.recommendation, a.action, a.leads, a.due, a.progress, a.status, a.rag, a.themes.map((t) => data.theme_labels[t] || t).join(' '), a.where].join(' ')
    return { tr, a, index, tokens: searchTokens(text) }
  })
  let visible = rows
  const apply = () => {
    const phrases = queryPhrases(filter.value)
    visible = []
    for (const row of rows) {
      const a = row.a
      const ok = phrases.every((p) => hasPhrase(row.tokens, p)) && (!authority.value || a.authority === authority.value) && (!status.value || statusOf(a) === status.value || (status.value === 'overdue' && a.overdue))
      row.tr.hidden = !ok
      if (ok) visible.push(row)
    }
    shown.textContent = visible.length + ' of ' + rows.length + ' actions'
    download.disabled = visible.length === 0
  }
  // Sorting: a click on a heading sorts by it, a second click reverses; ties keep the plans' order.
  let sortKey = null, sortDir = 1
  const sortBy = (key) => {
    sortDir = key === sortKey ? -sortDir : 1
    sortKey = key
    const get = SORT_KEY[key] || COLUMNS.find(([k]) => k === key)[2]
    rows = [...rows].sort((x, y) => sortDir * collator.compare(get(x.a), get(y.a)) || x.index - y.index)
    for (const row of rows) body.appendChild(row.tr)
    for (const th of head.children) th.setAttribute('aria-sort', th.dataset.key === key ? (sortDir === 1 ? 'ascending' : 'descending') : 'none')
    apply()
  }
  COLUMNS.forEach(([key, label]) => {
    const th = document.createElement('th')
    th.dataset.key = key
    th.className = 'col-' + key
    th.setAttribute('aria-sort', 'none')
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = label
    button.addEventListener('click', () => sortBy(key))
    th.appendChild(button)
    head.appendChild(th)
  })
  for (const row of rows) body.appendChild(row.tr)
  // The rows shown, in the order shown, as a CSV file made in the page (nothing leaves it).
  download.addEventListener('click', () => {
    const blob = new Blob(['\ufeff' + toCsv(visible.map((r) => r.a))], { type: 'text/csv;charset=utf-8' })
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = 'actions.csv'
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(link.href), 10000)
  })
  for (const input of [filter, authority, status]) input.addEventListener('input', apply)
  apply()
}
`
