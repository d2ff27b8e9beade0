import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The house rules on the shape of the code, checked on every run: small files, and a CLI that is a
 * thin shell over the library (STYLE.md "Layout", issue 16).
 */

const root = join(import.meta.dirname, '..')
const MAX_LINES = 300
/** A command file is its options, its help text and a few calls: more than this and logic has crept in. */
const MAX_CLI_LINES = 80

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort()
}

const lineCount = (path: string): number => readFileSync(join(root, path), 'utf8').replace(/\n$/, '').split('\n').length

/** The module names a file imports from (static imports and re-exports). */
const importsOf = (text: string): string[] => [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!)

describe('code shape', () => {
  it('no file under src/ or parsers/ is over 300 lines', () => {
    const files = [...tsFiles('src'), ...tsFiles('parsers')]
    expect(files.length).toBeGreaterThan(50)
    const long = files.map((f) => ({ f, n: lineCount(f) })).filter(({ n }) => n > MAX_LINES).map(({ f, n }) => `${f}: ${n} lines`)
    expect(long).toEqual([])
  })

  const cli = tsFiles('src/cli')

  it('the CLI is one small file per command', () => {
    for (const command of ['ingest', 'runs', 'history', 'export', 'compare', 'search', 'report', 'list', 'show', 'tables', 'explain']) expect(cli).toContain(`src/cli/${command}.ts`)
    const long = cli.map((f) => ({ f, n: lineCount(f) })).filter(({ n }) => n > MAX_CLI_LINES).map(({ f, n }) => `${f}: ${n} lines`)
    expect(long).toEqual([])
  })

  /**
   * Thin means: options in, a library call, text out. A CLI file may import only commander, Node's
   * own modules, its sibling CLI files and the library API (src/index.ts), so every parser and
   * renderer it uses is one a library user can call too; and it lays out no columns and formats
   * no numbers itself (padStart, padEnd, toFixed belong to the renderers).
   */
  it('CLI files reach the code only through the library API and format nothing themselves', () => {
    expect(cli.length).toBeGreaterThan(10)
    for (const file of cli) {
      const text = readFileSync(join(root, file), 'utf8')
      const stray = importsOf(text).filter((m) => !(m === 'commander' || m.startsWith('node:') || m === '../index.js' || /^\.\/[\w-]+\.js$/.test(m)))
      expect(stray, file).toEqual([])
      expect(text, file).not.toMatch(/\.(padStart|padEnd|toFixed)\(/)
    }
  })

  it('the import check sees the imports it must refuse', () => {
    const text = "import { csvCell } from '../export/csv.js'\nimport type { Plan } from '../../schemas/index.js'\nexport { x } from './y.js'\n"
    expect(importsOf(text)).toEqual(['../export/csv.js', '../../schemas/index.js', './y.js'])
  })
})

describe('the Node version', () => {
  const json = (path: string): { engines?: { node?: string } } => JSON.parse(readFileSync(join(root, path), 'utf8'))

  it('package.json asks for the Node 20 that pdfjs-dist needs, and the README says the same', () => {
    const ours = json('package.json').engines?.node
    expect(ours).toBe('>=20.19')
    // pdfjs-dist asks for ">=20.19.0 || >=22.13.0 || >=24": its Node 20 floor is ours.
    const theirs = json('node_modules/pdfjs-dist/package.json').engines?.node ?? ''
    expect(theirs.split('||')[0]!.trim().replace(/\.0$/, '')).toBe(ours)
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('Node 20.19 or later')
  })
})
