import type { GridSlot } from '../assemble/grid.js'
import type { ColumnRole } from './column-roles.js'
import { hasRecommendationPrefix, REF_ONLY } from './packed-cells.js'
import { parseUkDate } from './parse-date.js'
import { parseStatus } from './parse-status.js'

/** The distinct non-empty cells of a grid row (a merged cell counted once), in column order. */
export function filledCells(slots: readonly (GridSlot | null)[]): { col: number; slot: GridSlot }[] {
  const seen = new Set<unknown>()
  const out: { col: number; slot: GridSlot }[] = []
  slots.forEach((slot, col) => {
    if (!slot || !slot.cell.text.trim() || seen.has(slot.cell)) return
    seen.add(slot.cell)
    out.push({ col, slot })
  })
  return out
}

/**
 * A section heading: one cell in the row, reading as a heading (bold, mostly capitals, or
 * "PRIORITY 2: …"), not a reference or a recommendation.
 */
export function isSectionRow(slots: readonly (GridSlot | null)[], columns: number): boolean {
  const filled = filledCells(slots)
  if (filled.length !== 1) return false
  const { col, slot } = filled[0]!
  const text = slot.cell.text.trim()
  if (text.length > 250 || REF_ONLY.test(text) || hasRecommendationPrefix(text)) return false
  const spans = slot.cell.colSpan >= Math.max(2, columns / 2) || col === 0
  if (!spans) return false
  const letters = text.replace(/[^A-Za-z]/g, '')
  const capitals = letters.replace(/[^A-Z]/g, '').length / Math.max(1, letters.length)
  return slot.cell.bold || capitals > 0.7 || /^(?:priority|section|theme|objective|outcome|area)\b/i.test(text)
}

export interface RecommendationRow {
  ref: string | null
  text: string
  boldLead: string | null
}

/**
 * A row that is a recommendation on its own: "R1 | RECOMMENDATION : …", "R19 | Review the …",
 * "R14 RECOMMENDATION: …" — a reference and a text, or a RECOMMENDATION prefix, and nothing else.
 */
export function recommendationRow(slots: readonly (GridSlot | null)[]): RecommendationRow | null {
  const filled = filledCells(slots)
  if (filled.length === 0 || filled.length > 2) return null
  const first = filled[0]!.slot.cell
  const second = filled[1]?.slot.cell
  const firstText = first.text.trim()
  if (REF_ONLY.test(firstText) && second && second.text.trim().length > 15) {
    return { ref: firstText, text: second.text, boldLead: second.boldLead }
  }
  if (hasRecommendationPrefix(firstText) && (!second || second.text.trim().length < 15)) {
    return { ref: null, text: firstText, boldLead: first.boldLead }
  }
  return null
}

/**
 * How well a set of column roles fits one row's content: dates in the date column, status words
 * in the status column, something in the action column. Used to notice the same plan's columns
 * shifted by one on some pages (an empty first column present on some pages, absent on others).
 */
export function fitScore(roles: readonly ColumnRole[], slots: readonly (GridSlot | null)[]): number {
  let score = 0
  let hasAction = false
  slots.forEach((slot, col) => {
    const text = slot?.cell.text.trim() ?? ''
    const role = roles[col]
    if (!role) {
      if (text) score -= 1
      return
    }
    if (role.role === null && !role.header && text) score -= 1
    if (!text) return
    switch (role.role) {
      case 'due': {
        // One date per line when a cell lists several actions' dates: judge its first line.
        const first = slot?.cell.lines[0]?.trim() || text
        score += parseUkDate(first).iso || /^(immediate|ongoing|on-going|quarterly|monthly|annually|\d+\s+months?|within|from|by|end|q[1-4])/i.test(first) ? 1 : -1
        break
      }
      case 'status': {
        const s = parseStatus(text)
        score += s.status || s.rag ? 1 : text.length > 30 ? -1 : 0
        break
      }
      case 'timeframe':
        score += text.length < 30 ? 0.5 : -0.5
        break
      case 'ref':
        score += REF_ONLY.test(text) ? 0.5 : -1
        break
      case 'action':
        hasAction = true
        break
      default:
    }
  })
  return hasAction ? score + 0.5 : score - 1
}

/** The roles moved one column right (a leading column appears) or left (it disappears). */
export function shiftedRoles(roles: readonly ColumnRole[], width: number): ColumnRole[][] {
  const blank: ColumnRole = { role: null, header: '', kind: null, matched: null }
  const padded = (list: ColumnRole[]): ColumnRole[] =>
    Array.from({ length: width }, (_, i) => list[i] ?? blank)
  const right = padded([{ role: 'ref', header: '', kind: null, matched: '(column shifted right)' }, ...roles])
  const left = padded(roles.slice(1))
  return [padded([...roles]), right, left]
}
