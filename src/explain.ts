import type { Diagnostic, SourceDocument } from '../schemas/index.js'
import type { Interpretation } from './interpret/index.js'

/**
 * The sheet of each table and row of a spreadsheet (in place of the page), by "table" and
 * "table:row": a table joined from several sheets keeps each row's own.
 */
function sheetsOf(document: SourceDocument | undefined): Map<string, string> {
  const sheets = new Map<string, string>()
  for (const block of document?.blocks ?? []) {
    if (block.kind !== 'table' || block.provenance.sheet === undefined) continue
    sheets.set(`${block.index}`, block.provenance.sheet)
    block.rows.forEach((row, r) => sheets.set(`${block.index}:${r}`, row.cells[0]?.provenance.sheet ?? block.provenance.sheet!))
  }
  return sheets
}

/**
 * A person-readable account of an interpretation: each column's role and the synonym or cue that
 * chose it, then each row's class, then the warnings. With the document, a spreadsheet's rows
 * name their sheet.
 */
export function renderExplanation(interpretation: Interpretation, diagnostics: readonly Diagnostic[], document?: SourceDocument): string {
  const sheets = sheetsOf(document)
  const lines: string[] = []
  const { plan } = interpretation
  lines.push(`Plan: ${plan.title ?? '(untitled)'}`)
  lines.push(`Authorities: ${plan.authorities.map((a) => `${a.name} (${a.code ?? 'no code'})`).join(', ') || 'none found'}`)
  lines.push(`Inspectorate: ${plan.inspectorate ?? 'none found'}; date: ${plan.plan_date ?? 'none found'}; coverage ${(plan.coverage * 100).toFixed(1)}%`)
  lines.push('')
  // Which PDF detector read each table, and on what evidence.
  const found = (document?.blocks ?? []).flatMap((b) => (b.kind === 'table' && b.detector ? [b] : []))
  if (found.length > 0) {
    lines.push('Tables:')
    for (const t of found) {
      lines.push(`  table ${t.index}${t.provenance.page ? ` p${t.provenance.page}` : ''}: ${t.detector} (${t.rows.length} rows × ${t.columns} columns)`)
      for (const why of t.because ?? []) lines.push(`    because ${why}`)
    }
    lines.push('')
  }
    // Tables and rows from 0, as `actionplan tables` prints them and each record's provenance has them.
  lines.push('Columns (tables and rows numbered from 0, as in `actionplan tables` and provenance):')
  for (const { table, roles } of interpretation.columns) {
    lines.push(`  table ${table}${sheets.has(`${table}`) ? ` (sheet "${sheets.get(`${table}`)}")` : ''}:`)
    roles.forEach((r, i) => {
      const why = r.role ? `${r.role}${r.kind ? ` (${r.kind})` : ''} ← ${r.matched ?? ''}` : 'no role → extra'
      lines.push(`    col ${i} "${r.header}": ${why}${r.agency ? ` [group ${r.agency}]` : ''}`)
      // The evidence weighed for the column: the winner and the runner-up, with their scores.
      const [winner, runnerUp] = r.evidence ?? []
      if (winner) lines.push(`         winner ${winner.role ?? 'none'} ${winner.score.toFixed(1)}: ${winner.because.join('; ')}`)
      if (runnerUp) lines.push(`         runner-up ${runnerUp.role ?? 'none'} ${runnerUp.score.toFixed(1)}: ${runnerUp.because.join('; ')}`)
    })
  }
  lines.push('')
  lines.push('Rows:')
  for (const row of interpretation.rows) {
    const sheet = sheets.get(`${row.table}:${row.row}`)
    const where = `table ${row.table} row ${row.row}${sheet !== undefined ? ` "${sheet}"` : row.page ? ` p${row.page}` : ''}`
    lines.push(`  ${where.padEnd(24)} ${row.class.padEnd(15)} ${row.detail}`)
  }
  if (diagnostics.length) {
    lines.push('')
    lines.push('Warnings:')
    for (const d of diagnostics) lines.push(`  ${d.code}: ${d.message}${d.page ? ` (page ${d.page})` : ''}`)
  }
  return lines.join('\n')
}
