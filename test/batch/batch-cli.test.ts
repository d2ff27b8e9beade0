import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'

/** Nightly-batch behaviour, with the real binary in child processes on real fixture files. */
const root = join(import.meta.dirname, '..', '..')
const bin = join(root, 'bin', 'actionplan.js')
const seed = (name: string): string => readFileSync(join(root, 'fixtures', 'text', name, 'input.txt'), 'utf8')

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

/** `n` files of one plan, each with different bytes (a note added at the end), as successive updates would be. */
function copies(dir: string, name: string, n: number): string[] {
  mkdirSync(dir, { recursive: true })
  return Array.from({ length: n }, (_, i) => {
    const path = join(dir, `${name}-${String(i).padStart(3, '0')}.txt`)
    writeFileSync(path, `${seed(name)}\nCopy ${i}\n`)
    return path
  })
}

function query<T>(db: string, sql: string): T[] {
  const conn = new Database(db, { readonly: true })
  try {
    return conn.prepare(sql).all() as T[]
  } finally {
    conn.close()
  }
}

describe('batch ingest', () => {
  it('records each run, with its failed files and their errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-runs-'))
    const db = join(dir, 'runs.sqlite')
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'dudley.txt'), seed('dudley'))
    expect(run(['ingest', dir, '--db', db]).code).toBe(1)
    expect(run(['ingest', dir, '--db', db, '--exclude', 'empty.txt']).code).toBe(0)
    const runs = JSON.parse(run(['runs', '--db', db, '--json']).stdout) as { id: number; imported: number; skipped: number; failed: number; ended_at: string | null }[]
    expect(runs.map((r) => [r.id, r.imported, r.skipped, r.failed])).toEqual([[2, 0, 1, 0], [1, 1, 0, 1]])
    expect(runs.every((r) => r.ended_at !== null)).toBe(true)
    const errors = run(['runs', '--db', db, '--errors', '1'])
    expect(errors.stdout).toMatch(/^EMPTY_FILE\t.*empty\.txt: file is empty/)
  })

  it('makes new bytes of a known plan its next revision, and shows what changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-rev-'))
    const db = join(dir, 'rev.sqlite')
    const first = join(dir, 'dudley-march.txt')
    const second = join(dir, 'dudley-may.txt')
    writeFileSync(first, seed('dudley'))
    writeFileSync(second, seed('dudley').replace('Policy ratified through Trust process\t29/02/12\tSM\tTB\tR\tPolicy awaiting ratification', 'Policy ratified through Trust process\t31/05/12\tSM\tTB\tG\tPolicy ratified in May'))
    run(['ingest', first, '--db', db])
    expect(run(['ingest', second, '--db', db]).stderr).toMatch(/revision 2/)
    const plans = JSON.parse(run(['list', '--db', db, '--json']).stdout) as { id: string; revision: number }[]
    expect(plans.map((p) => p.revision)).toEqual([1, 2])
    const history = JSON.parse(run(['history', plans[0]!.id.slice(0, 8), '--db', db, '--json']).stdout) as { changes: { field: string; before: string; after: string }[] }
    expect(history.changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['rag', 'red', 'green'],
      ['due_date', '2012-02-29', '2012-05-31'],
      ['progress', 'Policy awaiting ratification', 'Policy ratified in May'],
    ])
    // The export shows the latest revision only.
    const exported = JSON.parse(run(['export', '--db', db, '--format', 'json']).stdout) as { plans: { revision: number }[] }
    expect(exported.plans.map((p) => p.revision)).toEqual([2])
  })

  it('lets two runs on one database at once both finish, with no duplicate and no lost file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-concurrent-'))
    const db = join(dir, 'both.sqlite')
    const files = copies(join(dir, 'in'), 'dudley', 30)
    const start = (): Promise<number> =>
      new Promise((resolve) => spawn(process.execPath, [bin, 'ingest', join(dir, 'in'), '--db', db, '--jobs', '1'], { stdio: 'ignore' }).on('exit', (code) => resolve(code ?? -1)))
    expect(await Promise.all([start(), start()])).toEqual([0, 0])
    expect(query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM sources')[0]!.n).toBe(files.length)
    // The copies differ only in a line outside the tables: one content, so one revision with every file listed.
    expect(query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM plans')[0]!.n).toBe(1)
    expect(query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM sources WHERE plan_id = (SELECT id FROM plans)')[0]!.n).toBe(files.length)
    const runs = query<{ imported: number; skipped: number }>(db, 'SELECT imported, skipped FROM runs')
    expect(runs.reduce((n, r) => n + r.imported, 0)).toBe(files.length)
    expect(runs.reduce((n, r) => n + r.imported + r.skipped, 0)).toBe(2 * files.length)
  }, 60_000)

  it('leaves the database consistent when a run is killed, and the next run completes the work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-kill-'))
    const db = join(dir, 'kill.sqlite')
    const files = copies(join(dir, 'in'), 'telford', 40)
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [bin, 'ingest', join(dir, 'in'), '--db', db, '--jobs', '1', '--json'], { stdio: ['ignore', 'pipe', 'ignore'] })
      let lines = 0
      child.stdout.on('data', (chunk: Buffer) => {
        lines += chunk.toString().split('\n').length - 1
        if (lines >= 3) child.kill('SIGKILL')
      })
      child.on('exit', () => resolve())
    })
    expect(query<{ integrity_check: string }>(db, 'PRAGMA integrity_check')[0]!.integrity_check).toBe('ok')
    const stored = query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM sources')[0]!.n
    expect(stored).toBeGreaterThanOrEqual(3)
    expect(stored).toBeLessThan(files.length)
    // Every stored file is whole: each plan has all 28 recommendations of the Telford plan.
    expect(query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM recommendations GROUP BY plan_id').every((r) => r.n === 28)).toBe(true)
    expect(query<{ ended_at: string | null }>(db, 'SELECT ended_at FROM runs')).toEqual([{ ended_at: null }])
    const again = run(['ingest', join(dir, 'in'), '--db', db])
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(new RegExp(`${files.length - stored} imported, ${stored} skipped, 0 failed`))
    expect(run(['runs', '--db', db]).stdout).toMatch(/did not finish/)
  }, 60_000)
})
