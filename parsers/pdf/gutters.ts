import type { Line } from './lines.js'

/**
 * Columns of a borderless table from the whitespace between them: the text-edge idea of
 * Nurminen's detector (Tabula stream, pdfplumber's `text` strategy, Camelot stream/network).
 * Column edges come from gutters — x ranges that the text of (nearly) every line of the region
 * leaves empty — not from left edges, so right-aligned figures and centred headers find their
 * column too.
 */

/** One visual line of a region, cut at wide gaps into chunks (pieces of cells). */
export interface Band {
  baseline: number
  chunks: Line[]
}

/** A column as the x range its text covers, in layout points. */
export interface Column {
  x0: number
  x1: number
}

/** Bands by baseline, their chunks left to right. */
export function bandsOf(lines: readonly Line[]): Band[] {
  const bands: Band[] = []
  for (const line of [...lines].sort((a, b) => a.baseline - b.baseline || a.box.x0 - b.box.x0)) {
    const band = bands[bands.length - 1]
    if (band && Math.abs(line.baseline - band.baseline) <= 0.25 * line.size) band.chunks.push(line)
    else bands.push({ baseline: line.baseline, chunks: [line] })
  }
  for (const band of bands) band.chunks.sort((a, b) => a.box.x0 - b.box.x0)
  return bands
}

/**
 * The x ranges covered by more than `allowance` of the bands: what lies between them is gutter.
 * Each band counts once at an x, however many of its chunks cover it.
 */
export function coveredRanges(bands: readonly Band[], allowance: number): Column[] {
  const events: [number, number][] = []
  for (const band of bands) {
    // The band's own chunks merged first, so one band never counts twice at an x.
    const spans = band.chunks.map((c) => [c.box.x0, c.box.x1] as [number, number]).sort((a, b) => a[0] - b[0])
    const merged: [number, number][] = []
    for (const s of spans) {
      const last = merged[merged.length - 1]
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1])
      else merged.push([...s])
    }
    for (const [a, b] of merged) events.push([a, 1], [b, -1])
  }
  // At one x, a chunk ending before another starts leaves no gap: starts sort first only when
  // they touch, which keeps abutting text of different bands in one column.
  events.sort((p, q) => p[0] - q[0] || q[1] - p[1])
  const out: Column[] = []
  let depth = 0
  let open: number | null = null
  for (const [x, d] of events) {
    depth += d
    if (depth > allowance && open === null) open = x
    else if (depth <= allowance && open !== null) {
      out.push({ x0: open, x1: x })
      open = null
    }
  }
  return out
}

/**
 * The region's columns. Only bands of two or more chunks vote (a lone line is a title, a banner or
 * a wrapped cell); up to a tenth of them may cross a gutter (spanning header cells). A chunk left
 * standing in a gutter (a column with few filled cells) gets a column of its own.
 */
export function gutterColumns(bands: readonly Band[]): Column[] {
  const voters = bands.filter((b) => b.chunks.length >= 2)
  if (voters.length === 0) return []
  const allowance = Math.floor(voters.length * 0.1)
  const columns = coveredRanges(voters, allowance)
  const stray = voters.flatMap((b) => b.chunks).filter((c) => !columns.some((col) => overlap(c.box, col) > 0))
  if (stray.length === 0) return withoutMarkerColumns(columns, voters)
  const extra = coveredRanges([{ baseline: 0, chunks: stray }], 0)
  return withoutMarkerColumns([...columns, ...extra].sort((a, b) => a.x0 - b.x0), voters)
}

/** A bullet glyph, alone: Word sets a list item's bullet a tab stop apart from its text. */
export const BULLET_ONLY = /^[•▪◦·●■□▫‣⁃∙-*–-]$/u

/**
 * A column of nothing but bullets, close before the next, is the bullets of a list in that next
 * column (the hanging indent reads as a gutter): one column with it.
 */
function withoutMarkerColumns(columns: Column[], bands: readonly Band[]): Column[] {
  const chunks = bands.flatMap((b) => b.chunks)
  const out: Column[] = []
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!
    const next = columns[i + 1]
    const mine = chunks.filter((c) => c.box.x0 >= col.x0 - 0.5 && c.box.x1 <= col.x1 + 0.5)
    const size = mine[0]?.size ?? 10
    if (next && mine.length > 0 && mine.every((c) => BULLET_ONLY.test(c.text.trim())) && next.x0 - col.x1 <= 1.5 * size) {
      columns[i + 1] = { x0: col.x0, x1: next.x1 }
      continue
    }
    out.push(col)
  }
  return out
}

/** How far an x range overlaps a column, in points. */
export function overlap(range: { x0: number; x1: number }, col: Column): number {
  return Math.min(range.x1, col.x1) - Math.max(range.x0, col.x0)
}

/** The columns an x range lies across: those it overlaps, or the nearest when it sits in a gutter. */
export function columnsUnder(range: { x0: number; x1: number }, columns: readonly Column[]): number[] {
  // A plain loop: this runs for every chunk and run of every borderless table, several times.
  const hit: number[] = []
  for (let i = 0; i < columns.length; i += 1) if (overlap(range, columns[i]!) > 0.5) hit.push(i)
  if (hit.length > 0) return hit
  const mid = (range.x0 + range.x1) / 2
  let best = 0
  columns.forEach((col, i) => {
    const d = Math.min(Math.abs(mid - col.x0), Math.abs(mid - col.x1))
    const b = columns[best]!
    if (d < Math.min(Math.abs(mid - b.x0), Math.abs(mid - b.x1))) best = i
  })
  return [best]
}
