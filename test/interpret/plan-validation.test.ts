import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Plan } from '../../schemas/index.js'
import { interpretPlan } from '../../src/interpret/index.js'
import { documentOf, SOURCE, table } from './doc-builder.js'

const doc = documentOf([table(0, [
  ['Ref', 'Recommendation', 'Action', 'Lead', 'Target', 'RAG'],
  ['1.1', 'Improve supervision', 'Audit supervision files', 'Ann Lee', '31/03/2013', 'G'],
])])

describe('interpretPlan validates the plan it makes (through the compiled schema)', () => {
  it('passes a valid plan through unchanged', () => {
    const { plan } = interpretPlan(doc, SOURCE)
    expect(Plan.parse(plan)).toEqual(plan)
  })

  it('still refuses a plan the schema refuses: a source hash that is not one, a negative page count', () => {
    expect(() => interpretPlan(doc, { ...SOURCE, sha256: 'not-a-hash' })).toThrow(z.ZodError)
    expect(() => interpretPlan(doc, { ...SOURCE, pages: -1 })).toThrow(z.ZodError)
  })

  it('the compiled schema accepts, strips and refuses exactly as Plan.parse does, with the same issues', () => {
    const good = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/pdf/banes/plan.json'), 'utf8')) as Plan
    expect(Plan.safeParse(good).success).toBe(true)
    const compiled = z.compile(Plan)
    const mutations: ((p: Plan) => void)[] = [
      () => undefined,
      (p) => { p.recommendations[0]!.provenance.bbox = [Number.NaN, 1, 2, 3] },
      (p) => { p.coverage = Number.POSITIVE_INFINITY },
      (p) => { p.recommendations[0]!.actions[0]!.due_date = '2013/01' },
      (p) => { (p.recommendations[0]!.actions[0] as Record<string, unknown>).status = 'done' },
      (p) => { (p.recommendations[0]!.actions[0] as Record<string, unknown>).internal = 1 },
      (p) => { delete (p.recommendations[0]!.actions[0] as Partial<Plan['recommendations'][0]['actions'][0]>).rag },
      (p) => { (p.recommendations[0]!.extra as Record<string, unknown>).n = 5 },
    ]
    for (const mutate of mutations) {
      const plan = structuredClone(good)
      mutate(plan)
      const [a, b] = [Plan.safeParse(plan), compiled.safeParse(plan)]
      expect(b.success).toBe(a.success)
      if (a.success && b.success) expect(JSON.stringify(b.data)).toBe(JSON.stringify(a.data))
      if (!a.success && !b.success) expect(b.error.issues).toEqual(a.error.issues)
    }
  })
})
