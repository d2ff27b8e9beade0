import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseString } from 'fast-csv'

const root = join(import.meta.dirname, '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')

const csvRows = (text: string): Promise<string[][]> =>
  new Promise((resolve, reject) => {
    const rows: string[][] = []
    parseString(text).on('data', (row: string[]) => rows.push(row)).on('error', reject).on('end', () => resolve(rows))
  })

/** The README's library example runs as written, against the built package (dist/, made by test/global-setup.ts). */
describe('README library example', () => {
  it('reads a file, stores its plan and exports the same CSV as `actionplan export`', async () => {
    const code = readme.split('<!-- readme-library -->\n```js\n')[1]?.split('\n```')[0]
    expect(code).toContain("from 'actionplan'")
    const dir = mkdtempSync(join(tmpdir(), 'ap-library-'))
    // `import 'actionplan'` resolves as it would for a user who installed the package.
    mkdirSync(join(dir, 'node_modules'))
    symlinkSync(root, join(dir, 'node_modules', 'actionplan'), 'dir')
    mkdirSync(join(dir, 'plans'))
    copyFileSync(join(root, 'fixtures', 'docx', 'telford', 'input.docx'), join(dir, 'plans', 'telford.docx'))
    writeFileSync(join(dir, 'example.mjs'), code!)
    const result = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' })
    expect(result.stderr).toMatch(/: 28 recommendations\nstored as [0-9a-f]+, revision 1\n$/)
    expect(result.status).toBe(0)
    const rows = await csvRows(result.stdout)
    const cli = spawnSync(process.execPath, [join(root, 'bin', 'actionplan.js'), 'export', '--db', 'plans.sqlite'], { cwd: dir, encoding: 'utf8' })
    expect(cli.status).toBe(0)
    expect(rows[0]?.slice(0, 2)).toEqual(['plan_id', 'authority'])
    expect(rows.length).toBeGreaterThan(28)
    expect(result.stdout).toBe(cli.stdout)
  })
})
