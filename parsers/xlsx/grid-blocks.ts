import type { Block, Cell, Paragraph, Row } from '../../schemas/index.js'

/**
 * A sheet as a person lays out a tracker: maybe a title row or block (one filled cell per row:
 * the authority, the plan's name, its date) above the header, then the table. Shared by the
 * spreadsheet and the CSV readers. A reader knows nothing of plans, so "table" here means only
 * rows with two or more filled cells.
 */

export interface GridCell {
  text: string
  lines: string[]
  bold: boolean
  boldLead: string | null
  fill: string | null
  /** Rows and columns of the grid the cell covers (merged ranges); positions it covers hold null. */
  rowSpan: number
  colSpan: number
}

/** Rows of cells; null where a merged cell above or to the left covers the position. */
export type Grid = (GridCell | null)[][]

export interface SheetBlocks {
  /** Title rows as paragraphs, then the table (when the sheet has one). */
  blocks: Block[]
  /** False when no row has two filled cells: the sheet was read as paragraphs only. */
  hasTable: boolean
}

const filled = (row: readonly (GridCell | null)[]): GridCell[] => row.filter((c): c is GridCell => c !== null && c.text !== '')

/**
 * Rows with no text are left out (blank spacer rows, formatting carried down an empty sheet), and
 * a vertical merge then spans only the rows kept. `sheet` goes into provenance in place of a page.
 */
export function gridToBlocks(grid: Grid, tableIndex: number, sheet: string | undefined): SheetBlocks {
  const kept = grid.map((row, r) => ({ row, r })).filter(({ row }) => filled(row).length > 0)
  const where = { page: null, bbox: null, ...(sheet !== undefined ? { sheet } : {}) }
  const paragraph = (c: GridCell): Paragraph => ({ kind: 'paragraph', text: c.text, bold: c.bold, heading: null, listItem: false, provenance: where })
  const start = kept.findIndex(({ row }) => filled(row).length >= 2)
  if (start < 0) return { blocks: kept.flatMap(({ row }) => filled(row).map(paragraph)), hasTable: false }
  const blocks: Block[] = kept.slice(0, start).flatMap(({ row }) => filled(row).map(paragraph))
  const body = kept.slice(start)
  const keptIndex = new Map(body.map(({ r }, i) => [r, i]))
  const withText = body.flatMap(({ row }) => row.map((c, col) => ({ c, col })).filter(({ c }) => c && c.text !== ''))
  const first = Math.min(...withText.map(({ col }) => col))
  const last = Math.max(...withText.map(({ c, col }) => col + c!.colSpan - 1))
  const rows: Row[] = body.map(({ row, r }, i) => ({
    header: false,
    cells: row.flatMap((c, col): Cell[] => {
      if (!c || col < first || col > last) return []
      // A merge counts only the rows kept below it.
      let rowSpan = 0
      for (let k = r; k < r + c.rowSpan; k += 1) if (keptIndex.has(k)) rowSpan += 1
      const colSpan = Math.min(c.colSpan, last - col + 1)
      return [{
        text: c.text, lines: c.lines, col: col - first, rowSpan: Math.max(1, rowSpan), colSpan, fill: c.fill, bold: c.bold, boldLead: c.boldLead,
        provenance: { ...where, table: tableIndex, row: i, col: col - first },
      }]
    }),
  }))
  blocks.push({ kind: 'table', index: tableIndex, columns: last - first + 1, rows, provenance: where })
  return { blocks, hasTable: true }
}
