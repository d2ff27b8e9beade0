import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { READERS } from '../parsers/index.js'
import { readDocument, readPlan } from '../src/ingest.js'
import { tablesOf } from '../src/tables.js'
import { renderPlanTree } from '../src/export/tree.js'
import { renderDocumentText } from '../src/render/document-text.js'
import { expectGolden, expectGoldenText } from './golden.js'

/**
 * One test finds every fixture case (fixtures/<format>/<case>/input.*) and compares the cell grids
 * its reader found with tables.json, the reader's whole document (paragraphs, and the lines of each
 * cell) with document.outline (a text outline), its whole export with plan.json, and its tree with plan.tree. `npm run test:update` rewrites them;
 * review the diff row by row before committing.
 */
const root = join(import.meta.dirname, '..')
// A format's fixtures are checked once its reader is registered.
const FORMAT_DIRS = READERS.map((r) => r.format)

function fixtureCases(): { format: string; name: string; dir: string; input: string }[] {
  const cases: { format: string; name: string; dir: string; input: string }[] = []
  for (const format of FORMAT_DIRS) {
    const base = join(root, 'fixtures', format)
    if (!existsSync(base)) continue
    for (const name of readdirSync(base).sort()) {
      const dir = join(base, name)
      const input = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith('input.')) : undefined
      if (input) cases.push({ format, name, dir, input: join(dir, input) })
    }
  }
  return cases
}

describe('golden exports', () => {
  for (const c of fixtureCases()) {
    it(`${c.format}/${c.name} gives its golden export and tree`, async () => {
      const path = relative(root, c.input)
      const bytes = readFileSync(c.input)
      // The cell grids the reader found (what `actionplan tables` prints), before assembly.
      const { document } = await readDocument(path, bytes)
      expectGolden(join(c.dir, 'tables.json'), tablesOf(document))
      expectGoldenText(join(c.dir, 'document.outline'), renderDocumentText(document))
      const { interpretation } = await readPlan(path, bytes)
      expectGolden(join(c.dir, 'plan.json'), interpretation.plan)
      expectGoldenText(join(c.dir, 'plan.tree'), renderPlanTree(interpretation.plan))
    })
  }

  it('finds the three sample plans among the fixtures', () => {
    const names = fixtureCases().filter((c) => c.format === 'text').map((c) => c.name)
    expect(names).toEqual(expect.arrayContaining(['darlington', 'dudley', 'telford']))
  })
})
