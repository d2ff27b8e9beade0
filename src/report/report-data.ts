import { relative, dirname, resolve } from 'node:path'
import type { Plan } from '../../schemas/index.js'
import { dueEnd, isComplete, isOverdue } from '../store/plan-filter.js'
import { TAXONOMY } from '../themes/taxonomy.js'

/** One row of the report's table, and the unit every chart counts. */
export interface ReportAction {
  authority: string
  plan: string
  ref: string
  recommendation: string
  action: string
  leads: string
  due: string
  due_end: string | null
  status: string
  rag: string
  themes: string[]
  complete: boolean
  overdue: boolean
  /** Link to the source file (relative to the report) and its page, for a PDF viewer's #page=. */
  href: string
  where: string
}

export interface ReportData {
  as_of: string
  generated: string
  plans: number
  actions: ReportAction[]
  /** Theme ids to their labels (src/themes/taxonomy.ts). */
  theme_labels: Record<string, string>
}

/** The plans flattened to the rows the report shows, each action once (shared actions too). */
export function reportData(plans: Iterable<Plan>, asOf: string, reportPath: string): ReportData {
  const actions: ReportAction[] = []
  let count = 0
  for (const plan of plans) {
    count += 1
    const authority = plan.authorities.map((a) => a.name).join(' & ') || '(authority unknown)'
    const seen = new Set<string>()
    for (const rec of plan.recommendations) {
      for (const a of rec.actions) {
        const key = `${a.provenance.table}:${a.provenance.row}:${a.text}`
        if (seen.has(key)) continue
        seen.add(key)
        const page = a.provenance.page
        const file = plan.source.path === '-' ? '' : relative(dirname(resolve(reportPath)), resolve(plan.source.path)).split('\\').join('/')
        actions.push({
          authority,
          plan: plan.title ?? '(untitled)',
          ref: rec.ref ?? '',
          recommendation: rec.text,
          action: a.text,
          leads: a.leads.join('; '),
          due: a.due_raw ?? '',
          due_end: a.due_date ? dueEnd(a.due_date) : null,
          status: a.status ?? '',
          rag: a.rag ?? '',
          themes: [...new Set([...a.themes, ...rec.themes].map((t) => t.theme))],
          complete: isComplete(a),
          overdue: isOverdue(a, asOf),
          href: file ? `${encodeURI(file)}${page ? `#page=${page}` : ''}` : '',
          where: `${plan.source.path}${page ? `, page ${page}` : ''}`,
        })
      }
    }
  }
  const theme_labels = Object.fromEntries(TAXONOMY.map((t) => [t.id, t.label]))
  return { as_of: asOf, generated: new Date().toISOString().slice(0, 10), plans: count, actions, theme_labels }
}
