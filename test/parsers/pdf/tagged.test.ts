import { describe, expect, it } from 'vitest'
import { pageFrame } from '../../../parsers/pdf/geometry.js'
import { ruledGrids, type Grid } from '../../../parsers/pdf/ruled-grid.js'
import type { Segment } from '../../../parsers/pdf/rulings.js'
import { taggedPage, type StructNode } from '../../../parsers/pdf/struct-tables.js'
import { placeTaggedTable, type PlaceInput } from '../../../parsers/pdf/tagged-grid.js'
import type { TextRun } from '../../../parsers/pdf/text-items.js'
import type { Table } from '../../../schemas/index.js'

/** Small hand-made structure trees, in the shape pdf.js serialises them, and runs carrying their ids. */
const content = (id: string): StructNode => ({ type: 'content', id })
const el = (role: string, ...children: StructNode[]): StructNode => ({ role, children })
const p = (...ids: string[]): StructNode => el('P', ...ids.map(content))
const td = (...children: StructNode[]): StructNode => el('TD', ...children)
const th = (...ids: string[]): StructNode => el('TH', p(...ids))
const root = (...children: StructNode[]): StructNode => el('Root', el('Document', ...children))

const run = (tag: string, text: string, x0: number, baseline: number): TextRun => ({
  text,
  box: { x0, y0: baseline - 7, x1: x0 + text.length * 4.5, y1: baseline + 2 },
  baseline,
  size: 8,
  bold: false,
  tag,
})
const index = (runs: TextRun[]): Map<string, TextRun[]> => {
  const map = new Map<string, TextRun[]>()
  for (const r of runs) map.set(r.tag!, [...(map.get(r.tag!) ?? []), r])
  return map
}
// Layout coordinates are PDF coordinates flipped on a 600pt-high page.
const frame = pageFrame({ width: 800, height: 600, transform: [1, 0, 0, -1, 0, 600] })
const input = (runs: TextRun[], ruled: Grid[] = []): PlaceInput => ({ byTag: index(runs), pageRuns: runs, loose: runs.filter((r) => r.tag === null), ruled, rects: [], frame, page: 1, carried: null })
const shape = (table: Table): unknown => table.rows.map((r) => [r.header, r.cells.map((c) => [c.col, c.rowSpan, c.colSpan, c.lines.join(' / ')])])

describe('structure tree of a page', () => {
  it('gives rows of cells of blocks, through THead and TBody, and blocks outside tables', () => {
    const tree = root(
      el('H2', content('h')),
      el('Table', el('THead', el('TR', th('a'), th('b'))), el('TBody', el('TR', td(p('c1', 'c2'), p('c3')), td(el('L', el('LI', el('LBody', p('d1'))), el('LI', el('LBody', p('d2')))))))),
      p('after'),
    )
    const page = taggedPage(tree)
    expect(page.broken).toBeNull()
    expect(page.blocks).toEqual([
      { role: 'H2', ids: ['h'] },
      { role: 'P', ids: ['after'] },
    ])
    expect(page.tables).toHaveLength(1)
    expect(page.tables[0]!.rows.map((r) => r.cells.map((c) => [c.header, c.blocks.map((b) => b.ids)]))).toEqual([
      [
        [true, [['a']]],
        [true, [['b']]],
      ],
      [
        [false, [['c1', 'c2'], ['c3']]],
        [false, [['d1'], ['d2']]],
      ],
    ])
  })

  it('leaves out rows with no text on this page (a table running over pages lists them all)', () => {
    const page = taggedPage(root(el('Table', el('TR', td(), td()), el('TR', td(p('x')), td()))))
    expect(page.tables[0]!.rows).toHaveLength(1)
  })

  it('says why a malformed table cannot be followed', () => {
    expect(taggedPage(root(el('Table', el('TR', content('x'))))).broken).toBe('text directly under a TR element')
    expect(taggedPage(root(el('Table', p('x')))).broken).toBe('a P element among the rows of a Table')
    expect(taggedPage(root(el('Table', el('TR', p('x'))))).broken).toBe('a P element among the cells of a TR')
    expect(taggedPage(null)).toEqual({ tables: [], blocks: [], broken: null })
  })
})

describe('a tagged table placed on the page', () => {
  it('without rules: columns from the full rows, a vertical merge from the row above, a banner across the table', () => {
    // Ref | Recommendation | Action, then a recommendation with two actions (Word merged the first
    // two cells down, so the second row has only its action cell), then a section banner.
    const runs = [
      run('h1', 'Ref', 10, 20), run('h2', 'Recommendation', 60, 20), run('h3', 'Action', 200, 20),
      run('r1', '1.1', 10, 40), run('r2', 'Improve plans', 60, 40), run('r3', 'Audit plans', 200, 40),
      run('s3', 'Train staff', 200, 60),
      run('b', 'PRIORITY 2: LOOKED AFTER CHILDREN', 10, 80),
    ]
    const tree = root(
      el('Table', el('TR', th('h1'), th('h2'), th('h3')), el('TR', td(p('r1')), td(p('r2')), td(p('r3'))), el('TR', td(p('s3'))), el('TR', td(p('b')))),
    )
    const tagged = taggedPage(tree).tables[0]!
    const placed = placeTaggedTable(tagged, input(runs, []))
    expect(placed && 'table' in placed).toBe(true)
    if (!placed || !('table' in placed)) return
    expect(placed.table.columns).toBe(3)
    expect(shape(placed.table)).toEqual([
      [true, [[0, 1, 1, 'Ref'], [1, 1, 1, 'Recommendation'], [2, 1, 1, 'Action']]],
      [false, [[0, 2, 1, '1.1'], [1, 2, 1, 'Improve plans'], [2, 1, 1, 'Audit plans']]],
      [false, [[2, 1, 1, 'Train staff']]],
      [false, [[0, 1, 3, 'PRIORITY 2: LOOKED AFTER CHILDREN']]],
    ])
    expect(placed.runs.size).toBe(runs.length)
  })

  it('keeps each tagged paragraph a line of its own, whatever its width', () => {
    // Two paragraphs in one cell, the first filling its line: the layout alone would read one wrapped paragraph.
    const runs = [run('a', 'Lead', 10, 20), run('b', 'Date', 100, 20), run('c', 'Director of Nursing', 10, 40), run('d', 'Jane Smith', 10, 50), run('e', '31/03/12', 100, 40)]
    const tree = root(el('Table', el('TR', td(p('a')), td(p('b'))), el('TR', td(p('c'), p('d')), td(p('e')))))
    const placed = placeTaggedTable(taggedPage(tree).tables[0]!, input(runs, []))
    if (!placed || !('table' in placed)) throw new Error('not placed')
    expect(placed.table.rows[1]!.cells[0]!.lines).toEqual(['Director of Nursing', 'Jane Smith'])
  })

  const h = (at: number, from: number, to: number): Segment => ({ orient: 'h', at, from, to })
  const v = (at: number, from: number, to: number): Segment => ({ orient: 'v', at, from, to })

  it('in a ruled grid: splits a cell drawn without inner rules that holds several tagged cells of one row', () => {
    // Columns at 0, 100, 200, 300; the second row's inner rules are missing (a row cut by the page break).
    const segments = [h(0, 0, 300), h(30, 0, 300), h(60, 0, 300), v(0, 0, 60), v(300, 0, 60), v(100, 0, 30), v(200, 0, 30)]
    const grids = ruledGrids(segments)
    expect(grids[0]!.cells.filter((c) => c.row === 1)).toHaveLength(1)
    const runs = [run('a', 'Ref', 5, 15), run('b', 'Action', 105, 15), run('c', 'Lead', 205, 15), run('d', 'and more', 105, 45), run('e', 'J Bloggs', 205, 45)]
    const tree = root(el('Table', el('TR', th('a'), th('b'), th('c')), el('TR', td(), td(p('d')), td(p('e')))))
    const placed = placeTaggedTable(taggedPage(tree).tables[0]!, input(runs, grids))
    if (!placed || !('table' in placed)) throw new Error(`not placed: ${JSON.stringify(placed)}`)
    expect(shape(placed.table)).toEqual([
      [true, [[0, 1, 1, 'Ref'], [1, 1, 1, 'Action'], [2, 1, 1, 'Lead']]],
      [false, [[0, 1, 2, 'and more'], [2, 1, 1, 'J Bloggs']]],
    ])
  })

  it('says so when the tags and the rules disagree, so that the page is read from the layout', () => {
    // One ruled cell holding the text of two tagged rows.
    const grids = ruledGrids([h(0, 0, 200), h(60, 0, 200), v(0, 0, 60), v(100, 0, 60), v(200, 0, 60)])
    const runs = [run('a', 'one', 5, 15), run('b', 'two', 5, 45), run('c', 'x', 105, 15)]
    const tree = root(el('Table', el('TR', td(p('a')), td(p('c'))), el('TR', td(p('b')))))
    expect(placeTaggedTable(taggedPage(tree).tables[0]!, input(runs, grids))).toEqual({ problem: 'one ruled cell holds text of 2 tagged rows' })
  })
})

describe('a tagged borderless table over two pages (fixtures/pdf/banes-portrait)', () => {
  it("gives its part on page 2 the columns of page 1, and the header row repeated there as an artifact", async () => {
    const { readFileSync } = await import('node:fs')
    const { pdfReader } = await import('../../../parsers/pdf/index.js')
    const path = 'fixtures/pdf/banes-portrait/input.pdf'
    const { document, diagnostics } = await pdfReader.read({ bytes: new Uint8Array(readFileSync(path)), path })
    expect(diagnostics).toEqual([])
    const tables = document.blocks.filter((b): b is Table => b.kind === 'table')
    expect(tables.map((t) => [t.provenance.page, t.columns])).toEqual([
      [1, 7],
      [2, 7],
    ])
    // Page 2 holds one row, the last action of 3.1, whose ref and recommendation are merged down from page 1.
    expect(shape(tables[1]!)).toEqual([
      [true, [[0, 1, 1, 'Ref'], [1, 1, 1, 'Recommendation'], [2, 1, 1, 'Action'], [3, 1, 1, 'Lead Officer'], [4, 1, 1, 'Target Date'], [5, 1, 1, 'R A G'], [6, 1, 1, 'Progress']]],
      [false, [[0, 1, 1, ''], [1, 1, 1, ''], [2, 1, 1, 'Review the use of agency staff monthly at the workforce board'], [3, 1, 1, 'Ashley Ayre'], [4, 1, 1, 'Q4 2012/13'], [5, 1, 1, 'R'], [6, 1, 1, 'Agency use rose over the winter; a recovery plan goes to the February board.']]],
    ])
    // Words and numbers too long for their narrow columns are cut at the line end and joined back.
    const cells = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text)))
    expect(cells).toEqual(expect.arrayContaining(['1.1', '31st January 2013', 'Sally Churchyard / Richard Baldwin', 'Ongoing', 'Immediate']))
  })
})
