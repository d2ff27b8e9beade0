import { csvText } from './export/csv-text.js'
import type { BBox, SourceDocument } from '../schemas/index.js'

export interface FoundTable {
  index: number
  page: number | null
  /** The worksheet, for spreadsheets (in place of a page); absent for other formats. */
  sheet?: string
  bbox: BBox | null
  columns: number
  /** PDF only: what found the table (structure tags, ruling lines, or text alignment). */
  detector?: 'tagged' | 'ruled' | 'borderless'
  rows: { header: boolean; cells: { col: number; rowSpan: number; colSpan: number; text: string; fill: string | null; bbox: BBox | null }[] }[]
}

/** The cell grids a reader found, for people checking what it saw (`actionplan tables`). */
export function tablesOf(document: SourceDocument): FoundTable[] {
  return document.blocks.flatMap((block) =>
    block.kind !== 'table'
      ? []
      : [{
          index: block.index,
          page: block.provenance.page,
          ...(block.provenance.sheet !== undefined ? { sheet: block.provenance.sheet } : {}),
          bbox: block.provenance.bbox,
          columns: block.columns,
          ...(block.detector ? { detector: block.detector } : {}),
          rows: block.rows.map((row) => ({
            header: row.header,
            cells: row.cells.map((c) => ({ col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, fill: c.fill, bbox: c.provenance.bbox })),
          })),
        }],
  )
}

/** One CSV line per cell: table, page (a spreadsheet's sheet name), row, col, spans, fill, text. */
export function renderTablesCsv(tables: readonly FoundTable[]): Promise<string> {
  const rows = tables.flatMap((t) => t.rows.flatMap((row, r) => row.cells.map((c) => [t.index, t.sheet ?? t.page, r, c.col, c.rowSpan, c.colSpan, c.fill, c.text])))
  return csvText(['table', 'page', 'row', 'col', 'row_span', 'col_span', 'fill', 'text'], rows)
}

/** What `actionplan tables` prints: the grids as JSON, or one CSV line per cell. */
export async function renderTables(tables: readonly FoundTable[], format: 'json' | 'csv'): Promise<string> {
  return format === 'csv' ? renderTablesCsv(tables) : JSON.stringify(tables, null, 2)
}
