import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { SUPPORTED } from '../parsers/index.js'

/** The real binary in a child process, as a user or a cron job runs it. */
const root = join(import.meta.dirname, '..')
const bin = join(root, 'bin', 'actionplan.js')
const sample = join(root, 'fixtures', 'text', 'dudley', 'input.txt')

function run(args: string[], options: { cwd?: string; input?: string } = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, input: options.input, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

function dump(db: string): unknown {
  const conn = new Database(db, { readonly: true })
  try {
    // Every table of data; the run log (runs, run_files) records each run by design.
    const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'run%' ORDER BY name").all() as { name: string }[]
    return Object.fromEntries(tables.map(({ name }) => [name, conn.prepare(`SELECT * FROM "${name}"`).all()]))
  } finally {
    conn.close()
  }
}

describe('actionplan CLI', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'actionplan-cli-'))
  })

  it('imports the good files of a batch and names each bad file in a one-line error, exit 1', () => {
    const empty = join(dir, 'empty.txt')
    const binary = join(dir, 'binary.txt')
    const prose = join(dir, 'prose.txt')
    writeFileSync(empty, '')
    writeFileSync(binary, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)))
    writeFileSync(prose, 'The council met on Tuesday.\nIt agreed to look again at the budget next year.\n')
    const good = join(dir, 'dudley.txt')
    copyFileSync(sample, good)
    const db = join(dir, 'batch.sqlite')
    const result = run(['ingest', empty, binary, good, prose, '--db', db])
    expect(result.code).toBe(1)
    const lines = result.stderr.trim().split('\n')
    const errorLine = (file: string): string | undefined => lines.find((l) => l.startsWith('✗') && l.includes(file))
    expect(errorLine(empty)).toMatch(/empty/)
    expect(errorLine(binary)).toMatch(/binary|not a text file/)
    expect(errorLine(prose)).toMatch(/no tables/)
    expect(lines.find((l) => l.startsWith('✓'))).toContain(good)
    expect(result.stderr).toMatch(/1 imported, 0 skipped, 3 failed/)
    const list = run(['list', '--db', db, '--json'])
    expect(JSON.parse(list.stdout)).toHaveLength(1)
  })

  it('leaves the database unchanged when the same file is ingested twice', () => {
    const db = join(dir, 'twice.sqlite')
    expect(run(['ingest', sample, '--db', db]).code).toBe(0)
    const before = dump(db)
    const again = run(['ingest', sample, '--db', db])
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/skipped, already imported/)
    expect(dump(db)).toEqual(before)
  })

  it('reads standard input given as -', () => {
    const db = join(dir, 'stdin.sqlite')
    const result = run(['ingest', '-', '--format', 'text', '--db', db], { input: readFileSync(sample, 'utf8') })
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/1 imported/)
  })

  it('refuses an unknown file type and lists the supported ones', () => {
    const odd = join(dir, 'plan.xyz')
    writeFileSync(odd, Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe]))
    const result = run(['ingest', odd, '--db', join(dir, 'odd.sqlite')])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/plan\.xyz: unsupported file type \(\.xyz\); supported types are /)
    expect(result.stderr).toContain(SUPPORTED)
  })

  it('exits 2 on a usage error and 0 on --help, with examples', () => {
    expect(run(['export', '--format', 'xml']).code).toBe(2)
    expect(run(['frobnicate']).code).toBe(2)
    const help = run(['ingest', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Examples:/)
  })

  it('exports CSV and JSON of what was ingested', () => {
    const db = join(dir, 'export.sqlite')
    run(['ingest', sample, '--db', db])
    const csv = run(['export', '--db', db])
    expect(csv.code).toBe(0)
    const rows = csv.stdout.trim().split('\r\n')
    expect(rows[0]).toMatch(/^plan_id,authority,authority_code,/)
    expect(rows.length).toBe(1 + 13)
    const json = JSON.parse(run(['export', '--db', db, '--format', 'json']).stdout)
    expect(json.plans[0].recommendations[0].actions).toHaveLength(13)
  })

  it('says what to do when the database does not exist', () => {
    const result = run(['list', '--db', join(dir, 'missing.sqlite')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/no such database; run `actionplan ingest/)
  })
  it('tables prints the grids a reader found, as its golden, with what the reader noted on stderr', () => {
    const pdf = 'fixtures/pdf/wakefield-broken-tags/input.pdf'
    const json = run(['tables', pdf])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(readFileSync(join(root, 'fixtures/pdf/wakefield-broken-tags/tables.json'), 'utf8')))
    expect(json.stderr).toMatch(/info: TAGS_IGNORED: structure tags not followed \(a Sect element among the rows of a Table\); read from the layout \(page 1\)/)
    expect(json.stderr).toMatch(/1 table\(s\) in fixtures\/pdf\/wakefield-broken-tags\/input\.pdf/)
    const csv = run(['tables', 'fixtures/docx/banes/input.docx', '--format', 'csv'])
    const rows = csv.stdout.trim().split('\r\n')
    expect(rows[0]).toBe('table,page,row,col,row_span,col_span,fill,text')
    // The recommendation merged down over its two actions, as Word has it.
    expect(rows).toContain('0,,2,0,2,1,,1.1')
    const bad = run(['tables', 'fixtures/bad/encrypted.pdf'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/encrypted PDF; pass --password/)
  })
})
