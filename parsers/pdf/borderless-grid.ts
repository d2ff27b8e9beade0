import type { Table } from '../../schemas/index.js'
import { buildRows, cellContent, type CellSlot } from './cells.js'
import { ALIGN, columnAt, union, type Box, type PageFrame } from './geometry.js'
import type { Line } from './lines.js'
import type { FilledRect } from './rulings.js'
import type { TextRun } from './text-items.js'

/**
 * Tables drawn without rules, found from text alignment alone. Lines here are already cut at wide
 * gaps, so each is a chunk of one cell. Chunks sharing a baseline form a band; a run of bands with
 * three or more chunks whose left edges line up across bands is a table, those left edges its
 * columns. A row starts at a band where every chunk stands a paragraph gap below the chunk above
 * it in its column — a continuation line sits one line spacing below. Pragmatic by design: left
 * aligned columns only, no vertical merges.
 */

export interface FoundTable {
  table: Table
  box: Box
  runs: TextRun[]
  /** Left edges of its columns. */
  starts: number[]
}

const MIN_COLUMNS = 3
const MIN_BANDS = 3

interface Band {
  baseline: number
  chunks: Line[]
}

function bandsOf(lines: readonly Line[]): Band[] {
  const bands: Band[] = []
  for (const line of [...lines].sort((a, b) => a.baseline - b.baseline || a.box.x0 - b.box.x0)) {
    const band = bands[bands.length - 1]
    if (band && Math.abs(line.baseline - band.baseline) <= 0.25 * line.size) band.chunks.push(line)
    else bands.push({ baseline: line.baseline, chunks: [line] })
  }
  for (const band of bands) band.chunks.sort((a, b) => a.box.x0 - b.box.x0)
  return bands
}

/** Left edges shared by enough multi-chunk bands to be columns. */
function columnStarts(bands: readonly Band[]): number[] {
  const xs = bands.flatMap((b) => b.chunks.map((c) => c.box.x0)).sort((a, b) => a - b)
  const groups: number[][] = []
  for (const x of xs) {
    const g = groups[groups.length - 1]
    if (g && x - g[0]! <= ALIGN) g.push(x)
    else groups.push([x])
  }
  const needed = Math.max(2, Math.ceil(bands.length * 0.3))
  return groups.filter((g) => g.length >= needed).map((g) => Math.min(...g))
}

/** True when every chunk of the band starts at one of the columns. */
const fitsColumns = (band: Band, starts: readonly number[]): boolean => band.chunks.every((c) => starts.some((s) => Math.abs(c.box.x0 - s) <= ALIGN))

/** Consecutive bands that could belong to one table: close together, and at least one multi-chunk. */
function candidateRegions(bands: readonly Band[]): Band[][] {
  const regions: Band[][] = []
  let current: Band[] = []
  for (const band of bands) {
    const prev = current[current.length - 1]
    const size = band.chunks[0]?.size ?? 10
    if (prev && band.baseline - prev.baseline > 3 * size) {
      regions.push(current)
      current = []
    }
    current.push(band)
  }
  if (current.length > 0) regions.push(current)
  return regions
}

/**
 * The rest of a table the page before ended with: the bands at the top of the region whose every
 * chunk stands at one of its columns, as few as one row (the last action of a plan, alone under
 * its repeated header). At least one band must hold two chunks, or a paragraph would do.
 */
function continuationIn(region: readonly Band[], starts: readonly number[]): { bands: Band[]; starts: number[] } | null {
  // A running header of one piece may stand right above it.
  let from = 0
  while (from < region.length && region[from]!.chunks.length === 1 && !fitsColumns(region[from]!, starts)) from += 1
  const bands: Band[] = []
  for (const band of region.slice(from)) {
    if (!fitsColumns(band, starts)) break
    bands.push(band)
  }
  return bands.some((b) => b.chunks.length >= 2) ? { bands, starts: [...starts] } : null
}

function tableIn(region: readonly Band[], carried: readonly number[] | null): { bands: Band[]; starts: number[] } | null {
  return ownTableIn(region) ?? (carried ? continuationIn(region, carried) : null)
}

function ownTableIn(region: readonly Band[]): { bands: Band[]; starts: number[] } | null {
  const multi = region.filter((b) => b.chunks.length >= MIN_COLUMNS)
  if (multi.length < MIN_BANDS) return null
  const starts = columnStarts(multi)
  if (starts.length < MIN_COLUMNS) return null
  // Trim bands before the first and after the last multi-chunk band, and stop at one that does not align.
  const first = region.indexOf(multi[0]!)
  const last = region.indexOf(multi[multi.length - 1]!)
  const bands: Band[] = []
  for (const [i, band] of region.slice(first).entries()) {
    if (!fitsColumns(band, starts)) break
    // Past the last multi-chunk band only the wrapped lines of the last row belong.
    const prev = bands[bands.length - 1]
    if (first + i > last && prev && band.baseline - prev.baseline > 1.5 * (band.chunks[0]?.size ?? 10)) break
    bands.push(band)
  }
  if (bands.filter((b) => b.chunks.length >= MIN_COLUMNS).length < MIN_BANDS) return null
  return { bands, starts }
}

/** Bands grouped into rows: a row starts where no chunk continues the cell above it. */
function rowsOf(bands: readonly Band[], starts: readonly number[]): Band[][] {
  const spacings: number[] = []
  const lastIn = new Map<number, number>()
  for (const band of bands)
    for (const chunk of band.chunks) {
      const col = columnAt(starts, chunk.box.x0)
      const above = lastIn.get(col)
      if (above !== undefined) spacings.push(band.baseline - above)
      lastIn.set(col, band.baseline)
    }
  const lineSpacing = Math.min(...spacings.filter((s) => s > 0), Infinity)
  const rows: Band[][] = []
  lastIn.clear()
  for (const band of bands) {
    const continuing = band.chunks.some((chunk) => {
      const above = lastIn.get(columnAt(starts, chunk.box.x0))
      return above !== undefined && band.baseline - above <= 1.2 * lineSpacing
    })
    const row = rows[rows.length - 1]
    if (row && continuing) row.push(band)
    else rows.push([band])
    for (const chunk of band.chunks) lastIn.set(columnAt(starts, chunk.box.x0), band.baseline)
  }
  return rows
}

/**
 * `carried`: the columns of the borderless table the page before ended with; only the first table
 * region of this page may continue it.
 */
export function borderlessTables(lines: readonly Line[], rects: readonly FilledRect[], frame: PageFrame, page: number, carried: readonly number[] | null = null): FoundTable[] {
  const found: FoundTable[] = []
  let first = true
  for (const region of candidateRegions(bandsOf(lines))) {
    const table = tableIn(region, first ? carried : null)
    // The running header stands in a region of its own above the table: it does not use up the carry.
    if (region.some((b) => b.chunks.length >= 2)) first = false
    if (!table) continue
    const { bands, starts } = table
    const rows = rowsOf(bands, starts)
    const chunks = bands.flatMap((b) => b.chunks)
    const box = chunks.map((c) => c.box).reduce(union)
    const right = box.x1 + 2
    const edges = [...starts.map((s) => s - 2), right]
    // Text in a borderless column wraps at the furthest any of its lines reaches, not at the next
    // column: that is the right edge wrapped lines are measured against.
    const wrapAt = starts.map((s, c) => {
      const xs = chunks.filter((l) => columnAt(starts, l.box.x0) === c && l.box.x1 <= (starts[c + 1] ?? Infinity)).map((l) => l.box.x1)
      return xs.length > 0 ? Math.max(...xs) + 2 : edges[c + 1]!
    })
    const rowTops = rows.map((r) => Math.min(...r.flatMap((b) => b.chunks.map((c) => c.box.y0))) - 1)
    const slots: (CellSlot & { runs: TextRun[] })[] = []
    rows.forEach((row, r) => {
      const y0 = rowTops[r]!
      const y1 = rowTops[r + 1] ?? box.y1 + 1
      const byCol = new Map<number, Line[]>()
      for (const chunk of row.flatMap((b) => b.chunks)) {
        const col = Math.max(0, columnAt(starts, chunk.box.x0))
        byCol.set(col, [...(byCol.get(col) ?? []), chunk])
      }
      for (let c = 0; c < starts.length; ) {
        const mine = byCol.get(c) ?? []
        // A chunk reaching over the next columns' starts (a section banner) spans them.
        let span = 1
        const reach = Math.max(-Infinity, ...mine.map((l) => l.box.x1))
        while (c + span < starts.length && reach > starts[c + span]! + ALIGN && !byCol.has(c + span)) span += 1
        // A banner alone in its row (a section title) spans the whole table.
        if (c === 0 && span > 1 && byCol.size === 1) span = starts.length
        slots.push({ row: r, col: c, rowSpan: 1, colSpan: span, box: { x0: edges[c]!, y0, x1: wrapAt[c + span - 1]!, y1 }, runs: mine.flatMap((l) => l.runs) })
        c += span
      }
    })
    const index = 0
    const built = buildRows(slots, rows.length, [], rects, frame, page, index, (slot) => cellContent((slot as (typeof slots)[number]).runs, slot.box))
    found.push({
      table: { kind: 'table', index, columns: starts.length, rows: built, provenance: { page, bbox: frame.toPdfBox(box) } },
      box,
      runs: chunks.flatMap((c) => c.runs),
      starts,
    })
  }
  return found
}
