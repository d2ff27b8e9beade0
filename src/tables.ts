import { csvCell } from './export/csv.js'
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
export function renderTablesCsv(tables: readonly FoundTable[]): string {
  const lines = ['table,page,row,col,row_span,col_span,fill,text']
  for (const t of tables) {
    t.rows.forEach((row, r) => {
      for (const c of row.cells) lines.push([t.index, t.sheet !== undefined ? csvCell(t.sheet) : (t.page ?? ''), r, c.col, c.rowSpan, c.colSpan, c.fill ?? '', csvCell(c.text)].join(','))
    })
  }
  return lines.join('\r\n')
}
