import type { CellSlot } from './cells.js'
import type { TextRun } from './text-items.js'

/**
 * A header of two bold lines whose upper line names a group over several columns ("Responsibility"
 * over "Lead officer" and "Support"): without rules nothing draws the group cell, and its text
 * stands left in it, over the first column only. Where the upper line is blank over the next
 * columns and the lower line names each of them, the group cell spans them, as the writer drew it;
 * and a column named on the upper line alone is one cell down both lines.
 */

export type Slot = CellSlot & { runs: TextRun[] }

const boldRow = (row: readonly Slot[]): boolean => {
  const filled = row.filter((s) => s.runs.length > 0)
  return filled.length >= 2 && filled.every((s) => s.runs.every((r) => r.bold))
}

export function groupHeaderSpans(slots: readonly Slot[]): Slot[] {
  const top = slots.filter((s) => s.row === 0)
  const bottom = slots.filter((s) => s.row === 1)
  if (!boldRow(top) || !boldRow(bottom)) return [...slots]
  const at = (row: readonly Slot[], col: number): Slot | undefined => row.find((s) => s.col === col)
  const named = (col: number): boolean => (at(bottom, col)?.runs.length ?? 0) > 0 && at(bottom, col)!.colSpan === 1
  const dropped = new Set<Slot>()
  const widened = new Map<Slot, Slot>()
  for (const cell of top) {
    if (cell.runs.length === 0 || cell.colSpan !== 1 || !named(cell.col)) continue
    const under: Slot[] = []
    for (let col = cell.col + 1; ; col++) {
      const next = at(top, col)
      if (!next || next.runs.length > 0 || next.colSpan !== 1 || !named(col)) break
      under.push(next)
    }
    if (under.length === 0) continue
    under.forEach((s) => dropped.add(s))
    const last = under[under.length - 1]!
    widened.set(cell, { ...cell, colSpan: 1 + under.length, box: { ...cell.box, x1: last.box.x1 } })
  }
  if (widened.size === 0) return [...slots]
  // The columns outside a group are named once, down both lines, as the writer merged them.
  for (const cell of top) {
    const below = at(bottom, cell.col)
    if (dropped.has(cell) || widened.has(cell) || cell.runs.length === 0 || !below || below.runs.length > 0 || below.colSpan !== cell.colSpan) continue
    dropped.add(below)
    widened.set(cell, { ...cell, rowSpan: 2, box: { ...cell.box, y1: below.box.y1 } })
  }
  return slots.filter((s) => !dropped.has(s)).map((s) => widened.get(s) ?? s)
}
