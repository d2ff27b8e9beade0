import { filledColumns } from './borderless-rows.js'
import type { Band, Column } from './gutters.js'

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

/**
 * The rows found from the gaps, cut again wherever a rule crosses the table between two lines.
 * Between two rules, a column with text on every line is one cell running down them all (a
 * recommendation wrapping beside its action): the gaps' rows there are its lines, each filling
 * it and half the others, and the lines are one row unless a gap clearly wider than
 * `lineSpacing` parts them.
 */
export function ruledRows(bands: readonly Band[], gapRows: Band[][], rules: readonly RowRule[], columns: readonly Column[] = [], lineSpacing = Infinity): Band[][] {
  if (bands.length < 2 || rules.length === 0) return gapRows
  const x0 = Math.min(...bands.flatMap((b) => b.chunks.map((c) => c.box.x0)))
  const x1 = Math.max(...bands.flatMap((b) => b.chunks.map((c) => c.box.x1)))
  // Rules across most of the table's width, between its first and last lines.
  const across = rules.filter((r) => r.from <= x0 + 0.25 * (x1 - x0) && r.to >= x1 - 0.25 * (x1 - x0) && r.at > top(bands[0]!) && r.at < bottom(bands[bands.length - 1]!))
  if (across.length === 0) return gapRows
  const between = (a: Band, b: Band): boolean => across.some((r) => r.at >= bottom(a) - 1 && r.at <= top(b) + 1)
  const running = runningGroups(bands, between, columns)
  const rows: Band[][] = []
  for (const row of gapRows) {
    rows.push([row[0]!])
    row.slice(1).forEach((band, i) => {
      if (between(row[i]!, band)) rows.push([band])
      else rows[rows.length - 1]!.push(band)
    })
  }
  if (running.size === 0) return rows
  // Rows inside a group with a running cell join again, save at a wide gap.
  const out: Band[][] = []
  for (const row of rows) {
    const prev = out[out.length - 1]
    const last = prev?.[prev.length - 1]
    const group = running.get(row[0]!)
    if (prev && last && group !== undefined && running.get(last) === group && row[0]!.baseline - last.baseline <= 1.15 * lineSpacing) prev.push(...row)
    else out.push([...row])
  }
  return out
}

/** The bands of each stretch between rules in which some column has text on every line, by stretch. */
function runningGroups(bands: readonly Band[], between: (a: Band, b: Band) => boolean, columns: readonly Column[]): Map<Band, number> {
  const out = new Map<Band, number>()
  if (columns.length === 0) return out
  let group: Band[] = []
  // Only where rules close rows (each stretch at most half the table) and the lines wrap (some
  // line leaves a column empty that another fills): rules above and below a table of figures, or
  // under its header only, enclose rows of their own.
  const close = (n: number): void => {
    if (group.length < 2 || group.length * 2 > bands.length) return
    const sets = group.map((b) => filledColumns(b, columns))
    const wraps = sets.some((s) => s.size < Math.max(...sets.map((t) => t.size)))
    if (wraps && [...sets[0]!].some((c) => sets.every((s) => s.has(c)))) for (const b of group) out.set(b, n)
  }
  bands.forEach((band, i) => {
    if (i > 0 && between(bands[i - 1]!, band)) {
      close(i)
      group = []
    }
    group.push(band)
  })
  close(bands.length)
  return out
}
