import { centreIn } from './cells.js'
import { bandsOf } from './gutters.js'
import { BULLET, groupLines } from './lines.js'
import type { Grid } from './ruled-grid.js'
import type { TextRun } from './text-items.js'

/**
 * A drawn grid that does not rule the table's columns: its text is read as a borderless table
 * inside the rules. Two kinds are common: rules between rows only (no inner column rule at all, a
 * Word style and most statistical annexes), and a frame with a ruled header over a body left open
 * (the figures of many rows standing in one big "cell", in columns of their own). The second shows
 * as a cell holding several lines that each split into pieces at wide gaps: a table inside a cell.
 * A cell of a ruled plan holds wrapped prose, or a line or two of label and value, never that.
 */

/** Lines in one cell that split into pieces, from this many on, make a table inside the cell. */
const INNER_ROWS = 3

/** A bullet or list number set off from its item by a wide gap: a list, not a second column. */
const marker = (text: string): boolean => text.replace(BULLET, '') === '' || /^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]$/i.test(text)

export function underRuled(grid: Grid, inside: readonly TextRun[], columnGap: number): boolean {
  if (grid.xs.length === 2) return true
  for (const cell of grid.cells) {
    const mine = inside.filter((r) => centreIn(r, cell.box))
    if (mine.length < 2 * INNER_ROWS) continue
    const split = bandsOf(groupLines(mine, columnGap)).filter((b) => b.chunks.filter((c) => !marker(c.text)).length >= 2).length
    if (split >= INNER_ROWS) return true
  }
  return false
}
