import type { Action, Plan, Recommendation } from '../../schemas/index.js'

export interface PlanFilter {
  /** An authority's name (any part of it, any case) or its GSS code; several: any of them. */
  authority?: string | readonly string[]
  /** An action status (complete, on_track, …; as stated or status_effective) or RAG colour (red, amber, …); several: any of them. */
  status?: string | readonly string[]
  /** A theme id (supervision, care-leavers, …) of the action or of its recommendation; several: any of them. */
  theme?: string | readonly string[]
  /** Actions due before / after this ISO date (a due month or year counts as its last day). */
  dueBefore?: string
  dueAfter?: string
  /** Actions overdue on this ISO date: due before it and not complete. */
  overdueAsOf?: string
  allRevisions?: boolean
}

/** The last day a reduced-precision ISO date stands for: 2012 → 2012-12-31, 2012-02 → 2012-02-29. */
export function dueEnd(iso: string): string {
  if (/^\d{4}$/.test(iso)) return `${iso}-12-31`
  if (/^\d{4}-\d{2}$/.test(iso)) {
    const [y, m] = iso.split('-').map(Number) as [number, number]
    return `${iso}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
  }
  return iso
}

export const isComplete = (a: Pick<Action, 'status' | 'rag' | 'status_effective'>): boolean => a.status === 'complete' || a.status_effective === 'complete' || a.rag === 'blue'

export function isOverdue(a: Pick<Action, 'status' | 'rag' | 'status_effective' | 'due_date'>, asOf: string): boolean {
  return a.due_date !== null && dueEnd(a.due_date) < asOf && !isComplete(a)
}

/** A repeated filter is an OR of its values; none given (or an empty list) keeps everything. */
const values = (value: string | readonly string[] | undefined): readonly string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : value)

export const normaliseStatus = (status: string): string => status.trim().toLowerCase().replace(/[\s-]+/g, '_')

/** The plan's authorities include one that `wanted` names: its GSS code, or any part of its name, in any case. */
export function authorityMatches(authorities: readonly Plan['authorities'][number][], wanted: string): boolean {
  const w = wanted.trim().toLowerCase()
  return authorities.some((a) => a.code?.toLowerCase() === w || a.name.toLowerCase().includes(w))
}

function keepsAction(action: Action, rec: Recommendation, filter: PlanFilter): boolean {
  const statuses = values(filter.status).map(normaliseStatus)
  if (statuses.length > 0 && !statuses.some((s) => action.status === s || action.status_effective === s || action.rag === s)) return false
  const themes = values(filter.theme)
  if (themes.length > 0 && ![...action.themes, ...rec.themes].some((t) => themes.includes(t.theme))) return false
  if (filter.dueBefore && !(action.due_date && dueEnd(action.due_date) < filter.dueBefore)) return false
  if (filter.dueAfter && !(action.due_date && dueEnd(action.due_date) > filter.dueAfter)) return false
  if (filter.overdueAsOf && !isOverdue(action, filter.overdueAsOf)) return false
  return true
}

/**
 * Keeps the plan when its authorities match, and within it only the actions that pass the action
 * filters; a recommendation left with no action is dropped. Null when nothing is left.
 */
export function filterPlan(plan: Plan, filter: PlanFilter): Plan | null {
  const authorities = values(filter.authority)
  if (authorities.length > 0 && !authorities.some((wanted) => authorityMatches(plan.authorities, wanted))) return null
  if (values(filter.status).length === 0 && values(filter.theme).length === 0 && !filter.dueBefore && !filter.dueAfter && !filter.overdueAsOf) return plan
  const recommendations = plan.recommendations
    .map((rec) => ({ ...rec, actions: rec.actions.filter((a) => keepsAction(a, rec, filter)) }))
    .filter((rec) => rec.actions.length > 0)
  return recommendations.length > 0 ? { ...plan, recommendations } : null
}
