import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Plan } from '../../schemas/index.js'
import { writeCsv } from '../../src/export/csv.js'
import { writeJson } from '../../src/export/json.js'
import { openStore, type Store } from '../../src/store/index.js'
import { freshPgDatabase, PG_UNAVAILABLE } from './drivers.js'

/**
 * The same fixtures stored through both drivers read back the same: byte-identical exports, and
 * the same search hits (FTS5 with Porter stemming against PostgreSQL's English tsvector).
 */
const root = join(import.meta.dirname, '..', '..')

/** The golden interpretation of every fixture file, every format, in a fixed order. */
function fixturePlans(): Plan[] {
  const plans: Plan[] = []
  for (const format of ['text', 'html', 'docx', 'pdf']) {
    for (const name of readdirSync(join(root, 'fixtures', format)).sort()) {
      const path = join(root, 'fixtures', format, name, 'plan.json')
      if (existsSync(path)) plans.push(Plan.parse(JSON.parse(readFileSync(path, 'utf8'))))
    }
  }
  return plans
}

async function exported(write: (stream: NodeJS.WritableStream) => Promise<void>): Promise<string> {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  await write(stream)
  return Buffer.concat(chunks).toString('utf8')
}

/** Words a researcher looks for in these plans: single words, stems, phrases, hyphenated words. */
const QUERIES = [
  'supervision', 'supervise', 'audit', 'audits', 'training', 'care leavers', 'safeguarding', 'policy', 'policies', 'review', 'children', 'staff',
  'pay differentials', 'multi-agency', 'quality assurance', 'domestic abuse', 'recruitment', 'referrals', 'assessment', 'health', 'report',
  'social workers', 'complete', 'LSCB', 'child protection', 'independent reviewing officers', 'caseloads', 'workforce', 'missing from home',
]

const target = PG_UNAVAILABLE ? describe.skip : describe
if (PG_UNAVAILABLE) process.stderr.write(`cross-driver store tests SKIPPED: ${PG_UNAVAILABLE}\n`)

target(`SQLite and PostgreSQL stores of the same fixtures${PG_UNAVAILABLE ? ` [SKIPPED: ${PG_UNAVAILABLE}]` : ''}`, () => {
  let sqlite: Store
  let postgres: Store
  beforeAll(async () => {
    sqlite = await openStore(':memory:')
    postgres = await openStore(await freshPgDatabase())
    for (const plan of fixturePlans()) {
      const [a, b] = [await sqlite.importPlan(plan), await postgres.importPlan(plan)]
      expect(b).toEqual(a)
    }
  }, 300_000)
  afterAll(async () => {
    await sqlite?.close()
    await postgres?.close()
  })

  it('export the same JSON and CSV, byte for byte, at every level and with every revision', async () => {
    expect((await sqlite.listPlans()).length).toBeGreaterThan(15)
    for (const allRevisions of [false, true]) {
      const json = await Promise.all([sqlite, postgres].map((s) => exported((out) => writeJson(s.plans({ allRevisions }), out))))
      expect(json[1]).toBe(json[0])
    }
    for (const level of ['actions', 'recommendations', 'milestones'] as const) {
      const csv = await Promise.all([sqlite, postgres].map((s) => exported((out) => writeCsv(s.plans({ allRevisions: true }), out, level))))
      expect(csv[1]).toBe(csv[0])
    }
    const strip = (s: Awaited<ReturnType<Store['listPlans']>>) => s.map(({ imported_at: _at, ...rest }) => rest)
    expect(strip(await postgres.listPlans())).toEqual(strip(await sqlite.listPlans()))
    expect(await postgres.knownAuthorities()).toEqual(await sqlite.knownAuthorities())
  })

  it('find the same records for each query, with the filters too', async () => {
    const hits = async (store: Store, words: string, options = {}) =>
      (await store.search(words, { limit: 10_000, allRevisions: true, ...options })).map((h) => `${h.kind} ${h.planId} ${h.recordId} ${h.ref} ${h.page}`).sort()
    let found = 0
    for (const words of QUERIES) {
      const expected = await hits(sqlite, words)
      found += expected.length
      expect(await hits(postgres, words), words).toEqual(expected)
    }
    expect(found).toBeGreaterThan(300)
    for (const options of [{ authority: 'telford' }, { authority: 'E08000027' }, { theme: 'workforce' }, { allRevisions: false }]) {
      expect(await hits(postgres, 'supervision', options), JSON.stringify(options)).toEqual(await hits(sqlite, 'supervision', options))
    }
    // Snippets mark the words found, in either engine's way.
    const [snippet] = await postgres.search('pay differentials', { mark: ['<b>', '</b>'] })
    expect(snippet!.snippet).toMatch(/<b>pay<\/b> <b>differentials<\/b>/i)
  })
})
