/**
 * Cells that pack several fields into one: a recommendation cell with its ref, a "RECOMMENDATION:"
 * prefix, its timeframe and addressee ("IMMEDIATE DBC …", "(Within 3 months)"); a lead cell
 * opening with an organisation ("DBC – Nik Flavell"); a milestone cell of labelled parts
 * ("Outcome Measure … Measure of Success … Evidence …").
 *
 * Format-neutral, so it stays in interpret (issue 16): the plans' authors pack these parts into
 * one cell, often into one paragraph ("… procedures followed. Measure of success Arrangements are
 * in place"), and Darlington's Word, HTML and pasted text carry them exactly as its PDF does. The
 * one PDF quirk it used to allow for (a paragraph's run-in label joined to the wrapped line above
 * by a layout read) is undone in the PDF reader, parsers/pdf/run-in-labels.ts.
 */

export interface RecommendationCell {
  ref: string | null
  text: string
  timeframe: string | null
  organisation: string | null
  /** Labelled text trailing the recommendation ("Practice standards: …"), by label. */
  labelled: Record<string, string>
}

/**
 * Labels that some templates append to the recommendation in the same cell. "Agency" names who
 * it is addressed to; the others are kept under their label.
 */
const TRAILING_LABELS =
  /\s+(Practice\s+standards?|Agency|Agencies|Lead\s+agenc(?:y|ies)|Partner\s+agencies|Standards?|Source|Inspection\s+report|Judgement|Time\s?[Ff]rame|Time\s?[Ss]cale|Outcome\s+measures?|Measures?\s+of\s+success|Evidence|Milestones|Underpinned\s+by)\s*[:–-]\s*/g

/** R1, R12a, 1, 1.1, 2.2.1, 1A, 6., Recommendation 4, Rec 4 */
export const REF_ONLY = /^(?:(?:AFI|AFD|Area\s+for\s+(?:improvement|development))\s*\d+[A-Za-z]?|R\s?\d+[A-Za-z]?|Rec(?:ommendation)?\.?\s*\d+[A-Za-z]?|\d+(?:\.\d+)*[A-Za-z]?\.?|[A-Z]\d+(?:\.\d+)*)$/
const REF_AT_START = /^((?:AFI|AFD|Area\s+for\s+(?:improvement|development))\s*\d+[A-Za-z]?|R\s?\d+[A-Za-z]?|Rec(?:ommendation)?\.?\s*\d+[A-Za-z]?|\d+(?:\.\d+)+[A-Za-z]?|\d+[A-Z](?=\s+[A-Z])|\d+[a-z]?(?=\s+[A-Z][a-z]+\s)|\d+[A-Za-z]?[.)])\s*[:.)-]?\s+(?=\S)/
const RECOMMENDATION_PREFIX = /^(?:(R\s?\d+[A-Za-z]?)\s+)?RECOMMENDATION\s*(\d+[A-Za-z]?)?\s*[:.-]?\s*/i
const TIMEFRAME = /^(immediate(?:ly)?|immediate action|within\s+\d+\s+(?:days?|weeks?|months?|years?)|short[- ]term|medium[- ]term|long[- ]term|\d+\s+months?|ongoing)\b/i
const BRACKET_TIMEFRAME = /\s*\((immediate(?:ly)?|within\s+\d+\s+(?:days?|weeks?|months?)|\d+\s+months?|short[- ]term|medium[- ]term|long[- ]term)\)\s*/i

export function cleanRef(ref: string): string {
  return ref.replace(/[.:)]+$/, '').replace(/\s+/g, ' ').trim()
}

/** Parses a cell that holds a recommendation, with whatever it packs before and around the text. */
export function parseRecommendationCell(text: string, boldLead: string | null = null): RecommendationCell {
  let rest = text.replace(/\s+/g, ' ').trim()
  let ref: string | null = null
  let timeframe: string | null = null
  let organisation: string | null = null

  // "IMMEDIATE DBC …", "Within 3 Months CDDFT …": a timeframe then the agency it is addressed to.
  const lead = boldLead && rest.startsWith(boldLead) ? boldLead : null
  const tf = rest.match(TIMEFRAME)
  if (tf) {
    const after = rest.slice(tf[0].length).trim()
    const org = after.match(/^([A-Z][A-Z&]{1,7})\b\s*/)
    const leadLength = lead ? lead.length : tf[0].length + (org ? after.indexOf(org[1]!) + org[1]!.length + 1 : 0)
    timeframe = tf[1]!
    if (org && (!lead || lead.includes(org[1]!))) organisation = org[1]!
    rest = rest.slice(Math.min(leadLength, rest.length)).trim()
    if (organisation && rest.startsWith(organisation)) rest = rest.slice(organisation.length).trim()
  }

  const prefixed = rest.match(RECOMMENDATION_PREFIX)
  if (prefixed && prefixed[0].trim()) {
    if (prefixed[1]) ref = cleanRef(prefixed[1])
    else if (prefixed[2]) ref = `Recommendation ${prefixed[2]}`
    rest = rest.slice(prefixed[0].length).trim()
  } else {
    const r = rest.match(REF_AT_START)
    if (r) {
      ref = cleanRef(r[1]!)
      rest = rest.slice(r[0].length).trim()
    }
  }

  const bracket = rest.match(BRACKET_TIMEFRAME)
  if (bracket && !timeframe) {
    timeframe = bracket[1]!
    rest = (rest.slice(0, bracket.index) + ' ' + rest.slice(bracket.index! + bracket[0].length)).replace(/\s+/g, ' ').trim()
  }
  const labelled: Record<string, string> = {}
  const pieces = rest.split(TRAILING_LABELS)
  if (pieces.length > 1) {
    rest = pieces[0]!.trim()
    for (let i = 1; i + 1 < pieces.length; i += 2) {
      const label = pieces[i]!.replace(/\s+/g, ' ')
      const value = pieces[i + 1]!.trim()
      if (/^(?:agency|agencies|lead agenc(?:y|ies)|partner agencies)$/i.test(label) && !organisation) organisation = value
      else if (/^time\s?(?:frame|scale)$/i.test(label) && !timeframe) timeframe = value
      else labelled[label] = value
    }
  }
  return { ref, text: rest, timeframe, organisation, labelled }
}

/** True when a cell reads as a recommendation on its own: "RECOMMENDATION: …" or "R14 RECOMMENDATION …". */
export function hasRecommendationPrefix(text: string): boolean {
  return /^(?:R\s?\d+[A-Za-z]?\s+)?RECOMMENDATION\b/i.test(text.trim())
}

/** "DBC – Nik Flavell (Service Manager)" → organisation DBC and the rest. */
export function splitOrganisationPrefix(text: string): { organisation: string | null; rest: string } {
  const m = text.match(/^([A-Z][A-Z&]{1,7})\s*[–—-]\s*(.+)$/)
  if (m) return { organisation: m[1]!, rest: m[2]!.trim() }
  return { organisation: null, rest: text }
}

export type LabelTarget = 'success' | 'evidence' | 'milestone' | 'progress' | 'due'

const LABELS: [RegExp, LabelTarget][] = [
  [/Outcome\s+[Mm]easures?(?:\s*:)?/, 'evidence'],
  [/Measures?\s+of\s+[Ss]uccess(?:\s*:)?/, 'success'],
  [/Success\s+[Cc]riteria(?:\s*:)?/, 'success'],
  [/Evidence(?:\s*:)?/, 'evidence'],
  [/Milestones?(?:\s*:)?/, 'milestone'],
  [/Underpinned\s+by\s*:?-?/i, 'milestone'],
  [/Update\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{2,4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?:\s*:)?/, 'progress'],
  [/Supplemented\s+by\s*:?-?/i, 'milestone'],
  // A due date written inside the action cell ("… Target date: 31/03/13"): only with its colon.
  [/(?:Target|Completion|Due|End)\s+[Dd]ate\s*:|Deadline\s*:|By\s+when\s*:|Date\s+for\s+completion\s*:|Timescale\s*:|To\s+be\s+completed\s+by\s*:/, 'due'],
]

// Each label with what may stand before it, compiled once (compiling them for every line of every
// cell was a twentieth of interpreting a plan). matchAll copies the expression, so sharing is safe.
const LABELS_IN_LINE: [RegExp, LabelTarget][] = LABELS.map(([pattern, target]) => [
  new RegExp(`(^|[.;:!?]\\s+|\\s+)(${pattern.source})(?=\\s|$)`, `${pattern.flags.replace('g', '')}g`),
  target,
])

export interface LabelledPart {
  label: string | null
  target: LabelTarget | null
  lines: string[]
}

/**
 * Splits a cell's lines at known labels. A one-word label ("Evidence", "Milestones") counts only
 * at the start of a line or after a sentence ends, so "evidence of impact" inside prose stays put.
 */
export function splitLabelledParts(lines: readonly string[]): LabelledPart[] {
  const parts: LabelledPart[] = [{ label: null, target: null, lines: [] }]
  for (const line of lines) {
    let rest = line
    let first = true
    while (rest) {
      let found: { index: number; length: number; label: string; target: LabelTarget } | null = null
      for (const [re, target] of LABELS_IN_LINE) {
        for (const m of rest.matchAll(re)) {
          const before = m[1]!
          const singleWord = !/\s/.test(m[2]!.trim())
          const atBoundary = m.index === 0 || /[.;:!?]\s+$/.test(before)
          if (singleWord && !atBoundary) continue
          const index = m.index! + before.length
          if (!found || index < found.index) found = { index, length: m[2]!.length, label: m[2]!.replace(/[\s:-]+$/, ''), target }
          break
        }
      }
      if (!found) {
        pushLine(parts, rest, first)
        break
      }
      const head = rest.slice(0, found.index).trim()
      if (head) pushLine(parts, head, first)
      parts.push({ label: found.label, target: found.target, lines: [] })
      rest = rest.slice(found.index + found.length).trim()
      first = false
    }
  }
  return parts.filter((p) => p.label !== null || p.lines.length > 0)
}

function pushLine(parts: LabelledPart[], text: string, startsLine: boolean): void {
  const current = parts[parts.length - 1]!
  const t = text.trim()
  if (!t) return
  // Text that follows a label on the same source line continues that label's first line.
  if (!startsLine && current.lines.length > 0) current.lines[current.lines.length - 1] += ` ${t}`
  else current.lines.push(t)
}

/** "Local authority and Police", "CCG / Provider": the organisations one cell names, one each. */
export function splitOrganisations(text: string): string[] {
  return text.split(/\s*[/,;]\s*|\s+(?:and|&)\s+/).map((t) => t.trim()).filter(Boolean)
}
