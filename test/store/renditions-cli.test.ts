import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Renditions and revisions with the real binary and parallel workers: every format of every fixture
 * plan is one plan with one revision; an update is the next revision; and the numbering is the same
 * however the workers happen to finish.
 */
const root = join(import.meta.dirname, '..', '..')
const bin = join(root, 'bin', 'actionplan.js')
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}
const DUDLEY = join(root, 'fixtures', 'text', 'dudley', 'input.txt')

/** Dudley as updated: the R on "Policy ratified" turned G, and a new action under the audit milestone. */
const updated = (text: string): string =>
  text
    .replace('\tR\tPolicy awaiting ratification', '\tG\tPolicy ratified 1 May')
    .replace(/(Conduct monthly audit[^\n]*\n)/, '$1\tBCFT\tShare audit findings with the Named Nurses\t30/06/12\tSM\tEF\tA\t\t\t\n')

const at = (iso: string): Date => new Date(iso)

interface Listed {
  id: string
  authority_code: string | null
  revision: number
  renditions: string[]
  actions: number
}

describe('ingesting renditions and revisions', () => {
  it('gives one plan and one revision per distinct fixture plan, and the update revision 2; Telford exports 57 rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-renditions-'))
    const update = join(dir, 'dudley-update.txt')
    writeFileSync(update, updated(readFileSync(DUDLEY, 'utf8')))
    utimesSync(update, at('2031-01-01T00:00:00Z'), at('2031-01-01T00:00:00Z'))
    const db = join(dir, 'all.sqlite')
    const ingest = run(['ingest', ...['text', 'html', 'docx', 'pdf'].map((f) => join(root, 'fixtures', f)), update, '--exclude', 'random-*', '--db', db, '--jobs', '2'])
    expect(ingest.stderr).not.toMatch(/✗/)
    expect(ingest.code).toBe(0)
    const listed = JSON.parse(run(['list', '--json', '--db', db]).stdout) as Listed[]
    expect(listed.map((p) => [p.authority_code, p.revision])).toEqual([
      ['E06000022', 1], ['E06000029', 1], ['E06000005', 1], ['E08000027', 1], ['E08000027', 2], ['E06000020', 1], ['E08000036', 1],
    ])
    // Every fixture file is listed with its revision: 50 files, of which four B&NES pasted texts
    // (banes, banes-portrait, banes-rowrules, banes-shaded) are the same bytes, listed once.
    const files = listed.flatMap((p) => p.renditions)
    expect(files.filter((f) => f.includes('/fixtures/'))).toHaveLength(50 - 3)
    expect(listed.find((p) => p.revision === 2)).toMatchObject({ renditions: [update], actions: 14 })

    const csv = run(['export', '--db', db, '--authority', 'Telford']).stdout.trim().split('\r\n')
    expect(csv).toHaveLength(1 + 57)
    const header = csv[0]!.split(',')
    expect(header).toEqual(expect.arrayContaining(['section', 'due_by', 'also_answers', 'status_effective', 'status_source', 'source_files']))
    expect(header).not.toContain('theme')
    expect(csv.filter((line) => line.includes(',"R3",') && line.includes(',"R2",'))).toHaveLength(3)

    // Plans that rate only by RAG (B&NES, Dudley, Wakefield) have no "no status" share.
    const compare = JSON.parse(run(['compare', '--by', 'authority', '--format', 'json', '--as-of', '2013-03-31', '--db', db]).stdout) as { rows: { group: string; actions: number; no_status: number }[] }
    const byGroup = new Map(compare.rows.map((r) => [r.group, r]))
    for (const group of ['Bath and North East Somerset Council', 'Dudley Metropolitan Borough Council', 'Wakefield Metropolitan District Council']) {
      expect(byGroup.get(group)).toMatchObject({ no_status: 0 })
    }
    expect(byGroup.get('Telford & Wrekin Council')).toMatchObject({ actions: 57 })
  }, 300_000)

  it('numbers revisions the same way in 5 runs with --jobs 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-order-'))
    const plans = join(dir, 'plans')
    mkdirSync(plans)
    // The first version in four formats, a later update, and an update whose file is older but whose own date is later.
    const original = at('2012-03-08T12:00:00Z')
    for (const [format, ext] of [['text', 'txt'], ['html', 'html'], ['docx', 'docx'], ['pdf', 'pdf']]) {
      const copy = join(plans, `z-dudley.${ext}`)
      copyFileSync(join(root, 'fixtures', format!, 'dudley', `input.${ext}`), copy)
      utimesSync(copy, original, original)
    }
    const text = readFileSync(DUDLEY, 'utf8')
    const a = join(plans, 'a-update.txt')
    writeFileSync(a, updated(text))
    utimesSync(a, at('2012-05-02T12:00:00Z'), at('2012-05-02T12:00:00Z'))
    const b = join(plans, 'b-update.txt')
    writeFileSync(b, updated(text).replace('08/03/2012 Action plan reviewed', '01/06/2012 Action plan reviewed').replace('Meeting 6/3/12 to endorse', 'Endorsed'))
    utimesSync(b, at('2011-01-01T12:00:00Z'), at('2011-01-01T12:00:00Z'))

    const outcomes = Array.from({ length: 5 }, (_, i) => {
      const db = join(dir, `run${i}.sqlite`)
      expect(run(['ingest', plans, '--db', db, '--jobs', '2']).code).toBe(0)
      const listed = JSON.parse(run(['list', '--json', '--db', db]).stdout) as Listed[]
      return listed.map((p) => ({ id: p.id, revision: p.revision, renditions: p.renditions }))
    })
    expect(outcomes[0]!.map((p) => [p.revision, p.renditions.map((f) => f.slice(plans.length + 1))])).toEqual([
      [1, ['z-dudley.docx', 'z-dudley.html', 'z-dudley.pdf', 'z-dudley.txt']],
      [2, ['a-update.txt']],
      [3, ['b-update.txt']],
    ])
    for (const outcome of outcomes.slice(1)) expect(outcome).toEqual(outcomes[0])
  }, 300_000)
})
