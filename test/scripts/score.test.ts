import { describe, expect, it } from 'vitest'
import type { Plan } from '../../schemas/index.js'
import { matchByText, scorePlan, similarity, truthFromPlan, type Truth } from '../../scripts/accuracy/score.js'

const action = (text: string, extra: Partial<Plan['recommendations'][number]['actions'][number]> = {}) => ({
  id: 'a', ref: null, text, leads: ['Ann Lee'], lead_raw: 'Ann Lee', organisations: [], due_date: '2013-03', due_raw: 'Mar-13', status: 'complete' as const,
  rag: null, rag_source: null, status_effective: 'complete' as const, status_source: 'stated' as const, status_raw: 'Complete', progress: null, success_criteria: null, evidence: null, impact: null, timeframe: null, also_answers: [], extra: {},
  provenance: { page: 1, table: 0, row: Math.floor(Math.random() * 1e9) }, milestones: [], ...extra,
})

const plan = (recs: { text: string; actions: ReturnType<typeof action>[] }[]): Plan => ({
  id: 'p', title: null, authority: null, authorities: [], inspectorate: null, plan_date: null, revision: 1,
  source: { path: 'x', sha256: 'c'.repeat(64), format: 'text', pages: null }, keys: { personnel: [], organisations: [], rag: [] }, notes: [], coverage: 1,
  recommendations: recs.map((r, i) => ({ id: `r${i}`, ref: null, text: r.text, theme: null, timeframe: null, organisations: [], shares_actions_with: [], themes: [], extra: {}, provenance: { page: 1, table: 0, row: i }, actions: r.actions.map((a) => ({ themes: [], ...a })) })),
})

describe('accuracy scoring', () => {
  it('matches texts regardless of punctuation and spacing', () => {
    expect(similarity('Audit the files.', 'audit  the files')).toBe(1)
    expect(similarity('Audit the files', 'Train the staff')).toBeLessThan(0.5)
    expect(matchByText(['a b c', 'd e f'], ['d e f', 'x y z'], (t) => t, (t) => t)).toEqual([['d e f', 'd e f']])
  })

  it('scores a perfect plan as perfect and a wrong field as wrong', () => {
    const truePlan = plan([{ text: 'Improve recording', actions: [action('Audit the files'), action('Train staff')] }])
    const truth: Truth = truthFromPlan(truePlan)
    expect(scorePlan(truth, truePlan)).toEqual({
      recommendations: { truth: 1, found: 1, matched: 1 },
      actions: { truth: 2, found: 2, matched: 2 },
      fields: { lead: { correct: 2, total: 2 }, due_date: { correct: 2, total: 2 }, status: { correct: 2, total: 2 }, rag: { correct: 2, total: 2 } },
    })
    const worse = plan([{ text: 'Improve recording', actions: [action('Audit the files', { due_date: null }), action('Something else entirely')] }])
    const score = scorePlan(truth, worse)
    expect(score.actions).toEqual({ truth: 2, found: 2, matched: 1 })
    expect(score.fields.due_date).toEqual({ correct: 0, total: 1 })
  })
})
