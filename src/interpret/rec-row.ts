/**
 * A recommendation written across an action table: one cell alone on its row, spanning the table
 * or standing where an action would, reading as a recommendation. Small scorers, summed; the
 * reasons are kept for `explain`.
 */
import type { GridSlot } from '../assemble/grid.js'
import type { ColumnRole } from './column-roles.js'
import { parseRecommendationCell } from './packed-cells.js'
import { filledCells } from './row-class.js'

export interface Scored {
  score: number
  because: string
}

const SHOULD = /\bshould\b|^(?:ensure\s+that|make\s+sure|improve\s+the|strengthen|increase|reduce|develop|establish|promote)\b/i

type Scorer = (cell: { text: string; colSpan: number; col: number }, ctx: { columns: number; role: ColumnRole | undefined; heads: number; opens: boolean }) => Scored | null

const SCORERS: Scorer[] = [
  (c, x) => (c.colSpan >= Math.max(2, x.columns / 2) ? { score: 2, because: `spans ${c.colSpan} of ${x.columns} columns` } : null),
  (c) => {
    const parsed = parseRecommendationCell(c.text)
    const parts = [parsed.ref ? `ref ${parsed.ref}` : '', parsed.timeframe ? 'a timeframe' : '', parsed.organisation ? 'an agency' : '', Object.keys(parsed.labelled).length ? 'labelled parts' : ''].filter(Boolean)
    // A reference opening a lone cell is the strongest sign; each other part adds to it.
    return parts.length ? { score: Math.min(3, (parsed.ref ? 2 : 1.5) + 1 * (parts.length - 1)), because: `carries ${parts.join(', ')}` } : null
  },
  (c) => (SHOULD.test(parseRecommendationCell(c.text).text) ? { score: 1, because: 'reads as a recommendation ("should", "Ensure that …")' } : null),
  (_c, x) => (x.columns >= 3 ? { score: 1, because: 'alone on a row of a wide table' } : null),
  (_c, x) => (x.role?.role === 'action' ? { score: -1, because: 'stands in the action column' } : x.role?.role !== 'recommendation' ? { score: 0.5, because: `stands in the ${x.role?.role ?? 'unnamed'} column, not the action's` } : null),
  (c) => (c.text.length < 25 ? { score: -2, because: 'too short for a recommendation' } : null),
  // Pasted text loses the span of a merged row; the shape repeating over each group of actions
  // tells it instead (x.heads counts this row among them, 0 when it is not one).
  (_c, x) => (x.heads >= 2 ? { score: 1.5, because: `one of ${x.heads} rows alone in the first column, each over rows of actions` } : null),
  // Such a row opening the table's data and each section: every action stands under one.
  (_c, x) => (x.heads >= 2 && x.opens ? { score: 1, because: 'rows like it open the data under the header and each section' } : null),
]

/** A row read as a lone first-column cell: one filled cell, in column 0, not bold. */
const loneFirst = (slots: readonly (GridSlot | null)[]): boolean => {
  const filled = filledCells(slots)
  return filled.length === 1 && filled[0]!.col === 0 && !filled[0]!.slot.cell.bold
}

/**
 * Rows of a table whose only filled cell stands in the first column, each followed by a row with
 * two or more filled cells: the shape of a recommendation over its actions when the rows' span
 * was lost (pasted text keeps the tabs, not the merge).
 */
export function headRows(grid: readonly (readonly (GridSlot | null)[])[]): Set<number> {
  const out = new Set<number>()
  grid.forEach((slots, r) => {
    const next = grid[r + 1]
    if (next && loneFirst(slots) && filledCells(next).length >= 2) out.add(r)
  })
  return out
}

/**
 * Whether the first row under the header, and under each section row, is one of the head rows:
 * then no action stands outside a recommendation's group, the shape of a recommendations-as-rows
 * plan rather than of an action plan with a few actions lacking their other cells.
 */
export function headsOpenRuns(grid: readonly (readonly (GridSlot | null)[])[], heads: ReadonlySet<number>): boolean {
  let opening = false
  let opened = 0
  for (let r = 0; r < grid.length; r++) {
    const filled = filledCells(grid[r]!)
    if (filled.length === 0) continue
    // A header row (all bold) or a section row (bold, alone) starts a run of data rows.
    if (filled.every((f) => f.slot.cell.bold)) {
      opening = true
      continue
    }
    if (opening && !heads.has(r)) return false
    opened += opening ? 1 : 0
    opening = false
  }
  return opened > 0
}

const THRESHOLD = 3

/** The recommendation a lone cell states, with the reasons; null when the reasons are too weak. */
export function loneRecommendation(slots: readonly (GridSlot | null)[], roles: readonly ColumnRole[], columns: number, heads = 0, opens = false): { text: string; boldLead: string | null; because: string[] } | null {
  const filled = filledCells(slots)
  if (filled.length !== 1) return null
  const { col, slot } = filled[0]!
  if (slot.cell.bold) return null
  const cell = { text: slot.cell.text.replace(/\s+/g, ' ').trim(), colSpan: slot.cell.colSpan, col }
  const found = SCORERS.flatMap((s) => s(cell, { columns, role: roles[col], heads, opens }) ?? [])
  const score = found.reduce((n, f) => n + f.score, 0)
  return score >= THRESHOLD ? { text: slot.cell.text, boldLead: slot.cell.boldLead, because: found.map((f) => `${f.because} (${f.score > 0 ? '+' : ''}${f.score})`) } : null
}
