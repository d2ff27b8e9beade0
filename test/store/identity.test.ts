import { readFileSync } from 'node:fs'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { Plan } from '../../schemas/index.js'
import { readPlan } from '../../src/ingest.js'
import { collect, forEachDriver, freshTarget } from './drivers.js'
import { openStore, type Store } from '../../src/store/index.js'
import { inspectionDate, sameInspection } from '../../src/store/plan-key.js'

/**
 * Renditions and revisions in the store. The goldens are the interpretations of every fixture file
 * (test/golden-plans.test.ts holds them to that), so they stand in for ingesting each file here.
 */
const root = join(import.meta.dirname, '..', '..')
function goldens(): Plan[] {
  const plans: Plan[] = []
  for (const format of ['text', 'html', 'docx', 'pdf']) {
    // The real and designed plans; the generated random-* templates are plans of no authority.
    for (const name of readdirSync(join(root, 'fixtures', format)).filter((n) => !n.startsWith('random-')).sort()) {
      const golden = join(root, 'fixtures', format, name, 'plan.json')
      if (existsSync(golden)) plans.push(Plan.parse(JSON.parse(readFileSync(golden, 'utf8'))))
    }
  }
  return plans
}
const summary = async (store: Store) => (await store.listPlans()).map((p) => ({ id: p.id, revision: p.revision, files: p.renditions.length, authority: p.authority_code }))

async function dudley(edit: (text: string) => string = (t) => t): Promise<Plan> {
  const path = 'fixtures/text/dudley/input.txt'
  return (await readPlan(path, Buffer.from(edit(readFileSync(join(root, path), 'utf8'))))).interpretation.plan
}
/** Dudley as updated: the R on "Policy ratified" turned G, and a new action under the audit milestone. */
const UPDATE = (text: string): string =>
  text
    .replace('\tR\tPolicy awaiting ratification', '\tG\tPolicy ratified 1 May')
    .replace(/(Conduct monthly audit[^\n]*\n)/, '$1\tBCFT\tShare audit findings with the Named Nurses\t30/06/12\tSM\tEF\tA\t\t\t\n')

forEachDriver('renditions and revisions', (driver) => {
  it('stores every format of every fixture plan as one plan with one revision, whatever the order', async () => {
    const plans = goldens()
    expect(plans.length).toBeGreaterThanOrEqual(35)
    const results = []
    for (const order of [plans, [...plans].reverse()]) {
      const store = await openStore(await freshTarget(driver))
      // Pasted text of the two B&NES layouts is the same bytes: the second is a no-op.
      for (const plan of order) expect(['imported', 'unchanged']).toContain((await store.importPlan(plan)).outcome)
      const listed = await summary(store)
      const exported = (await collect(store.plans({ allRevisions: true })))
      await store.close()
      results.push({ listed, exported })
    }
    // B&NES (landscape and portrait layouts), Bournemouth-Poole, Darlington, Dudley, Telford, Wakefield.
    expect(results[0]!.listed.map((p) => [p.authority, p.revision])).toEqual(
      ['E06000022', 'E06000029', 'E06000005', 'E08000027', 'E06000020', 'E08000036'].map((code) => [code, 1]),
    )
    expect(results[0]!.listed.reduce((n, p) => n + p.files, 0)).toBe(new Set(plans.map((p) => p.source.sha256)).size)
    // The records come from the Word file, whichever file came first.
    expect(results[0]!.exported.map((p) => p.source.format)).toEqual(['docx', 'docx', 'docx', 'docx', 'docx', 'docx'])
    expect(results[1]).toEqual(results[0])
  })

  it('lists every file of a revision, the one its records come from first', async () => {
    const telford = goldens().filter((p) => p.authority?.code === 'E06000020')
    const store = await openStore(await freshTarget(driver))
    for (const plan of telford) await store.importPlan(plan)
    const [only] = (await collect(store.plans()))
    expect(only!.renditions!.map((s) => s.format)).toEqual(['docx', 'html', 'pdf', 'text'])
    expect(only!.recommendations.flatMap((r) => r.actions)).toHaveLength(57)
    await store.close()
  })

  it('makes a changed status and a new action revision 2, ordered by file time, not import order', async () => {
    const original = await dudley()
    const updated = await dudley(UPDATE)
    expect(updated.recommendations[0]!.actions).toHaveLength(14)
    const store = await openStore(await freshTarget(driver))
    expect((await store.importPlan(updated, { modifiedAt: '2012-05-02T09:00:00.000Z' })).revision).toBe(1)
    expect((await store.importPlan(original, { modifiedAt: '2012-03-08T09:00:00.000Z' })).revision).toBe(1)
    expect((await summary(store)).map((p) => [p.id, p.revision])).toEqual([[original.id, 1], [updated.id, 2]])
    expect((await collect(store.plans())).map((p) => p.id)).toEqual([updated.id])
    // The Word file of the first version joins revision 1, not the latest.
    const word = goldens().find((p) => p.authority?.code === 'E08000027' && p.source.format === 'docx')!
    expect(await store.importPlan(word)).toMatchObject({ revision: 1, renditionOf: original.id })
    expect((await store.revisions(updated.id)).map((p) => [p.revision, p.renditions!.length])).toEqual([[1, 2], [2, 1]])
    await store.close()
  })

  it('orders by the plan’s own date before the file time', async () => {
    const later = await dudley((t) => UPDATE(t).replace('08/03/2012 Action plan reviewed', '01/06/2012 Action plan reviewed'))
    const original = await dudley()
    expect(later.plan_date).toBe('2012-06-01')
    const store = await openStore(await freshTarget(driver))
    await store.importPlan(later, { modifiedAt: '2012-01-01T00:00:00.000Z' })
    await store.importPlan(original, { modifiedAt: '2012-12-01T00:00:00.000Z' })
    expect((await summary(store)).map((p) => [p.id, p.revision])).toEqual([[original.id, 1], [later.id, 2]])
    await store.close()
  })

  it('keeps a retitled update with the plan whose recommendations it answers, and another inspectorate’s plan apart', async () => {
    const original = await dudley()
    const retitled = await dudley((t) => UPDATE(t).replace('SERVICES FOR SAFEGUARDING AND LOOKED AFTER CHILDREN', 'HEALTH SUPERVISION ACTION PLAN'))
    expect(retitled.title).not.toBe(original.title)
    const store = await openStore(await freshTarget(driver))
    await store.importPlan(original)
    expect((await store.importPlan(retitled)).revision).toBe(2)
    const other: Plan = { ...original, id: 'f'.repeat(16), inspectorate: 'HMICFRS', recommendations: [], source: { ...original.source, sha256: 'f'.repeat(64) } }
    expect((await store.importPlan(other)).revision).toBe(1)
    expect(await store.listPlans()).toHaveLength(3)
    await store.close()
  })

  it('keeps the plans answering two inspections apart when their titles are the same', async () => {
    const [darlington] = goldens().filter((p) => p.authority?.code === 'E06000005' && p.source.format === 'docx')
    expect(inspectionDate(darlington!)).toBe('2011-11')
    const relabel = (plan: Plan, id: string, from: string, to: string): Plan => ({
      ...plan,
      id,
      source: { ...plan.source, sha256: id.padEnd(64, '0'), path: `${id}.docx` },
      notes: plan.notes.map((n) => ({ ...n, text: n.text.replaceAll(from, to) })),
      recommendations: plan.recommendations.map((r, i) => ({
        ...r, id: r.id.replace(plan.id, id), text: i === 0 ? `${r.text} (re-inspected)` : r.text,
        actions: r.actions.map((a) => ({ ...a, id: a.id.replace(plan.id, id) })),
      })),
    })
    const reinspected = relabel(darlington!, 'a'.repeat(16), 'November 2011', 'March 2014')
    expect(inspectionDate(reinspected)).toBe('2014-03')
    const store = await openStore(await freshTarget(driver))
    await store.importPlan(darlington!)
    expect((await store.importPlan(reinspected)).revision).toBe(1)
    expect(await store.listPlans()).toHaveLength(2)
    // An update that names no inspection date stays with the plan.
    const undated = relabel(darlington!, 'b'.repeat(16), 'November 2011', 'the autumn')
    expect(inspectionDate(undated)).toBe('2011')
    await store.close()
    expect(sameInspection('2011-11', '2011')).toBe(true)
    expect(sameInspection('2011-11', '2014-03')).toBe(false)
    expect(sameInspection(null, '2014-03')).toBe(true)
  })

  it('takes a file whose colours differ from a stored file of the same text as a new revision', async () => {
    const [wakefield] = goldens().filter((p) => p.authority?.code === 'E08000036' && p.source.format === 'docx')
    const id = 'e'.repeat(16)
    const recoloured: Plan = {
      ...wakefield!,
      id,
      source: { ...wakefield!.source, sha256: 'e'.repeat(64), path: 'recoloured.docx' },
      recommendations: wakefield!.recommendations.map((r) => ({
        ...r,
        id: r.id.replace(wakefield!.id, id),
        actions: r.actions.map((a) => ({ ...a, id: a.id.replace(wakefield!.id, id), rag: a.rag === 'amber' ? 'green' : a.rag })),
      })),
    }
    const store = await openStore(await freshTarget(driver))
    await store.importPlan(wakefield!, { modifiedAt: '2013-05-01T00:00:00.000Z' })
    expect(await store.importPlan(recoloured, { modifiedAt: '2013-06-01T00:00:00.000Z' })).toMatchObject({ revision: 2 })
    await store.close()
  })
})

forEachDriver('search', (driver) => {
  it('searches the latest revision by default, filters by authority and theme, and names the plan and ref of each hit', async () => {
    const store = await openStore(await freshTarget(driver))
    await store.importPlan(await dudley(), { modifiedAt: '2012-03-08T00:00:00.000Z' })
    await store.importPlan(await dudley(UPDATE), { modifiedAt: '2012-05-01T00:00:00.000Z' })
    for (const plan of goldens().filter((p) => p.authority?.code === 'E06000020' && p.source.format === 'docx')) await store.importPlan(plan)
    const latest = await store.search('audit')
    expect(latest.every((h) => h.revision === 1 || h.planTitle?.includes('SAFEGUARDING'))).toBe(true)
    expect(new Set(latest.map((h) => h.planId)).size).toBe(2)
    expect((await store.search('audit', { allRevisions: true })).length).toBeGreaterThan(latest.length)
    const dudleyOnly = await store.search('audit', { authority: 'Dudley' })
    expect(dudleyOnly.length).toBeGreaterThan(0)
    expect(dudleyOnly.every((h) => h.authority === 'Dudley Metropolitan Borough Council' && h.revision === 2)).toBe(true)
    const hit = (await store.search('prompt identification referrals', { authority: 'E06000020' }))[0]!
    expect(hit).toMatchObject({ kind: 'recommendation', ref: 'R3', recommendationRef: 'R3', planTitle: expect.stringMatching(/IMPROVEMENT PLAN/i) })
    const action = (await store.search('pay differentials'))[0]!
    expect(action).toMatchObject({ kind: 'action', recommendationRef: 'R20' })
    expect(await store.search('pay differentials', { theme: 'workforce' })).toHaveLength(1)
    expect(await store.search('pay differentials', { theme: 'care-leavers' })).toHaveLength(0)
    await store.close()
  })
})
