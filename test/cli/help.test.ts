import { describe, expect, it } from 'vitest'
import { run } from './run-cli.js'

/** Every command explains itself: an example, the database it uses, and no hint at a flag it lacks. */
describe('--help', () => {
  it('lists every command; each has examples, names $ACTIONPLAN_DB and takes --verbose (the flag error messages suggest)', () => {
    const top = run(['--help'])
    expect(top.code).toBe(0)
    expect(top.stdout).toMatch(/^ {2}ACTIONPLAN_DB {2}the database file when --db is not given/m)
    const commands = top.stdout.split('Commands:')[1]!.split('\n\n')[0]!.split('\n').map((l) => /^ {2}([a-z]+)\b/.exec(l)?.[1]).filter((c): c is string => c !== undefined && c !== 'help')
    expect(commands).toEqual(['ingest', 'compare', 'search', 'report', 'history', 'runs', 'export', 'list', 'show', 'tables', 'explain'])
    for (const command of commands) {
      const help = run([command, '--help'])
      expect(help.code, command).toBe(0)
      expect(help.stdout, command).toMatch(new RegExp(`Examples:\\n {2}actionplan ${command}\\b`))
      expect(help.stdout, command).toMatch(/ACTIONPLAN_DB/)
      expect(help.stdout, command).toMatch(/^ {2}--verbose /m)
    }
  })
})
