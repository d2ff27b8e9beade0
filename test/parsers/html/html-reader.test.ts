import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ReadError, SourceDocument, type Block, type Paragraph, type Table } from '../../../schemas/index.js'
import { htmlReader } from '../../../parsers/html/index.js'

const file = (name: string): string => `fixtures/unit/html/${name}`
const read = async (name: string) => {
  const result = await htmlReader.read({ bytes: readFileSync(file(name)), path: file(name) })
  expect(SourceDocument.parse(result.document)).toEqual(result.document)
  return result
}
const tables = (blocks: Block[]): Table[] => blocks.filter((b): b is Table => b.kind === 'table')
const paragraphs = (blocks: Block[]): Paragraph[] => blocks.filter((b): b is Paragraph => b.kind === 'paragraph')
/** [col, colSpan, rowSpan, fill, text] per cell: the grid at a glance. */
const grid = (t: Table) => t.rows.map((r) => ({ header: r.header, cells: r.cells.map((c) => [c.col, c.colSpan, c.rowSpan, c.fill, c.text]) }))

describe('HTML reader: table grid', () => {
  it('places cells on an occupancy grid under rowspans and colspans, with fills and header rows', async () => {
    const { document, diagnostics } = await read('grid.html')
    const [table] = tables(document.blocks)
    expect(table).toMatchObject({ index: 0, columns: 4 })
    expect(grid(table!)).toEqual([
      { header: true, cells: [[0, 1, 1, null, 'Ref'], [1, 1, 1, null, 'Action'], [2, 1, 1, null, 'Lead'], [3, 1, 1, null, 'RAG']] },
      { header: false, cells: [[0, 4, 1, '#d9d9d9', 'PRIORITY 1']] },
      { header: false, cells: [[0, 1, 3, null, 'R1'], [1, 1, 1, null, 'Audit files'], [2, 1, 1, null, 'J Smith'], [3, 1, 1, '#ff0000', 'Red']] },
      { header: false, cells: [[1, 1, 1, null, 'Train staff'], [2, 1, 1, null, 'A Jones'], [3, 1, 1, '#ffc000', 'Amber']] },
      { header: false, cells: [[1, 1, 1, null, 'Review policy'], [2, 2, 2, '#008000', 'Green']] },
      { header: false, cells: [[0, 1, 1, null, 'R2'], [1, 1, 1, null, 'Next']] },
      { header: false, cells: [[0, 1, 1, null, 'Completed the audit'], [1, 1, 1, null, 'Line one Line two Para three'], [2, 1, 1, null, 'One Two'], [3, 1, 1, '#ffc000', 'Bold by style']] },
      // A transparent cell shows its row's colour; a word that is no CSS colour is no fill, and said.
      { header: false, cells: [[0, 1, 1, '#ffff00', 'Row fill'], [1, 1, 1, '#ffff00', 'Transparent'], [2, 1, 1, null, 'Odd name']] },
    ])
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'UNKNOWN_COLOUR', message: expect.stringContaining('greenish') })])
    expect(table!.rows[5]!.cells[1]!.provenance).toEqual({ page: null, bbox: null, table: 0, row: 5, col: 1 })
  })

  it('splits cell lines at <br>, <p> and <li>, and finds bold from tags, th and font-weight', async () => {
    const { document } = await read('grid.html')
    const table = tables(document.blocks)[0]!
    expect(table.rows[0]!.cells.every((c) => c.bold)).toBe(true)
    const [lead, breaks, list, styled] = table.rows[6]!.cells
    expect(lead).toMatchObject({ bold: false, boldLead: 'Completed' })
    expect(breaks!.lines).toEqual(['Line one', 'Line two', 'Para three'])
    expect(list!.lines).toEqual(['One', 'Two'])
    expect(styled).toMatchObject({ bold: true, boldLead: null })
    // The stylesheet says td { font-weight: bold }: stylesheets are not applied.
    expect(table.rows[2]!.cells[1]!.bold).toBe(false)
  })

  it('reads paragraphs, headings, list items and the title, and skips head, script and style', async () => {
    const { document } = await read('grid.html')
    expect(document).toMatchObject({ format: 'html', pages: null, title: 'Unit grid & colours' })
    expect(paragraphs(document.blocks).map((p) => [p.text, p.heading, p.listItem, p.bold])).toEqual([
      ['Action plan', 1, false, true],
      ['Intro with bold word – and entities.', null, false, false],
      ['First point', null, true, false],
      ['All bold point', null, true, true],
      ['Loose div text', null, false, false],
      ['In p', null, false, false],
    ])
    expect(JSON.stringify(document)).not.toMatch(/from script|hidden/)
  })
})

describe("HTML reader: Word's Save as Web Page", () => {
  it('decodes windows-1252, drops list bullets and mso styles, keeps shading and bold', async () => {
    const { document, diagnostics } = await read('word-export.html')
    expect(diagnostics).toEqual([])
    expect(document.title).toBe('Ofsted action plan – July')
    expect(paragraphs(document.blocks).map((p) => [p.text, p.heading, p.listItem])).toEqual([
      ['Action Plan', 1, false],
      ['Safeguarding', 1, false],
      ['Council’s first point', null, true],
    ])
    expect(grid(tables(document.blocks)[0]!)).toEqual([
      { header: false, cells: [[0, 1, 1, '#d9d9d9', 'Action'], [1, 1, 1, '#d9d9d9', 'Status']] },
      { header: false, cells: [[0, 1, 1, null, 'Audit the files – weekly Draft Agree'], [1, 1, 1, '#ffc000', 'Ongoing – update due']] },
    ])
    const [audit, status] = tables(document.blocks)[0]!.rows[1]!.cells
    expect(audit!.lines).toEqual(['Audit the files – weekly', 'Draft', 'Agree'])
    expect(status).toMatchObject({ bold: false, boldLead: 'Ongoing' })
    expect(tables(document.blocks)[0]!.rows[0]!.cells.every((c) => c.bold)).toBe(true)
  })
})

describe('HTML reader: nested tables and row groups', () => {
  it('emits the inner table after the outer one, keeps its text in the cell, clips rowspans to the row group', async () => {
    const { document } = await read('nested.html')
    expect(document.blocks.map((b) => (b.kind === 'table' ? `table ${b.index}` : b.text))).toEqual(['Outer caption', 'table 0', 'table 1', 'Between', 'table 2'])
    const [outer, inner, groups] = tables(document.blocks)
    expect(outer!.rows[0]!.cells[1]!.lines).toEqual(['Before', 'i1', 'i2', 'i3', 'i4', 'After'])
    expect(inner!.rows[1]!.cells[1]).toMatchObject({ text: 'i4', bold: true, provenance: { table: 1, row: 1, col: 1 } })
    expect(grid(groups!)).toEqual([
      { header: true, cells: [[0, 1, 2, null, 'Clipped at thead end'], [1, 1, 1, null, 'H2']] },
      { header: true, cells: [[1, 1, 1, null, 'H3']] },
      { header: false, cells: [[0, 1, 2, null, 'To group end'], [1, 1, 1, null, 'b1']] },
      { header: false, cells: [[1, 1, 1, null, 'b2']] },
      { header: false, cells: [[0, 1, 1, null, 'c1'], [1, 1, 1, null, 'c2']] },
    ])
  })
})

describe('HTML reader: sniffing and bad files', () => {
  it('sniffs a doctype, an <html> tag or an early <table>, after a BOM, white space or comments', () => {
    const head = (text: string): Uint8Array => new TextEncoder().encode(text)
    expect(htmlReader.sniff(head('\ufeff  <!DOCTYPE HTML>'))).toBe(true)
    expect(htmlReader.sniff(head('<!-- saved from url --><html>'))).toBe(true)
    expect(htmlReader.sniff(head('Plan\n<TABLE><tr><td>x'))).toBe(true)
    expect(htmlReader.sniff(head('Action\tLead\n'))).toBe(false)
    expect(htmlReader.sniff(readFileSync(file('word-export.html')).subarray(0, 4096))).toBe(true)
  })

  it.each([
    ['empty.html', /file is empty/],
    ['no-text.html', /holds no text/],
  ])('refuses %s as EMPTY_FILE, naming the file', async (name, message) => {
    const error = await read(name).then(
      () => new Error('accepted'),
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ReadError)
    expect(error).toMatchObject({ code: 'EMPTY_FILE', file: file(name), message: expect.stringMatching(new RegExp(`^${file(name)}: .*${message.source}`)) })
  })
})
