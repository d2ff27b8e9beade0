import type { Diagnostic, SourceDocument } from '../schemas/index.js'
import type { Interpretation } from './interpret/index.js'

/**
 * A person-readable account of an interpretation: each column's role and the synonym or cue that
 * chose it, then each row's class, then the warnings.
 */
export function renderExplanation(interpretation: Interpretation, diagnostics: readonly Diagnostic[], document: SourceDocument | null = null): string {
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
      lines.push(`  table ${t.index + 1}${t.provenance.page ? ` p${t.provenance.page}` : ''}: ${t.detector} (${t.rows.length} rows × ${t.columns} columns)`)
      for (const why of t.because ?? []) lines.push(`    because ${why}`)
    }
    lines.push('')
  }
  lines.push('Columns:')
  for (const { table, roles } of interpretation.columns) {
    lines.push(`  table ${table + 1}:`)
    roles.forEach((r, i) => {
      const why = r.role ? `${r.role}${r.kind ? ` (${r.kind})` : ''} ← ${r.matched ?? ''}` : 'no role → extra'
      lines.push(`    ${i + 1}. "${r.header}": ${why}`)
    })
  }
  lines.push('')
  lines.push('Rows:')
  for (const row of interpretation.rows) {
    const where = `table ${row.table + 1} row ${row.row + 1}${row.page ? ` p${row.page}` : ''}`
    lines.push(`  ${where.padEnd(24)} ${row.class.padEnd(15)} ${row.detail}`)
  }
  if (diagnostics.length) {
    lines.push('')
    lines.push('Warnings:')
    for (const d of diagnostics) lines.push(`  ${d.code}: ${d.message}${d.page ? ` (page ${d.page})` : ''}`)
  }
  return lines.join('\n')
}
