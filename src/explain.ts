import type { Diagnostic } from '../schemas/index.js'
import type { Interpretation } from './interpret/index.js'

/**
 * A person-readable account of an interpretation: each column's role and the synonym or cue that
 * chose it, then each row's class, then the warnings.
 */
export function renderExplanation(interpretation: Interpretation, diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = []
  const { plan } = interpretation
  lines.push(`Plan: ${plan.title ?? '(untitled)'}`)
  lines.push(`Authorities: ${plan.authorities.map((a) => `${a.name} (${a.code ?? 'no code'})`).join(', ') || 'none found'}`)
  lines.push(`Inspectorate: ${plan.inspectorate ?? 'none found'}; date: ${plan.plan_date ?? 'none found'}; coverage ${(plan.coverage * 100).toFixed(1)}%`)
  lines.push('')
  lines.push('Columns:')
  for (const { table, roles } of interpretation.columns) {
    lines.push(`  table ${table + 1}:`)
    roles.forEach((r, i) => {
      const why = r.role ? `${r.role}${r.kind ? ` (${r.kind})` : ''} ← ${r.matched ?? ''}` : 'no role → extra'
      lines.push(`    ${i + 1}. "${r.header}": ${why}${r.agency ? ` [group ${r.agency}]` : ''}`)
      // The evidence weighed for the column: the winner and the runner-up, with their scores.
      const [winner, runnerUp] = r.evidence ?? []
      if (winner) lines.push(`         winner ${winner.role ?? 'none'} ${winner.score.toFixed(1)}: ${winner.because.join('; ')}`)
      if (runnerUp) lines.push(`         runner-up ${runnerUp.role ?? 'none'} ${runnerUp.score.toFixed(1)}: ${runnerUp.because.join('; ')}`)
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
