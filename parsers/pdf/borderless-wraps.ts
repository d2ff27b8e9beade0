import type { Band, Column } from './gutters.js'
import { columnsUnder } from './gutters.js'

/**
 * Whether a line of a cell is the wrapped rest of the line above it or a fresh start (a new
 * paragraph or a new row's cell), read from the two lines alone, so that it holds in a table of
 * one row: Word moves a word down only when it does not fit, so a line whose first word would have
 * fitted after the line above starts afresh; a lower-case start carries on.
 */

/** A space between words, in font sizes. */
const SPACE = 0.25

/** Room left between a cell's text and the next column's: both cells' inner margins, as Word sets them. */
export const CELL_MARGINS = 10

/** The line's text in column `col` of the band, with its box, if it has one there. */
function chunkIn(band: Band, col: number, columns: readonly Column[]): Band['chunks'][number] | undefined {
  return band.chunks.find((c) => columnsUnder(c.box, columns)[0] === col)
}

/** 'wrap' where the band's text in `col` carries on the line above, 'start' where it begins afresh. */
export function lineStart(band: Band, above: Band, col: number, columns: readonly Column[]): 'wrap' | 'start' {
  const line = chunkIn(band, col, columns)
  const prev = chunkIn(above, col, columns)
  if (!line || !prev) return 'start'
  const text = line.text.trim()
  if (/^\p{Ll}/u.test(text)) return 'wrap'
  const word = text.split(/\s+/)[0] ?? ''
  const width = ((line.box.x1 - line.box.x0) * word.length) / Math.max(1, text.length)
  // Text wraps at the next column's text less both cells' margins (as Word sets them), or as far as
  // its longest line reaches: a word that would run past that had to wrap.
  const next = columns[col + 1]
  const limit = Math.max(columns[col]!.x1, next ? next.x0 - CELL_MARGINS : -Infinity)
  return prev.box.x1 + SPACE * line.size + width > limit + 1 ? 'wrap' : 'start'
}

/**
 * A band that looks like a row of its own: two columns filled or more, the anchor among them, and
 * more of its cells starting afresh than carrying on the line above (the anchor's own word may look
 * wrapped where dot leaders run its line to the column's edge).
 */
export function rowLike(band: Band, above: Band, columns: readonly Column[], filled: ReadonlySet<number>, anchor: number): boolean {
  if (filled.size < 2 || !filled.has(anchor)) return false
  const starts = [...filled].filter((c) => lineStart(band, above, c, columns) === 'start').length
  return starts * 2 > filled.size
}
