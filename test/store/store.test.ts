import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../schemas/index.js'
import { readPlan, sha256Of } from '../../src/ingest.js'
import { openStore } from '../../src/store/index.js'
import { planKey } from '../../src/store/plan-key.js'

const root = join(import.meta.dirname, '..', '..')
async function interpret(name: string, bytes?: Uint8Array): Promise<Plan> {
  const path = `fixtures/text/${name}/input.txt`
  return (await readPlan(path, bytes ?? readFileSync(join(root, path)))).interpretation.plan
}

describe('store', () => {
  it('gives back exactly the plan it stored', async () => {
    const store = openStore(':memory:')
    for (const name of ['telford', 'darlington', 'dudley']) {
      const plan = await interpret(name)
      expect(store.importPlan(plan)).toEqual({ outcome: 'imported', planId: plan.id, revision: 1 })
      expect(store.getPlan(plan.id)).toEqual(plan)
    }
    expect([...store.plans()].map((p) => p.authority?.code).sort()).toEqual(['E06000005', 'E06000020', 'E08000027'])
    store.close()
  })

  it('treats the same bytes again as a no-op and new bytes of the same plan as its next revision', async () => {
    const store = openStore(':memory:')
    const original = readFileSync(join(root, 'fixtures/text/dudley/input.txt'))
    const first = await interpret('dudley', original)
    store.importPlan(first)
    expect(store.importPlan(first).outcome).toBe('unchanged')
    expect(store.hasSource(sha256Of(original))).toBe(true)
    const updated = Buffer.from(original.toString('utf8').replace('Policy awaiting ratification', 'Policy ratified 1 May'))
    const second = await interpret('dudley', updated)
    expect(store.importPlan(second)).toEqual({ outcome: 'imported', planId: second.id, revision: 2 })
    expect(store.listPlans().map((p) => p.revision)).toEqual([1, 2])
    // Export shows the latest revision unless asked for all.
    expect([...store.plans()].map((p) => p.id)).toEqual([second.id])
    expect([...store.plans({ allRevisions: true })]).toHaveLength(2)
    store.close()
  })

  it('finds a plan by a unique prefix of its id', async () => {
    const store = openStore(':memory:')
    const plan = await interpret('dudley')
    store.importPlan(plan)
    expect(store.getPlan(plan.id.slice(0, 6))?.id).toBe(plan.id)
    expect(store.getPlan('zzzz')).toBeNull()
    store.close()
  })

  it('filters by authority and by action status or RAG', async () => {
    const store = openStore(':memory:')
    for (const name of ['telford', 'dudley']) store.importPlan(await interpret(name))
    expect([...store.plans({ authority: 'dudley' })].map((p) => p.authority?.code)).toEqual(['E08000027'])
    expect([...store.plans({ authority: 'E06000020' })]).toHaveLength(1)
    const red = [...store.plans({ status: 'red' })]
    expect(red).toHaveLength(1)
    expect(red[0]!.recommendations.flatMap((r) => r.actions).map((a) => a.text)).toEqual(['Policy ratified through Trust process'])
    store.close()
  })

  it('folds version words and dates out of the title when it keys a plan', () => {
    const base = { authority: { name: 'Dudley', code: 'E08000027' }, source: { sha256: 'a'.repeat(64), path: '', format: 'text' as const, pages: null } }
    expect(planKey({ ...base, title: 'Improvement Plan v2 FINAL' })).toBe(planKey({ ...base, title: 'Improvement plan (updated 14 March 2013)' }))
    expect(planKey({ ...base, title: 'Improvement Plan' })).not.toBe(planKey({ ...base, title: 'Health Action Plan' }))
    expect(planKey({ authority: null, title: null, source: base.source })).toBe(`sha:${'a'.repeat(64)}`)
  })
})
