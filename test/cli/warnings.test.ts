import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixture, run, tempDir } from './run-cli.js'

/**
 * Warnings are kept with the run, not only printed with --verbose. Dudley's pasted plan has the
 * impossible date 31/04/12 twice (a real slip in the published plan); Bournemouth-Poole's reads clean.
 */
describe('stored warnings', () => {
  it('a file imported with warnings is imported_with_warnings in `runs`, and `runs --warnings N` lists it with them', () => {
    const db = join(tempDir('warnings'), 'plans.sqlite')
    const dudley = fixture('text', 'dudley')
    const clean = fixture('text', 'bournemouth-poole')
    expect(run(['ingest', dudley, clean, '--db', db, '--jobs', '0']).code).toBe(0)

    const [summary] = JSON.parse(run(['runs', '--db', db, '--json']).stdout) as { id: number; imported: number; imported_with_warnings: number }[]
    expect(summary).toMatchObject({ id: 1, imported: 2, imported_with_warnings: 1 })
    expect(run(['runs', '--db', db]).stdout).toMatch(/ 2 files: 2 imported \(1 imported_with_warnings: runs --warnings 1\), 0 skipped, 0 failed\n$/)

    const text = run(['runs', '--db', db, '--warnings', '1'])
    expect(text.code).toBe(0)
    const lines = text.stdout.replace(/\n$/, '').split('\n')
    expect(lines[0]).toBe(`imported_with_warnings\t${dudley}`)
    expect(lines.slice(1)).toHaveLength(2)
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {4}warning: IMPOSSIBLE_DATE: "31\/04\/12" /)

    const json = JSON.parse(run(['runs', '--db', db, '--warnings', '1', '--json']).stdout) as { path: string; status: string; diagnostics: { level: string; code: string }[] }[]
    expect(json.map((f) => [f.path, f.status])).toEqual([[dudley, 'imported_with_warnings']])
    expect(json[0]!.diagnostics.map((d) => `${d.level} ${d.code}`)).toEqual(['warning IMPOSSIBLE_DATE', 'warning IMPOSSIBLE_DATE'])
  }, 120_000)

  it('a run with no warnings lists none, and a file read again is skipped without its warnings', () => {
    const db = join(tempDir('warnings-none'), 'plans.sqlite')
    expect(run(['ingest', fixture('text', 'bournemouth-poole'), '--db', db, '--jobs', '0']).code).toBe(0)
    expect(run(['ingest', fixture('text', 'dudley'), '--db', db, '--jobs', '0']).code).toBe(0)
    expect(run(['ingest', fixture('text', 'dudley'), '--db', db, '--jobs', '0']).code).toBe(0)
    expect(run(['runs', '--db', db, '--warnings', '1']).stdout).toBe('')
    expect(run(['runs', '--db', db, '--warnings', '2']).stdout).toMatch(/^imported_with_warnings\t/)
    expect(run(['runs', '--db', db, '--warnings', '3']).stdout).toBe('')
    const runs = JSON.parse(run(['runs', '--db', db, '--json']).stdout) as { id: number; imported: number; imported_with_warnings: number; skipped: number }[]
    expect(runs.map((r) => [r.id, r.imported, r.imported_with_warnings, r.skipped])).toEqual([[3, 0, 0, 1], [2, 1, 1, 0], [1, 1, 0, 0]])
  }, 120_000)

  it('--warnings and --errors name one listing each: both at once is a usage error', () => {
    const r = run(['runs', '--warnings', '1', '--errors', '1', '--db', join(tempDir('warnings-both'), 'x.sqlite')])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--warnings <run>.* cannot be used with option '--errors <run>'/)
  })
})
