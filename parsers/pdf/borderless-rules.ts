import type { Band } from './gutters.js'

/**
 * Rows of a table ruled between rows (a very common Word style: no column rules, a rule under
 * each row). A rule across the table ends a row more surely than a gap does: two short rows set
 * one line apart look like one cell's wrapped lines. Where there is no rule the gaps still decide,
 * as a rule may close a group of rows (an objective and its several actions) rather than each row.
 */

export interface RowRule {
  at: number
  from: number
  to: number
}

const top = (band: Band): number => Math.min(...band.chunks.map((c) => c.box.y0))
const bottom = (band: Band): number => Math.max(...band.chunks.map((c) => c.box.y1))

/** The rows found from the gaps, cut again wherever a rule crosses the table between two lines. */
export function ruledRows(bands: readonly Band[], gapRows: Band[][], rules: readonly RowRule[]): Band[][] {
  if (bands.length < 2 || rules.length === 0) return gapRows
  const x0 = Math.min(...bands.flatMap((b) => b.chunks.map((c) => c.box.x0)))
  const x1 = Math.max(...bands.flatMap((b) => b.chunks.map((c) => c.box.x1)))
  // Rules across most of the table's width, between its first and last lines.
  const across = rules.filter((r) => r.from <= x0 + 0.25 * (x1 - x0) && r.to >= x1 - 0.25 * (x1 - x0) && r.at > top(bands[0]!) && r.at < bottom(bands[bands.length - 1]!))
  if (across.length === 0) return gapRows
  const between = (a: Band, b: Band): boolean => across.some((r) => r.at >= bottom(a) - 1 && r.at <= top(b) + 1)
  const rows: Band[][] = []
  for (const row of gapRows) {
    rows.push([row[0]!])
    row.slice(1).forEach((band, i) => {
      if (between(row[i]!, band)) rows.push([band])
      else rows[rows.length - 1]!.push(band)
    })
  }
  return rows
}
