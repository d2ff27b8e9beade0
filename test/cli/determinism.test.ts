import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixture, run, tempDir } from './run-cli.js'

/** The same files into a fresh database give the same bytes out, whatever the day or the run. */
describe('determinism', () => {
  it('a fresh database and the same command twice give byte-identical list --json and export', () => {
    const outputs = [1, 2].map(() => {
      const dir = tempDir('determinism')
      mkdirSync(join(dir, 'plans'))
      for (const [format, name] of [['text', 'telford'], ['html', 'banes'], ['docx', 'wakefield'], ['pdf', 'dudley']] as const) {
        copyFileSync(fixture(format, name), join(dir, 'plans', `${name}.${format === 'text' ? 'txt' : format}`))
      }
      expect(run(['ingest', 'plans', '--db', 'plans.sqlite'], { cwd: dir }).code).toBe(0)
      const out = (args: string[]): string => {
        const r = run([...args, '--db', 'plans.sqlite'], { cwd: dir })
        expect(r.code).toBe(0)
        return r.stdout
      }
      return { list: out(['list', '--json']), csv: out(['export']), json: out(['export', '--format', 'json']), milestones: out(['export', '--level', 'milestones']) }
    })
    expect(JSON.parse(outputs[0]!.list)).toHaveLength(4)
    expect(outputs[1]).toEqual(outputs[0])
  }, 240_000)
})
