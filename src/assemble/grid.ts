import type { Cell, Table } from '../../schemas/index.js'

export interface GridSlot {
  cell: Cell
  /** True at the cell's own top-left position; false where a merged cell covers the slot. */
  origin: boolean
}

/**
 * Expands a table into a dense grid: every slot holds the cell that covers it, so a cell merged
 * over several rows (a Milestones column) is seen on each row it covers.
 */
export function gridOf(table: Table): (GridSlot | null)[][] {
  const grid: (GridSlot | null)[][] = table.rows.map(() => Array.from({ length: table.columns }, () => null))
  table.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      for (let dr = 0; dr < cell.rowSpan && r + dr < grid.length; dr += 1) {
        for (let dc = 0; dc < cell.colSpan && cell.col + dc < table.columns; dc += 1) {
          grid[r + dr]![cell.col + dc] = { cell, origin: dr === 0 && dc === 0 }
        }
      }
    }
  })
  return grid
}

/** The text of each slot of a grid row ('' for an empty slot). */
export function slotTexts(slots: readonly (GridSlot | null)[]): string[] {
  return slots.map((s) => s?.cell.text ?? '')
}
