import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SUPPORTED } from '../../parsers/index.js'
import { fixture, run, tempDir } from './run-cli.js'

/** Folder walks, unknown types, nightly re-runs, --json logs and standard input, on the real binary. */
describe('ingest in batches', () => {
  it('follows symbolic links to files and folders, skips a loop, counts files of unknown types', () => {
    const dir = tempDir('walk')
    const plans = join(dir, 'plans')
    mkdirSync(join(plans, 'sub'), { recursive: true })
    const elsewhere = join(dir, 'elsewhere')
    mkdirSync(elsewhere)
    copyFileSync(fixture('text', 'dudley'), join(elsewhere, 'dudley.txt'))
    copyFileSync(fixture('text', 'wakefield'), join(elsewhere, 'wakefield.txt'))
    symlinkSync(join(elsewhere, 'dudley.txt'), join(plans, 'dudley-link.txt'))
    symlinkSync(elsewhere, join(plans, 'sub', 'linked-folder'))
    symlinkSync(plans, join(plans, 'sub', 'loop'))
    writeFileSync(join(plans, 'notes.xyz'), 'Action\tLead\nReview supervision\tSM\n')
    writeFileSync(join(plans, 'sub', 'budget.numbers'), 'x')
    writeFileSync(join(elsewhere, 'readme'), 'x')
    const result = run(['ingest', 'plans', '--db', 'walk.sqlite'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(result.errLines.slice(0, -1)).toEqual([
      '3 files skipped: not a supported type',
      '1 folder link skipped: the folder was already walked (a loop, or a second link to it)',
      '✓ plans/dudley-link.txt: 1 recommendation, 13 actions',
      '- plans/sub/linked-folder/dudley.txt: skipped, already imported (same bytes)',
      '✓ plans/sub/linked-folder/wakefield.txt: 4 recommendations, 9 actions',
    ])
    expect(result.errLines.at(-1)).toMatch(/^2 imported, 1 skipped, 0 failed in [\d.]+ s \(0 pages\) → walk\.sqlite, run 1$/)
  })

  it('refuses a named file whose type no reader claims, unless --format names a reader', () => {
    const dir = tempDir('xyz')
    writeFileSync(join(dir, 'plan.xyz'), readFileSync(fixture('text', 'dudley')))
    const refused = run(['ingest', 'plan.xyz', '--db', 'x.sqlite'], { cwd: dir })
    expect(refused.code).toBe(1)
    expect(refused.errLines[0]).toBe(`✗ plan.xyz: unsupported file type (.xyz); supported types are ${SUPPORTED}; or name a reader with --format`)
    expect(JSON.parse(run(['list', '--db', 'x.sqlite', '--json'], { cwd: dir }).stdout)).toEqual([])
    const read = run(['ingest', 'plan.xyz', '--db', 'x.sqlite', '--format', 'text'], { cwd: dir })
    expect(read.code).toBe(0)
    expect(read.errLines[0]).toBe('✓ plan.xyz: 1 recommendation, 13 actions')
  })

  it('skips a file that failed before with the same bytes, exits 1 only for a failure in this run, and retries on --retry-failed', () => {
    const dir = tempDir('cron')
    mkdirSync(join(dir, 'in'))
    writeFileSync(join(dir, 'in', 'empty.txt'), '')
    copyFileSync(fixture('text', 'dudley'), join(dir, 'in', 'dudley.txt'))
    const first = run(['ingest', 'in', '--db', 'c.sqlite'], { cwd: dir })
    expect(first.code).toBe(1)
    expect(first.errLines).toContain('✗ in/empty.txt: file is empty (0 bytes); check the download or export finished')
    const second = run(['ingest', 'in', '--db', 'c.sqlite'], { cwd: dir })
    expect(second.code).toBe(0)
    expect(second.errLines.slice(0, 2)).toEqual([
      '- in/dudley.txt: skipped, already imported (same bytes)',
      '- in/empty.txt: known failure, skipped (it failed before with the same bytes; --retry-failed tries it again)',
    ])
    expect(second.errLines[2]).toMatch(/^0 imported, 1 skipped, 0 failed in [\d.]+ s \(0 pages\) → c\.sqlite, run 2; 1 known failure skipped \(--retry-failed tries again\)$/)
    // New bytes are a new file: tried, and a failure again.
    writeFileSync(join(dir, 'in', 'empty.txt'), 'no tables here\n')
    expect(run(['ingest', 'in', '--db', 'c.sqlite'], { cwd: dir }).code).toBe(1)
    expect(run(['ingest', 'in', '--db', 'c.sqlite'], { cwd: dir }).code).toBe(0)
    const retried = run(['ingest', 'in', '--db', 'c.sqlite', '--retry-failed'], { cwd: dir })
    expect(retried.code).toBe(1)
    expect(retried.errLines[1]).toBe('✗ in/empty.txt: no tables found, so no action plan to read; check this is an action plan; `actionplan tables <file>` shows what was read')
  })

  it('--json: one line per file with its time and run, then one summary line', () => {
    const dir = tempDir('json')
    writeFileSync(join(dir, 'empty.txt'), '')
    copyFileSync(fixture('text', 'dudley'), join(dir, 'dudley.txt'))
    run(['ingest', 'empty.txt', '--db', 'j.sqlite'], { cwd: dir })
    const result = run(['ingest', 'dudley.txt', 'empty.txt', 'missing.txt', '--db', 'j.sqlite', '--json'], { cwd: dir })
    expect(result.code).toBe(1)
    const lines = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map((l) => [l.type, l.run, l.path, l.status, l.code])).toEqual([
      ['file', 2, 'dudley.txt', 'imported', null],
      ['file', 2, 'empty.txt', 'skipped', 'KNOWN_FAILURE'],
      ['file', 2, 'missing.txt', 'failed', 'CORRUPT'],
      ['summary', 2, undefined, undefined, undefined],
    ])
    for (const line of lines) expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    const { time: _t, seconds, ...summary } = lines.at(-1)!
    expect(summary).toEqual({ type: 'summary', run: 2, imported: 1, skipped: 0, failed: 1, known_failures: 1, pages: 0 })
    expect(typeof seconds).toBe('number')
  })

  it('records the name given to standard input as its source path', () => {
    const dir = tempDir('stdin')
    const result = run(['ingest', '-', '--name', 'telford-2012.txt', '--db', 's.sqlite'], { cwd: dir, input: readFileSync(fixture('text', 'telford')) })
    expect(result.code).toBe(0)
    expect(result.errLines[0]).toBe('✓ telford-2012.txt: 28 recommendations, 57 actions, 91.3% of cells mapped (the rest is in extra)')
    const [plan] = JSON.parse(run(['list', '--db', 's.sqlite', '--json'], { cwd: dir }).stdout) as { source_path: string; format: string }[]
    expect(plan).toMatchObject({ source_path: 'telford-2012.txt', format: 'text' })
    expect(run(['ingest', fixture('text', 'dudley'), '--name', 'x.txt', '--db', 's.sqlite'], { cwd: dir })).toMatchObject({ code: 2, errLines: ['--name names standard input; give - among the paths'] })
  })
})
