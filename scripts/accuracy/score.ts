import type { Plan } from '../../schemas/index.js'
import { matchByText } from '../../src/match-text.js'

export { matchByText, similarity } from '../../src/match-text.js'

/**
 * Scores a plan against ground truth: precision and recall of recommendations and of actions
 * (matched by text), and the accuracy of lead, due date, status and RAG over matched actions.
 */

export interface TruthAction {
  text: string
  leads: string[]
  due_date: string | null
  status: string | null
  rag: string | null
}

export interface Truth {
  recommendations: { ref: string | null; text: string; actions: TruthAction[] }[]
}

export interface Score {
  recommendations: { truth: number; found: number; matched: number }
  actions: { truth: number; found: number; matched: number }
  fields: Record<'lead' | 'due_date' | 'status' | 'rag', { correct: number; total: number }>
}

const sameLeads = (truth: string[], found: string[]): boolean => {
  const norm = (xs: string[]): string => xs.map((x) => x.toLowerCase().replace(/\s*\([^)]*\)\s*/g, '').trim()).sort().join('|')
  return norm(truth) === norm(found)
}

export function scorePlan(truth: Truth, plan: Plan): Score {
  // Actions are scored per recommendation pair when the recommendation matched, else globally:
  // an action under the wrong recommendation still counts as found, but only once.
  const recPairs = matchByText(truth.recommendations, plan.recommendations, (t) => t.text, (p) => p.text)
  const truthActions = truth.recommendations.flatMap((r) => r.actions)
  const seen = new Set<string>()
  const foundActions = plan.recommendations.flatMap((r) => r.actions).filter((a) => {
    // Actions shared by consecutive recommendations are listed under each: count each source row once.
    const key = `${a.provenance.table}:${a.provenance.row}:${a.text}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const truthUnique = truthActions.filter((a, i) => truthActions.findIndex((b) => b.text === a.text && b.due_date === a.due_date) === i)
  const actionPairs = matchByText(truthUnique, foundActions, (t) => t.text, (p) => p.text)
  const fields: Score['fields'] = { lead: { correct: 0, total: 0 }, due_date: { correct: 0, total: 0 }, status: { correct: 0, total: 0 }, rag: { correct: 0, total: 0 } }
  for (const [t, f] of actionPairs) {
    fields.lead.total += 1
    if (sameLeads(t.leads, f.leads)) fields.lead.correct += 1
    fields.due_date.total += 1
    if (t.due_date === f.due_date) fields.due_date.correct += 1
    fields.status.total += 1
    if (t.status === f.status) fields.status.correct += 1
    fields.rag.total += 1
    if (t.rag === f.rag) fields.rag.correct += 1
  }
  return {
    recommendations: { truth: truth.recommendations.length, found: plan.recommendations.length, matched: recPairs.length },
    actions: { truth: truthUnique.length, found: foundActions.length, matched: actionPairs.length },
    fields,
  }
}

/** Truth from a reviewed golden export: what a person checked, in the scorer's shape. */
export function truthFromPlan(plan: Plan): Truth {
  return {
    recommendations: plan.recommendations.map((r) => ({
      ref: r.ref,
      text: r.text,
      actions: r.actions.map((a) => ({ text: a.text, leads: a.leads, due_date: a.due_date, status: a.status, rag: a.rag })),
    })),
  }
}
