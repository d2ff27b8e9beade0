import type { Plan } from '../../schemas/index.js'

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

const words = (t: string): string[] => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean)

/** Word-multiset overlap (Dice): robust to spacing, punctuation and a line broken differently. */
export function similarity(a: string, b: string): number {
  const wa = words(a)
  const wb = words(b)
  if (wa.length === 0 && wb.length === 0) return 1
  const counts = new Map<string, number>()
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1)
  let shared = 0
  for (const w of wb) {
    const n = counts.get(w) ?? 0
    if (n > 0) {
      shared += 1
      counts.set(w, n - 1)
    }
  }
  return (2 * shared) / (wa.length + wb.length)
}

/** Greedy one-to-one matching of items by text similarity ≥ threshold, best pairs first. */
export function matchByText<T, U>(truth: readonly T[], found: readonly U[], textT: (t: T) => string, textU: (u: U) => string, threshold = 0.8): [T, U][] {
  const pairs: { i: number; j: number; s: number }[] = []
  truth.forEach((t, i) => found.forEach((u, j) => {
    const s = similarity(textT(t), textU(u))
    if (s >= threshold) pairs.push({ i, j, s })
  }))
  pairs.sort((a, b) => b.s - a.s)
  const usedT = new Set<number>()
  const usedU = new Set<number>()
  const out: [T, U][] = []
  for (const { i, j } of pairs) {
    if (usedT.has(i) || usedU.has(j)) continue
    usedT.add(i)
    usedU.add(j)
    out.push([truth[i]!, found[j]!])
  }
  return out
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
