import type { CellValue } from 'exceljs'
import { format, tokenize } from 'numfmt'

/**
 * A worksheet cell's value as the text a person sees. exceljs gives typed values (numbers, Dates,
 * rich text, formulas with their cached result); numfmt renders numbers and dates through the
 * cell's number format, as Excel displays them.
 */

export interface CellText {
  text: string
  lines: string[]
  /** True when every run of text is bold (rich text), else the cell font's bold. */
  bold: boolean
  boldLead: string | null
  /** The text Excel shows, when it differs from `text` (a date written as ISO for the interpretation). */
  displayed: string | null
  /** A formula whose file holds no cached result: it shows nothing until Excel recalculates. */
  uncachedFormula: boolean
}

interface Run {
  text: string
  bold: boolean
}

const MS_PER_DAY = 86_400_000
/** Days from Excel's 1900 epoch (serial 0 = 1899-12-30, after its 1900 leap-year bug) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569

const serialOf = (date: Date): number => date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL

function safeFormat(pattern: string, value: number): string | null {
  try {
    return format(pattern, value, { locale: 'en-GB' })
  } catch {
    return null
  }
}

/**
 * True when a date format shows the date in an order the interpretation reads without doubt:
 * day before month before year (31/03/2013, 31 March 2013), month and year with the month by name
 * or with a four-digit year (Mar-13, 03/2013), or ISO year-month-day. US order (03/31/2013), a
 * weekday in front, or a two-digit year outside 2000–2099 are not: the ISO date is written instead.
 */
export function dayFirstFormat(pattern: string, year: number): boolean {
  let tokens: ReturnType<typeof tokenize>
  try {
    tokens = tokenize(pattern.split(';')[0] ?? pattern)
  } catch {
    return false
  }
  const parts = tokens.filter((t) => t.type === 'datetime').map((t) => String(t.value).toLowerCase())
  // Minutes share the letter m with months; Excel reads m after h or before s as minutes.
  const date = parts.filter((p, i) => !(p.startsWith('m') && (parts[i - 1]?.startsWith('h') || parts[i + 1]?.startsWith('s'))) && /^[dmy]/.test(p))
  const order = date.map((p) => p[0]).join('')
  const day = date.find((p) => p.startsWith('d'))
  const month = date.find((p) => p.startsWith('m'))
  const yearPart = date.find((p) => p.startsWith('y'))
  if (!yearPart || !month) return false
  if (yearPart.length <= 2 && (year < 2000 || year > 2099)) return false
  if (day && day.length > 2) return false
  if (order === 'dmy') return true
  if (order === 'my') return month.length >= 3 || yearPart.length >= 4
  return order === 'ymd' && yearPart.length === 4 && month.length === 2 && day?.length === 2
}

/** A date cell: the displayed text when the interpretation reads it as this very date, else ISO. */
export function dateText(date: Date, numFmt: string | undefined): { text: string; displayed: string | null } {
  const iso = date.toISOString().slice(0, 10)
  const shown = numFmt ? safeFormat(numFmt, serialOf(date)) : null
  if (shown && numFmt && dayFirstFormat(numFmt, date.getUTCFullYear())) return { text: shown, displayed: null }
  return { text: iso, displayed: shown && shown !== iso ? shown : null }
}

function numberText(value: number, numFmt: string | undefined): string {
  return (numFmt && numFmt !== 'General' ? safeFormat(numFmt, value) : null) ?? String(value)
}

type Value = CellValue | undefined

function isObject(value: Value): value is Exclude<CellValue, null | number | string | boolean | Date> & object {
  return typeof value === 'object' && value !== null && !(value instanceof Date)
}

/** The runs of a value with the cell's own font for plain values; a formula reads as its cached result. */
function runsOf(value: Value, bold: boolean, numFmt: string | undefined, out: { displayed: string | null; uncached: boolean }): Run[] {
  if (value === null || value === undefined) return []
  if (typeof value === 'string') return [{ text: value, bold }]
  if (typeof value === 'number') return [{ text: numberText(value, numFmt), bold }]
  if (typeof value === 'boolean') return [{ text: value ? 'TRUE' : 'FALSE', bold }]
  if (value instanceof Date) {
    const { text, displayed } = dateText(value, numFmt)
    out.displayed = displayed
    return [{ text, bold }]
  }
  if (!isObject(value)) return []
  if ('richText' in value) return value.richText.map((r) => ({ text: r.text, bold: r.font?.bold ?? bold }))
  if ('error' in value) return [{ text: String(value.error), bold }]
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: Value }).result
    if (result === undefined) out.uncached = true
    return runsOf(result as Value, bold, numFmt, out)
  }
  if ('hyperlink' in value) return runsOf((value as { text?: Value }).text, bold, numFmt, out)
  return []
}

const fold = (t: string): string => t.replace(/[ \t\u00a0]+/g, ' ').trim()

/** The cell's text, its lines (Alt+Enter line breaks), and bold as a whole or at the start. */
export function cellText(value: Value, fontBold: boolean, numFmt: string | undefined): CellText {
  const out = { displayed: null as string | null, uncached: false }
  const runs = runsOf(value, fontBold, numFmt, out).filter((r) => r.text !== '')
  const raw = runs.map((r) => r.text).join('')
  const lines = raw.split(/\r\n?|\n/).map(fold).filter(Boolean)
  const text = lines.join(' ')
  const visible = runs.filter((r) => r.text.trim())
  const bold = visible.length > 0 && visible.every((r) => r.bold)
  let boldLead: string | null = null
  if (!bold && visible[0]?.bold) {
    const lead = fold(visible.slice(0, visible.findIndex((r) => !r.bold)).map((r) => r.text).join(''))
    boldLead = lead || null
  }
  return { text, lines, bold, boldLead, displayed: out.displayed, uncachedFormula: out.uncached }
}
