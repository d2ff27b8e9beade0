import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import type { Plan } from '../../schemas/index.js'
import { readPlan, sha256Of } from '../../src/ingest.js'
import { collect, forEachDriver, freshTarget } from './drivers.js'
import { openStore } from '../../src/store/index.js'
import { normaliseTitle, planKey } from '../../src/store/plan-key.js'

const root = join(import.meta.dirname, '..', '..')
const EXT: Record<string, string> = { text: 'txt', docx: 'docx', html: 'html', pdf: 'pdf' }
async function interpret(name: string, bytes?: Uint8Array, format = 'text'): Promise<Plan> {
  const path = `fixtures/${format}/${name}/input.${EXT[format]}`
  return (await readPlan(path, bytes ?? readFileSync(join(root, path)))).interpretation.plan
}
/** A plan as the store gives it back: the interpretation plus the list of its files. */
const stored = (plan: Plan, ...others: Plan[]): Plan => ({ ...plan, renditions: [plan.source, ...others.map((o) => o.source)] })

forEachDriver('store', (driver) => {
  it('gives back exactly the plan it stored, with its file listed', async () => {
    const store = await openStore(await freshTarget(driver))
    for (const name of ['telford', 'darlington', 'dudley']) {
      const plan = await interpret(name)
      expect(await store.importPlan(plan)).toEqual({ outcome: 'imported', planId: plan.id, revision: 1 })
      expect(await store.getPlan(plan.id)).toEqual(stored(plan))
    }
    expect((await collect(store.plans())).map((p) => p.authority?.code).sort()).toEqual(['E06000005', 'E06000020', 'E08000027'])
    await store.close()
  })

  it('treats the same bytes again as a no-op and changed content of the same plan as its next revision', async () => {
    const store = await openStore(await freshTarget(driver))
    const original = readFileSync(join(root, 'fixtures/text/dudley/input.txt'))
    const first = await interpret('dudley', original)
    await store.importPlan(first)
    expect((await store.importPlan(first)).outcome).toBe('unchanged')
    expect(await store.hasSource(sha256Of(original))).toBe(true)
    const updated = Buffer.from(original.toString('utf8').replace('Policy awaiting ratification', 'Policy ratified 1 May'))
    const second = await interpret('dudley', updated)
    expect(await store.importPlan(second, { modifiedAt: '2030-01-01T00:00:00.000Z' })).toEqual({ outcome: 'imported', planId: second.id, revision: 2 })
    expect((await store.listPlans()).map((p) => p.revision)).toEqual([1, 2])
    // Export shows the latest revision unless asked for all.
    expect((await collect(store.plans())).map((p) => p.id)).toEqual([second.id])
    expect((await collect(store.plans({ allRevisions: true })))).toHaveLength(2)
    await store.close()
  })

  it('finds a plan by a unique prefix of its id, or by the id of another file of the same content', async () => {
    const store = await openStore(await freshTarget(driver))
    const plan = await interpret('dudley', undefined, 'docx')
    const pasted = await interpret('dudley')
    await store.importPlan(plan)
    await store.importPlan(pasted)
    expect((await store.getPlan(plan.id.slice(0, 6)))?.id).toBe(plan.id)
    expect((await store.getPlan(pasted.id))?.id).toBe(plan.id)
    expect(await store.getPlan('zzzz')).toBeNull()
    await store.close()
  })

  it('filters by authority and by action status, status_effective or RAG', async () => {
    const store = await openStore(await freshTarget(driver))
    for (const name of ['telford', 'dudley']) await store.importPlan(await interpret(name))
    expect((await collect(store.plans({ authority: 'dudley' }))).map((p) => p.authority?.code)).toEqual(['E08000027'])
    expect((await collect(store.plans({ authority: 'E06000020' })))).toHaveLength(1)
    const red = (await collect(store.plans({ status: 'red' })))
    expect(red).toHaveLength(1)
    expect(red[0]!.recommendations.flatMap((r) => r.actions).map((a) => a.text)).toEqual(['Policy ratified through Trust process'])
    // Dudley rates by RAG letter only: its one R is "behind" through the default reading.
    const behind = (await collect(store.plans({ status: 'behind', authority: 'dudley' })))
    expect(behind[0]!.recommendations.flatMap((r) => r.actions).map((a) => [a.rag, a.status, a.status_effective, a.status_source])).toEqual([['red', null, 'behind', 'default']])
    await store.close()
  })

  it('folds version words, dates and running-header stamps out of the title when it keys a plan', async () => {
    const base = { authority: { name: 'Dudley', code: 'E08000027' }, source: { sha256: 'a'.repeat(64), path: '', format: 'text' as const, pages: null } }
    expect(planKey({ ...base, title: 'Improvement Plan v2 FINAL' })).toBe(planKey({ ...base, title: 'Improvement plan (updated 14 March 2013)' }))
    expect(planKey({ ...base, title: 'Improvement Plan' })).not.toBe(planKey({ ...base, title: 'Health Action Plan' }))
    expect(planKey({ authority: null, title: null, source: base.source })).toBe(`sha:${'a'.repeat(64)}`)
    // Telford's title as its PDF, its pasted text and its Word file give it.
    const titles = ["WORKING DOCUMENT: CHILDREN'S SERVICES IMPROVEMENT PLAN VERSION 2 FINAL", "WORKING DOCUMENT: CHILDREN'S SERVICES IMPROVEMENT PLAN", "Children's Services Improvement Plan"]
    expect(new Set(titles.map(normaliseTitle))).toEqual(new Set(['childrens services improvement plan']))
    expect(normaliseTitle('Bournemouth and Poole LSCB – Improvement Plan – OFFICIAL')).toBe('bournemouth and poole lscb improvement plan')
  })
})
