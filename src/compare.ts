import type { Action, Plan, Recommendation } from '../schemas/index.js'
import { dueEnd, isComplete, isOverdue } from './store/plan-filter.js'
import { TAXONOMY } from './themes/taxonomy.js'
import { csvText } from './export/csv-text.js'

/**
 * Plans side by side, grouped by authority, theme or inspectorate: how many recommendations and
 * actions, how far they have got (shares by status_effective, so that a plan rating its actions
 * only by RAG is compared through its key or the default, not shown as "no status"), how many are late on a given date, and how long
 * authorities gave themselves (median days from the plan's date to an action's due date).
 */

export const GROUPINGS = ['authority', 'theme', 'inspectorate'] as const
export type Grouping = (typeof GROUPINGS)[number]

export interface CompareRow {
  group: string
  plans: number
  recommendations: number
  actions: number
  complete: number
  on_track: number
  in_progress: number
  behind: number
  not_started: number
  no_status: number
  /** Actions by RAG as the document states it (letter, word, colour or the document's key). */
  red: number
  amber: number
  green: number
  blue: number
  /** Share of actions with a due date that are overdue on the as-of date (0–1); null when none has a date. */
  overdue: number | null
  /** Actions with a due date, the denominator of `overdue`. */
  dated: number
  /** Median days from the plan's date to the action's due date; null when no action has both. */
  median_days: number | null
}

interface Bucket {
  plans: Set<string>
  recs: Set<string>
  actions: { action: Action; plan: Plan }[]
}

function groupsOf(by: Grouping, plan: Plan, rec: Recommendation, action: Action | null): string[] {
  if (by === 'authority') return plan.authorities.length > 0 ? plan.authorities.map((a) => a.name) : ['(authority unknown)']
  if (by === 'inspectorate') return [plan.inspectorate ?? '(not named)']
  const themes = new Set([...rec.themes, ...(action?.themes ?? [])].map((t) => t.theme))
  return themes.size > 0 ? [...themes] : ['(no theme)']
}

const days = (from: string, to: string): number => (Date.parse(dueEnd(to)) - Date.parse(dueEnd(from))) / 86_400_000

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function comparePlans(plans: Iterable<Plan>, by: Grouping, asOf: string): CompareRow[] {
  const buckets = new Map<string, Bucket>()
  const bucket = (group: string): Bucket => {
    let b = buckets.get(group)
    if (!b) buckets.set(group, (b = { plans: new Set(), recs: new Set(), actions: [] }))
    return b
  }
  for (const plan of plans) {
    for (const rec of plan.recommendations) {
      for (const group of groupsOf(by, plan, rec, null)) {
        bucket(group).plans.add(plan.id)
        bucket(group).recs.add(rec.id)
      }
      // Each source action row is stored once (a shared one under the recommendation it follows), so each counts once.
      for (const action of rec.actions) {
        for (const group of groupsOf(by, plan, rec, action)) {
          bucket(group).plans.add(plan.id)
          bucket(group).actions.push({ action, plan })
        }
      }
    }
  }
  const order = by === 'theme' ? new Map(TAXONOMY.map((t, i) => [t.id, i])) : null
  return [...buckets.entries()]
    .map(([group, b]): CompareRow => {
      const count = (test: (a: Action) => boolean): number => b.actions.filter(({ action }) => test(action)).length
      const dated = b.actions.filter(({ action }) => action.due_date !== null)
      const durations = dated.flatMap(({ action, plan }) => (plan.plan_date ? [days(plan.plan_date, action.due_date!)] : [])).filter((d) => d >= 0)
      return {
        group,
        plans: b.plans.size,
        recommendations: b.recs.size,
        actions: b.actions.length,
        complete: count((a) => isComplete(a)),
        on_track: count((a) => !isComplete(a) && a.status_effective === 'on_track'),
        in_progress: count((a) => !isComplete(a) && a.status_effective === 'in_progress'),
        behind: count((a) => !isComplete(a) && a.status_effective === 'behind'),
        not_started: count((a) => !isComplete(a) && a.status_effective === 'not_started'),
        no_status: count((a) => !isComplete(a) && a.status_effective === null),
        red: count((a) => a.rag === 'red'),
        amber: count((a) => a.rag === 'amber'),
        green: count((a) => a.rag === 'green'),
        blue: count((a) => a.rag === 'blue'),
        overdue: dated.length > 0 ? dated.filter(({ action }) => isOverdue(action, asOf)).length / dated.length : null,
        dated: dated.length,
        median_days: median(durations),
      }
    })
    .sort((a, b) => (order ? (order.get(a.group) ?? 99) - (order.get(b.group) ?? 99) : 0) || b.actions - a.actions || a.group.localeCompare(b.group))
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${Math.round((100 * n) / d)}%`)

/**
 * A table for a terminal or a paper: counts, then shares of the group's actions by status word and
 * by RAG (kept apart, as the documents state them), the share overdue and the median days.
 */
export function renderCompareTable(rows: readonly CompareRow[], by: Grouping, asOf: string): string {
  const label = by === 'theme' ? (id: string) => TAXONOMY.find((t) => t.id === id)?.label ?? id : (g: string) => g
  const header = [by, 'plans', 'recs', 'actions', 'complete', 'on track', 'in progress', 'behind', 'not started', 'no status', 'RAG r/a/g/b %', `overdue at ${asOf}`, 'median days']
  const body = rows.map((r) => [
    label(r.group), String(r.plans), String(r.recommendations), String(r.actions), pct(r.complete, r.actions), pct(r.on_track, r.actions),
    pct(r.in_progress, r.actions), pct(r.behind, r.actions), pct(r.not_started, r.actions), pct(r.no_status, r.actions),
    r.red + r.amber + r.green + r.blue === 0 ? '-' : [r.red, r.amber, r.green, r.blue].map((n) => pct(n, r.actions).replace('%', '')).join('/'),
    r.overdue === null ? '-' : `${Math.round(r.overdue * 100)}% of ${r.dated}`, r.median_days === null ? '-' : String(Math.round(r.median_days)),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

export const COMPARE_FORMATS = ['table', 'csv', 'json'] as const

/** What `actionplan compare` prints: the table for reading, or the rows as CSV or JSON. */
export async function renderCompare(rows: readonly CompareRow[], by: Grouping, asOf: string, format: (typeof COMPARE_FORMATS)[number]): Promise<string> {
  if (format === 'json') return JSON.stringify({ by, as_of: asOf, rows }, null, 2)
  if (format === 'table') return renderCompareTable(rows, by, asOf)
  const headers = Object.keys(rows[0] ?? { group: '' }) as (keyof CompareRow)[]
  return csvText(headers, rows.map((r) => headers.map((h) => r[h])))
}
