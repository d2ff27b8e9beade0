/**
 * Several actions in one cell: numbered or lettered lines ("1.1 …", "a) …", bullets), or plain
 * lines beside a lead cell and a date cell with as many lines (paragraph-aligned columns: action N
 * beside lead N and date N). Each becomes its own action; the other columns split with it when they
 * have a line per action, and are shared when they do not.
 */
import type { Cell } from '../../schemas/index.js'
import type { GridSlot } from '../assemble/grid.js'
import type { ColumnRole, Role } from './column-roles.js'
import { piecesByForm } from './item-forms.js'
import { parseUkDate } from './parse-date.js'

const MARKER = /^(\(?[a-z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii)\)|\d+(?:\.\d+)*[.)]?|[•▪◦·*–-])\s+(?=\S)/
const fold = (t: string): string => t.replace(/\s+/g, ' ').trim()
const linesOf = (slot: GridSlot | null | undefined): string[] => (slot?.origin ? slot.cell.lines.map(fold).filter(Boolean) : [])

// Columns that describe each action on its own line; the rest describe the row as a whole.
const PER_ACTION: readonly Role[] = ['lead', 'due', 'status', 'organisation', 'timeframe', 'progress', 'evidence', 'success', 'milestone', 'review']

export interface AlignedItem {
  slots: (GridSlot | null)[]
  /** The number or letter the line opened with ("a", "1.2"), when it had one. */
  ref: string | null
}

/** Marked lines with the unmarked lines after each joined to it (a wrapped item). */
function markedItems(lines: readonly string[]): string[] | null {
  if (!lines[0] || !MARKER.test(lines[0])) return null
  const items: string[] = []
  for (const line of lines) {
    if (MARKER.test(line)) items.push(line)
    else items[items.length - 1] += ` ${line}`
  }
  return items
}

const withText = (cell: Cell, text: string): GridSlot => ({ cell: { ...cell, text, lines: [text], rowSpan: 1 }, origin: true })

/** The row split into one slot list per action, or null when its action cell holds one action. */
export function splitAlignedRow(roles: readonly ColumnRole[], slots: readonly (GridSlot | null)[]): AlignedItem[] | null {
  const actionCol = roles.findIndex((r, i) => r.role === 'action' && linesOf(slots[i]).length >= 1)
  if (actionCol < 0) return null
  const lines = linesOf(slots[actionCol])
  const at = (role: Role): number => roles.findIndex((r, i) => r.role === role && linesOf(slots[i]).length > 0)
  const count = (role: Role): number => linesOf(slots[at(role)]).length
  // A column lines up with n actions when it has a line each, or its form cuts it into n (item-forms.ts).
  const fits = (role: Role, n: number): boolean => count(role) === n || piecesByForm(role, linesOf(slots[at(role)]), n) !== null
  let items = markedItems(lines)
  // A lone "a) …", "1. …" or "1.1 …" is numbered as the first of a list (a Word list of one whose
  // number a PDF shows as text): its marker is a ref, not text. A bare number ("2013 budget") is text.
  if (items?.length === 1 && !/^[a-z]\)|^[•▪◦·*–-]|^\d{1,2}(?:[.)]|\.\d{1,2}[.)]?)\s/.test(lines[0]!)) items = null
  if (!items) {
    if (lines.length < 2) return null
    // Plain lines split only when the lead and the date columns line up with them, line for line;
    // or when the date column has a date for each line and the lead cell names several people whose
    // breaks were lost (fewer lines than actions). One lead with a date per line keeps the lines as
    // steps of one action (row-fields.ts).
    const n = lines.length
    const due = linesOf(slots[at('due')])
    const datedLines = due.length === n && due.every((l) => parseUkDate(l).iso) && count('lead') >= 2
    if (!((fits('lead', n) && fits('due', n)) || datedLines)) return null
    items = lines
  }
  const n = items.length
  return items.map((item, k) => {
    const marker = item.match(MARKER)
    return {
      ref: marker && /[a-z0-9]/i.test(marker[1]!) ? marker[1]!.replace(/[().]+$|^\(/g, '') : null,
      slots: slots.map((slot, c) => {
        if (!slot) return null
        if (c === actionCol) return withText(slot.cell, marker ? item.slice(marker[0].length).trim() : item)
        const role = roles[c]?.role
        const own = linesOf(slot)
        const pieces = own.length === n ? own : piecesByForm(role, own, n)
        if (role && PER_ACTION.includes(role) && pieces) return withText(slot.cell, pieces[k]!)
        return slot
      }),
    }
  })
}
