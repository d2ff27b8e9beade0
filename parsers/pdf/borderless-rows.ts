import type { Band, Column } from './gutters.js'
import type { RowStyle } from './tagged-grid.js'
import { columnsUnder } from './gutters.js'
import { rowLike } from './borderless-wraps.js'

/**
 * Where the rows of a borderless table start. A row is one or more visual lines (bands); a band
 * starts a new row or carries on the cells of the row above, decided by small scorers summed
 * (STYLE.md, "Deciding from evidence"): the vertical gap, the anchor column, how full the band is.
 */

export interface Evidence {
  score: number
  because: string
}

/** What the scorers know of the table around one band. */
export interface RowContext extends RowStyle {
  columns: readonly Column[]
  /** The column whose cells start rows: the leftmost column filled in at least half the bands. */
  anchor: number
}

/** The columns a band has text in. */
export function filledColumns(band: Band, columns: readonly Column[]): Set<number> {
  const filled = new Set<number>()
  for (const chunk of band.chunks) for (const c of columnsUnder(chunk.box, columns)) filled.add(c)
  return filled
}

/**
 * A gap clearly wider than the line spacing starts a row; in a table whose rows stand apart, a line
 * one spacing below carries on. `gap` is measured in each column the line has text in, from the
 * last text above in that column, and the smallest counts: a cell's next line continues it
 * however long the cells beside it run.
 */
export function gapEvidence(gap: number, ctx: RowContext): Evidence {
  if (gap > 1.15 * ctx.lineSpacing) return { score: 3, because: `a gap of ${Number.isFinite(gap) ? `${gap.toFixed(1)}pt` : 'a whole row'}, over 1.15× the line spacing (${ctx.lineSpacing.toFixed(1)}pt)` }
  if (ctx.gapped) return { score: -3, because: 'one line spacing below the line above, in a table whose rows stand apart' }
  return { score: 0, because: 'lines evenly spaced: the gap says nothing' }
}

export function anchorEvidence(filled: ReadonlySet<number>, ctx: RowContext): Evidence {
  return filled.has(ctx.anchor)
    ? { score: 1, because: `the anchor column (${ctx.anchor + 1}) starts a new block` }
    : { score: -1, because: `the anchor column (${ctx.anchor + 1}) is empty: the line carries on the cells above` }
}

/** Half the columns filled or more, two at least: one column of two is a cell's next line as often as a row. */
export function fullnessEvidence(filled: ReadonlySet<number>, ctx: RowContext): Evidence {
  return filled.size >= 2 && filled.size * 2 >= ctx.columns.length
    ? { score: 1.5, because: `${filled.size} of ${ctx.columns.length} columns filled` }
    : { score: 0, because: `only ${filled.size} of ${ctx.columns.length} columns filled` }
}

/** The facts the scorers share, read off the whole table; `style` where the page before settled it. */
export function rowContext(bands: readonly Band[], columns: readonly Column[], style: RowStyle | null = null): RowContext {
  const spacings: number[] = []
  const lastIn = new Map<number, number>()
  const counts = columns.map(() => 0)
  for (const band of bands) {
    const filled = filledColumns(band, columns)
    for (const col of filled) {
      counts[col] = (counts[col] ?? 0) + 1
      const above = lastIn.get(col)
      if (above !== undefined) spacings.push(band.baseline - above)
      lastIn.set(col, band.baseline)
    }
  }
  // Lines closer than most of a font size are pieces of one line set a little apart (a
  // superscript, a letter cut from a narrow header), not a line step. The smallest step seen
  // twice (to half a point) is the spacing within a cell, however few cells wrap; one odd step
  // (a raised footnote mark) does not set it.
  const size = bands[0]?.chunks[0]?.size ?? 10
  const steps = spacings.filter((s) => s > 0.8 * size).map((s) => Math.round(s * 2) / 2)
  const seen = new Map<number, number>()
  for (const s of steps) seen.set(s, (seen.get(s) ?? 0) + 1)
  const twice = [...seen].filter(([, n]) => n >= 2).map(([s]) => s)
  const lineSpacing = Math.min(...(twice.length > 0 ? twice : steps), Infinity)
  const gaps = columnGaps(bands, columns).slice(1)
  // Rows standing apart: several band gaps clearly wider than the line spacing, a quarter of them
  // (a tenth where the cells are words, which wrap) — a few wide gaps in an evenly spaced table
  // of figures are section breaks.
  const wide = gaps.filter((g) => g > 1.15 * lineSpacing).length
  // A table of figures has no wrapped cells to speak of, so it must show it more often.
  const chunks = bands.flatMap((b) => b.chunks)
  const figures = chunks.filter((c) => /^[\d\s.,%()$£€+\-–*/]+$/.test(c.text)).length
  const wordy = figures * 2 < chunks.length
  const counted = wide >= 2 && (wide * 4 >= gaps.length || (wordy && wide * 10 >= gaps.length))
  // A column with text in every line, right of columns with text of their own, is the one that
  // wraps longest and says nothing of where rows start (a small table, one row of it wrapping):
  // then the leftmost column filled twice.
  const half = Math.max(0, counts.findIndex((n) => n * 2 >= bands.length))
  const left = counts.findIndex((n) => n >= 2)
  const own = counts[half] === bands.length && left >= 0 && left < half ? left : half
  // A table's rest on the next page keeps the anchor of its first part: at the top of the page
  // the rest of a cut row fills one column alone, line after line, and would anchor every line.
  // Too few rows to count gaps (a header and one row): rows stand apart if a wide gap was seen and
  // no line one spacing below looks like a row of its own (each is a cell's wrap or next paragraph).
  const gapped = counted || (wide >= 1 && closeLinesCarryOn(bands, columns, gaps, lineSpacing, own))
  if (style) return { columns, ...style, anchor: style.anchor !== undefined && style.anchor < columns.length ? style.anchor : own }
  const anchor = own
  return { columns, anchor, lineSpacing: Number.isFinite(lineSpacing) ? lineSpacing : 12, gapped }
}

/** True when some band stands one line spacing below the one above and none of those reads as a row of its own. */
function closeLinesCarryOn(bands: readonly Band[], columns: readonly Column[], gaps: readonly number[], lineSpacing: number, anchor: number): boolean {
  // Lines nearer than a line spacing are pieces of one line set apart (a header cut in two), not a step.
  const close = bands.slice(1).filter((_, i) => gaps[i]! <= 1.15 * lineSpacing && gaps[i]! >= 0.9 * lineSpacing)
  return close.length > 0 && !close.some((band) => rowLike(band, bands[bands.indexOf(band) - 1]!, columns, filledColumns(band, columns), anchor))
}

/** Per band, the distance down from the nearest text above in the columns it has text in. */
export function columnGaps(bands: readonly Band[], columns: readonly Column[]): number[] {
  const lastIn = new Map<number, number>()
  return bands.map((band) => {
    const filled = filledColumns(band, columns)
    const gap = Math.min(...[...filled].map((c) => band.baseline - (lastIn.get(c) ?? -Infinity)))
    for (const c of filled) lastIn.set(c, band.baseline)
    return gap
  })
}

const FIGURE = /^[(\-–]?[$£€]?\s?(?:\d[\d,. ]*\d|\d|-|–)%?\)?$/

/** The columns in which a band's text is a lone figure (an amount, a count, a dash for none). */
function figureColumns(band: Band, columns: readonly Column[]): Set<number> {
  const out = new Set<number>()
  for (const chunk of band.chunks) {
    const under = columnsUnder(chunk.box, columns)
    if (under.length === 1 && FIGURE.test(chunk.text.trim())) out.add(under[0]!)
  }
  return out
}

/**
 * A figure does not wrap: a figure right under a figure in the same column is the next row's,
 * however close the lines stand (a statement of accounts set in a section of tight rows).
 */
export function figureEvidence(figures: ReadonlySet<number>, above: ReadonlySet<number>): Evidence {
  const stacked = [...figures].filter((c) => above.has(c))
  return stacked.length > 0 ? { score: 3, because: `a figure under a figure in column ${stacked[0]! + 1}` } : { score: 0, because: 'no figure under a figure' }
}

const allBold = (band: Band): boolean => band.chunks.every((c) => c.runs.every((r) => r.bold))

/**
 * A header line set in bold (two pieces or more) ends where the plain text starts: the header a
 * table repeats at the top of a page stands over the rest of a cut row, which leaves the anchor
 * column empty and would otherwise carry on the header.
 */
export function headerEvidence(band: Band, before: Band | undefined): Evidence {
  return before && before.chunks.length >= 2 && allBold(before) && !band.chunks.some((c) => c.runs.some((r) => r.bold))
    ? { score: 3, because: 'plain text under a bold header line' }
    : { score: 0, because: 'no bold header line above' }
}

/** The evidence on one band, after the first: positive starts a new row. `above`: the figure columns of the band before. */
export function rowEvidence(band: Band, gap: number, ctx: RowContext, above: ReadonlySet<number> = new Set(), before?: Band): Evidence[] {
  const filled = filledColumns(band, ctx.columns)
  return [gapEvidence(gap, ctx), anchorEvidence(filled, ctx), fullnessEvidence(filled, ctx), figureEvidence(figureColumns(band, ctx.columns), above), headerEvidence(band, before)]
}

/** Bands grouped into rows, and the row style found (or carried). */
export function rowsOf(bands: readonly Band[], columns: readonly Column[], style: RowStyle | null = null): { rows: Band[][]; style: RowStyle } {
  const ctx = rowContext(bands, columns, style)
  const gaps = columnGaps(bands, columns)
  const rows: Band[][] = []
  bands.forEach((band, i) => {
    const row = rows[rows.length - 1]
    const above = i > 0 ? figureColumns(bands[i - 1]!, columns) : new Set<number>()
    const score = i > 0 ? rowEvidence(band, gaps[i]!, ctx, above, bands[i - 1]).reduce((s, e) => s + e.score, 0) : 1
    if (row && score <= 0) row.push(band)
    else rows.push([band])
  })
  return { rows, style: { gapped: ctx.gapped, lineSpacing: ctx.lineSpacing, anchor: ctx.anchor } }
}
