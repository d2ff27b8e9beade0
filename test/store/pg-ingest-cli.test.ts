import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { bin, root, run, tempDir } from '../cli/run-cli.js'
import { freshPgDatabase, PG_UNAVAILABLE } from './drivers.js'

/**
 * Several `actionplan ingest` processes into one PostgreSQL database, as a team's machines run
 * them: four `--shard K/4` slices and one unsharded run at once give what one clean run gives, with
 * no row twice; a process killed half way leaves nothing half written, and running it again
 * completes the work. Passwords stay out of what the CLI prints and stores.
 */

// Pasted text and Word (quick to read): 44 files, most plans in both formats, some copies of the same bytes.
const PATHS = ['fixtures/text', 'fixtures/docx']

interface Child {
  code: Promise<number | null>
  kill: () => void
  /** Resolves once the process has written this many lines to stdout. */
  lines: (n: number) => Promise<void>
}

function start(args: readonly string[]): Child {
  const { ACTIONPLAN_DB: _db, ...env } = process.env
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] })
  let seen = 0
  const waiting: { n: number; resolve: () => void }[] = []
  child.stdout.on('data', (chunk: Buffer) => {
    seen += chunk.toString('utf8').split('\n').length - 1
    for (const w of waiting.filter((w) => seen >= w.n)) w.resolve()
  })
  child.stderr.resume()
  const code = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)))
  return { code, kill: () => child.kill('SIGKILL'), lines: (n) => new Promise((resolve) => (seen >= n ? resolve() : waiting.push({ n, resolve }))) }
}

const exportOf = (db: string): string[] =>
  [['--format', 'json', '--all-revisions'], ['--level', 'milestones', '--all-revisions'], []].map((flags) => {
    const r = run(['export', '--db', db, ...flags])
    expect(r.code, r.stderr).toBe(0)
    return r.stdout
  })

/** Row counts of every table, and the keys that must never repeat. */
async function rows(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const count = async (sql: string): Promise<number> => Number((await client.query(sql)).rows[0].n)
    const out: Record<string, number> = {}
    for (const table of ['sources', 'plans', 'recommendations', 'actions', 'milestones', 'record_themes', 'search']) out[table] = await count(`SELECT COUNT(*) AS n FROM ${table}`)
    out.repeatedFiles = await count('SELECT COUNT(*) AS n FROM (SELECT sha256 FROM sources GROUP BY sha256 HAVING COUNT(*) > 1) x')
    out.repeatedRecords = await count('SELECT COUNT(*) AS n FROM (SELECT record_id FROM search GROUP BY record_id HAVING COUNT(*) > 1) x')
    return out
  } finally {
    await client.end()
  }
}

const ingestArgs = (db: string, shard?: string): string[] => ['ingest', ...PATHS, '--db', db, '--jobs', '0', '--json', ...(shard ? ['--shard', shard] : [])]

describe.skipIf(PG_UNAVAILABLE !== null)(`ingest into one PostgreSQL database from several processes${PG_UNAVAILABLE ? ` [SKIPPED: ${PG_UNAVAILABLE}]` : ''}`, () => {
  let clean: { url: string; exported: string[]; rows: Record<string, number> }

  beforeAll(async () => {
    const url = await freshPgDatabase()
    const r = run(ingestArgs(url))
    expect(r.code, r.stderr).toBe(0)
    clean = { url, exported: exportOf(url), rows: await rows(url) }
  }, 300_000)

  it('exports what SQLite exports from the same files', () => {
    const db = join(tempDir('pg-vs-sqlite'), 'same.sqlite')
    expect(run(ingestArgs(db)).code).toBe(0)
    expect(exportOf(db)).toEqual(clean.exported)
    expect(clean.rows.plans).toBeGreaterThan(15)
    expect([clean.rows.repeatedFiles, clean.rows.repeatedRecords]).toEqual([0, 0])
  })

  it('four shards and one unsharded run at once: the clean run’s data, no row twice, every run listed', async () => {
    const url = await freshPgDatabase()
    const children = [...[1, 2, 3, 4].map((k) => start(ingestArgs(url, `${k}/4`))), start(ingestArgs(url))]
    expect(await Promise.all(children.map((c) => c.code))).toEqual([0, 0, 0, 0, 0])
    expect(exportOf(url)).toEqual(clean.exported)
    expect(await rows(url)).toEqual(clean.rows)
    const runs = JSON.parse(run(['runs', '--db', url, '--json']).stdout) as { pid: number; ended_at: string | null; files: number; args: string }[]
    expect(runs).toHaveLength(5)
    expect(new Set(runs.map((r) => r.pid)).size).toBe(5)
    expect(runs.every((r) => r.ended_at !== null)).toBe(true)
    // The four slices share out the files, each file to one slice.
    const sharded = runs.filter((r) => r.args.includes('--shard'))
    const unsharded = runs.find((r) => !r.args.includes('--shard'))!
    expect(sharded.reduce((n, r) => n + r.files, 0)).toBe(unsharded.files)
  }, 300_000)

  it('a process killed half way leaves nothing half written; running it again completes the work', async () => {
    const url = await freshPgDatabase()
    const victim = start(ingestArgs(url))
    const others = [1, 2, 3, 4].map((k) => start(ingestArgs(url, `${k}/4`)))
    await victim.lines(5)
    victim.kill()
    expect(await victim.code).toBeNull()
    expect(await Promise.all(others.map((c) => c.code))).toEqual([0, 0, 0, 0])
    const killed = (JSON.parse(run(['runs', '--db', url, '--json']).stdout) as { ended_at: string | null; args: string }[]).filter((r) => r.ended_at === null)
    expect(killed).toHaveLength(1)
    expect(killed[0]!.args).not.toContain('--shard')
    const again = run(ingestArgs(url))
    expect(again.code, again.stderr).toBe(0)
    expect(exportOf(url)).toEqual(clean.exported)
    expect(await rows(url)).toEqual(clean.rows)
  }, 300_000)

  it('takes the password from the URL, PGPASSWORD or ~/.pgpass, and never prints or stores it', async () => {
    const url = new URL(clean.url)
    const password = decodeURIComponent(url.password)
    const bare = new URL(clean.url)
    bare.password = ''
    const listed = (env: Record<string, string>) => run(['list', '--db', bare.toString()], { env })
    expect(listed({ PGPASSWORD: password }).code).toBe(0)
    const home = tempDir('pgpass')
    mkdirSync(home, { recursive: true })
    writeFileSync(join(home, '.pgpass'), `${url.hostname}:${url.port}:*:${url.username}:${password}\n`, { mode: 0o600 })
    expect(listed({ HOME: home, PGPASSFILE: join(home, '.pgpass') }).code).toBe(0)
    // A wrong password and an unreachable server: a clear message, exit 2, no password in it.
    const wrong = new URL(clean.url)
    wrong.password = 'Wr0ng-Secret-123'
    const refused = run(['list', '--db', wrong.toString()])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/^cannot connect to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/\w+: password authentication failed/)
    expect(refused.stderr).not.toContain('Wr0ng-Secret-123')
    const unreachable = run(['ingest', 'fixtures/text/dudley', '--db', 'postgres://ana:Top-Secret-456@127.0.0.1:1/plans'])
    expect(unreachable.code).toBe(2)
    expect(unreachable.stderr).toMatch(/cannot connect to postgres:\/\/ana:\*\*\*@127\.0\.0\.1:1\/plans: .*ECONNREFUSED/)
    expect(unreachable.stderr).not.toContain('Top-Secret-456')
    // Nor in the ingest summary or the recorded arguments of a run.
    const ingest = run(['ingest', 'fixtures/text/dudley', '--db', clean.url])
    expect(ingest.stderr).toContain(`→ postgres://postgres:***@`)
    expect(ingest.stderr).not.toContain(password)
    expect(run(['runs', '--db', clean.url, '--json']).stdout).not.toContain(password)
  })
})
