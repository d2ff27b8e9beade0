import type { Grid, GridCell } from './ruled-grid.js'
import type { TextRun } from './text-items.js'

/**
 * A row that a page break cuts in two is drawn by some writers (LibreOffice) without its inner
 * column rules on the part that moves to the next page, so the grid reads it as one cell merged
 * across the table. When such a wide cell sits in the first or last row of a page's table, the row
 * beside it has the columns, and every piece of its text lies inside one of those columns, it is
 * split back into those columns. A real merged banner ("PRIORITY 2: …") runs across columns and
 * stays merged.
 */
export function splitFragmentRows(grid: Grid, runs: readonly TextRun[]): Grid {
  const rows = grid.ys.length - 1
  const cols = grid.xs.length - 1
  if (rows < 2 || cols < 2) return grid
  const cells: GridCell[] = []
  for (const cell of grid.cells) {
    const edge = cell.row === 0 ? 1 : cell.row + cell.rowSpan === rows ? cell.row - 1 : -1
    const neighbourCols = edge < 0 ? 0 : grid.cells.filter((c) => c.row <= edge && edge < c.row + c.rowSpan && c.col >= cell.col && c.col < cell.col + cell.colSpan).length
    if (cell.colSpan < 2 || cell.rowSpan !== 1 || neighbourCols < cell.colSpan) {
      cells.push(cell)
      continue
    }
    const inside = runs.filter((r) => (r.box.x0 + r.box.x1) / 2 > cell.box.x0 && (r.box.x0 + r.box.x1) / 2 < cell.box.x1 && (r.box.y0 + r.box.y1) / 2 > cell.box.y0 && (r.box.y0 + r.box.y1) / 2 < cell.box.y1)
    const columnOf = (r: TextRun): number => {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) if (r.box.x0 >= grid.xs[c]! - 1 && r.box.x1 <= grid.xs[c + 1]! + 1) return c
      return -1
    }
    if (inside.length === 0 || inside.some((r) => columnOf(r) < 0)) {
      cells.push(cell)
      continue
    }
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
      cells.push({ row: cell.row, col: c, rowSpan: 1, colSpan: 1, box: { x0: grid.xs[c]!, y0: cell.box.y0, x1: grid.xs[c + 1]!, y1: cell.box.y1 } })
    }
  }
  return { ...grid, cells }
}
