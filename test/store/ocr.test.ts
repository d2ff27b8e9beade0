import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import Database from 'better-sqlite3'
import { parse } from 'fast-csv'
import pg from 'pg'
import { expect, it } from 'vitest'
import { Plan, type Provenance } from '../../schemas/index.js'
import { exportPlans, type ExportOptions } from '../../src/export/export-plans.js'
import { openStore } from '../../src/store/index.js'
import { SCHEMA_VERSION } from '../../src/store/migrations.js'
import { collect, forEachDriver, freshTarget, type DriverName } from './drivers.js'

/**
 * A scan's OCR marks survive the database: `source.ocr` and each row's `provenance.confidence`
 * come back in the JSON and CSV export as the reader gave them, and a database written before
 * they were stored (schema 6) is upgraded with its scans marked.
 */
const root = join(import.meta.dirname, '..', '..')
const golden = (path: string): Plan => Plan.parse(JSON.parse(readFileSync(join(root, path), 'utf8')))

/**
 * Wakefield's scan as OCR reads it: its born-digital golden (recommendations, actions and
 * milestones) with the marks the OCR path adds: the file read by OCR, a confidence on each row.
 */
function scanned(): Plan {
  const path = 'fixtures/scan/wakefield-ruled/input.pdf'
  const sha256 = createHash('sha256').update(readFileSync(join(root, path))).digest('hex')
  const digital = golden('fixtures/scan/wakefield-ruled/golden.json')
  // Ids are made from the file's hash: the scan's own.
  const plan = Plan.parse(JSON.parse(JSON.stringify(digital).replaceAll(digital.id, sha256.slice(0, 16))))
  let n = 0
  const mark = (p: Provenance): Provenance => ({ ...p, confidence: 0.8 + ((n++ * 7) % 19) / 100 })
  return Plan.parse({
    ...plan,
    source: { ...plan.source, path, sha256, ocr: true },
    recommendations: plan.recommendations.map((r) => ({
      ...r,
      provenance: mark(r.provenance),
      actions: r.actions.map((a) => ({ ...a, provenance: mark(a.provenance), milestones: a.milestones.map((m) => ({ ...m, provenance: mark(m.provenance) })) })),
    })),
  })
}

async function exported(plans: AsyncIterable<Plan>, options: ExportOptions): Promise<string> {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  await exportPlans(plans, stream, options)
  stream.end()
  return Buffer.concat(chunks).toString('utf8')
}

async function csvRecords(text: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = []
  await new Promise<void>((resolve, reject) => {
    parse({ headers: true }).on('data', (r: Record<string, string>) => rows.push(r)).on('end', () => resolve()).on('error', reject).end(text)
  })
  return rows
}

/** Takes a database back to schema 6, as the release before stored it: no `sources.ocr`. */
async function backToSchema6(driver: DriverName, target: string): Promise<void> {
  if (driver === 'sqlite') {
    const db = new Database(target)
    db.exec('ALTER TABLE sources DROP COLUMN ocr')
    db.pragma('user_version = 6')
    db.close()
    return
  }
  const client = new pg.Client({ connectionString: target })
  await client.connect()
  await client.query('ALTER TABLE sources DROP COLUMN ocr; UPDATE actionplan_schema SET version = 6')
  await client.end()
}

const fileTarget = async (driver: DriverName): Promise<string> =>
  driver === 'sqlite' ? join(mkdtempSync(join(tmpdir(), 'ap-ocr-')), 'plans.sqlite') : freshTarget(driver)

forEachDriver('OCR marks in the store', (driver) => {
  it('exports a scan as it was read: source.ocr and every row’s confidence, in JSON and CSV', async () => {
    const store = await openStore(await freshTarget(driver))
    const scan = scanned()
    await store.importPlan(scan)
    await store.importPlan(golden('fixtures/text/dudley/plan.json'))
    const plans = Plan.array().parse(JSON.parse(await exported(store.plans(), { format: 'json' })).plans)
    expect(plans.find((p) => p.id === scan.id)).toEqual({ ...scan, renditions: [scan.source] })
    expect(plans.find((p) => p.id !== scan.id)!.source).not.toHaveProperty('ocr')

    const csvScan = async (level: ExportOptions['level']): Promise<Record<string, string>[]> =>
      (await csvRecords(await exported(store.plans(), { format: 'csv', level }))).filter((r) => r.plan_id === scan.id)
    const actions = scan.recommendations.flatMap((r) => r.actions)
    const rows = await csvScan('actions')
    expect(rows.map((r) => [r.source_ocr, Number(r.confidence)])).toEqual(actions.map((a) => ['true', a.provenance.confidence]))
    expect((await csvScan('recommendations')).map((r) => Number(r.recommendation_confidence))).toEqual(scan.recommendations.map((r) => r.provenance.confidence))
    expect((await csvScan('milestones')).map((r) => Number(r.milestone_confidence))).toEqual(actions.flatMap((a) => a.milestones.map((m) => m.provenance.confidence)))
    await store.close()
  })

  it('marks each file of a revision for itself: the scan and the born-digital copy of one plan', async () => {
    const store = await openStore(await freshTarget(driver))
    const scan = scanned()
    const digital = golden('fixtures/pdf/wakefield/plan.json')
    await store.importPlan(scan)
    expect((await store.importPlan(digital)).renditionOf).toBe(scan.id)
    const [plan] = await collect(store.plans())
    expect(plan!.renditions!.map((s) => [s.sha256, s.ocr ?? false]).sort()).toEqual([[digital.source.sha256, false], [scan.source.sha256, true]].sort())
    await store.close()
  })

  it('gives a born-digital plan no OCR marks: source_ocr false, confidence empty', async () => {
    const store = await openStore(await freshTarget(driver))
    const digital = golden('fixtures/pdf/wakefield/plan.json')
    await store.importPlan(digital)
    expect((await store.getPlan(digital.id))!.source).toEqual(digital.source)
    const rows = await csvRecords(await exported(store.plans(), { format: 'csv' }))
    expect(rows.map((r) => [r.source_ocr, r.confidence])).toEqual(rows.map(() => ['false', '']))
    await store.close()
  })

  it('upgrades a database of schema 6: its scans marked read by OCR, from the confidence of their records', async () => {
    const target = await fileTarget(driver)
    const scan = scanned()
    const text = golden('fixtures/text/dudley/plan.json')
    const before = await openStore(target)
    await before.importPlan(scan)
    await before.importPlan(text)
    await before.close()
    await backToSchema6(driver, target)

    const store = await openStore(target)
    expect(await store.schemaVersion()).toBe(SCHEMA_VERSION)
    expect(await store.getPlan(scan.id)).toEqual({ ...scan, renditions: [scan.source] })
    expect((await store.getPlan(text.id))!.source).toEqual(text.source)
    expect((await collect(store.plans())).map((p) => p.source.ocr ?? false).sort()).toEqual([false, true])
    await store.close()
  })
})
