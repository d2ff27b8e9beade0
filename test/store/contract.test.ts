import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { expect, it } from 'vitest'
import { Plan } from '../../schemas/index.js'
import { openStore } from '../../src/store/index.js'
import { SCHEMA_VERSION } from '../../src/store/migrations.js'
import { PG_SCHEMA_VERSION } from '../../src/store/pg-schema.js'
import { collect, forEachDriver, freshPgDatabase, freshTarget } from './drivers.js'

/**
 * The store contract beyond identity and search (./store.test.ts, ./identity.test.ts run against
 * both drivers too): runs and their files, known files, schema versions, and what a broken
 * connection says.
 */
const root = join(import.meta.dirname, '..', '..')
const golden = (format: string, name: string): Plan => Plan.parse(JSON.parse(readFileSync(join(root, 'fixtures', format, name, 'plan.json'), 'utf8')))

/** A database of this driver whose schema number is past what this release knows. */
async function futureDatabase(driver: 'sqlite' | 'postgres'): Promise<string> {
  if (driver === 'sqlite') {
    const path = join(mkdtempSync(join(tmpdir(), 'ap-future-')), 'future.sqlite')
    const db = new Database(path)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    return path
  }
  const url = await freshPgDatabase()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`CREATE TABLE actionplan_schema (version INTEGER NOT NULL); INSERT INTO actionplan_schema VALUES (${PG_SCHEMA_VERSION + 1})`)
  await client.end()
  return url
}

it('numbers the PostgreSQL schema with the SQLite migrations: a new migration needs its twin on both', () => {
  expect(PG_SCHEMA_VERSION).toBe(SCHEMA_VERSION)
})

forEachDriver('store contract', (driver) => {
  it('is at this release’s schema once opened, and opening again changes nothing', async () => {
    const target = driver === 'sqlite' ? join(mkdtempSync(join(tmpdir(), 'ap-contract-')), 'a.sqlite') : await freshTarget(driver)
    const store = await openStore(target)
    expect(await store.schemaVersion()).toBe(SCHEMA_VERSION)
    await store.importPlan(golden('text', 'dudley'))
    await store.close()
    const again = await openStore(target)
    expect(await again.schemaVersion()).toBe(SCHEMA_VERSION)
    expect(await again.listPlans()).toHaveLength(1)
    await again.close()
  })

  it('refuses a database written by a newer release, saying so', async () => {
    await expect(openStore(await futureDatabase(driver))).rejects.toThrow(
      `the database was written by a newer actionplan (schema ${SCHEMA_VERSION + 1}, this one knows ${SCHEMA_VERSION}); upgrade actionplan`,
    )
  })

  it('records runs and each file’s outcome; a run not ended shows no end; failures known until the file is stored', async () => {
    const store = await openStore(await freshTarget(driver))
    const plan = golden('text', 'telford')
    const first = await store.runs.start(['ingest', 'plans/', '--db', 'postgres://ana:s3cret@db.example/plans'], 2)
    await store.runs.file(first, { path: 'a.txt', sha256: plan.source.sha256, status: 'failed', code: 'CORRUPT', message: 'broken', planId: null, ms: 3 })
    await store.runs.file(first, { path: 'b.txt', sha256: null, status: 'failed', code: 'TIMEOUT', message: 'slow', planId: null, ms: 9 })
    await store.runs.end(first)
    const second = await store.runs.start(['ingest', 'plans/'], 1)
    expect(second).toBeGreaterThan(first)
    const [latest, earlier] = await store.runs.list()
    expect(latest).toMatchObject({ id: second, ended_at: null, pid: process.pid, files: 1, imported: 0, failed: 0 })
    expect(earlier).toMatchObject({ id: first, files: 2, imported: 0, skipped: 0, failed: 2 })
    expect(earlier!.ended_at).not.toBeNull()
    // The password of a database URL among the arguments is never stored.
    expect(earlier!.args).toBe(JSON.stringify(['ingest', 'plans/', '--db', 'postgres://ana:***@db.example/plans']))
    expect((await store.runs.errors(first)).map((f) => [f.path, f.code, f.message])).toEqual([['a.txt', 'CORRUPT', 'broken'], ['b.txt', 'TIMEOUT', 'slow']])
    expect([...(await store.runs.failedBefore()).keys()]).toEqual([plan.source.sha256])
    await store.importPlan(plan)
    expect((await store.runs.failedBefore()).size).toBe(0)
    await store.close()
  })

  it('knows a stored file by its bytes and keeps the first of its names in sort order', async () => {
    const store = await openStore(await freshTarget(driver))
    const plan = golden('text', 'wakefield')
    expect(await store.knownFile(plan.source.sha256, 'z.txt')).toBe(false)
    await store.importPlan({ ...plan, source: { ...plan.source, path: 'm/wakefield.txt' } })
    expect(await store.hasSource(plan.source.sha256)).toBe(true)
    expect(await store.knownFile(plan.source.sha256, 'z/wakefield.txt')).toBe(true)
    expect(await store.knownFile(plan.source.sha256, 'a/wakefield.txt')).toBe(true)
    expect((await store.listPlans())[0]!.source_path).toBe('a/wakefield.txt')
    expect((await store.knownAuthorities()).map((a) => a.code)).toEqual(['E08000036'])
    await store.close()
  })

  it('stores a file whole or not at all: a plan that fails half way leaves nothing', async () => {
    const store = await openStore(await freshTarget(driver))
    const plan = golden('text', 'dudley')
    // Two recommendations with one id: the second insert breaks the primary key after the first went in.
    const broken: Plan = { ...plan, recommendations: [plan.recommendations[0]!, plan.recommendations[0]!] }
    await expect(store.importPlan(broken)).rejects.toThrow()
    expect(await store.listPlans()).toEqual([])
    expect(await store.hasSource(plan.source.sha256)).toBe(false)
    expect(await store.search('audit')).toEqual([])
    await store.importPlan(plan)
    expect((await collect(store.plans())).map((p) => p.id)).toEqual([plan.id])
    await store.close()
  })

  it('serves several callers of one store at once without mixing their transactions', async () => {
    const store = await openStore(await freshTarget(driver))
    const plans = ['telford', 'dudley', 'darlington', 'wakefield'].map((name) => golden('docx', name))
    const results = await Promise.all([...plans, ...plans].map((plan) => store.importPlan(plan)))
    expect(results.filter((r) => r.outcome === 'imported')).toHaveLength(4)
    expect(results.filter((r) => r.outcome === 'unchanged')).toHaveLength(4)
    expect((await store.listPlans()).map((p) => p.authority_code).sort()).toEqual(['E06000005', 'E06000020', 'E08000027', 'E08000036'])
    await store.close()
  })
})
