import type { Plan } from '../../schemas/index.js'
import { CLIENT_SCRIPT } from './client-script.js'
import { reportData } from './report-data.js'

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; max-width: 1200px }
h1 { font-size: 22px } h2 { font-size: 17px; margin-top: 28px }
svg { width: 100%; height: auto; max-width: 900px; display: block }
.label, .legend { font-size: 11px; fill: #333 } .count { font-size: 10px; fill: #123 } .count.light { fill: #fff }
.axis { stroke: #888 } .line { fill: none; stroke: #c03030; stroke-width: 2 } .dot { fill: #c03030 }
.controls { display: flex; gap: 8px; margin: 8px 0; align-items: center }
table { border-collapse: collapse; width: 100%; font-size: 12px }
th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top }
th { background: #f2f2f2; position: sticky; top: 0 } tr.overdue td:nth-child(5) { color: #c03030; font-weight: 600 }
.note { color: #555; font-size: 12px }
`

/**
 * One self-contained HTML file (no network, no external files): the data as JSON in the page,
 * three charts drawn by the inline script, and a searchable table whose rows link to their source
 * file and page. `reportPath` is where the file will be written, for the links.
 */
export function renderReport(plans: Iterable<Plan>, options: { asOf: string; reportPath: string }): string {
  const data = reportData(plans, options.asOf, options.reportPath)
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
Status is as each plan states it; an action is overdue when its due date (a month counts as its last day) is before ${esc(data.as_of)} and it is not complete.</p>
<h2>Status by authority</h2>
<svg id="chart-status" role="img" aria-label="Status of actions by authority"></svg>
<h2>Themes by authority (number of actions)</h2>
<svg id="chart-themes" role="img" aria-label="Themes by authority heat map"></svg>
<h2>Overdue actions over time</h2>
<svg id="chart-overdue" role="img" aria-label="Overdue actions at the end of each month"></svg>
<h2>Actions</h2>
<div class="controls">
<input id="filter" type="search" placeholder="Search actions, leads, themes…" size="40" aria-label="Search">
<select id="authority" aria-label="Authority"><option value="">All authorities</option></select>
<select id="status" aria-label="Status"><option value="">Any status</option><option value="complete">Complete</option><option value="on_track">On track</option><option value="in_progress">In progress</option><option value="behind">Behind</option><option value="not_started">Not started</option><option value="overdue">Overdue</option></select>
<span id="shown" class="note"></span>
</div>
<table id="actions">
<thead><tr><th>Authority</th><th>Ref</th><th>Action</th><th>Leads</th><th>Due</th><th>Status</th><th>RAG</th><th>Themes</th><th>Source</th></tr></thead>
<tbody></tbody>
</table>
<script id="report-data" type="application/json">${json}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`
}
