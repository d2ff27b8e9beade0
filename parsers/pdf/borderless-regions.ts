import { bandsOf, columnsUnder, gutterColumns, type Band, type Column } from './gutters.js'
import type { Evidence } from './borderless-rows.js'

/**
 * Where borderless tables stand on a page: runs of lines whose words split into columns over
 * several consecutive lines. A run ends at a wide vertical gap, and at prose: two or more lines in
 * a row that each run across the region's gutters. Each candidate is then weighed by small scorers
 * (how many lines split, into how many columns, whether the pieces read like prose).
 */

export interface Region {
  bands: Band[]
  columns: Column[]
  because: string[]
}

/** Lines further apart than this many font sizes are never one table. */
const REGION_GAP = 3

/** Bands split at wide vertical gaps. */
export function blocksOf(bands: readonly Band[]): Band[][] {
  const blocks: Band[][] = []
  let current: Band[] = []
  for (const band of bands) {
    const prev = current[current.length - 1]
    const size = band.chunks[0]?.size ?? 10
    if (prev && band.baseline - prev.baseline > REGION_GAP * size) {
      blocks.push(current)
      current = []
    }
    current.push(band)
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}

/** Words of a piece of text: tokens with a letter in them (dot leaders and figures are not prose). */
export const wordsIn = (text: string): number => text.split(' ').filter((w) => /\p{L}/u.test(w)).length

/** A lone line running across two or more of the columns: a title, a banner, or a line of prose. */
export const spans = (band: Band, columns: readonly Column[]): boolean => band.chunks.length === 1 && columnsUnder(band.chunks[0]!.box, columns).length >= 2

/** A line read as prose: long, many words. */
const wordy = (band: Band): boolean => band.chunks.length === 1 && wordsIn(band.chunks[0]!.text) >= 8

/**
 * Rows of a table follow each other at a line and a cell margin; a blank line or a paragraph's
 * space above sets a heading further off. Lone lines that far below the line before them, one of
 * them across the gutters ("Recommendation 1" over the recommendation's text, or the text alone),
 * head what follows: a card or table of its own under each recommendation's heading.
 */
const HEADING_GAP = 2

/** The lone lines from `i` on, up to the first line split into columns. */
export function loneFrom(bands: readonly Band[], i: number): Band[] {
  const out: Band[] = []
  for (let k = i; k < bands.length && bands[k]!.chunks.length === 1; k++) out.push(bands[k]!)
  return out
}

export function headingAt(bands: readonly Band[], i: number, columns: readonly Column[]): boolean {
  const band = bands[i]!
  const prev = bands[i - 1]
  if (!prev || band.chunks.length !== 1) return false
  const size = Math.max(band.chunks[0]!.size, ...prev.chunks.map((c) => c.size))
  return band.baseline - prev.baseline >= HEADING_GAP * size && loneFrom(bands, i).some((b) => spans(b, columns))
}

/**
 * The block cut where prose runs through it (two lines in a row across the gutters, wordy), and
 * before a heading set off by a gap.
 */
export function stretchesOf(block: readonly Band[], columns: readonly Column[]): Band[][] {
  const out: Band[][] = []
  let current: Band[] = []
  block.forEach((band, i) => {
    const prose = (b: Band | undefined): boolean => !!b && spans(b, columns) && wordy(b)
    if (current.length > 0 && headingAt(block, i, columns)) {
      out.push(current)
      current = [band]
    } else if (prose(band) && (prose(block[i - 1]) || prose(block[i + 1])) && !headerWithoutBody(current)) {
      if (current.length > 0) out.push(current)
      current = []
    } else current.push(band)
  })
  if (current.length > 0) out.push(current)
  return out
}

/**
 * A table's header always has a body: wordy lines across the gutters right under a bold header
 * line (with at most section lines between) are the first row's banner, a recommendation written
 * across the table, not prose that ends it.
 */
function headerWithoutBody(current: readonly Band[]): boolean {
  const lastSplit = current.findLastIndex((b) => b.chunks.length >= 2)
  return lastSplit >= 0 && boldHeaderLine(current[lastSplit]!)
}

/**
 * Lone spanning lines at the top and bottom of a stretch are its title and notes, not rows. A
 * title's other lines ("Recommendation 1" over it, "Underpinned by: …" under it) may be short:
 * where one lone line at the top spans, every lone line before the first split line is the title's.
 */
function trim(stretch: readonly Band[], columns: readonly Column[]): Band[] {
  let a = 0
  let b = stretch.length
  const lead = loneFrom(stretch, 0)
  if (lead.some((band) => spans(band, columns))) a = lead.length
  while (b > a && stretch[b - 1]!.chunks.length === 1 && spans(stretch[b - 1]!, columns)) b -= 1
  return stretch.slice(a, b)
}

/** A line of three or more short pieces, every one bold: a header row. */
const boldHeaderLine = (band: Band): boolean => band.chunks.length >= 3 && band.chunks.every((c) => c.runs.every((r) => r.bold) && wordsIn(c.text) <= 6)

/**
 * Three lines split into columns make a table; two do when the first is a bold header line over
 * one row (a table per recommendation, one action in it, its cells wrapping onto lone lines).
 */
export function splitLinesEvidence(bands: readonly Band[]): Evidence {
  const split = bands.filter((b) => b.chunks.length >= 2)
  const n = split.length
  if (n >= 3) return { score: 1, because: `${n} lines split into columns` }
  if (n === 2 && boldHeaderLine(split[0]!)) return { score: 0, because: 'a bold header line over one line split into columns' }
  return { score: -10, because: `only ${n} lines split into columns` }
}

export function columnCountEvidence(columns: readonly Column[]): Evidence {
  if (columns.length >= 3) return { score: 1, because: `${columns.length} columns between gutters` }
  if (columns.length === 2) return { score: 0, because: '2 columns between gutters' }
  return { score: -10, because: 'no gutter runs the height of the lines' }
}

/** Table cells are short; pieces of ten words and more read like two columns of prose. */
export function proseEvidence(bands: readonly Band[]): Evidence {
  const chunks = bands.filter((b) => b.chunks.length >= 2).flatMap((b) => b.chunks)
  const words = chunks.reduce((s, c) => s + wordsIn(c.text), 0) / Math.max(1, chunks.length)
  return words >= 10 ? { score: -2, because: `pieces of ${words.toFixed(1)} words on average read like prose` } : { score: 0, because: `pieces of ${words.toFixed(1)} words on average` }
}

/** Most split lines fill most columns in a table; scattered text fills few. */
export function fillEvidence(bands: readonly Band[], columns: readonly Column[]): Evidence {
  const split = bands.filter((b) => b.chunks.length >= 2)
  const fill = split.reduce((s, b) => s + b.chunks.length, 0) / Math.max(1, split.length) / Math.max(1, columns.length)
  return fill >= 0.5 ? { score: 0.5, because: `lines fill ${(fill * 100).toFixed(0)}% of the columns` } : { score: -0.5, because: `lines fill only ${(fill * 100).toFixed(0)}% of the columns` }
}

/**
 * A column at the left or right edge that reads as running prose beside the table (a cover note
 * flowing down beside a floating table): lines of eight words and more on average, a third of the
 * region wide or more. Table cells, even long ones, wrap in narrower columns.
 */
export function proseColumn(bands: readonly Band[], columns: readonly Column[]): { column: number; because: string } | null {
  if (columns.length < 3) return null
  const width = columns[columns.length - 1]!.x1 - columns[0]!.x0
  for (const column of [0, columns.length - 1]) {
    const col = columns[column]!
    const mine = bands.flatMap((b) => b.chunks).filter((c) => columnsUnder(c.box, columns).every((i) => i === column))
    if (mine.length < 3) continue
    // A column headed in the table's bold header line is the table's (a wide action column).
    if (headed(bands, column, columns)) continue
    const words = mine.reduce((s, c) => s + wordsIn(c.text), 0) / mine.length
    const share = (col.x1 - col.x0) / width
    if (words >= 8 && share >= 0.3)
      return { column, because: `column ${column + 1} reads as prose beside the table (${words.toFixed(1)} words a line, ${(share * 100).toFixed(0)}% of the width)` }
  }
  return null
}

/** Whether one of the first lines is a bold header line with a piece in the column. */
const headed = (bands: readonly Band[], column: number, columns: readonly Column[]): boolean =>
  bands.slice(0, 3).some((b) => boldHeaderLine(b) && b.chunks.some((c) => columnsUnder(c.box, columns).includes(column)))

/** The table regions among the bands of a page. */
export function tableRegions(bands: readonly Band[]): Region[] {
  const found: Region[] = []
  for (const block of blocksOf(bands)) {
    const blockColumns = gutterColumns(block)
    for (const stretch of stretchesOf(block, blockColumns)) {
      const first = gutterColumns(stretch)
      const kept = trim(stretch, first)
      const columns = gutterColumns(kept)
      const prose = proseColumn(kept, columns)
      if (prose) {
        // The prose goes back to the page; the table is looked for again in what is left.
        const col = columns[prose.column]!
        // Banded again: a prose line and a table line side by side need not share a baseline.
        const rest = bandsOf(stretch.flatMap((b) => b.chunks).filter((c) => c.box.x1 <= col.x0 || c.box.x0 >= col.x1))
        found.push(...tableRegions(rest).map((r) => ({ ...r, because: [prose.because, ...r.because] })))
        continue
      }
      const evidence = [splitLinesEvidence(kept), columnCountEvidence(columns), proseEvidence(kept), fillEvidence(kept, columns)]
      if (evidence.reduce((s, e) => s + e.score, 0) < 1) continue
      found.push({ bands: kept, columns, because: evidence.map((e) => e.because) })
    }
  }
  return found
}
