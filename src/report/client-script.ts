import { CLIENT_CHARTS } from './client-charts.js'
import { CLIENT_TABLE } from './client-table.js'
import { porterStem, searchTokens } from './porter.js'

/**
 * The report's own script, inlined into the HTML so that it works offline from one file. Plain
 * browser JavaScript (no libraries), kept as text because the project compiles for Node, not the
 * DOM. The search words come from the same functions the tests check against SQLite (porter.ts),
 * inlined as their compiled source.
 */
export const CLIENT_SCRIPT = `
'use strict'
const data = JSON.parse(document.getElementById('report-data').textContent)
${searchTokens.toString()}
${porterStem.toString()}
${CLIENT_CHARTS}
${CLIENT_TABLE}
stackedBars(document.getElementById('chart-status'), STATUS, statusOf, 'Status')
stackedBars(document.getElementById('chart-rag'), RAG, (a) => a.rag, 'RAG rating')
themeHeatMap(document.getElementById('chart-themes'))
overdueOverTime(document.getElementById('chart-overdue'))
table()
document.body.dataset.ready = 'true'
`
