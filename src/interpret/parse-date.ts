/**
 * UK dates as plans write them, to ISO 8601 at the precision the text gives. Day-first always:
 * these are English local-authority documents (01/02/2013 is 1 February).
 */

export interface ParsedDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the text is not a date or names an impossible one. */
  iso: string | null
  /** Set when the text looks like a date but cannot be one (31/04/12). */
  problem: string | null
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
}
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'

const pad = (n: number): string => String(n).padStart(2, '0')

/** Two-digit years in plans are this century: the genre starts in the 2000s. */
function fullYear(y: string): number {
  const n = Number(y)
  return y.length <= 2 ? 2000 + n : n
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function ymd(year: number, month: number, day: number, raw: string): ParsedDate {
  if (month < 1 || month > 12) return { iso: null, problem: `"${raw}" has no month ${month}` }
  if (day < 1 || day > daysIn(year, month)) return { iso: null, problem: `"${raw}" is not a date (${month}/${year} has ${daysIn(year, month)} days)` }
  return { iso: `${year}-${pad(month)}-${pad(day)}`, problem: null }
}

const NONE: ParsedDate = { iso: null, problem: null }

type Rule = [RegExp, (m: RegExpMatchArray, raw: string) => ParsedDate]

// Anchored at the start of the text: a date cell often goes on with a note ("August 2011 Monthly audits…").
const RULES: Rule[] = [
  // 29/02/12, 1/2/2013, 26.10.12, 01-02-2013
  [/^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?!\d)/, (m, raw) => ymd(fullYear(m[3]!), Number(m[2]), Number(m[1]), raw)],
  // 2013-02-01 (already ISO)
  [/^(\d{4})-(\d{2})-(\d{2})(?!\d)/, (m, raw) => ymd(Number(m[1]), Number(m[2]), Number(m[3]), raw)],
  // 31st January 2012, 14 th June 2012, 1 Feb 13
  [new RegExp(`^(\\d{1,2})\\s*(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4}|\\d{2})(?![\\d:])`, 'i'), (m, raw) =>
    ymd(fullYear(m[3]!), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]), raw)],
  // March 31st 2012, Sept 30 2012, June 12th, 2012: month first, then a day, then a four-digit year.
  // Before the month-year rule, which would read "March 31" as March 2031 and "June 12th 2012"
  // as June 2012 with the year taken from the day.
  [new RegExp(`^${MONTH}\\s+(\\d{1,2})\\s*(?:st|nd|rd|th)?,?\\s+(\\d{4})(?![\\d:])`, 'i'), (m, raw) =>
    ymd(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]), raw)],
  // Aug-12, Aug 2012, August 2012, Sept. 12, (end of|from|by) December 2012
  [new RegExp(`^(?:(?:the\\s+)?(?:end|beginning|start|middle)\\s+of\\s+|from\\s+|by\\s+|early\\s+|mid[-\\s]|late\\s+)?${MONTH}\\s*[-/' ]\\s*(\\d{4}|\\d{2})(?!\\d|st|nd|rd|th)`, 'i'), (m) => ({
    iso: `${fullYear(m[2]!)}-${pad(MONTHS[m[1]!.toLowerCase()]!)}`,
    problem: null,
  })],
  // 02/2013, 2/13
  [/^(\d{1,2})\/(\d{4})(?!\d)/, (m, raw) => (Number(m[1]) >= 1 && Number(m[1]) <= 12 ? { iso: `${m[2]}-${pad(Number(m[1]))}`, problem: null } : { iso: null, problem: `"${raw}" has no month ${m[1]}` })],
  // Q3 2012/13: UK financial-year quarters (April start); a due date by quarter is its last month
  [/^Q([1-4])\s*(?:of\s+)?(\d{4})\s*[/-]\s*(\d{2,4})/i, (m) => {
    const q = Number(m[1])
    const start = Number(m[2])
    const year = q === 4 ? start + 1 : start
    const month = [4, 7, 10, 1][q - 1]!
    return { iso: `${year}-${pad(month + 2)}`, problem: null }
  }],
  // Plain year: 2013
  [/^((?:19|20)\d{2})(?![\d/.-])/, (m) => ({ iso: m[1]!, problem: null })],
]

// How every rule above can begin (a digit, Q1-4, a month, or a lead-in such as "end of", "by",
// "mid-"). Most cells tried as dates are sentences that begin otherwise: one test turns them away
// before their whitespace is tidied and eight rules are tried on them.
const DATE_START = /^\s*(?:\d|q[1-4]|the|end|beg|sta|mid|fro|by|ear|lat|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i

/**
 * Parses the date at the start of a cell. Not dates: Immediate, 3 months, Within 6 months,
 * On-going, Henceforth: they come back null without a problem, and the caller keeps the raw text.
 */
export function parseUkDate(raw: string | null | undefined): ParsedDate {
  if (!raw || !DATE_START.test(raw)) return NONE
  const text = raw.replace(/\s+/g, ' ').trim()
  for (const [pattern, build] of RULES) {
    const m = text.match(pattern)
    if (m) return build(m, text)
  }
  return NONE
}

/**
 * Several dates written one after another in one cell ("31/12/13 31/03/14 30/04/12", "Sep-12,
 * Jun-13"), one per action listed beside them, whose line breaks were lost: the dates in order,
 * each as written. Null unless the whole text is dates and the separators between them.
 */
export function splitDateList(raw: string): string[] | null {
  let rest = raw.replace(/\s+/g, ' ').trim()
  const out: string[] = []
  while (rest) {
    const rule = DATE_START.test(rest) ? RULES.find(([pattern]) => pattern.test(rest)) : undefined
    const m = rule && rest.match(rule[0])
    if (!m) return null
    out.push(m[0].trim())
    rest = rest.slice(m[0].length).replace(/^(?:\s*(?:[,;/&]|and)\s*|\s+)/, '')
  }
  return out.length >= 2 ? out : null
}
