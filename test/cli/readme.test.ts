import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixture, root, run, tempDir } from './run-cli.js'

const readme = readFileSync(join(root, 'README.md'), 'utf8')

/** The README shows what the tool really says, and its tables render. */
describe('README', () => {
  it('the error examples are the messages the commands print', () => {
    const block = readme.split('<!-- readme-errors -->\n```\n')[1]!.split('\n```')[0]!
    const examples: { args: string[]; lines: string[] }[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith('$ actionplan ')) examples.push({ args: line.slice('$ actionplan '.length).split(' '), lines: [] })
      else examples.at(-1)!.lines.push(line)
    }
    expect(examples.length).toBeGreaterThanOrEqual(5)
    const dir = tempDir('readme')
    copyFileSync(join(root, 'fixtures', 'bad', 'encrypted.pdf'), join(dir, 'telford.pdf'))
    writeFileSync(join(dir, 'notes.txt'), 'The council met on Tuesday.\nIt agreed to look again at the budget next year.\n')
    copyFileSync(join(root, 'README.md'), join(dir, 'README.md'))
    expect(run(['ingest', fixture('text', 'dudley')], { cwd: dir }).code).toBe(0)
    for (const { args, lines } of examples) {
      const result = run(args, { cwd: dir })
      expect(result.code, args.join(' ')).not.toBe(0)
      for (const line of lines) expect(result.errLines, args.join(' ')).toContain(line)
    }
  })

  it('every table is one run of rows: no blank line breaks one in two', () => {
    const lines = readme.split('\n')
    lines.forEach((line, i) => {
      // A row after a blank line must start a new table: a header followed by its --- line.
      if (line.startsWith('|') && lines[i - 1] === '') expect(lines[i + 1], `README line ${i + 1}: ${line.slice(0, 60)}`).toMatch(/^\|\s*---/)
    })
  })
})
