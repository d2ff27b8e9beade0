/**
 * Two-level headers. A header cell spanning several sub-headers is a group: "LA" over Outcome /
 * Action / Evidence / Lead, "Responsibility" over Lead / Partner, "Timescale" over Start / End,
 * "Progress" over Q1 / Q2. Group names that are organisations or sectors set the organisation of
 * the actions beneath and make a block of columns that is one action per row; the others shape the
 * roles of the columns beneath (the due date is the end of a timescale).
 */
import type { GridSlot } from '../assemble/grid.js'
import { isHeaderRow, roleOfHeader, type ColumnRole, type Role } from './column-roles.js'

// Every row of every table is tried as a group row over the next and as a sub-header row under
// the last, so each cell's text would be tidied twice or more; it is tidied once and kept.
const TIDY = new WeakMap<object, { raw: string; text: string }>()
const text = (slot: GridSlot | null | undefined): string => {
  if (!slot) return ''
  const raw = slot.cell.text
  const kept = TIDY.get(slot.cell)
  if (kept?.raw === raw) return kept.text
  const tidy = raw.replace(/\s+/g, ' ').trim()
  TIDY.set(slot.cell, { raw, text: tidy })
  return tidy
}

/**
 * Sector and organisation names a plan groups its columns by. Short capitals ("LA", "CCG", "YOS")
 * count too, when they name no column role themselves.
 */
const SECTOR =
  /^(?:the\s+)?(?:la|local\s+authority|council|children'?s\s+(?:social\s+care|services)|social\s+care|health|health\s+partners|nhs|ccgs?|icb|police|probation|education|schools?|early\s+years|providers?|partners?|partner\s+agencies|lscb|scp|youth\s+(?:justice|offending)(?:\s+service)?|yos|cafcass|housing|public\s+health|acute\s+trust|community\s+health|primary\s+care|gps?|adult\s+social\s+care|voluntary\s+sector|safeguarding\s+board)(?:\s+actions?)?$/i

export function isSectorName(name: string): boolean {
  const n = name.replace(/[:()]/g, ' ').replace(/\s+/g, ' ').trim()
  if (!n) return false
  if (SECTOR.test(n)) return true
  return /^[A-Z][A-Z&]{1,5}$/.test(n) && roleOfHeader(n).role === null
}

/** Each column's group cell in the row above a header: by span, or (pasted text) run on over empty slots. */
function groupCells(top: readonly (GridSlot | null)[], sub: readonly (GridSlot | null)[]): (GridSlot | null)[] {
  // Runs over empty slots only where the group row has few cells (not under a full header).
  const out: (GridSlot | null)[] = []
  let open: GridSlot | null = null
  top.forEach((slot, c) => {
    const below = sub[c] ?? null
    const own = slot && text(slot) && below?.cell !== slot.cell ? slot : null
    if (own) open = text(below) ? own : null
    else if (!text(slot) && text(below) && open) {
      out.push(open)
      return
    } else open = null
    out.push(own && text(below) ? own : null)
  })
  return out
}

/**
 * A group row: the row above a header row, with fewer cells than it, at least one of which stands
 * over two or more sub-headers. A title across the whole table is not a group.
 */
export function isGroupRow(top: readonly (GridSlot | null)[], sub: readonly (GridSlot | null)[]): boolean {
  const subTexts = sub.map(text)
  if (!isHeaderRow(subTexts)) return false
  const distinct = (slots: readonly (GridSlot | null)[]): number => new Set(slots.filter((s) => text(s)).map((s) => s!.cell)).size
  if (distinct(top) < 1 || distinct(top) >= distinct(sub)) return false
  if (top.filter((s) => text(s)).some((s) => text(s).length > 60)) return false
  const groups = groupCells(top, sub)
  const spans = new Map<unknown, number>()
  for (const g of groups) if (g) spans.set(g.cell, (spans.get(g.cell) ?? 0) + 1)
  const wide = [...spans.values()].filter((n) => n >= 2).length
  // One cell over every column is a title, not a group.
  return wide >= 1 && !(spans.size === 1 && [...spans.values()][0]! >= sub.length - 1)
}

// Words that only make sense under a group ("Timescale" / "From", "Progress" / "Q2").
const SUB_WORD = /^(?:start|from|begin|end|to|finish|target|due|lead|leads|partners?|support(?:ing)?|q[1-4]|quarter\s*[1-4]|update\s*\d|[A-Z][a-z]+\s+\d{4}(?:\s+update)?)$/i

/**
 * A sub-header row under a full header whose columns are not next to each other ("Timescale" over
 * "From" in one place and over "To" in another): every word in it belongs under a group name.
 */
export function isSubHeaderRow(top: readonly (GridSlot | null)[], sub: readonly (GridSlot | null)[]): boolean {
  if (!isHeaderRow(top.map(text))) return false
  const filled = sub.map((s, c) => ({ s, c })).filter(({ s, c }) => text(s) && s!.cell !== top[c]?.cell)
  if (filled.length === 0) return false
  return filled.every(({ s, c }) => {
    // Pasted text loses the span: an empty slot is under the group named to its left.
    let o = c
    while (o > 0 && !text(top[o])) o -= 1
    const over = text(top[o])
    const overRole = roleOfHeader(over).role
    return SUB_WORD.test(text(s)) && (isSectorName(over) || (overRole !== null && ['timeframe', 'due', 'lead', 'progress', 'status'].includes(overRole)))
  })
}

export interface HeaderColumn {
  header: string
  group: string | null
}

/** The header of each column read from a group row and the header row beneath it. */
export function combineHeaderRows(top: readonly (GridSlot | null)[], sub: readonly (GridSlot | null)[]): HeaderColumn[] {
  const groups = groupCells(top, sub)
  return sub.map((slot, c) => {
    const g = groups[c]
    if (g) return { header: text(slot), group: text(g) }
    return { header: text(slot) || text(top[c]), group: null }
  })
}

const START = /^(?:start|from|begin(?:s|ning)?|start\s+date|commenc\w*)$/i
const END = /^(?:end|to|finish|end\s+date|completion|complete\s+by|target|due|deadline|by)$/i

/**
 * Roles for headers beneath their groups: a sector group makes a block of columns (one action per
 * row each, with the group as organisation); a timescale group takes its end as the due date and
 * keeps its start in extra; a progress group keeps every update as progress, labelled and in order.
 */
export function rolesUnderGroups(columns: readonly HeaderColumn[], plain: readonly ColumnRole[]): ColumnRole[] {
  return columns.map((col, i) => {
    const base = plain[i]!
    if (!col.group) return base
    const label = `${col.group}: ${col.header}`
    if (isSectorName(col.group)) {
      const start = columns.findIndex((c) => c.group === col.group)
      return { ...base, group: start, agency: col.group.replace(/\s+actions?$/i, '') }
    }
    const groupRole: Role | null = roleOfHeader(col.group).role
    if (groupRole === 'timeframe' || groupRole === 'due') {
      if (START.test(col.header)) return { ...base, role: null, header: label, matched: null }
      if (END.test(col.header) || base.role === 'due' || base.role === null) return { ...base, role: 'due', header: label, kind: null, matched: `${col.header} under ${col.group}` }
    }
    if (groupRole === 'progress' || groupRole === 'status') {
      const role = base.role === 'status' || groupRole === 'status' && base.role === null ? 'status' : 'progress'
      return { ...base, role, header: label, kind: null, matched: `${col.header} under ${col.group}` }
    }
    if (groupRole === 'lead') {
      // "Responsibility" over Lead / Support: the supporting partners are organisations, not leads.
      if (/^(?:support(?:ing)?|partners?|partner\s+agenc(?:y|ies)|with|contributors?)$/i.test(col.header)) return { ...base, role: 'organisation', kind: null, header: label, matched: `${col.header} under ${col.group}` }
      if (base.role === null) return { ...base, role: 'lead', header: label, matched: `${col.header} under ${col.group}` }
    }
    return base.role ? { ...base, header: label } : { ...roleOfHeader(label), header: label }
  })
}
