import type { Cell, Row } from '../../schemas/index.js'
import { area, overlapArea, type Box, type PageFrame } from './geometry.js'
import { entries } from './cell-entries.js'
import { cellParagraphs } from './cell-items.js'
import { BULLET, groupLines, paragraphText, type Line } from './lines.js'
import type { FilledRect } from './rulings.js'
import type { TextRun } from './text-items.js'

/** A cell's place in a grid before it becomes a schema Cell. */
export interface CellSlot {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  box: Box
}

/** Near-white shading is the page showing through, not a colour anyone chose. */
const isBlankFill = (hex: string): boolean => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  return (r ?? 0) >= 0xf0 && (g ?? 0) >= 0xf0 && (b ?? 0) >= 0xf0
}

/** The colour of the shading that covers most of the cell; the last painted wins a tie. */
export function cellFill(box: Box, rects: readonly FilledRect[]): string | null {
  const size = area(box)
  if (size <= 0) return null
  let best: { fill: string; share: number } | null = null
  for (const rect of rects) {
    const share = overlapArea(box, rect.box) / size
    if (share >= 0.5 && (!best || share >= best.share - 0.01)) best = { fill: rect.fill, share }
  }
  return best && !isBlankFill(best.fill) ? best.fill : null
}

export interface CellContent {
  lines: string[]
  bold: boolean
  boldLead: string | null
  /** How many of the lines are list items (a bullet began them); read from the cell's geometry only. */
  items?: number
  /** Each line's visual lines, unjoined; read from the cell's geometry only. */
  visual?: string[][]
}

/** The right edge a cell's text wraps at: cell padding is symmetric in practice, so the left inset seen gives the right one. */
function wrapEdge(visual: readonly Line[], box: Box): number {
  const inset = Math.max(0, Math.min(...visual.map((l) => l.box.x0 - box.x0)))
  return box.x1 - Math.min(inset, 8)
}

/** The text of the runs inside one cell: paragraphs and list items, with bold read off the runs. */
export function cellContent(runs: readonly TextRun[], box: Box): CellContent {
  if (runs.length === 0) return { lines: [], bold: false, boldLead: null }
  const visual = groupLines(runs)
  const paragraphs = cellParagraphs(visual, wrapEdge(visual, box))
  const lines = paragraphs.map((p) => p.text)
  const items = paragraphs.filter((p) => p.item).length
  return { lines, items, visual: paragraphs.map((p) => p.lines.map((l) => l.text)), ...emphasis(visual.flatMap((l) => l.runs)) }
}

/**
 * The text of a cell whose paragraphs the source marks (a tagged PDF): one line per block, the
 * visual lines of each joined as wraps. `wrapAt` is the edge the lines wrap at, where the caller
 * knows it better than the cell's box does (a column without rules).
 */
export function blockContent(blocks: readonly (readonly TextRun[])[], box: Box, wrapAt?: number): CellContent {
  const visuals = blocks.map((runs) => groupLines(runs)).filter((v) => v.length > 0)
  if (visuals.length === 0) return { lines: [], bold: false, boldLead: null }
  const right = wrapAt ?? wrapEdge(visuals.flat(), box)
  const lines = visuals.map((v) => paragraphText(v, right)).filter(Boolean)
  return { lines, ...emphasis(visuals.flatMap((v) => v.flatMap((l) => l.runs))) }
}

function emphasis(runs: readonly TextRun[]): { bold: boolean; boldLead: string | null } {
  // Bullet glyphs come from a symbol font that is never bold; they say nothing about emphasis.
  const ordered = runs.filter((r) => r.text.replace(BULLET, '').trim())
  const bold = ordered.length > 0 && ordered.every((r) => r.bold)
  let boldLead: string | null = null
  if (!bold && ordered[0]?.bold) {
    const lead = ordered.slice(0, ordered.findIndex((r) => !r.bold))
    boldLead = lead.map((r) => r.text).join(' ').replace(/\s+/g, ' ').trim() || null
  }
  return { bold, boldLead }
}

export const centreIn = (run: TextRun, box: Box): boolean => {
  const x = (run.box.x0 + run.box.x1) / 2
  const y = (run.box.y0 + run.box.y1) / 2
  return x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1
}

/**
 * Each slot's content from the runs whose centre falls in it, in the runs' order. The runs are
 * sorted by centre once and each slot looks only at those in its height: filtering every run for
 * every slot took a third of the time of placing a ruled page.
 */
function runsIn(runs: readonly TextRun[]): (slot: CellSlot) => CellContent {
  const centreY = (r: TextRun): number => (r.box.y0 + r.box.y1) / 2
  // A run with no finite centre is in no cell (and would break the sort's order).
  const order = runs.map((run, i) => ({ run, i, y: centreY(run) })).filter((o) => Number.isFinite(o.y)).sort((a, b) => a.y - b.y)
  return (slot) => {
    let lo = 0
    let hi = order.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (order[mid]!.y < slot.box.y0) lo = mid + 1
      else hi = mid
    }
    const hits: { run: TextRun; i: number }[] = []
    for (let k = lo; k < order.length && order[k]!.y < slot.box.y1; k += 1) if (centreIn(order[k]!.run, slot.box)) hits.push(order[k]!)
    return cellContent(hits.sort((a, b) => a.i - b.i).map((h) => h.run), slot.box)
  }
}

/**
 * Several actions listed in one cell, with a lead or a date for each on its own line in the cells
 * beside: where a cell of the row reads as fewer lines than the list has items, its line ends
 * are looked at again for entries that start on a new line. The wrap test alone joins a name
 * that would only just have fitted, or that did not fit either way, and the cell then no longer
 * pairs with the list.
 */
function alignedToItems(slots: readonly CellSlot[], contents: CellContent[]): CellContent[] {
  const items = new Map<number, number>()
  for (const [i, slot] of slots.entries()) {
    const c = contents[i]!
    if (slot.rowSpan === 1 && c.items && c.items >= 2 && c.items === c.lines.length) items.set(slot.row, Math.max(items.get(slot.row) ?? 0, c.items))
  }
  return contents.map((c, i) => {
    const n = items.get(slots[i]!.row)
    if (!n || slots[i]!.rowSpan !== 1 || c.items || !c.visual || c.visual.length !== c.lines.length || c.lines.length >= n) return c
    const split = entries(c.visual, n)
    return split ? { ...c, lines: split } : c
  })
}

/** Schema rows from grid slots: by default each slot takes the runs whose centre falls in it. */
export function buildRows(
  slots: readonly CellSlot[],
  rowCount: number,
  runs: readonly TextRun[],
  rects: readonly FilledRect[],
  frame: PageFrame,
  page: number,
  table: number,
  contentOf: (slot: CellSlot) => CellContent = runsIn(runs),
): Row[] {
  const rows: Row[] = Array.from({ length: rowCount }, () => ({ cells: [], header: false }))
  const contents = alignedToItems(slots, slots.map(contentOf))
  for (const [i, slot] of slots.entries()) {
    const { lines, bold, boldLead } = contents[i]!
    const cell: Cell = {
      text: lines.join(' '),
      lines,
      col: slot.col,
      rowSpan: slot.rowSpan,
      colSpan: slot.colSpan,
      fill: cellFill(slot.box, rects),
      bold: lines.length > 0 && bold,
      boldLead,
      provenance: { page, bbox: frame.toPdfBox(slot.box), table, row: slot.row, col: slot.col },
    }
    rows[slot.row]?.cells.push(cell)
  }
  for (const row of rows) row.cells.sort((a, b) => a.col - b.col)
  return rows
}
