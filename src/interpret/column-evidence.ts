/**
 * Column roles from evidence. The header's words are one witness; the column's content is the
 * other: dates, people, RAG words or fills, short references, "Ensure that …" sentences repeated
 * or merged down over several rows. Each role gets a score from small scorers ({ score, because });
 * the best total wins, and the winner and runner-up are kept so `explain` can show why.
 *
 * Header words weigh more than content (a named column is what the author meant), so content
 * decides a column when its header names no role, or names one weakly and the content says
 * plainly otherwise.
 */
import type { GridSlot } from '../assemble/grid.js'
import { REF_ONLY } from './packed-cells.js'
import { parseUkDate } from './parse-date.js'
import { parseStatus } from './parse-status.js'
import type { ColumnRole, Role } from './column-roles.js'

export interface Evidence {
  role: Role | null
  score: number
  because: string[]
}

/** What one column holds below its header: the cells at their origin, and the slots they cover. */
export interface ColumnSample {
  texts: string[]
  /** Cells (at their origin) that are merged down over two or more rows. */
  mergedDown: number
  /** Empty cells that carry a fill colour. */
  filledEmpty: number
  /** Cells at their origin, filled or not. */
  cells: number
}

export function sampleColumn(rows: readonly (readonly (GridSlot | null)[])[], col: number): ColumnSample {
  const sample: ColumnSample = { texts: [], mergedDown: 0, filledEmpty: 0, cells: 0 }
  for (const slots of rows) {
    const slot = slots[col]
    if (!slot || !slot.origin || slot.cell.col !== col) continue
    sample.cells += 1
    const text = slot.cell.text.replace(/\s+/g, ' ').trim()
    if (text) sample.texts.push(text)
    else if (slot.cell.fill) sample.filledEmpty += 1
    if (slot.cell.rowSpan > 1 && text) sample.mergedDown += 1
  }
  return sample
}

const PERSON = /^(?:(?:Dr|Mr|Mrs|Ms|Miss|Cllr)\.?\s)?[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2}$/
const INITIALS = /^[A-Z]{2,4}$/
const TITLE_WORDS =
  /\b(?:head|manager|director|officer|lead|nurse|doctor|gp|chair|coordinator|co-ordinator|commissioner|inspector|midwife|administrator|principal|consultant|designated|named|deputy|assistant|chief|team\s+manager|social\s+worker|advisor|adviser|champion)\b/i
const IMPERATIVE =
  /^(?:to\s+)?(?:audit|agree|appoint|arrange|carry|check|complete|commission|conduct|consult|create|deliver|design|develop|devise|draft|embed|establish|extend|hold|identify|implement|improve|include|increase|introduce|issue|launch|monitor|name|produce|provide|publish|recruit|reduce|refresh|report|review|revise|roll|run|seek|send|set|share|strengthen|train|undertake|update|use|write|add|notify|map|collate|analyse|align|allocate|amend|brief|build|clarify|confirm|ensure\s+(?:all|each|every|that\s+all))\b/i
const RECOMMENDATION_SENTENCE = /^(?:ensure\s+that|ensure\s+the|the\s+\w+(?:\s+\w+)?\s+should|should|improve\s+the|improve|increase|strengthen|make\s+sure|review\s+the|the\s+local\s+authority|the\s+lscb|partners\s+should|all\s+agencies\s+should)\b|\bshould\b/i

const share = (s: ColumnSample, test: (t: string) => boolean): number => (s.texts.length ? s.texts.filter(test).length / s.texts.length : 0)
const pct = (x: number): string => `${Math.round(x * 100)}%`

export const isDateText = (t: string): boolean => parseUkDate(t).iso !== null || /^(?:q[1-4]\b|end\s+of|by\s+(?:end|the)|within\s+\d|\d+\s+(?:weeks?|months?))/i.test(t)
export const isStatusText = (t: string): boolean => {
  const s = parseStatus(t)
  // A status word may carry a short note after a dash ("Completed – checked by audit").
  return (t.length < 30 || (t.length < 60 && /^[^–—-]{2,25}\s[–—-]\s/.test(t))) && Boolean(s.status || s.rag)
}
const ORGANISATION =
  /\b(?:trust|council|police|ccg|icb|nhs|probation|education|housing|health|social\s+care|services?|board|partnership|authority|schools?|cafcass|yos|hospital|agency|agencies|constabulary|provider|gp\s+practices|practices)\b/i
export const isOrganisationText = (t: string): boolean => ORGANISATION.test(t) && !TITLE_WORDS.test(t) && t.split(/\s+/).length <= 8

export const isPersonText = (t: string): boolean => !isOrganisationText(t) &&
  t.split(/\s*(?:\/|;|,|&|\band\b)\s*/).filter(Boolean).every((p) => PERSON.test(p) || INITIALS.test(p) || (TITLE_WORDS.test(p) && p.split(/\s+/).length <= 8))
  && t.length <= 120

type ContentScorer = (s: ColumnSample) => Evidence | null

/** Content scorers: each looks for one kind of evidence and says what it saw. */
const CONTENT: ContentScorer[] = [
  (s) => {
    const x = share(s, isDateText)
    return x > 0 ? { role: 'due', score: 3 * x, because: [`dates in ${pct(x)} of ${s.texts.length} cells`] } : null
  },
  (s) => {
    const x = share(s, isStatusText)
    const fills = s.cells ? s.filledEmpty / s.cells : 0
    const score = 3 * x + 3 * fills
    return score > 0 ? { role: 'status', score, because: [x ? `RAG or status words in ${pct(x)}` : '', fills ? `coloured empty cells ${pct(fills)}` : ''].filter(Boolean) } : null
  },
  (s) => {
    const x = share(s, isPersonText)
    return x > 0 ? { role: 'lead', score: 2.5 * x, because: [`names, initials or job titles in ${pct(x)}`] } : null
  },
  (s) => {
    const x = share(s, isOrganisationText)
    return x > 0 ? { role: 'organisation', score: 3 * x, because: [`organisation or service names in ${pct(x)}`] } : null
  },
  (s) => {
    const x = share(s, (t) => REF_ONLY.test(t) || /^(?:AFI|AFD|Rec)\s*\d+[a-z]?$/i.test(t))
    return x > 0 ? { role: 'ref', score: 3 * x, because: [`short references in ${pct(x)}`] } : null
  },
  (s) => {
    const long = s.texts.filter((t) => t.length > 30)
    if (long.length === 0) return null
    const sentences = long.filter((t) => RECOMMENDATION_SENTENCE.test(t)).length / long.length
    const merged = s.cells ? s.mergedDown / Math.max(1, s.texts.length) : 0
    const repeated = s.texts.length >= 3 ? 1 - new Set(s.texts).size / s.texts.length : 0
    const score = 1.2 * sentences + 1.2 * Math.min(1, merged) + 1.5 * repeated
    const because = [sentences ? `"Ensure that …"/"should" sentences in ${pct(sentences)}` : '', merged ? `merged down over rows (${s.mergedDown})` : '', repeated ? `repeated down the column (${pct(repeated)})` : '']
    return score > 0 ? { role: 'recommendation', score, because: because.filter(Boolean) } : null
  },
  (s) => {
    const long = s.texts.filter((t) => t.length > 15)
    if (long.length === 0) return null
    const imperative = long.filter((t) => IMPERATIVE.test(t)).length / long.length
    const unique = new Set(s.texts).size / s.texts.length
    const score = 1.5 * imperative * unique
    return score > 0 ? { role: 'action', score, because: [`imperative sentences in ${pct(imperative)}`, `unique values ${pct(unique)}`] } : null
  },
]

/** Content evidence for every role, best first. */
export function contentEvidence(sample: ColumnSample): Evidence[] {
  if (sample.texts.length < 3 && sample.filledEmpty < 3) return []
  return CONTENT.flatMap((scorer) => scorer(sample) ?? []).sort((a, b) => b.score - a.score)
}

/** What the header's words are worth: a whole-phrase synonym more than a contained one. */
export function headerEvidence(header: ColumnRole): Evidence | null {
  if (!header.role) return null
  const m = header.matched ?? ''
  const score = m.startsWith('(') ? 3 : m.endsWith('(spelling)') ? 2.5 : header.header && m === header.header.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() ? 4 : 3
  return { role: header.role, score, because: [`header "${header.header}" ← ${m}`] }
}

const SOFT: readonly (Role | null)[] = ['progress', 'evidence', 'success', 'impact', 'review', 'theme']
const DATA: readonly (Role | null)[] = ['status', 'due', 'lead', 'ref']

// Content alone must be clear to name a column: most of its cells agree (about 70%).
const CONTENT_ALONE = 2.1
// Content overrides a contained (weak) header word only when it is near certain.
const OVERRIDE_MARGIN = 1.5

/**
 * Chooses a column's role: the header's evidence plus content evidence for the same role, against
 * content evidence for any other role. Returns the role with the winner and runner-up noted.
 */
export function decideColumn(header: ColumnRole, sample: ColumnSample): ColumnRole {
  const content = contentEvidence(sample)
  const fromHeader = headerEvidence(header)
  const totals = new Map<Role | null, Evidence>()
  const add = (e: Evidence): void => {
    const seen = totals.get(e.role)
    totals.set(e.role, seen ? { role: e.role, score: seen.score + e.score, because: [...seen.because, ...e.because] } : { ...e, because: [...e.because] })
  }
  if (fromHeader) add(fromHeader)
  for (const e of content) {
    // Content alone counts only when clear, unless it backs the header's own role.
    if (e.role === fromHeader?.role || e.score >= CONTENT_ALONE) add(e)
  }
  // "Timescale" over a column of dates is the due date: a timeframe is the same thing in words.
  const calendar = share(sample, (t) => parseUkDate(t).iso !== null)
  if (fromHeader?.role === 'timeframe' && calendar >= 0.5) {
    const dates: Evidence = { role: 'due', score: 3 * calendar, because: [`calendar dates in ${pct(calendar)}`] }
    return { ...header, role: 'due', kind: null, matched: `${header.matched}, holding ${dates.because[0]}`, evidence: [dates, fromHeader] }
  }
  const ranked = [...totals.values()].sort((a, b) => b.score - a.score)
  const [winner, runnerUp] = ranked
  const evidence = ranked.slice(0, 2)
  if (!winner) return { ...header, evidence }
  // A soft header ("Progress", "Comments", "Outcome") over cells that are plainly data (status
  // words, dates, names, refs) yields to them: such headers are used loosely.
  const soft = fromHeader && SOFT.includes(fromHeader.role!) && winner.role && DATA.includes(winner.role) && winner.score >= CONTENT_ALONE
  if (fromHeader && winner.role !== fromHeader.role && !soft) {
    // A header word is overruled only by content far stronger than it.
    const headerTotal = totals.get(fromHeader.role)!.score
    if (winner.score < headerTotal + OVERRIDE_MARGIN) return { ...header, evidence: [totals.get(fromHeader.role)!, winner] }
  }
  if (winner.role === header.role) return { ...header, evidence: runnerUp ? [winner, runnerUp] : [winner] }
  return { ...header, role: winner.role, kind: null, matched: `content: ${winner.because.join('; ')}`, evidence }
}
