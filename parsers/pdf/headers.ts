import type { Block, Row } from '../../schemas/index.js'

/**
 * An untagged PDF has no header-row mark, so it is inferred, conservatively: a row of short bold
 * cells among the first rows of a table fragment (a title row spanning the table may stand above
 * it), or a row repeating a header seen before (a header repeated on every page, or under every
 * section banner). A tagged PDF marks its header rows (TH) where they first stand; their copies on
 * later pages are artifacts, untagged, and are found as repeats.
 */

const signature = (row: Row): string =>
  row.cells
    .filter((c) => c.text)
    .map((c) => `${c.col}:${c.text.toLowerCase().replace(/\s+/g, ' ').trim()}`)
    .join('|')

function looksLikeHeader(row: Row): boolean {
  const filled = row.cells.filter((c) => c.text)
  if (filled.length < 2) return false
  return filled.every((c) => c.bold && c.text.length <= 40 && c.text.split(' ').length <= 6)
}

/** A banner or title row: every cell spans several columns. */
const isTitleRow = (row: Row): boolean => row.cells.length > 0 && row.cells.every((c) => c.colSpan > 1)

export function markHeaders(blocks: readonly Block[]): void {
  const seen = new Set<string>()
  for (const block of blocks) {
    if (block.kind !== 'table') continue
    let leading = true
    block.rows.forEach((row, i) => {
      const key = signature(row)
      if (row.header) seen.add(key)
      else if (key && seen.has(key)) row.header = true
      else if (leading && i < 3 && looksLikeHeader(row)) {
        row.header = true
        seen.add(key)
      }
      if (!row.header && !isTitleRow(row)) leading = false
    })
  }
}
