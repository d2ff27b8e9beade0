import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixture, root, run, tempDir } from './run-cli.js'

/** User mistakes: one line on stderr that says what is wrong, exit 2; never "internal error", never a stack. */
describe('user mistakes', () => {
  let dir: string
  let db: string
  let ids: string[]
  beforeAll(() => {
    dir = tempDir('errors')
    db = join(dir, 'plans.sqlite')
    const names = ['telford', 'dudley', 'darlington', 'wakefield', 'banes', 'bournemouth-poole']
    expect(run(['ingest', ...names.map((n) => fixture('text', n)), '--db', db]).code).toBe(0)
    ids = (JSON.parse(run(['list', '--db', db, '--json']).stdout) as { id: string }[]).map((p) => p.id)
  })

  it('export --out into a folder that does not exist', () => {
    const out = join(dir, 'no-such-folder', 'actions.csv')
    expect(run(['export', '--db', db, '--out', out])).toMatchObject({ code: 2, stdout: '', errLines: [`--out ${out}: no such folder ${join(dir, 'no-such-folder')}/`] })
    expect(run(['report', '--db', db, '--out', out])).toMatchObject({ code: 2, errLines: [`--out ${out}: no such folder ${join(dir, 'no-such-folder')}/`] })
  })

  it('tables or explain of a file that does not exist, or of a folder', () => {
    expect(run(['tables', 'missing.pdf'], { cwd: dir })).toMatchObject({ code: 2, stdout: '', errLines: ['missing.pdf: no such file'] })
    mkdirSync(join(dir, 'some-folder'), { recursive: true })
    expect(run(['tables', 'some-folder/'], { cwd: dir })).toMatchObject({ code: 2, stdout: '', errLines: ['some-folder/: is a folder; `actionplan tables` reads one file'] })
    expect(run(['explain', 'some-folder'], { cwd: dir })).toMatchObject({ code: 2, stdout: '', errLines: ['some-folder: is a folder; `actionplan explain` reads one file'] })
  })

  it('--db that is not a database is refused and left as it was', () => {
    const readme = join(dir, 'README.md')
    copyFileSync(join(root, 'README.md'), readme)
    const before = readFileSync(readme)
    expect(run(['list', '--db', 'README.md'], { cwd: dir })).toMatchObject({ code: 2, stdout: '', errLines: ['README.md: not an actionplan database (not SQLite); pass --db <file>'] })
    expect(run(['ingest', fixture('text', 'dudley'), '--db', 'README.md'], { cwd: dir })).toMatchObject({ code: 2, errLines: ['README.md: not an actionplan database (not SQLite); pass --db <file>'] })
    expect(readFileSync(readme).equals(before)).toBe(true)
  })

  it('show or history with an id prefix several plans share lists them', () => {
    // The shortest prefix two stored ids share (plan ids are hashes of the files, so fixed).
    const prefix = ids.flatMap((a) => ids.filter((b) => b !== a && b[0] === a[0]).map(() => a[0]!))[0]!
    expect(prefix).toBeDefined()
    const matching = (JSON.parse(run(['list', '--db', db, '--json']).stdout) as { id: string; authority_name: string; title: string; revision: number }[]).filter((p) => p.id.startsWith(prefix))
    const expected = [`plan id "${prefix}" matches ${matching.length} plans; give more of the id:`, ...matching.map((p) => `  ${p.id}  ${p.authority_name}  ${p.title}  r${p.revision}`)]
    expect(run(['show', prefix, '--db', db])).toMatchObject({ code: 2, stdout: '', errLines: expected })
    expect(run(['history', prefix, '--db', db])).toMatchObject({ code: 2, stdout: '', errLines: expected })
  })

  it('a plan id that matches nothing', () => {
    expect(run(['show', 'zzzz', '--db', db])).toMatchObject({ code: 2, stdout: '', errLines: ['no plan zzzz; `actionplan list` shows the ids'] })
  })
})
