import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

/** What a researcher runs across authorities, with the real binary over the Word fixtures. */
const root = join(import.meta.dirname, '..')
const bin = join(root, 'bin', 'actionplan.js')
// The authorities' plans the figures below were checked on; the generated templates (random-*) are not plans of real places.
const planDirs = (format: string): string[] => readdirSync(join(root, 'fixtures', format)).filter((n) => !n.startsWith('random-')).sort().map((n) => join(root, 'fixtures', format, n))
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

describe('compare, search, export filters and report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ap-research-'))
  const db = join(dir, 'r.sqlite')
  beforeAll(() => {
    expect(run(['ingest', ...planDirs('docx'), '--db', db]).code).toBe(0)
  }, 60_000)

  it('compares by theme, authority and inspectorate as a table, CSV and JSON', () => {
    const table = run(['compare', '--by', 'theme', '--as-of', '2013-03-31', '--db', db])
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/^theme\s+plans\s+recs\s+actions\s+complete\s+on track/)
    expect(table.stdout).toMatch(/^Care leavers\s+2\s+2\s+3\s/m)
    const json = JSON.parse(run(['compare', '--by', 'inspectorate', '--format', 'json', '--as-of', '2013-03-31', '--db', db]).stdout) as { rows: { group: string; plans: number }[] }
    expect(Object.fromEntries(json.rows.map((r) => [r.group, r.plans]))).toEqual({ Ofsted: 3, 'Ofsted and CQC': 2, CQC: 1 })
    const csv = run(['compare', '--by', 'authority', '--format', 'csv', '--db', db]).stdout.split('\r\n')
    expect(csv[0]).toMatch(/^group,plans,recommendations,actions,complete,/)
    expect(csv).toHaveLength(8)
    expect(run(['compare', '--by', 'colour', '--db', db]).code).toBe(2)
  })

  it('finds words with stemming and says where each hit stands', () => {
    const hits = JSON.parse(run(['search', 'supervise', 'audit', '--json', '--db', db]).stdout) as { snippet: string; path: string; page: number | null }[]
    expect(hits.length).toBeGreaterThan(2)
    expect(hits[0]!.snippet).toMatch(/\[supervision\]/i)
    expect(hits[0]!.path).toMatch(/^.*fixtures\/docx\/\w+\/input\.docx$/)
    const none = run(['search', 'zebra', '--db', db])
    expect(none.stdout).toBe('')
    expect(none.stderr).toMatch(/no matches/)
    // Quotes and operators are words, never FTS5 syntax.
    expect(run(['search', '"AND" OR (', '--db', db]).code).toBe(0)
  })

  it('filters the export by theme, due dates and lateness', () => {
    const rows = (args: string[]): string[] => run(['export', '--db', db, ...args]).stdout.trim().split('\r\n').slice(1)
    const all = rows([])
    const care = rows(['--theme', 'care-leavers'])
    expect(care.length).toBe(3)
    const early = rows(['--due-before', '2012-03-01'])
    expect(early.length).toBeGreaterThan(0)
    expect(early.length).toBeLessThan(all.length)
    const overdue = rows(['--overdue', '--as-of', '2012-06-30'])
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.every((r) => !r.includes(',complete,'))).toBe(true)
    expect(run(['export', '--db', db, '--theme', 'cats']).stderr).toMatch(/^unknown --theme "cats"; themes are supervision, training/)
    expect(run(['export', '--db', db, '--due-before', '31/03/2013']).code).toBe(2)
  })

  it('writes a self-contained HTML report', () => {
    const out = join(dir, 'report.html')
    expect(run(['report', '--db', db, '--out', out, '--as-of', '2013-03-31']).code).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).not.toMatch(/<script src=|<link [^>]*href="http/)
    expect(html).toContain('"as_of":"2013-03-31"')
  })
})
