import { UsageError } from '../cli-values.js'
import type { PlanSummary } from '../store/index.js'

/** `actionplan list`: one line per stored revision, and plan ids as people type them. */

export function renderPlanList(plans: readonly PlanSummary[]): string[] {
  return plans.map((p) => {
    const authority = p.authority_name ?? 'authority unknown'
    const others = p.renditions.length > 1 ? ` (+${p.renditions.length - 1} other file${p.renditions.length > 2 ? 's' : ''} of the same content)` : ''
    return `${p.id}  ${authority}  ${p.title ?? '(untitled)'}  r${p.revision}  ${p.recommendations} recs / ${p.actions} actions  ${p.source_path}${others}`
  })
}

/**
 * `list --json`. When a row was written is a fact of the run (see `runs`), not of the plan: left
 * out, so the same files give the same list whatever the day.
 */
export function planListJson(plans: readonly PlanSummary[]): string {
  return JSON.stringify(plans.map(({ imported_at: _when, ...plan }) => plan), null, 2)
}

/** An id prefix that names several plans is a mistake to point out, with the plans it names. */
export function checkUnique(plans: readonly PlanSummary[], id: string): void {
  const matches = plans.filter((p) => p.id.startsWith(id))
  if (matches.length < 2 || matches.some((p) => p.id === id)) return
  const lines = matches.map((p) => `  ${p.id}  ${p.authority_name ?? 'authority unknown'}  ${p.title ?? '(untitled)'}  r${p.revision}`)
  throw new UsageError([`plan id "${id}" matches ${matches.length} plans; give more of the id:`, ...lines].join('\n'))
}

/** A plan id (or prefix) that names no stored plan. */
export const noSuchPlan = (id: string): UsageError => new UsageError(`no plan ${id}; \`actionplan list\` shows the ids`)
