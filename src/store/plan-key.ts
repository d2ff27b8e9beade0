import { createHash } from 'node:crypto'
import type { Plan } from '../../schemas/index.js'

/**
 * What makes two files the same plan, and the same revision of it (DESIGN.md, "Identity over time").
 *
 * A plan is one authority's response to one inspection: its key is the authority and the folded
 * title. Titles are folded hard, because one plan's title reads differently from file to file:
 * authorities re-save "… v2 FINAL", "(updated March)", and running headers such as "WORKING
 * DOCUMENT" or "OFFICIAL" are read into the title of one format and not another.
 *
 * A revision is a change of content; a rendition is the same content in another file or format.
 * Renditions are told by a fingerprint of the records' text, folded to letters and digits so that
 * what differs between formats (spacing, line breaks, "oversight- ensure" in a PDF, a word cut
 * over two lines) does not count. Cell colours are left out of it (pasted text loses them) and
 * compared apart, in `colourSignature`.
 */

/** Words that mark a copy of a plan, not the plan: version and status stamps, protective markings. */
const NOISE: readonly RegExp[] = [
  /\b(?:version|ver|v)\s*\.?\s*\d+(?:\.\d+)*\b/g,
  /\b(?:working|consultation)\s+(?:document|draft|copy)\b/g,
  /\b(?:official(?:\s+sensitive)?|not\s+protectively\s+marked|protect|restricted|confidential)\b/g,
  /\b(?:final|draft|updated?|revised|revision|current)\b/g,
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{2,4}\b/g,
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{2,4}\b/g,
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g,
  /\b(?:q[1-4]|quarter\s+[1-4])\b/g,
]

/** The title as a key: lower case, noise words and dates out, punctuation folded to single spaces. */
export function normaliseTitle(title: string | null): string {
  let text = (title ?? '').toLowerCase().replace(/&/g, ' and ').replace(/['’]/g, '')
  for (const pattern of NOISE) text = text.replace(pattern, ' ')
  return text.replace(/[^a-z0-9]+/g, ' ').trim()
}

/** The authority part of a key: its GSS code, else its name. */
export function authorityKey(plan: Pick<Plan, 'authority'>): string {
  return plan.authority?.code ?? plan.authority?.name?.toLowerCase() ?? ''
}

export function planKey(plan: Pick<Plan, 'authority' | 'title' | 'source'>): string {
  const authority = authorityKey(plan)
  const title = normaliseTitle(plan.title)
  // An untitled plan of an unknown authority can only be matched by its bytes.
  if (!authority && !title) return `sha:${plan.source.sha256}`
  return `${authority}|${title}`
}

/** Letters and digits only, lower case: what survives every format's way of breaking text. */
export const foldText = (text: string | null | undefined): string => (text ?? '').toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '')

const ACTION_FIELDS = ['text', 'lead_raw', 'due_raw', 'status_raw', 'progress', 'success_criteria', 'evidence', 'impact', 'timeframe'] as const

/**
 * The plan's content as a hash: each recommendation (ref and text) and each action (its text, lead,
 * due date, status and notes as written), in order. Two files with the same fingerprint and the same
 * authority hold the same revision. Checked on every fixture: all formats of a plan give one value.
 */
export function contentFingerprint(plan: Pick<Plan, 'recommendations'>): string {
  const hash = createHash('sha256')
  for (const rec of plan.recommendations) {
    hash.update(`R${foldText(rec.ref)}|${foldText(rec.text)}\n`)
    for (const action of rec.actions) hash.update(`A${ACTION_FIELDS.map((f) => foldText(action[f])).join('|')}\n`)
  }
  return hash.digest('hex')
}

/**
 * The RAG each action shows only as a cell colour, in order; null when the file has no colours
 * (pasted text). Two files with one fingerprint are renditions only if their colours agree or
 * one of them has none: a plan re-issued with only its colours changed is a new revision.
 */
export function colourSignature(plan: Pick<Plan, 'recommendations'>): string | null {
  const actions = plan.recommendations.flatMap((r) => r.actions)
  if (!actions.some((a) => a.rag_source === 'fill')) return null
  return actions.map((a) => (a.rag_source === 'fill' ? a.rag : '')).join(',')
}

/** The plan's own version number, where its title or a "Version" note gives one ("VERSION 2 FINAL", "v3.1"). */
export function planVersion(plan: Pick<Plan, 'title' | 'notes'>): number | null {
  const texts = [plan.title ?? '', ...plan.notes.filter((n) => n.label && /\bversion\b/i.test(n.label)).map((n) => `version ${n.text}`)]
  for (const text of texts) {
    const m = text.match(/\b(?:version|ver|v)\s*\.?\s*(\d+(?:\.\d+)?)\b/i)
    if (m) return Number(m[1])
  }
  return null
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * When the inspection the plan answers took place, as precisely as a sentence naming the
 * inspection says it: "Ofsted and CQC Inspection November 2011" → 2011-11, "the inspection of
 * safeguarding services, 2012" → 2012. From the title first, then the notes; null when none says.
 */
export function inspectionDate(plan: Pick<Plan, 'title' | 'notes'>): string | null {
  const texts = [plan.title ?? '', ...plan.notes.map((n) => `${n.label ?? ''} ${n.text}`)]
  for (const sentence of texts.flatMap((t) => t.split(/(?<=[.;])\s+/))) {
    if (!/\binspect/i.test(sentence)) continue
    const month = sentence.match(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+((?:19|20)\d\d)\b/i)
    if (month) return `${month[2]}-${String(MONTHS.indexOf(month[1]!.toLowerCase()) + 1).padStart(2, '0')}`
    const year = sentence.match(/\b((?:19|20)\d\d)\b/)
    if (year) return year[1]!
  }
  return null
}

/** Two inspection dates tell plans apart only when both are known and disagree at the precision both give. */
export function sameInspection(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true
  const n = Math.min(a.length, b.length)
  return a.slice(0, n) === b.slice(0, n)
}

/** Formats in the order they keep a plan best: Word's exact grid and colours, then HTML, then PDF (pages, but guessed cells), then pasted text (no colours). */
const FORMAT_RANK: Record<string, number> = { docx: 0, html: 1, pdf: 2, text: 3 }

/**
 * Which of a revision's renditions the records are read from: the best format, then the one more of
 * whose cells landed in fields, then the path. Whatever order the files come in, the same one wins.
 */
export function preferredRendition(a: { format: string; coverage: number; path: string }, b: { format: string; coverage: number; path: string }): number {
  return (FORMAT_RANK[a.format] ?? 9) - (FORMAT_RANK[b.format] ?? 9) || b.coverage - a.coverage || a.path.localeCompare(b.path)
}

/** Share of recommendations two plans have in common (by folded text): a retitled revision still answers the same inspection. */
export function recommendationOverlap(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a.map(foldText).filter(Boolean))
  const right = new Set(b.map(foldText).filter(Boolean))
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const t of left) if (right.has(t)) shared += 1
  return shared / Math.max(left.size, right.size)
}
