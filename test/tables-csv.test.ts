import { parseString } from 'fast-csv'
import { describe, expect, it } from 'vitest'
import { renderTables, type FoundTable } from '../src/tables.js'

/** The CSV of `actionplan tables --format csv` read back by a CSV parser, so quoting is checked by a reader, not by eye. */
const readBack = (text: string): Promise<string[][]> =>
  new Promise((resolve, reject) => {
    const rows: string[][] = []
    parseString(text, { headers: false })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows))
  })

const cell = (col: number, text: string, fill: string | null = null) => ({ col, rowSpan: 1, colSpan: 1, text, fill, bbox: null })

describe('tables --format csv', () => {
  it('writes cells holding commas, quotes and line breaks so that a CSV reader gets them back whole', async () => {
    const tables: FoundTable[] = [{
      index: 0, page: 2, bbox: null, columns: 3,
      rows: [{ header: false, cells: [cell(0, 'Audit, then report'), cell(1, 'She said "by March"\nthen April'), cell(2, 'Ann Lee', '#ff0000')] }],
    }]
    const text = await renderTables(tables, 'csv')
    expect(await readBack(text)).toEqual([
      ['table', 'page', 'row', 'col', 'row_span', 'col_span', 'fill', 'text'],
      ['0', '2', '0', '0', '1', '1', '', 'Audit, then report'],
      ['0', '2', '0', '1', '1', '1', '', 'She said "by March"\nthen April'],
      ['0', '2', '0', '2', '1', '1', '#ff0000', 'Ann Lee'],
    ])
  })

  it('keeps a cell that opens like a formula from running as one in a spreadsheet', async () => {
    const tables: FoundTable[] = [{ index: 0, page: null, sheet: 'Plan', bbox: null, columns: 1, rows: [{ header: false, cells: [cell(0, '=SUM(A1:A3)')] }] }]
    const [, row] = await readBack(await renderTables(tables, 'csv'))
    expect(row).toEqual(['0', 'Plan', '0', '0', '1', '1', '', "'=SUM(A1:A3)"])
  })
})
