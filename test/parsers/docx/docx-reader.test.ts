import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SourceDocument, type Block, type Paragraph, type Table } from '../../../schemas/index.js'
import { docxReader } from '../../../parsers/docx/index.js'

const file = (name: string): string => `fixtures/unit/docx/${name}`
const read = async (name: string) => {
  const result = await docxReader.read({ bytes: readFileSync(file(name)), path: file(name) })
  expect(SourceDocument.parse(result.document)).toEqual(result.document)
  return result
}
const tables = (blocks: Block[]): Table[] => blocks.filter((b): b is Table => b.kind === 'table')
const paragraphs = (blocks: Block[]): Paragraph[] => blocks.filter((b): b is Paragraph => b.kind === 'paragraph')
/** [col, colSpan, rowSpan, fill, text] per cell: the grid at a glance. */
const grid = (t: Table) => t.rows.map((r) => ({ header: r.header, cells: r.cells.map((c) => [c.col, c.colSpan, c.rowSpan, c.fill, c.text]) }))

describe('Word reader: table grid', () => {
  it('places merged cells once, where they start, with their spans, fills and header rows', async () => {
    const { document } = await read('grid.docx')
    const [table] = tables(document.blocks)
    expect(table).toMatchObject({ index: 0, columns: 4 })
    expect(grid(table!)).toEqual([
      { header: true, cells: [[0, 1, 1, '#d9d9d9', 'Ref'], [1, 1, 1, '#d9d9d9', 'Action'], [2, 1, 1, '#d9d9d9', 'Lead'], [3, 1, 1, '#d9d9d9', 'RAG']] },
      { header: false, cells: [[0, 4, 1, null, 'PRIORITY 1: SAFER CARE']] },
      { header: false, cells: [[0, 1, 3, null, 'R1'], [1, 1, 1, null, 'Audit files'], [2, 1, 1, null, 'J Smith'], [3, 1, 1, '#ff0000', 'Red']] },
      { header: false, cells: [[1, 1, 1, null, 'Train staff'], [2, 1, 1, null, 'A Jones'], [3, 1, 1, '#ffc000', 'Amber']] },
      { header: false, cells: [[1, 1, 1, null, 'Review policy'], [2, 2, 1, '#00b050', 'Green']] },
      { header: false, cells: [[1, 3, 1, null, 'Note across three columns']] },
    ])
    expect(table!.rows[3]!.cells[2]!.provenance).toEqual({ page: null, bbox: null, table: 0, row: 3, col: 3 })
    expect(table!.rows[0]!.cells.every((c) => c.bold)).toBe(true)
  })

  it('reads headings (by style name too), list items, line breaks and the title, not headers or footers', async () => {
    const { document } = await read('grid.docx')
    expect(document).toMatchObject({ format: 'docx', pages: null, title: 'Unit grid plan' })
    expect(paragraphs(document.blocks).map((p) => [p.text, p.heading, p.listItem, p.bold])).toEqual([
      ['Action plan', 1, false, true],
      ['Progress report', 2, false, false],
      ['First bullet', null, true, false],
      ['Line one', null, false, false],
      ['Line two', null, false, false],
    ])
    expect(JSON.stringify(document)).not.toMatch(/HEADER TEXT|FOOTER TEXT/)
  })
})

describe('Word reader: cell text', () => {
  it('gives one line per paragraph or list item, folded, and the bold lead word', async () => {
    const { document } = await read('cell-text.docx')
    const [milestones, completed, due] = tables(document.blocks)[0]!.rows[0]!.cells
    expect(milestones).toMatchObject({ lines: ['Milestones', 'Draft guidance', 'Agree it'], text: 'Milestones Draft guidance Agree it', bold: false, boldLead: 'Milestones' })
    expect(completed).toMatchObject({ lines: ['Completed the audit in June'], bold: false, boldLead: 'Completed' })
    expect(due).toMatchObject({ text: 'Due July 2012', bold: false, boldLead: null })
  })

  it('keeps inserted text, drops deleted and hidden text, and says so', async () => {
    const { document, diagnostics } = await read('cell-text.docx')
    expect(JSON.stringify(document)).not.toMatch(/June 2012|secret/)
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'info', code: 'TRACKED_CHANGES' })])
  })

  it('takes bold from runs and from the paragraph style, and w:b="0" overrides the style', async () => {
    const { document } = await read('cell-text.docx')
    const [split, styled, overridden] = tables(document.blocks)[0]!.rows[1]!.cells
    expect(split).toMatchObject({ text: 'SAFEGUARDING', bold: true, boldLead: null })
    expect(styled).toMatchObject({ text: 'Bold by style', bold: true, boldLead: null })
    expect(overridden).toMatchObject({ lines: ['Not bold', 'link text'], bold: false, boldLead: null })
  })
})

describe('Word reader: nested tables', () => {
  it('emits the inner table after the outer one and keeps its text in the outer cell', async () => {
    const { document } = await read('nested.docx')
    expect(document.blocks.map((b) => (b.kind === 'table' ? `table ${b.index}` : b.text))).toEqual(['table 0', 'table 1', 'Between', 'table 2'])
    const [outer, inner] = tables(document.blocks)
    expect(outer!.rows[0]!.cells[1]!.lines).toEqual(['Before', 'i1', 'i2', 'i3', 'i4', 'After'])
    expect(grid(inner!)).toEqual([
      { header: false, cells: [[0, 1, 1, null, 'i1'], [1, 1, 1, null, 'i2']] },
      { header: false, cells: [[0, 1, 1, null, 'i3'], [1, 1, 1, null, 'i4']] },
    ])
    expect(inner!.rows[1]!.cells[1]).toMatchObject({ bold: true, provenance: { table: 1, row: 1, col: 1 } })
  })
})

describe('Word reader: sniffing', () => {
  it('recognises zip and OLE signatures only', () => {
    expect(docxReader.sniff(readFileSync(file('grid.docx')).subarray(0, 8))).toBe(true)
    expect(docxReader.sniff(readFileSync(file('encrypted.docx')).subarray(0, 8))).toBe(true)
    expect(docxReader.sniff(new TextEncoder().encode('%PDF-1.7'))).toBe(false)
    expect(docxReader.sniff(new TextEncoder().encode('<html>'))).toBe(false)
  })
})
