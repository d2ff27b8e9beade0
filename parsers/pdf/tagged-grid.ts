import type { Table } from '../../schemas/index.js'
import { blockContent, buildRows, cellContent, centreIn, type CellContent, type CellSlot } from './cells.js'
import { ALIGN, columnAt, union, type Box, type PageFrame } from './geometry.js'
import { groupLines } from './lines.js'
import type { Grid } from './ruled-grid.js'
import type { FilledRect } from './rulings.js'
import type { TaggedTable } from './struct-tables.js'
import type { TextRun } from './text-items.js'

/**
 * A table the structure tree marks, placed on the page. The tree says which text is in which cell
 * of which row and where each cell's paragraphs end; it does not say (through pdf.js) where a
 * merged cell lies, so:
 * - inside a ruled grid the rules give the columns and merges, and the tags give each ruled cell
 *   its text, split a ruled cell that holds several tagged cells of one row (a row cut by the page
 *   break, drawn without its inner rules), and mark header rows (TH);
 * - without rules the columns come from the left edges of the cells in the rows that have them
 *   all, a shorter row's cells are placed by their left edge, and the columns left of a short
 *   row's first cell are taken as merged down from the row above (Word's vertical merge).
 * Where the tags and the geometry disagree the result says why, and the page falls back to
 * geometry alone.
 */

/** The columns of a table placed from its tags alone: where the next page's part of it stands. */
export interface Columns {
  starts: number[]
  right: number
  /** How a borderless table's rows stand (read from the layout), for its rest on the next page to be cut alike. */
  rowStyle?: RowStyle
}

/** Whether rows stand apart by more than a line spacing, and that spacing in points. */
export interface RowStyle {
  gapped: boolean
  lineSpacing: number
  /** The column whose cells start rows (borderless tables), for the rest of a cut row to find it empty. */
  anchor?: number
  /** Whether the table has rows of one cell across it (section banners), which a line across it at the top of the next page may be. */
  banners?: boolean
}

export type Placed = { table: Table; box: Box; runs: Set<TextRun>; columns: Columns | null } | { problem: string }

/** Share of a tagged table's text that must fall inside a ruled grid for the grid to be its. */
const INSIDE = 0.8

interface Located {
  row: number
  cell: number
}

export interface PlaceInput {
  byTag: ReadonlyMap<string, TextRun[]>
  pageRuns: readonly TextRun[]
  /** Untagged text not yet placed: a header row repeated as an artifact may be among it. */
  loose: readonly TextRun[]
  ruled: readonly Grid[]
  rects: readonly FilledRect[]
  frame: PageFrame
  page: number
  /** The columns of the table placed from its tags at the end of the previous page, which this one may continue. */
  carried: Columns | null
}

export function placeTaggedTable(tagged: TaggedTable, input: PlaceInput): Placed | null {
  const { byTag, pageRuns, ruled, rects, frame, page } = input
  const blockRuns = (ids: readonly string[]): TextRun[] => ids.flatMap((id) => byTag.get(id) ?? [])
  const cells = tagged.rows.map((row) => row.cells.map((cell) => cell.blocks.map((b) => blockRuns(b.ids))))
  const all = cells.flat(3)
  if (all.length === 0) return null
  const grid = ruled.find((g) => all.filter((r) => centreIn(r, g.box)).length >= INSIDE * all.length)
  return grid ? inRuledGrid(tagged, cells, grid, pageRuns, rects, frame, page) : fromTags(tagged, cells, input)
}

/** Runs of each tagged cell: [row][cell][block][run]. */
type CellRuns = TextRun[][][][]

function inRuledGrid(tagged: TaggedTable, cells: CellRuns, grid: Grid, pageRuns: readonly TextRun[], rects: readonly FilledRect[], frame: PageFrame, page: number): Placed {
  const owner = new Map<TextRun, Located>()
  cells.forEach((row, r) => row.forEach((cell, c) => cell.flat().forEach((run) => owner.set(run, { row: r, cell: c }))))
  const inside = pageRuns.filter((r) => centreIn(r, grid.box))
  const key = (l: Located): string => `${l.row}:${l.cell}`
  const slots: (CellSlot & { content: CellContent })[] = []
  const slotOf = new Map<string, number>()
  for (const cell of grid.cells) {
    const runs = inside.filter((r) => centreIn(r, cell.box))
    const owners = new Map<string, Located>()
    for (const run of runs) {
      const o = owner.get(run)
      if (o) owners.set(key(o), o)
    }
    const loose = runs.filter((r) => !owner.has(r))
    const pieces: { col: number; colSpan: number; located: Located | null }[] = []
    if (owners.size <= 1) pieces.push({ col: cell.col, colSpan: cell.colSpan, located: [...owners.values()][0] ?? null })
    else {
      // Several tagged cells in one ruled cell: a row the page break cut, drawn without its inner rules.
      const located = [...owners.values()]
      if (new Set(located.map((l) => l.row)).size > 1) return { problem: `one ruled cell holds text of ${new Set(located.map((l) => l.row)).size} tagged rows` }
      const starts = located.map((l) => ({ l, col: Math.max(0, columnAt(grid.xs, Math.min(...cells[l.row]![l.cell]!.flat().map((r) => r.box.x0)))) })).sort((a, b) => a.col - b.col)
      if (new Set(starts.map((s) => s.col)).size < starts.length) return { problem: 'two tagged cells start in one column of a ruled cell' }
      starts[0]!.col = cell.col
      starts.forEach((s, i) => pieces.push({ col: s.col, colSpan: (starts[i + 1]?.col ?? cell.col + cell.colSpan) - s.col, located: s.l }))
    }
    for (const piece of pieces) {
      if (piece.located) {
        const k = key(piece.located)
        if (slotOf.has(k)) return { problem: 'the text of one tagged cell lies in several ruled cells' }
        slotOf.set(k, slots.length)
      }
      const box = { x0: grid.xs[piece.col]!, y0: cell.box.y0, x1: grid.xs[piece.col + piece.colSpan]!, y1: cell.box.y1 }
      const blocks = piece.located ? cells[piece.located.row]![piece.located.cell]! : []
      // Untagged text in the grid (a header row repeated as an artifact) is read by geometry alone.
      const content = merge(blockContent(blocks, box), cellContent(pieces.length === 1 ? loose : [], box))
      slots.push({ row: cell.row, col: piece.col, rowSpan: cell.rowSpan, colSpan: piece.colSpan, box, content })
    }
  }
  const rows = buildRows(slots, grid.ys.length - 1, [], rects, frame, page, 0, (slot) => (slot as (typeof slots)[number]).content)
  // A row is a header row when every tagged cell starting in it is a TH.
  rows.forEach((row, r) => {
    const heads = [...slotOf.entries()].filter(([, i]) => slots[i]!.row === r).map(([k]) => k.split(':').map(Number) as [number, number])
    row.header = heads.length > 0 && heads.every(([tr, td]) => tagged.rows[tr]!.cells[td]!.header)
  })
  const table: Table = { kind: 'table', index: 0, columns: grid.xs.length - 1, rows, provenance: { page, bbox: frame.toPdfBox(grid.box) }, detector: 'tagged', because: ['marked as a table by its structure tags; cells placed by its ruling lines'] }
  return { table, box: grid.box, runs: new Set(inside), columns: null }
}

function merge(a: CellContent, b: CellContent): CellContent {
  if (b.lines.length === 0) return a
  if (a.lines.length === 0) return b
  return { lines: [...a.lines, ...b.lines], bold: a.bold && b.bold, boldLead: a.boldLead ?? (a.bold ? a.lines.join(' ') : null) }
}

const boxOfRuns = (runs: readonly TextRun[]): Box | null => (runs.length === 0 ? null : runs.map((r) => r.box).reduce(union))

/** Left edges of the columns, from the rows that have every cell; null when some column has no text to go by. */
function columnStarts(boxes: readonly (Box | null)[][], width: number): number[] | null {
  const full = boxes.filter((row) => row.length === width)
  const starts: number[] = []
  for (let c = 0; c < width; c++) {
    const xs = full.map((row) => row[c]?.x0).filter((x): x is number => x !== undefined)
    starts.push(xs.length > 0 ? Math.min(...xs) : NaN)
  }
  for (let c = 0; c < width; c++) {
    if (!Number.isNaN(starts[c]!)) continue
    // A column empty in every full row: put its edge between its neighbours'.
    const before = starts.slice(0, c).findLast((x) => !Number.isNaN(x))
    const after = starts.slice(c + 1).find((x) => !Number.isNaN(x))
    if (before === undefined || after === undefined) return null
    starts[c] = (before + after) / 2
  }
  return starts
}

/**
 * Untagged lines standing right above a table and across its columns: the header row that a
 * writer repeats on each page as an artifact. Runs by column, or null when there is none.
 */
function headerAbove(loose: readonly TextRun[], box: Box, starts: readonly number[]): TextRun[][] | null {
  const candidates = loose.filter((r) => {
    const x = (r.box.x0 + r.box.x1) / 2
    return x >= box.x0 - ALIGN && x <= box.x1 + ALIGN && r.box.y1 <= box.y0 + 1
  })
  const lines = groupLines(candidates).sort((a, b) => b.baseline - a.baseline)
  let top = box.y0
  const taken: TextRun[] = []
  for (const line of lines) {
    if (top - line.box.y1 > 1.5 * line.size) break
    taken.push(...line.runs)
    top = Math.min(top, line.box.y0)
  }
  const byColumn: TextRun[][] = starts.map(() => [])
  for (const run of taken) byColumn[Math.max(0, columnAt(starts, run.box.x0))]!.push(run)
  return byColumn.filter((c) => c.length > 0).length >= 2 ? byColumn : null
}

function fromTags(tagged: TaggedTable, allCells: CellRuns, input: PlaceInput): Placed {
  const { loose, carried, rects, frame, page } = input
  // LibreOffice tags a row cut by the page break with the cells of both its parts, one after the
  // other: on the first page only the leading cells hold text, on the next only the trailing ones.
  // Empty cells past the last filled column of the page are not columns, and a row whose text
  // starts past every other row's last filled column is the second part: it starts there.
  const filled = allCells.map((row) => row.map((cell) => cell.flat().length > 0))
  const first = filled.map((row) => row.indexOf(true))
  const last = filled.map((row) => row.lastIndexOf(true) + 1)
  const ranges = filled.map((_, r): [number, number] => {
    const others = Math.max(0, ...last.filter((_, o) => o !== r))
    return first[r]! >= others && others > 0 ? [first[r]!, last[r]!] : [0, last[r]!]
  })
  const cells = allCells.map((row, r) => row.slice(ranges[r]![0], ranges[r]![1]))
  const rowsOfCells = tagged.rows.map((row, r) => ({ cells: row.cells.slice(ranges[r]![0], ranges[r]![1]) }))
  const boxes = cells.map((row) => row.map((cell) => boxOfRuns(cell.flat())))
  const content = boxes.flat().filter((b): b is Box => b !== null).reduce(union)
  const own = Math.max(...ranges.map(([from, to]) => to - from))
  // The part of a table on a later page may not show every column (the rows there continue cells
  // merged down from the page before): it takes the columns of the part before when it fits them.
  const continues = carried !== null && carried.starts.length >= own && content.x0 >= carried.starts[0]! - ALIGN && content.x1 <= carried.right + ALIGN
  const starts = continues ? carried.starts : columnStarts(boxes, own)
  if (!starts) return { problem: 'a tagged table column has no text to place it by' }
  const width = starts.length
  if (starts.some((x, c) => c > 0 && x <= starts[c - 1]! + ALIGN)) return { problem: 'tagged table columns do not stand left to right' }

  // The header spans every column, also those the rows of this page leave empty.
  const header = headerAbove(loose, { ...content, x0: Math.min(content.x0, starts[0]!) }, starts)
  if (header) {
    cells.unshift(header.map((runs) => (runs.length > 0 ? [runs] : [])))
    rowsOfCells.unshift({ cells: header.map((runs) => ({ header: true, blocks: runs.length > 0 ? [{ role: 'P', ids: [] }] : [] })) })
    boxes.unshift(header.map(boxOfRuns))
  }
  const tableBox = boxes.flat().filter((b): b is Box => b !== null).reduce(union)
  const tops = boxes.map((row) => Math.min(...row.filter((b): b is Box => b !== null).map((b) => b.y0)) - 1)
  if (tops.some((t, r) => r > 0 && t <= tops[r - 1]!)) return { problem: 'tagged table rows do not stand top to bottom' }
  const edges = [...starts.map((s) => s - 2), tableBox.x1 + 2]
  const bottom = (r: number): number => tops[r + 1] ?? tableBox.y1 + 1

  interface Slot extends CellSlot {
    content: TextRun[][]
    header: boolean
  }
  const slots: Slot[] = []
  // The slot covering each column in the row above, for vertical merges.
  let above: (Slot | undefined)[] = []
  for (const [r, row] of rowsOfCells.entries()) {
    const placed: { col: number; cell: number }[] = []
    for (const [c, cell] of row.cells.entries()) {
      const box = boxes[r]![c]
      if (row.cells.length === width) placed.push({ col: c, cell: c })
      else if (box && cell.blocks.length > 0) placed.push({ col: Math.max(0, columnAt(starts, box.x0)), cell: c })
    }
    if (placed.some((p, i) => i > 0 && p.col <= placed[i - 1]!.col)) return { problem: 'two tagged cells of one row fall in one column' }
    const covering: (Slot | undefined)[] = Array(width).fill(undefined)
    const mergeDown = (from: number, to: number): boolean => {
      // Columns [from, to) left without a cell are the lower part of cells in the row above.
      const merged = new Set<Slot>()
      for (let col = from; col < to; col++) {
        const slot = above[col]
        if (!slot || slot.header || slot.col < from || slot.col + slot.colSpan > to) return false
        merged.add(slot)
      }
      for (const slot of merged) {
        slot.rowSpan += 1
        slot.box = { ...slot.box, y1: bottom(r) }
        for (let col = slot.col; col < slot.col + slot.colSpan; col++) covering[col] = slot
      }
      return true
    }
    const emptySlots = (from: number, to: number): void => {
      for (let col = from; col < to; col++) add(col, 1, [], false)
    }
    const add = (col: number, colSpan: number, content: TextRun[][], header: boolean): void => {
      const slot: Slot = { row: r, col, rowSpan: 1, colSpan, box: { x0: edges[col]!, y0: tops[r]!, x1: edges[col + colSpan]!, y1: bottom(r) }, content, header }
      slots.push(slot)
      for (let c = col; c < col + colSpan; c++) covering[c] = slot
    }
    const first = placed[0]?.col ?? width
    if (first > 0 && !mergeDown(0, first)) emptySlots(0, first)
    placed.forEach((p, i) => {
      const next = placed[i + 1]?.col ?? width
      const cell = row.cells[p.cell]!
      const box = boxes[r]![p.cell]
      let span = 1
      if (placed.length === 1 && p.col === 0 && row.cells.length < width) span = width
      else if (box) while (p.col + span < next && box.x1 > starts[p.col + span]! + ALIGN) span += 1
      add(p.col, span, cells[r]![p.cell]!, cell.header)
      if (p.col + span < next && !mergeDown(p.col + span, next)) emptySlots(p.col + span, next)
    })
    above = covering
  }
  // Text in a column without rules wraps at the furthest any of its lines reaches, not at the next column.
  const wrapAt = starts.map(() => -Infinity)
  for (const slot of slots) if (slot.colSpan === 1) for (const run of slot.content.flat()) wrapAt[slot.col] = Math.max(wrapAt[slot.col]!, run.box.x1 + 1)
  const rows = buildRows(slots, rowsOfCells.length, [], rects, frame, page, 0, (slot) =>
    blockContent((slot as Slot).content, slot.box, slot.colSpan === 1 && wrapAt[slot.col]! > -Infinity ? wrapAt[slot.col] : undefined),
  )
  rows.forEach((row, r) => {
    const heads = slots.filter((s) => s.row === r && s.content.length > 0)
    row.header = heads.length > 0 && heads.every((s) => s.header)
  })
  const table: Table = { kind: 'table', index: 0, columns: width, rows, provenance: { page, bbox: frame.toPdfBox(tableBox) }, detector: 'tagged', because: ['marked as a table by its structure tags; no ruling lines, columns from the cells\' left edges'] }
  return { table, box: tableBox, runs: new Set(cells.flat(3)), columns: { starts, right: continues ? Math.max(tableBox.x1, carried!.right) : tableBox.x1 } }
}
