import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ReadError, type Block, type Table } from '../../../schemas/index.js'
import { detectReader } from '../../../parsers/index.js'
import { readCsv } from '../../../parsers/csv/index.js'
import { gridToBlocks, type GridCell } from '../../../parsers/xlsx/grid-blocks.js'
import { readWorkbook } from '../../../parsers/xlsx/index.js'

const root = join(import.meta.dirname, '..', '..', '..')
const fixture = (path: string): Uint8Array => readFileSync(join(root, 'fixtures', path))
const tables = (blocks: readonly Block[]): Table[] => blocks.filter((b): b is Table => b.kind === 'table')

async function refusal(run: () => Promise<unknown>): Promise<ReadError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof ReadError) return error
    throw error
  }
  throw new Error('accepted')
}

describe('xlsx reader on the Wakefield tracker', async () => {
  const { document, diagnostics } = await readWorkbook(fixture('xlsx/wakefield/input.xlsx'), 'wakefield.xlsx')
  const [plan, key] = tables(document.blocks)

  it('keeps the title rows above the header as paragraphs, and the sheet in provenance', () => {
    expect(document.blocks.slice(0, 2).map((b) => b.kind === 'paragraph' && b.text)).toEqual([
      'Wakefield Council and NHS Wakefield District',
      'CQC review of health services for children looked after and safeguarding in Wakefield: action plan, May 2013',
    ])
    expect(plan!.provenance.sheet).toBe('Action plan')
    expect(plan!.rows[0]!.cells[0]!.provenance).toMatchObject({ sheet: 'Action plan', page: null, table: 0, row: 0, col: 0 })
  })

  it('reads merged ranges as spans: a recommendation merged down, a theme row merged across', () => {
    expect(plan!.rows[1]!.cells).toHaveLength(1)
    expect(plan!.rows[1]!.cells[0]).toMatchObject({ text: 'SAFEGUARDING', colSpan: 7, rowSpan: 1, bold: true })
    expect(plan!.rows[2]!.cells[0]).toMatchObject({ rowSpan: 2, colSpan: 1, boldLead: 'Recommendation 1:' })
    // The row below the merged recommendation has no cell of its own in column 0.
    expect(plan!.rows[3]!.cells[0]!.col).toBe(1)
  })

  it('leaves out the hidden column, row and sheet, and says so', () => {
    const text = JSON.stringify(document)
    expect(text).not.toContain('Checked by PMO')
    expect(text).not.toContain('Withdrawn')
    expect(plan!.columns).toBe(7)
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['HIDDEN_COLUMNS', 'HIDDEN_ROWS', 'HIDDEN_SHEET'])
    expect(diagnostics.find((d) => d.code === 'HIDDEN_SHEET')!.message).toContain('"Lists"')
  })

  it('resolves the RAG fills whatever way they are stored, and keeps dates as displayed', () => {
    const rag = plan!.rows.flatMap((r) => r.cells.filter((c) => c.col === 5 && c.text === '').map((c) => c.fill))
    // Green (ARGB), amber (ARGB), red (indexed 10), blue (theme accent1).
    expect(new Set(rag)).toEqual(new Set(['#00b050', '#ffc000', '#ff0000', '#4f81bd']))
    const dates = plan!.rows.flatMap((r) => r.cells.filter((c) => c.col === 4).map((c) => c.text))
    expect(dates).toEqual(expect.arrayContaining(['31/03/13', 'Feb-13', 'June 2013', '30th April 2013', '1/7/2013', 'Quarterly']))
  })

  it('introduces the Key sheet as a RAG key, its table right after', () => {
    const i = document.blocks.findIndex((b) => b.kind === 'paragraph' && b.text === 'RAG key: sheet "Key"')
    expect(i).toBeGreaterThan(0)
    expect(document.blocks[i + 1]).toMatchObject({ kind: 'paragraph', text: 'Key to RAG ratings' })
    expect(document.blocks[i + 2]).toBe(key)
    expect(key!.provenance.sheet).toBe('Key')
    expect(key!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['Colour', 'Meaning'], ['Red', 'behind schedule'], ['Amber', 'in progress with some risk to delivery'], ['Green', 'on track'], ['Blue', 'complete']])
  })
})

describe('xlsx reader, other trackers', () => {
  it('reads every visible sheet of a tracker with one sheet per priority as its own table', async () => {
    const { document } = await readWorkbook(fixture('xlsx/bournemouth-poole/input.xlsx'), 'bp.xlsx')
    expect(tables(document.blocks).map((t) => t.provenance.sheet)).toEqual(['Priority 1', 'Priority 2', 'Priority 3', 'Priority 4', 'Priority 5', 'Priority 6'])
  })

  it('reads formulas by their cached values', async () => {
    const { document } = await readWorkbook(fixture('xlsx/banes/input.xlsx'), 'banes.xlsx')
    const refs = tables(document.blocks)[0]!.rows.map((r) => r.cells[1]!.text)
    expect(refs.slice(0, 4)).toEqual(['Ref', '1.1', '1.1', '1.2'])
  })
})

describe('grid to blocks', () => {
  const c = (text: string, extra: Partial<GridCell> = {}): GridCell => ({ text, lines: text ? [text] : [], bold: false, boldLead: null, fill: null, rowSpan: 1, colSpan: 1, ...extra })
  it('drops empty rows and shortens the merges over them; trims empty edge columns', () => {
    const grid = [
      [c(''), c('Title', { colSpan: 2 }), null],
      [c(''), c(''), c('')],
      [c(''), c('Ref'), c('Action')],
      [c(''), c('1', { rowSpan: 3 }), c('First')],
      [c(''), null, c('')],
      [c(''), null, c('Second')],
    ]
    const { blocks, hasTable } = gridToBlocks(grid, 3, 'S')
    expect(hasTable).toBe(true)
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', text: 'Title', provenance: { sheet: 'S' } })
    const table = blocks[1] as Table
    expect(table).toMatchObject({ index: 3, columns: 2 })
    expect(table.rows.map((r) => r.cells.map((x) => [x.text, x.col, x.rowSpan]))).toEqual([[['Ref', 0, 1], ['Action', 1, 1]], [['1', 0, 2], ['First', 1, 1]], [['Second', 1, 1]]])
  })

  it('reads a sheet without a row of two filled cells as paragraphs only', () => {
    expect(gridToBlocks([[c('Memo')], [c('Notes')]], 0, undefined)).toMatchObject({ hasTable: false, blocks: [{ text: 'Memo' }, { text: 'Notes' }] })
  })
})

describe('bad workbooks, each with its own error naming the file', () => {
  const cases: [string, string, RegExp][] = [
    ['encrypted.xlsx', 'ENCRYPTED', /^bad\/encrypted\.xlsx: password-protected Excel workbook; remove the password/],
    ['truncated.xlsx', 'CORRUPT', /^bad\/truncated\.xlsx: damaged Excel workbook \(no end of central directory; truncated\?\)/],
    ['bomb.xlsx', 'TOO_LARGE', /^bad\/bomb\.xlsx: Excel workbook unpacks too large .*zip bomb\?/],
    ['no-table.xlsx', 'NO_TABLES', /^bad\/no-table\.xlsx: no sheet of the workbook is laid out as a table/],
  ]
  for (const [name, code, message] of cases) {
    it(`${name}: ${code}`, async () => {
      const path = `bad/${name}`
      const bytes = fixture(path)
      expect(detectReader(path, bytes).format).toBe('xlsx')
      const error = await refusal(() => readWorkbook(bytes, path))
      expect(error.code).toBe(code)
      expect(error.message).toMatch(message)
    })
  }

  it('tells a legacy .xls from an encrypted workbook, and a workbook from a Word file', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array<number>(504).fill(0)])
    expect(await refusal(() => readWorkbook(ole, 'old.xls'))).toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringMatching(/legacy Excel \.xls workbook/) })
    expect(detectReader('old.xls', ole).format).toBe('xlsx')
    // The same OLE bytes named .doc stay with the Word reader.
    expect(detectReader('old.doc', ole).format).toBe('docx')
    // A workbook is a workbook whatever its name.
    expect(detectReader('tracker.docx', fixture('xlsx/banes/input.xlsx')).format).toBe('xlsx')
    expect(detectReader('plan.xlsx', fixture('docx/banes/input.docx')).format).toBe('xlsx')
    expect(await refusal(() => readWorkbook(fixture('docx/banes/input.docx'), 'plan.xlsx'))).toMatchObject({ message: expect.stringMatching(/a Word file, not an Excel workbook/) })
  })
})

describe('csv reader', () => {
  const enc = (text: string): Uint8Array => new TextEncoder().encode(text)
  const cells = async (bytes: Uint8Array, path = 'plan.csv'): Promise<string[][]> =>
    tables((await readCsv(bytes, path)).document.blocks)[0]!.rows.map((r) => r.cells.map((c) => c.lines.join('|')))

  it('handles quotes, doubled quotes and line breaks inside quoted fields', async () => {
    expect(await cells(enc('Action,Lead\r\n"Audit plans, monthly","Sally /\r\nRichard"\r\n"Say ""no""",X\r\n'))).toEqual([['Action', 'Lead'], ['Audit plans, monthly', 'Sally /|Richard'], ['Say "no"', 'X']])
  })

  it('decodes UTF-8 with a BOM and windows-1252 as the text reader does', async () => {
    expect(await cells(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('Action,Lead\nChildren’s plan,Jo\n')]))).toEqual([['Action', 'Lead'], ['Children’s plan', 'Jo']])
    expect(await cells(Uint8Array.from([...enc('Action,Lead\nChildren'), 0x92, ...enc('s plan '), 0x96, ...enc(' review,Jo\n')]))).toEqual([['Action', 'Lead'], ['Children’s plan – review', 'Jo']])
    const fixtureRows = await cells(fixture('csv/banes/input.csv'), 'banes.csv')
    expect(fixtureRows[0]).toEqual(['Priority', 'Ref', 'Recommendation', 'Action', 'Lead Officer', 'Target Date', 'RAG', 'Progress'])
  })

  it('takes ; as the delimiter where Excel wrote it, and TAB in a .tsv', async () => {
    expect(await cells(enc('Action;Lead\nAudit;Jo\n'))).toEqual([['Action', 'Lead'], ['Audit', 'Jo']])
    expect(await cells(enc('Action\tLead\nAudit, monthly\tJo\n'), 'plan.tsv')).toEqual([['Action', 'Lead'], ['Audit, monthly', 'Jo']])
    expect(detectReader('plan.tsv', enc('a\tb\n')).format).toBe('csv')
  })

  it('refuses a CSV with no row of two fields and a binary file', async () => {
    expect(await refusal(() => readCsv(enc('just a note\n'), 'note.csv'))).toMatchObject({ code: 'NO_TABLES', message: expect.stringMatching(/^note\.csv: /) })
    expect(await refusal(() => readCsv(Uint8Array.from([1, 2, 0, 3]), 'x.csv'))).toMatchObject({ code: 'CORRUPT' })
  })
})

describe('tables and explain name the sheet in place of the page', () => {
  it('prints the sheet of each table and row', async () => {
    const { renderTablesCsv, tablesOf } = await import('../../../src/tables.js')
    const { renderExplanation } = await import('../../../src/explain.js')
    const { interpretFile } = await import('../../../src/ingest.js')
    const path = 'fixtures/xlsx/bournemouth-poole/input.xlsx'
    const bytes = readFileSync(join(root, path))
    const { document } = await readWorkbook(bytes, path)
    const found = tablesOf(document)
    expect(found.map((t) => [t.sheet, t.page])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [`Priority ${n}`, null]))
    expect((await renderTablesCsv(found)).split('\r\n')[1]).toMatch(/^0,Priority 1,0,0,1,1,#c0c0c0,Ref$/)
    const result = await interpretFile(path, bytes)
    const text = renderExplanation(result.interpretation, result.diagnostics, result.document)
    // The six sheets are joined into one table; each row still names its own sheet. Tables and rows
    // are numbered from 0, as `tables` and provenance number them.
    expect(text).toContain('table 0 (sheet "Priority 1"):')
    expect(text).toMatch(/table 0 row 1 "Priority 1"\s+action/)
    expect(text).toMatch(/"Priority 6"\s+action/)
  })
})
