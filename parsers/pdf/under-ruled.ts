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

/**
 * A bullet or list number set off from its item by a wide gap: a list, not a second column. A lone
 * symbol counts as a bullet too: a symbol font's bullet comes out of OCR or a font without a
 * Unicode map as "*", "®", "§" and the like.
 */
const marker = (text: string): boolean =>
  text.replace(BULLET, '') === '' || /^[^\p{L}\p{N}\s]$/u.test(text.trim()) || /^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]$/i.test(text)

/** How many lines of the runs split into two or more pieces at wide gaps. */
const splitLines = (runs: readonly TextRun[], columnGap: number): number =>
  bandsOf(groupLines(runs, columnGap)).filter((b) => b.chunks.filter((c) => !marker(c.text)).length >= 2).length

export function underRuled(grid: Grid, inside: readonly TextRun[], columnGap: number): boolean {
  if (grid.xs.length === 2) return true
  for (const cell of grid.cells) {
    const mine = inside.filter((r) => centreIn(r, cell.box))
    if (mine.length >= 2 * INNER_ROWS && splitLines(mine, columnGap) >= INNER_ROWS) return true
  }
  return false
}

/**
 * Whether the grid's text is left to the borderless reading of the page. `isTable` says whether
 * the borderless detector finds a table in the grid's text alone. A box with no inner column rule
 * is a piece of a borderless table when its lines split into columns (a totals row ruled off above
 * and below), or when the page's text runs on beside most of its lines on the same baselines (one
 * column of a table boxed to stand out); the page's text around it decides.
 */
export function leftToText(grid: Grid, inside: readonly TextRun[], page: readonly TextRun[], columnGap: number, isTable: () => boolean): boolean {
  if (!underRuled(grid, inside, columnGap)) return false
  if (isTable()) return true
  if (grid.xs.length !== 2) return false
  if (splitLines(inside, columnGap) > 0) return true
  const lines = groupLines(inside)
  const outside = page.filter((r) => r.box.x1 <= grid.box.x0 || r.box.x0 >= grid.box.x1)
  const beside = lines.filter((l) => outside.some((r) => Math.abs(r.baseline - l.baseline) <= 0.25 * l.size)).length
  return lines.length >= 2 && beside * 4 >= lines.length * 3
}
