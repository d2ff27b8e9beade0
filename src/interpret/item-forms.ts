/**
 * A lead or date cell beside several actions listed in one cell, whose own line breaks were lost
 * (a PDF read from its layout joins short lines; pasted text loses them): the cell cut again by
 * the form of what it lists, one piece per action. Only a cut that gives exactly as many pieces as
 * there are actions is taken; any other count leaves the cell shared by the actions.
 */
import type { Role } from './column-roles.js'
import { splitDateList } from './parse-date.js'
import { splitPeople } from './split-people.js'

// "Ian Khan (LSCB Business Manager) Alison Khan (Designated Doctor)": a title in brackets closes each lead.
const AFTER_TITLE = /(?<=\))\s+(?=[\p{Lu}])/u

function leadPieces(lines: readonly string[], n: number): string[] | null {
  const text = lines.join(' ').replace(/\s+/g, ' ').trim()
  const titled = text.split(AFTER_TITLE)
  if (titled.length === n) return titled
  // Names, posts and separators as splitPeople reads them; a lead named twice is dropped there, so
  // such a cell never counts right and stays shared.
  const people = splitPeople(lines)
  return people.length === n ? people : null
}

/** The cell's lines cut into `n` pieces by their form, or null when its form gives another count. */
export function piecesByForm(role: Role | null | undefined, lines: readonly string[], n: number): string[] | null {
  if (n < 2 || lines.length === 0 || lines.length >= n) return null
  if (role === 'due') {
    const dates = splitDateList(lines.join(' '))
    return dates?.length === n ? dates : null
  }
  if (role === 'lead') return leadPieces(lines, n)
  return null
}
