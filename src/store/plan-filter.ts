import type { Plan } from '../../schemas/index.js'

export interface PlanFilter {
  /** An authority's name (any part of it, any case) or its GSS code. */
  authority?: string
  /** An action status (complete, on_track, …) or RAG colour (red, amber, …). */
  status?: string
  allRevisions?: boolean
}

/**
 * Keeps the plan when its authorities match, and within it only the actions whose status or RAG
 * matches; a recommendation left with no matching action is dropped. Null when nothing is left.
 */
export function filterPlan(plan: Plan, filter: PlanFilter): Plan | null {
  if (filter.authority) {
    const wanted = filter.authority.trim().toLowerCase()
    const matches = plan.authorities.some((a) => a.code?.toLowerCase() === wanted || a.name.toLowerCase().includes(wanted))
    if (!matches) return null
  }
  if (!filter.status) return plan
  const status = filter.status.trim().toLowerCase().replace(/[\s-]+/g, '_')
  const recommendations = plan.recommendations
    .map((rec) => ({ ...rec, actions: rec.actions.filter((a) => a.status === status || a.rag === status) }))
    .filter((rec) => rec.actions.length > 0)
  return recommendations.length > 0 ? { ...plan, recommendations } : null
}
