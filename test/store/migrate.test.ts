import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { Plan } from '../../schemas/index.js'
import { openStore } from '../../src/store/index.js'
import { collect } from './drivers.js'
import { migrate, SCHEMA_VERSION } from '../../src/store/migrations.js'

/**
 * A database written by the release before renditions (schema 3): each file its own revision
 * (Telford's Word file r1, its pasted text r2), a shared action copied under each recommendation
 * it answers, no status_effective. Opening it with this release folds it to the new model.
 */
const root = join(import.meta.dirname, '..', '..')
const golden = (path: string): Plan => Plan.parse(JSON.parse(readFileSync(join(root, path), 'utf8')))
const j = (v: unknown): string => JSON.stringify(v)

/** The plan as schema 3 stored it: the shared block copied under R2 as well as R3 (and R7 as well as R20). */
function copyShared(plan: Plan): Plan {
  const recs = plan.recommendations.map((r) => ({ ...r, actions: [...r.actions] }))
  for (const [i, rec] of recs.entries()) {
    const next = recs[i + 1]
    if (rec.actions.length === 0 && next && rec.shares_actions_with.includes(next.ref ?? '')) {
      rec.actions = next.actions.map((a, k) => ({ ...a, id: `${rec.id}-a${k + 1}` }))
    }
  }
  return { ...plan, recommendations: recs }
}

function writeOld(db: Database.Database, plan: Plan, key: string, revision: number): void {
  db.prepare('INSERT INTO sources (sha256, path, format, pages, imported_at) VALUES (?, ?, ?, ?, ?)').run(plan.source.sha256, plan.source.path, plan.source.format, plan.source.pages, `2024-01-0${revision}T00:00:00.000Z`)
  db.prepare(`INSERT INTO plans (id, plan_key, revision, source_sha256, title, authority_name, authority_code, authorities, inspectorate, plan_date, keys, notes,
    coverage, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(plan.id, key, revision, plan.source.sha256, plan.title,
    plan.authority?.name ?? null, plan.authority?.code ?? null, j(plan.authorities), plan.inspectorate, plan.plan_date, j(plan.keys), j(plan.notes), plan.coverage, '2024-01-01T00:00:00.000Z')
  for (const [r, rec] of plan.recommendations.entries()) {
    db.prepare(`INSERT INTO recommendations (id, plan_id, position, ref, text, theme, timeframe, organisations, shares_actions_with, extra, provenance, themes)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(rec.id, plan.id, r, rec.ref, rec.text, rec.theme, rec.timeframe, j(rec.organisations), j(rec.shares_actions_with), j(rec.extra), j(rec.provenance), j(rec.themes))
    for (const [a, act] of rec.actions.entries()) {
      db.prepare(`INSERT INTO actions (id, recommendation_id, plan_id, position, ref, text, leads, lead_raw, organisations, due_date, due_raw, status, rag, rag_source,
        status_raw, progress, success_criteria, evidence, impact, timeframe, extra, provenance, themes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        act.id, rec.id, plan.id, a, act.ref, act.text, j(act.leads), act.lead_raw, j(act.organisations), act.due_date, act.due_raw, act.status, act.rag, act.rag_source,
        act.status_raw, act.progress, act.success_criteria, act.evidence, act.impact, act.timeframe, j(act.extra), j(act.provenance), j(act.themes))
      db.prepare('INSERT INTO search (text, progress, plan_id, record_id, kind) VALUES (?, ?, ?, ?, ?)').run(act.text, act.progress, plan.id, act.id, 'action')
    }
  }
}

describe('migrating a database from before renditions', () => {
  it('folds two files of one content into one revision, stores each shared action once and derives status_effective', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ap-migrate-')), 'old.sqlite')
    const old = new Database(path)
    migrate(old, 3)
    const word = copyShared(golden('fixtures/docx/telford/plan.json'))
    const text = copyShared(golden('fixtures/text/telford/plan.json'))
    expect(word.recommendations.flatMap((r) => r.actions)).toHaveLength(64)
    writeOld(old, word, 'E06000020|childrens services improvement plan', 1)
    writeOld(old, text, 'E06000020|childrens services improvement plan', 2)
    writeOld(old, golden('fixtures/docx/dudley/plan.json'), 'E08000027|health action plan supervision', 1)
    old.pragma('user_version = 3')
    old.close()

    const store = await openStore(path)
    expect(await store.schemaVersion()).toBe(SCHEMA_VERSION)
    expect((await store.listPlans()).map((p) => [p.authority_code, p.revision, p.renditions.length])).toEqual([['E08000027', 1, 1], ['E06000020', 1, 2]])
    const [telford] = (await collect(store.plans({ authority: 'E06000020' })))
    expect(telford!.id).toBe(word.id)
    const actions = telford!.recommendations.flatMap((r) => r.actions)
    expect(actions).toHaveLength(57)
    expect(telford!.recommendations.find((r) => r.ref === 'R3')!.actions.map((a) => a.also_answers)).toEqual([['R2'], ['R2'], ['R2']])
    // What a fresh import of the Word file gives, apart from the list of files.
    const { renditions: _files, ...rest } = telford!
    expect(rest).toEqual(golden('fixtures/docx/telford/plan.json'))
    const [dudleyNow] = (await collect(store.plans({ authority: 'dudley' })))
    expect(dudleyNow!.recommendations[0]!.actions.every((a) => a.status_effective !== null && a.status_source === 'default')).toBe(true)
    // The search index follows: one hit per stored action, none for the dropped copies.
    expect((await store.search('pay differentials')).map((h) => h.recommendationRef)).toEqual(['R20'])
    await store.close()
    // Opening again does not re-import.
    const again = await openStore(path)
    expect(await again.listPlans()).toHaveLength(2)
    await again.close()
  })
})
