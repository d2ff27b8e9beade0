import { relative, dirname, resolve } from 'node:path'
import type { Action, Plan, Status } from '../../schemas/index.js'
import { dueEnd, isComplete, isOverdue } from '../store/plan-filter.js'
import { TAXONOMY } from '../themes/taxonomy.js'
import { rowAnchor } from './word-rendition.js'

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
  /** Status as the plan states it. */
  status_stated: string
  /** The status the charts count: status_effective where the store derived one (from RAG), else as stated. */
  status: string
  rag: string
  progress: string
  themes: string[]
  complete: boolean
  overdue: boolean
  /**
   * Link to the source, relative to the report: a PDF at its page (#page=, which PDF viewers
   * follow), a Word file's HTML rendition at the row's anchor, any other file as it is.
   */
  href: string
  where: string
}

export interface ReportData {
  as_of: string
  /** The plans' own period, for the overdue chart: the earliest plan date or due date to the last due date. */
  period: { start: string; end: string } | null
  generated: string
  plans: number
  actions: ReportAction[]
  /** Theme ids to their labels (src/themes/taxonomy.ts). */
  theme_labels: Record<string, string>
}

/** status_effective comes with the data-model work of issue 15; older stores have only status. */
const effectiveStatus = (a: Action): Status => (a as Action & { status_effective?: Status }).status_effective ?? a.status

const relativeLink = (reportPath: string, target: string): string =>
  encodeURI(relative(dirname(resolve(reportPath)), resolve(target)).split('\\').join('/'))

function sourceLink(plan: Plan, a: Action, reportPath: string, renditions: ReadonlyMap<string, string>): { href: string; where: string } {
  const { page, table, row } = a.provenance
  const path = plan.source.path
  if (path === '-') return { href: '', where: '(standard input)' }
  const rendition = renditions.get(plan.source.sha256)
  if (rendition) {
    const at = table !== null && row !== null ? rowAnchor(table, row) : ''
    return { href: `${relativeLink(reportPath, rendition)}${at ? `#${at}` : ''}`, where: `${path}${at ? `, table ${table! + 1} row ${row! + 1}` : ''}` }
  }
  return { href: `${relativeLink(reportPath, path)}${page ? `#page=${page}` : ''}`, where: `${path}${page ? `, page ${page}` : ''}` }
}

/** Month precision is enough for a period; a bare year starts in January. */
const startOf = (iso: string): string => (iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso)

/**
 * The plans flattened to the rows the report shows, each action once (shared actions too).
 * `renditions` maps a Word source's SHA-256 to the HTML copy written of it (write-report.ts).
 */
export function reportData(plans: Iterable<Plan>, asOf: string, reportPath: string, renditions: ReadonlyMap<string, string> = new Map()): ReportData {
  const actions: ReportAction[] = []
  const starts: string[] = []
  let count = 0
  for (const plan of plans) {
    count += 1
    if (plan.plan_date) starts.push(startOf(plan.plan_date))
    const authority = plan.authorities.map((a) => a.name).join(' & ') || '(authority unknown)'
    const seen = new Set<string>()
    for (const rec of plan.recommendations) {
      for (const a of rec.actions) {
        const key = `${a.provenance.table}:${a.provenance.row}:${a.text}`
        if (seen.has(key)) continue
        seen.add(key)
        if (a.due_date) starts.push(startOf(a.due_date))
        const complete = isComplete(a) || effectiveStatus(a) === 'complete'
        actions.push({
          authority,
          plan: plan.title ?? '(untitled)',
          ref: rec.ref ?? '',
          recommendation: rec.text,
          action: a.text,
          leads: a.leads.join('; '),
          due: a.due_raw ?? '',
          due_end: a.due_date ? dueEnd(a.due_date) : null,
          status_stated: a.status ?? '',
          status: effectiveStatus(a) ?? '',
          rag: a.rag ?? '',
          progress: a.progress ?? '',
          themes: [...new Set([...a.themes, ...rec.themes].map((t) => t.theme))],
          complete,
          overdue: isOverdue(a, asOf) && !complete,
          ...sourceLink(plan, a, reportPath, renditions),
        })
      }
    }
  }
  const theme_labels = Object.fromEntries(TAXONOMY.map((t) => [t.id, t.label]))
  const ends = actions.flatMap((a) => (a.due_end ? [a.due_end] : [])).sort()
  const period = ends.length > 0 ? { start: [...starts].sort()[0]!, end: ends[ends.length - 1]! } : null
  return { as_of: asOf, period, generated: new Date().toISOString().slice(0, 10), plans: count, actions, theme_labels }
}
