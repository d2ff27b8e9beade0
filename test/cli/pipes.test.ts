import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixture, pipe, run, tempDir } from './run-cli.js'

/** A reader that stops early closes the pipe; the command must end quietly with 0, as Unix tools do. */
describe('a closed stdout', () => {
  let dir: string
  let db: string
  beforeAll(() => {
    dir = tempDir('pipes')
    db = join(dir, 'plans.sqlite')
    expect(run(['ingest', fixture('text', 'telford'), fixture('text', 'darlington'), fixture('text', 'bournemouth-poole'), '--db', db]).code).toBe(0)
  })

  // `true` exits without reading, so every write finds the pipe closed; `head` closes it part way
  // through an export larger than a pipe's buffer (64 KiB).
  it.each([
    [['export', '--db', 'DB'], 'head -1'],
    [['export', '--db', 'DB', '--format', 'json'], 'head -c 100'],
    [['list', '--db', 'DB'], 'head -1'],
    [['search', 'supervision', '--db', 'DB'], 'true'],
    [['show', '23c4d49c', '--db', 'DB'], 'true'],
    [['tables', fixture('text', 'telford')], 'true'],
    [['ingest', fixture('text', 'dudley'), '--db', 'DB', '--json'], 'true'],
  ].map(([args, reader]) => [`${(args as string[]).slice(0, 2).join(' ')} | ${reader as string}`, args as string[], reader as string]))('%s: no message, exit 0', (_name, args, reader) => {
    const result = pipe(args.map((a) => (a === 'DB' ? db : a)), reader, dir)
    expect(result.stderr.split('\n').filter((l) => /EPIPE|Error|internal/.test(l))).toEqual([])
    expect(result.code).toBe(0)
  })

  it('export JSON is larger than a pipe buffer, so head really closes it mid-stream', () => {
    const r = run(['export', '--db', db, '--format', 'json'])
    expect(r.stderr).toBe('')
    expect(r.stdout.length).toBeGreaterThan(65_536)
  })
})
