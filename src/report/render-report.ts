import type { Plan } from '../../schemas/index.js'
import { CLIENT_SCRIPT } from './client-script.js'
import { reportData } from './report-data.js'

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const STYLE = `
* { box-sizing: border-box }
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px 24px; color: #222; max-width: 1300px }
h1 { font-size: 22px } h2 { font-size: 17px; margin: 24px 0 8px }
svg { width: 100%; height: auto; display: block }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 8px 32px }
.pair > * { min-width: 0 }
.label, .legend { font-size: 11px; fill: #333 } .total { fill: #555 } .count { font-size: 10px; fill: #123 } .count.light { fill: #fff }
.axis { stroke: #888 } .as-of { stroke: #888; stroke-dasharray: 4 3 } .line { fill: none; stroke: #c03030; stroke-width: 2 } .dot { fill: #c03030 }
.controls { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; align-items: center }
.controls input[type=search] { flex: 1 1 220px; min-width: 0 }
.controls select { max-width: 100% }
table { border-collapse: collapse; width: 100%; font-size: 12px }
th, td { border-bottom: 1px solid #ddd; padding: 4px 5px; text-align: left; vertical-align: top; overflow-wrap: break-word }
th { background: #f2f2f2; position: sticky; top: 0 }
th button { all: unset; cursor: pointer; font-weight: 600 } th button:focus-visible { outline: 2px solid #0070c0 }
th[aria-sort=ascending] button::after { content: ' ▲'; font-size: 9px } th[aria-sort=descending] button::after { content: ' ▼'; font-size: 9px }
tr.overdue td.col-due { color: #c03030; font-weight: 600 }
td.col-action { min-width: 14em } td.col-source { font-size: 11px; overflow-wrap: anywhere; min-width: 8em } td.col-status { min-width: 5.5em }
.note { color: #555; font-size: 12px }
/* Narrow windows: long words (refs written out, authority names) may break so that the table fits. */
@media (max-width: 900px) { body { margin: 12px } td.col-action { min-width: 10em } td { overflow-wrap: anywhere } td.col-status, td.col-rag { overflow-wrap: normal } }
`

/**
 * One self-contained HTML file (no network, no external files): the data as JSON in the page,
 * four charts drawn by the inline script, and a searchable, sortable table whose rows link to their
 * source. `reportPath` is where the file will be written, for the links; `renditions` the HTML
 * copies of Word sources written beside it (write-report.ts).
 */
export function renderReport(plans: Iterable<Plan>, options: { asOf: string; reportPath: string; renditions?: ReadonlyMap<string, string> }): string {
  const data = reportData(plans, options.asOf, options.reportPath, options.renditions)
  // "</script" inside the JSON would end the script element early.
  const json = JSON.stringify(data).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inspection action plans: ${data.plans} plans, ${data.actions.length} actions</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Inspection action plans</h1>
<p class="note">${data.plans} plans, ${data.actions.length} actions; overdue as of ${esc(data.as_of)}; generated ${esc(data.generated)} by actionplan.
Status is as each plan states it, or derived from its RAG rating where the plan states only RAG; an action is overdue when its due date (a month counts as its last day) is before ${esc(data.as_of)} and it is not complete.</p>
<div class="pair">
<section><h2>Status by authority</h2>
<svg id="chart-status" role="img" aria-label="Status of actions by authority"></svg></section>
<section><h2>RAG rating by authority</h2>
<svg id="chart-rag" role="img" aria-label="RAG rating of actions by authority"></svg></section>
</div>
<h2>Themes by authority (number of actions)</h2>
<svg id="chart-themes" role="img" aria-label="Themes by authority heat map"></svg>
<h2>Overdue actions over the plans' period</h2>
<p class="note">At the end of each month from the plans' first date to their last due date: actions due before it that are not complete as the plans now stand.</p>
<svg id="chart-overdue" role="img" aria-label="Overdue actions at the end of each month"></svg>
<h2>Actions</h2>
<div class="controls">
<input id="filter" type="search" placeholder="Search (supervise finds supervision)…" aria-label="Search">
<select id="authority" aria-label="Authority"><option value="">All authorities</option></select>
<select id="status" aria-label="Status"><option value="">Any status</option><option value="complete">Complete</option><option value="on_track">On track</option><option value="in_progress">In progress</option><option value="behind">Behind</option><option value="not_started">Not started</option><option value="overdue">Overdue</option></select>
<button id="download" type="button">Download these rows (CSV)</button>
<span id="shown" class="note"></span>
</div>
<p class="note">Click a column heading to sort by it. Each row links to its source: a PDF at its page, a Word file (as HTML) at its row.</p>
<table id="actions">
<thead><tr></tr></thead>
<tbody></tbody>
</table>
<script id="report-data" type="application/json">${json}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`
}
