import { describe, expect, it } from 'vitest'
import type { Block, Cell, SourceDocument, Table } from '../../schemas/index.js'
import { assembleTables } from '../../src/assemble/index.js'
import { gridOf } from '../../src/assemble/grid.js'

function cell(text: string, table: number, row: number, col: number, extra: Partial<Cell> = {}): Cell {
  const lines = text ? [text] : []
  return { text, lines, col, rowSpan: 1, colSpan: 1, fill: null, bold: false, boldLead: null, provenance: { page: null, bbox: null, table, row, col }, ...extra }
}

function table(index: number, rows: string[][]): Table {
  const columns = Math.max(...rows.map((r) => r.length))
  return {
    kind: 'table', index, columns, provenance: { page: index + 1, bbox: null },
    rows: rows.map((r, ri) => ({ header: false, cells: Array.from({ length: columns }, (_, c) => cell(r[c] ?? '', index, ri, c)) })),
  }
}

const para = (text: string): Block => ({ kind: 'paragraph', text, bold: false, heading: null, listItem: false, provenance: { page: null, bbox: null } })
const doc = (blocks: Block[]): SourceDocument => ({ format: 'text', pages: null, title: null, blocks })

describe('assembleTables', () => {
  it('joins a table continued after a running header to its first part', () => {
    const result = assembleTables(doc([
      para('WORKING DOCUMENT'),
      table(0, [['Action', 'Who'], ['Do a thing', 'Ann Lee']]),
      para('WORKING DOCUMENT'),
      table(1, [['Do another', 'Bob Ray']]),
    ]))
    expect(result.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table'])
    const joined = result.blocks[1] as Table
    expect(joined.rows.map((r) => r.cells[0]!.text)).toEqual(['Action', 'Do a thing', 'Do another'])
    expect(joined.rows[2]!.cells[0]!.provenance.table).toBe(1)
  })

  it('folds a row cut by a page break back into the row above', () => {
    const result = assembleTables(doc([
      table(0, [['Align policies', 'NHSD', 'Alignment of policies across the Black Country. Allow a consistent approach to safeguarding']]),
      table(1, [['', '', 'children'], ['Gather policies', 'NHSD', '']]),
    ]))
    const joined = result.blocks[0] as Table
    expect(joined.rows).toHaveLength(2)
    expect(joined.rows[0]!.cells[2]!.text).toBe('Alignment of policies across the Black Country. Allow a consistent approach to safeguarding children')
    expect(joined.rows[1]!.cells[0]!.text).toBe('Gather policies')
  })

  it('does not fold a new row that only looks short', () => {
    const result = assembleTables(doc([
      table(0, [['', 'Do a thing', 'Ann Lee']]),
      table(1, [['R2', 'RECOMMENDATION: Improve', '']]),
    ]))
    expect((result.blocks[0] as Table).rows).toHaveLength(2)
  })

  it('keeps tables of different widths apart, and a table after real text apart', () => {
    const result = assembleTables(doc([table(0, [['a', 'b']]), table(1, [['a', 'b', 'c']]), para('Appendix 2'), table(2, [['a', 'b', 'c']])]))
    expect(result.blocks.map((b) => b.kind)).toEqual(['table', 'table', 'paragraph', 'table'])
  })

  it('drops page numbers and repeated running lines but keeps the first, which is often the title', () => {
    const result = assembleTables(doc([para('Improvement Plan v2'), para('Page 1 of 3'), table(0, [['a', 'b']]), para('Improvement Plan v2'), para('2')]))
    expect(result.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text)).toEqual(['Improvement Plan v2'])
  })
})

describe('gridOf', () => {
  it('shows a cell merged over rows on every row it covers, marked as not its origin', () => {
    const t = table(0, [['Milestone', 'Action one'], ['', 'Action two']])
    t.rows[0]!.cells[0] = { ...t.rows[0]!.cells[0]!, rowSpan: 2 }
    t.rows[1]!.cells = t.rows[1]!.cells.filter((c) => c.col !== 0)
    const grid = gridOf(t)
    expect(grid[1]![0]!.cell.text).toBe('Milestone')
    expect(grid[1]![0]!.origin).toBe(false)
    expect(grid[0]![0]!.origin).toBe(true)
  })
})
