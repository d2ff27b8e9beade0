import { wordsIn } from './borderless-regions.js'
import { columnsUnder, type Band, type Column } from './gutters.js'
import type { Line } from './lines.js'

/**
 * Rows of a label | value table (a Word "card": "Planned actions | Report the take-up…",
 * "Responsible | …", "Timescale | Q2 2012/13", one card per action). Its rows stand one line
 * apart, like a cell's wrapped lines, and a card's blank gap looks like the gap between rows, so
 * the gaps cut it into whole cards. In such a table the label column starts a new row on every
 * line it has text in; the value column's extra lines (a value that wraps, a second paragraph)
 * carry on the row above.
 */

/** A label is a few words: a column role's name, not a sentence. */
const MAX_LABEL_WORDS = 5
const MAX_LABEL_CHARS = 40

const bold = (chunk: Line): boolean => chunk.runs.every((r) => r.bold)

/** The label pieces of a band: chunks wholly in the first column. */
const labelsOf = (band: Band, columns: readonly Column[]): Line[] => band.chunks.filter((c) => columnsUnder(c.box, columns).every((i) => i === 0))

/**
 * Whether the bands form a label | value table: two columns, every piece in the first a short
 * label, and the labels either set apart in bold from plain values or coming back card after card
 * (two labels or more seen twice). A two-column table of data has sentences on its left, or
 * neither sign.
 */
export function isKeyValue(bands: readonly Band[], columns: readonly Column[]): boolean {
  if (columns.length !== 2) return false
  const labels = bands.flatMap((b) => labelsOf(b, columns))
  const values = bands.flatMap((b) => b.chunks.filter((c) => columnsUnder(c.box, columns).includes(1)))
  if (labels.length < 3 || values.length < 2) return false
  if (labels.some((l) => wordsIn(l.text) > MAX_LABEL_WORDS || l.text.trim().length > MAX_LABEL_CHARS)) return false
  const boldLabels = labels.every(bold) && values.some((v) => !bold(v))
  const seen = new Map<string, number>()
  for (const l of labels) seen.set(l.text.trim(), (seen.get(l.text.trim()) ?? 0) + 1)
  const repeated = [...seen.values()].filter((n) => n >= 2).length >= 2
  return boldLabels || repeated
}

/**
 * The rows of a label | value table, or null when the bands are not one. A label piece that
 * starts in lower case is the label's wrapped line ("What the inspectors" / "said").
 */
export function keyValueRows(bands: readonly Band[], columns: readonly Column[]): Band[][] | null {
  if (!isKeyValue(bands, columns)) return null
  const rows: Band[][] = []
  for (const band of bands) {
    const label = labelsOf(band, columns)[0]
    const starts = label !== undefined && !/^\p{Ll}/u.test(label.text.trim())
    const row = rows[rows.length - 1]
    if (row && !starts) row.push(band)
    else rows.push([band])
  }
  return rows
}
