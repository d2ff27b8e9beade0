import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { SourceDocument, type Cell, type Table } from '../../../schemas/index.js'
import { pdfReader } from '../../../parsers/pdf/index.js'

/**
 * The three real plans as LibreOffice prints their Word files. Expectations were checked by eye
 * against the page images (pdftoppm), the Word files and the pasted seeds in ../shared/seeds.
 */

const read = async (name: string): Promise<SourceDocument> => {
  const path = `fixtures/pdf/${name}/input.pdf`
  const { document } = await pdfReader.read({ bytes: new Uint8Array(readFileSync(path)), path })
  return document
}
const tablesOf = (doc: SourceDocument): Table[] => doc.blocks.filter((b): b is Table => b.kind === 'table')
/** Table widths page by page: one entry per fragment. */
const fragmentsByPage = (doc: SourceDocument): Record<number, number[]> => {
  const out: Record<number, number[]> = {}
  for (const t of tablesOf(doc)) (out[t.provenance.page!] ??= []).push(t.columns)
  return out
}
const rowStarting = (doc: SourceDocument, text: string): Cell[] => {
  for (const t of tablesOf(doc)) for (const r of t.rows) if (r.cells.some((c) => c.text.startsWith(text))) return r.cells
  throw new Error(`no row with a cell starting "${text}"`)
}
const cellStarting = (doc: SourceDocument, text: string): Cell => rowStarting(doc, text).find((c) => c.text.startsWith(text))!

describe('PDF reader on Telford (landscape, ruled, RAG fills, priority banners)', () => {
  let doc: SourceDocument
  beforeAll(async () => {
    doc = await read('telford')
  })

  it('produces a valid SourceDocument with the page count', () => {
    expect(SourceDocument.parse(doc)).toEqual(doc)
    expect(doc.format).toBe('pdf')
    expect(doc.pages).toBe(10)
  })

  it('emits one fragment per page of the 10-column plan, after the RAG key table on page 1', () => {
    expect(fragmentsByPage(doc)).toEqual({ 1: [2, 10], 2: [10], 3: [10], 4: [10], 5: [10], 6: [10], 7: [10], 8: [10], 9: [10], 10: [10] })
    expect(tablesOf(doc).map((t) => t.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('reads the RAG key with its colour swatches', () => {
    const key = tablesOf(doc)[0]!
    expect(key.rows.map((r) => [r.cells[0]!.fill, r.cells[1]!.text])).toEqual([
      ['#0070c0', 'Complete'],
      ['#00b050', 'On Schedule'],
      ['#ffc000', 'In Progress'],
      ['#ff0000', 'Behind Schedule'],
    ])
  })

  it('reads a priority banner as one grey bold cell spanning all ten columns', () => {
    const banner = tablesOf(doc)[1]!.rows[0]!
    expect(banner.cells).toHaveLength(1)
    expect(banner.cells[0]).toMatchObject({ col: 0, colSpan: 10, rowSpan: 1, fill: '#d9d9d9', bold: true })
    expect(banner.cells[0]!.text).toBe('PRIORITY 1: ENSURE THERE IS A TIMELY AND EFFECTIVE RESPONSE TO SOCIAL CARE ENQUIRIES')
  })

  it('marks the bold column headings as the header row, under the banner', () => {
    const table = tablesOf(doc)[1]!
    expect(table.rows[0]!.header).toBe(false)
    expect(table.rows[1]!.header).toBe(true)
    expect(table.rows[1]!.cells.map((c) => c.text)).toEqual([
      '',
      'Action',
      'Success criteria',
      'Response to',
      'Monitoring and evaluation',
      'Timescale',
      'Who',
      'Date to be delivered by',
      'Progress',
      'RAG',
    ])
  })

  it('reads the R1 recommendation row: ref in column 0, recommendation merged over the other nine', () => {
    const cells = rowStarting(doc, 'R1')
    expect(cells.map((c) => [c.col, c.colSpan])).toEqual([
      [0, 1],
      [1, 9],
    ])
    expect(cells[1]!.text).toBe('RECOMMENDATION : Ensure that the outcomes of child protection enquiries are recorded promptly')
    expect(cells[1]!.bold).toBe(true)
  })

  it('reads an action row as the seed has it, wrapped lines joined, with the RAG cell fill', () => {
    const cells = rowStarting(doc, 'Amend the monitoring')
    expect(cells).toHaveLength(10)
    expect(cells[1]!.text).toBe(
      'Amend the monitoring of S47 enquiries to focus on accurate recording and evidence that the child has been seen by a qualified social worker and is safe.',
    )
    expect(cells[1]!.lines).toHaveLength(1)
    expect(cells[6]!.text).toBe('Maria White Di Partridge RS Angela Yapp Helen Smith')
    expect(cells[9]).toMatchObject({ text: 'Complete', fill: '#0070c0', bold: false, boldLead: null })
    expect(cellStarting(doc, 'Put in place a process to ensure').provenance).toMatchObject({ page: 1, table: 1, row: 5, col: 1 })
    const rag = rowStarting(doc, 'Put in place a process to ensure')[9]!
    expect(rag).toMatchObject({ text: 'on schedule', fill: '#00b050' })
    const amber = rowStarting(doc, 'Consult with partner agencies')[9]!
    expect(amber).toMatchObject({ text: 'In Progress', fill: '#ffc000' })
  })

  it('reports bboxes in PDF points, origin bottom-left, inside the landscape page', () => {
    const cell = rowStarting(doc, 'R1')[0]!
    const [x0, y0, x1, y1] = cell.provenance.bbox!
    expect(x0).toBeCloseTo(38.3, 0)
    expect(x1).toBeCloseTo(66.3, 0)
    expect(y0).toBeGreaterThan(390)
    expect(y1).toBeLessThan(415)
    expect(y0).toBeLessThan(y1)
  })

  it('keeps the running header as a paragraph on every page (assemble drops the repeats)', () => {
    const headers = doc.blocks.filter((b) => b.kind === 'paragraph' && b.text.startsWith('WORKING DOCUMENT: CHILDREN'))
    expect(headers.map((b) => b.provenance.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    // Reading order: the header comes before the table fragment of its page.
    const page2 = doc.blocks.filter((b) => b.provenance.page === 2).map((b) => b.kind)
    expect(page2[0]).toBe('paragraph')
  })

  it('leaves the row cut by the page break in two parts, for assemble to fold', () => {
    const top = tablesOf(doc)[2]!.rows[0]!
    expect(top.cells[0]!.text).toBe('')
    expect(top.cells[9]!.text).toBe('schedule')
  })
})

describe('PDF reader on Dudley (key table, vertical merges, bullets)', () => {
  let doc: SourceDocument
  beforeAll(async () => {
    doc = await read('dudley')
  })

  it('produces a valid SourceDocument: the key table and the 10-column plan on page 1, the plan again on page 2', () => {
    expect(SourceDocument.parse(doc)).toEqual(doc)
    expect(fragmentsByPage(doc)).toEqual({ 1: [2, 10], 2: [10] })
  })

  it('reads the header row (words cut by the narrow column glued back)', () => {
    const header = tablesOf(doc)[1]!.rows[0]!
    expect(header.header).toBe(true)
    expect(header.cells.map((c) => c.text)).toEqual([
      'Milestones',
      'Org',
      'Specific Actions',
      'Completion Date',
      'Executive Lead',
      'Local Lead',
      'Status (RAG)',
      'Position Statement',
      'Impact',
      'Measures',
    ])
    expect(header.cells.every((c) => c.fill === '#d9d9d9' && c.bold)).toBe(true)
  })

  it('reads the Milestones column merged down over its actions, covered positions holding no cell', () => {
    const table = tablesOf(doc)[1]!
    const first = table.rows[1]!
    expect(first.cells[0]).toMatchObject({ text: 'Supervision policy revised and approved', rowSpan: 3, colSpan: 1 })
    expect(table.rows[2]!.cells[0]!.col).toBe(1)
    expect(table.rows[2]!.cells).toHaveLength(9)
    expect(cellStarting(doc, 'Align policies across')).toMatchObject({ rowSpan: 4, text: 'Align policies across Black Country so that provider organisations have a consistent approach' })
  })

  it('reads status cells with their RAG fills', () => {
    const fills = tablesOf(doc)[1]!.rows.slice(1, 4).map((r) => {
      const status = r.cells.find((c) => c.col === 6)!
      return [status.text, status.fill]
    })
    expect(fills).toEqual([
      ['G', '#00b050'],
      ['R', '#ff0000'],
      ['A', '#ffc000'],
    ])
  })

  it('keeps each bullet as its own line, glyph stripped', () => {
    const cell = cellStarting(doc, 'Review of following policies')
    expect(cell.lines).toEqual(['Review of following policies:', 'Training', 'Clinical Supervision', 'Child Protection'])
    expect(cell.text).toBe('Review of following policies: Training Clinical Supervision Child Protection')
  })

  it('reads the key table: merged banner with its fill, a bold lead on a partly bold cell', () => {
    const key = tablesOf(doc)[0]!
    expect(key.rows[0]!.cells[0]).toMatchObject({ colSpan: 2, bold: false, boldLead: 'CQC/OFSTED Recommendation:' })
    expect(key.rows[1]!.cells[0]).toMatchObject({ colSpan: 2, bold: true, text: 'SERVICES FOR SAFEGUARDING AND LOOKED AFTER CHILDREN' })
    expect(key.rows[1]!.cells[0]!.fill).toMatch(/^#[0-9a-f]{6}$/)
    expect(cellStarting(doc, 'ORGANISATIONS INVOLVED')).toMatchObject({ bold: true, col: 0 })
    expect(rowStarting(doc, 'ORGANISATIONS INVOLVED')[1]!.lines).toEqual(['NHS DUDLEY', 'DWMHPT', 'BCPFT'])
  })
})

describe('PDF reader on Darlington (portrait report, then the plan on its own pages)', () => {
  let doc: SourceDocument
  beforeAll(async () => {
    doc = await read('darlington')
  })

  it('produces a valid SourceDocument with small tables in the report and the 6-column plan after', () => {
    expect(SourceDocument.parse(doc)).toEqual(doc)
    expect(fragmentsByPage(doc)).toEqual({ 1: [2, 2], 2: [2, 2], 3: [6], 4: [6], 5: [6], 6: [6], 7: [6], 8: [6], 9: [6] })
  })

  it('reads the report text as paragraphs, wrapped lines joined', () => {
    const para = doc.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('2. The purpose of the report'))
    expect(para?.kind === 'paragraph' && para.text).toBe(
      '2. The purpose of the report is to update on the multi-agency actions that were identified as areas for development by the inspectors.',
    )
  })

  it('marks the title row and the header row under it, which Word repeats, on every plan page', () => {
    // The tags mark both as header cells (TH) on the first page; later pages repeat them as artifacts.
    for (const t of tablesOf(doc).filter((t) => t.columns === 6)) {
      expect(t.rows[0]!.header).toBe(true)
      expect(t.rows[1]!.header).toBe(true)
      expect(t.rows[1]!.cells[0]!.text).toBe('Details Theme/Timescale')
    }
  })

  it('reads a section banner across the plan and a bold status lead', () => {
    expect(rowStarting(doc, 'SAFEGUARDING')).toEqual([expect.objectContaining({ colSpan: 6, bold: true })])
    const row = rowStarting(doc, 'IMMEDIATE DBC')
    expect(row[5]).toMatchObject({ boldLead: 'Completed', bold: false })
    expect(row[4]!.text).toBe('14th June 2012')
  })
})
