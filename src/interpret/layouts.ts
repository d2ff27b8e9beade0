/**
 * Layouts beyond one grid: a recommendation written as a heading or a paragraph before its own
 * table of actions ("Recommendation 3: …", "Area for improvement 2" then its text), and "card"
 * tables of label / value rows, one card per action.
 */
import type { GridSlot } from '../assemble/grid.js'
import { roleOfHeader } from './column-roles.js'

export interface RecommendationHeading {
  ref: string
  /** The recommendation on the same line, or null when its text is the next paragraph. */
  text: string | null
}

// "Recommendation 3", "Area for improvement 2", "Finding 1.1", "AFI 4", "R3": a label, then a reference.
const LABELLED_REF = /^([A-Za-z][A-Za-z ]{0,40}?)\s+((?:[A-Z]?\d+(?:\.\d+)*[a-z]?)|[A-Z])\s*(?:[:.–—)-]\s*|\s+(?=[A-Z])|$)/
const BARE_REF = /^((?:R|AFI|AFD)\s?\d+[a-z]?)\s*(?:[:.–—)-]\s*|\s+(?=[A-Z])|$)/

/**
 * A paragraph that opens a recommendation: a label the plan uses for recommendations (any header
 * word for the recommendation column, "Area for improvement", "Finding", "Issue") and a
 * reference, then maybe the text. "Priority 2: …" and other section names are not.
 */
export function recommendationHeading(paragraph: string): RecommendationHeading | null {
  const text = paragraph.replace(/\s+/g, ' ').trim()
  const labelled = text.match(LABELLED_REF)
  if (labelled && roleOfHeader(labelled[1]!).role === 'recommendation') {
    const rest = text.slice(labelled[0].length).trim()
    const label = labelled[1]!.trim()
    // "Recommendation 4" is how the cell parser names such a reference too; "Finding 1.1" keeps its number.
    return { ref: /^rec(?:ommendation)?$/i.test(label) ? `Recommendation ${labelled[2]}` : labelled[2]!, text: rest || null }
  }
  const bare = text.match(BARE_REF)
  if (bare) {
    const rest = text.slice(bare[0].length).trim()
    return { ref: bare[1]!, text: rest || null }
  }
  return null
}

/** "Practice standards: …", "Agency: …": a labelled part of the recommendation above. */
export function labelledLine(paragraph: string): { label: string; value: string } | null {
  const m = paragraph.replace(/\s+/g, ' ').trim().match(/^([A-Z][A-Za-z ()'’/&-]{1,40}?)\s*:\s*(.+)$/)
  return m ? { label: m[1]!.trim(), value: m[2]!.trim() } : null
}

/** A section heading outside tables: "Priority 2: Leadership", "Theme 1 – Early help". */
export function sectionHeading(paragraph: string): string | null {
  const text = paragraph.replace(/\s+/g, ' ').trim()
  return /^(?:priority|section|theme|objective|outcome\s+area|strategic\s+priority|workstream)\b/i.test(text) && text.length <= 120 ? text : null
}

const cellText = (slot: GridSlot | null | undefined): string => slot?.cell.text.replace(/\s+/g, ' ').trim() ?? ''

/**
 * A card: two columns, each row a label naming a column role ("Action", "Lead", "By when") and
 * its value; at least one label names the action or the recommendation.
 */
export function isCardTable(grid: readonly (readonly (GridSlot | null)[])[]): boolean {
  if (grid.length < 2 || grid.some((row) => row.length !== 2)) return false
  const labels = grid.map((row) => cellText(row[0]))
  if (labels.some((l) => !l || l.length > 40)) return false
  const roles = labels.map((l) => roleOfHeader(l.replace(/:$/, '')).role)
  const known = roles.filter((r) => r !== null).length
  return known / labels.length >= 0.6 && roles.some((r) => r === 'action' || r === 'recommendation')
}
