import type { Table } from '../../schemas/index.js'
import { rowsOf } from './borderless-rows.js'
import { CELL_MARGINS } from './borderless-wraps.js'
import { ruledRows, type RowRule } from './borderless-rules.js'
import { groupHeaderSpans } from './borderless-header.js'
import { headingAt, loneFrom, spans, tableRegions } from './borderless-regions.js'
import { joinSections } from './borderless-join.js'
import { keyValueRows } from './key-value-rows.js'
import { buildRows, cellContent, type CellSlot } from './cells.js'
import { ALIGN, union, type Box, type PageFrame } from './geometry.js'
import { bandsOf, columnsUnder, type Band, type Column } from './gutters.js'
import { groupLines, type Line } from './lines.js'
import type { FilledRect } from './rulings.js'
import type { Columns, RowStyle } from './tagged-grid.js'
import type { TextRun } from './text-items.js'

/**
 * Tables drawn without rules, found from text alignment alone. Lines here are already cut at wide
 * gaps, so each is a chunk of one cell. Regions and their columns come from the gutters between
 * the chunks (borderless-regions, gutters); rows from the scorers of borderless-rows; a chunk that
 * runs across gutters (a header over several columns, a section banner) becomes a spanning cell.
 */

export interface FoundTable {
  table: Table
  box: Box
  runs: TextRun[]
  /** Left edges of its columns. */
  starts: number[]
  /** Why the region was taken for a table. */
  because: string[]
  rowStyle: RowStyle
}

const MARKER = /^[•▪◦·●■□▫‣⁃∙\uf000-\uf0ff]$/u

/**
 * A list's bullet glyph comes at the size of the paragraph's default font, not of its text (a
 * table set in 8 point under a 10 point bullet): given its item's size, so that the item's wrapped
 * lines read as one line size and carry on the item.
 */
function markersSized(runs: readonly TextRun[]): TextRun[] {
  return runs.map((run) => {
    if (!MARKER.test(run.text.trim())) return run
    const item = runs.find((r) => r !== run && !MARKER.test(r.text.trim()) && Math.abs(r.baseline - run.baseline) <= 0.4 * run.size && r.box.x0 >= run.box.x1)
    return item && item.size !== run.size ? { ...run, size: item.size } : run
  })
}

/** True when every chunk of the band starts at one of the columns. */
const fitsColumns = (band: Band, starts: readonly number[]): boolean => band.chunks.every((c) => starts.some((s) => Math.abs(c.box.x0 - s) <= ALIGN))

/**
 * The columns' starts and the indents of their list items: a bullet standing at a column's start
 * sets its item's text (and the item's wrapped lines) a little in, and they are the column's too.
 */
function startsWithIndents(bands: readonly Band[], starts: readonly number[]): number[] {
  const out = [...starts]
  for (const band of bands) {
    band.chunks.forEach((chunk, i) => {
      const next = band.chunks[i + 1]
      if (next && MARKER.test(chunk.text.trim()) && fitsColumns({ ...band, chunks: [chunk] }, starts)) out.push(next.box.x0)
    })
  }
  return out
}

/** Carried left edges as column ranges: each reaches to just before the next. */
const columnsFromStarts = (starts: readonly number[], right: number): Column[] => starts.map((s, i) => ({ x0: s, x1: (starts[i + 1] ?? right + ALIGN) - ALIGN }))

/**
 * The rest of a table the page before ended with: the bands at the top of the page whose every
 * chunk stands at one of its columns, as few as one row (the last action of a plan, alone under
 * its repeated header). At least one band must hold two chunks, or a paragraph would do.
 */
function continuationIn(bands: readonly Band[], columnStarts: readonly number[], style: RowStyle | undefined): Band[] | null {
  const starts = startsWithIndents(bands, columnStarts)
  // A running header of one piece may stand right above it.
  let from = 0
  while (from < bands.length && bands[from]!.chunks.length === 1 && !fitsColumns(bands[from]!, starts)) from += 1
  const out: Band[] = []
  const columns = columnsFromStarts(columnStarts, Math.max(...bands.flatMap((b) => b.chunks.map((c) => c.box.x1))))
  // In a table with no banner rows of its own, a lone line across its columns at the top of the
  // page heads what follows (the next recommendation), as it would above a table: it and the
  // lone lines with it up to the first line split into columns are left to the page.
  const lead = loneFrom(bands, from)
  if (style?.banners === false && lead.some((b) => spans(b, columns))) from += lead.length
  for (let i = from; i < bands.length; i++) {
    const band = bands[i]!
    if (!fitsColumns(band, starts)) break
    const prev = out[out.length - 1]
    if (prev && band.baseline - prev.baseline > 3 * (band.chunks[0]?.size ?? 10)) break
    // A heading set off above what follows starts the next table, in the same columns or not.
    if (prev && headingAt(bands, i, columns)) break
    out.push(band)
  }
  return out.some((b) => b.chunks.length >= 2) ? out : null
}

/** A chunk lying across several columns, cut between its runs where each run keeps to one column. */
function pieces(chunk: Line, columns: readonly Column[]): { line: Line; cols: number[] }[] {
  const cols = columnsUnder(chunk.box, columns)
  if (cols.length < 2 || chunk.runs.length < 2) return [{ line: chunk, cols }]
  const byCol = new Map<number, TextRun[]>()
  for (const run of chunk.runs) {
    const under = columnsUnder(run.box, columns)
    if (under.length !== 1) return [{ line: chunk, cols }]
    byCol.set(under[0]!, [...(byCol.get(under[0]!) ?? []), run])
  }
  return [...byCol.entries()].map(([col, runs]) => ({ line: groupLines(runs)[0]!, cols: [col] }))
}

function buildTable(bands: readonly Band[], columns: readonly Column[], rects: readonly FilledRect[], frame: PageFrame, page: number, because: string[], style: RowStyle | null = null, rules: readonly RowRule[] = []): FoundTable {
  const found = rowsOf(bands, columns, style)
  const rows = keyValueRows(bands, columns) ?? ruledRows(bands, found.rows, rules, columns, found.style.lineSpacing)
  // A row of one cell across the table is a banner: its rest on the next page may start with one.
  const banners = (style?.banners ?? false) || (columns.length > 1 && rows.some((row) => row.length === 1 && spans(row[0]!, columns)))
  const rowStyle = { ...found.style, banners }
  const chunks = bands.flatMap((b) => b.chunks)
  const box = chunks.map((c) => c.box).reduce(union)
  const rowTops = rows.map((r) => Math.min(...r.flatMap((b) => b.chunks.map((c) => c.box.y0))) - 1)
  // Text in a borderless column wraps at the furthest any of its lines reaches.
  const x0s = columns.map((c) => c.x0 - 2)
  // Each chunk is cut once (pieces and the columns under them are asked for again below).
  const cut = new Map(chunks.map((c) => [c, pieces(c, columns)]))
  const single = chunks.flatMap((c) => cut.get(c)!).filter((p) => p.cols.length === 1)
  // It cannot wrap past the next column's text less the cells' margins, however short its own
  // lines (a column of dates or names, one a line, whose longest line would read as full).
  const x1s = columns.map((col, c) => {
    const reach = single.filter((p) => p.cols[0] === c).map((p) => p.line.box.x1)
    const own = (reach.length > 0 ? Math.max(...reach) : col.x1) + 2
    const next = columns[c + 1]
    return next ? Math.max(own, next.x0 - CELL_MARGINS) : own
  })
  const slots: (CellSlot & { runs: TextRun[] })[] = []
  rows.forEach((row, r) => {
    const y0 = rowTops[r]!
    const y1 = rowTops[r + 1] ?? box.y1 + 1
    const placed = row.flatMap((b) => b.chunks.flatMap((c) => cut.get(c)!))
    const taken = new Map<number, { first: number; last: number; lines: Line[] }>()
    for (const piece of placed) {
      const first = piece.cols[0]!
      const last = piece.cols[piece.cols.length - 1]!
      const cell = taken.get(first)
      if (cell) {
        cell.lines.push(piece.line)
        cell.last = Math.max(cell.last, last)
      } else taken.set(first, { first, last, lines: [piece.line] })
    }
    // A spanning piece gives way where another cell of the row starts inside its span.
    const firsts = [...taken.keys()].sort((a, b) => a - b)
    firsts.forEach((c, i) => {
      const cell = taken.get(c)!
      cell.last = Math.min(cell.last, (firsts[i + 1] ?? columns.length) - 1)
    })
    // A banner alone in its row (a section title) spans the whole table.
    if (firsts.length === 1 && taken.get(firsts[0]!)!.last > firsts[0]!) {
      taken.get(firsts[0]!)!.first = 0
      taken.get(firsts[0]!)!.last = columns.length - 1
    }
    for (let c = 0; c < columns.length; ) {
      const cell = [...taken.values()].find((t) => t.first === c)
      const span = cell ? cell.last - c + 1 : 1
      slots.push({ row: r, col: c, rowSpan: 1, colSpan: span, box: { x0: x0s[c]!, y0, x1: x1s[c + span - 1]!, y1 }, runs: cell ? cell.lines.flatMap((l) => l.runs) : [] })
      c += span
    }
  })
  const firstColumn = chunks.map((ch) => columnsUnder(ch.box, columns)[0])
  const built = buildRows(groupHeaderSpans(slots), rows.length, [], rects, frame, page, 0, (slot) => cellContent(markersSized((slot as (typeof slots)[number]).runs), slot.box))
  return {
    table: { kind: 'table', index: 0, columns: columns.length, rows: built, provenance: { page, bbox: frame.toPdfBox(box) }, detector: 'borderless', because },
    box,
    runs: chunks.flatMap((c) => c.runs),
    starts: columns.map((c, i) => Math.min(...chunks.filter((_, k) => firstColumn[k] === i).map((ch) => ch.box.x0), c.x0)),
    because,
    rowStyle,
  }
}

/**
 * `carried`: the columns of the borderless table the page before ended with; only the top of this
 * page may continue it. `rules`: the page's horizontal rules, which set the rows of a table ruled
 * between rows only.
 */
export function borderlessTables(lines: readonly Line[], rects: readonly FilledRect[], frame: PageFrame, page: number, carried: Columns | null = null, rules: readonly RowRule[] = []): FoundTable[] {
  let bands = bandsOf(lines)
  const found: FoundTable[] = []
  if (carried) {
    const rest = continuationIn(bands, carried.starts, carried.rowStyle)
    if (rest) {
      const right = Math.max(...rest.flatMap((b) => b.chunks.map((c) => c.box.x1)))
      const because = ['continues the table the page before ended with, in its columns']
      found.push(buildTable(rest, columnsFromStarts(carried.starts, right), rects, frame, page, because, carried.rowStyle ?? null, rules))
      bands = bands.filter((b) => !rest.includes(b))
    }
  }
  for (const region of joinSections(tableRegions(bands), bands)) found.push(buildTable(region.bands, region.columns, rects, frame, page, region.because, null, rules))
  return found.sort((a, b) => a.box.y0 - b.box.y0)
}
