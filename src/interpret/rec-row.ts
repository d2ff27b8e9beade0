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

type Scorer = (cell: { text: string; colSpan: number; col: number }, ctx: { columns: number; role: ColumnRole | undefined }) => Scored | null

const SCORERS: Scorer[] = [
  (c, x) => (c.colSpan >= Math.max(2, x.columns / 2) ? { score: 2, because: `spans ${c.colSpan} of ${x.columns} columns` } : null),
  (c) => {
    const parsed = parseRecommendationCell(c.text)
    const parts = [parsed.ref ? `ref ${parsed.ref}` : '', parsed.timeframe ? 'a timeframe' : '', parsed.organisation ? 'an agency' : '', Object.keys(parsed.labelled).length ? 'labelled parts' : ''].filter(Boolean)
    // A reference opening a lone cell is the strongest sign; each other part adds to it.
    return parts.length ? { score: Math.min(3, (parsed.ref ? 2 : 1.5) + 1 * (parts.length - 1)), because: `carries ${parts.join(', ')}` } : null
  },
  (c) => (SHOULD.test(parseRecommendationCell(c.text).text) ? { score: 1, because: 'reads as a recommendation ("should", "Ensure that …")' } : null),
  (c, x) => (x.columns >= 3 ? { score: 1, because: 'alone on a row of a wide table' } : null),
  (c, x) => (x.role?.role === 'action' ? { score: -1, because: 'stands in the action column' } : x.role?.role !== 'recommendation' ? { score: 0.5, because: `stands in the ${x.role?.role ?? 'unnamed'} column, not the action's` } : null),
  (c) => (c.text.length < 25 ? { score: -2, because: 'too short for a recommendation' } : null),
]

const THRESHOLD = 3

/** The recommendation a lone cell states, with the reasons; null when the reasons are too weak. */
export function loneRecommendation(slots: readonly (GridSlot | null)[], roles: readonly ColumnRole[], columns: number): { text: string; boldLead: string | null; because: string[] } | null {
  const filled = filledCells(slots)
  if (filled.length !== 1) return null
  const { col, slot } = filled[0]!
  if (slot.cell.bold) return null
  const cell = { text: slot.cell.text.replace(/\s+/g, ' ').trim(), colSpan: slot.cell.colSpan, col }
  const found = SCORERS.flatMap((s) => s(cell, { columns, role: roles[col] }) ?? [])
  const score = found.reduce((n, f) => n + f.score, 0)
  return score >= THRESHOLD ? { text: slot.cell.text, boldLead: slot.cell.boldLead, because: found.map((f) => `${f.because} (${f.score > 0 ? '+' : ''}${f.score})`) } : null
}
