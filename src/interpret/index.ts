import { z } from 'zod'
import { Plan, type Diagnostic, type Format, type SourceDocument } from '../../schemas/index.js'
import { resolveAuthorities } from './authorities/resolve-authorities.js'
import { applyRagKey, ragKeyMappings } from './apply-rag-key.js'
import { parseUkDate } from './parse-date.js'
import { PlanBuilder, type RowTrace } from './plan-builder.js'
import { titleFrom } from './plan-title.js'
import { ragStatusKey, statusEffective } from './status-effective.js'
import { classifyText } from '../themes/classify.js'
import type { ColumnRole } from './column-roles.js'

export interface SourceInfo {
  path: string
  sha256: string
  format: Format
  pages: number | null
}

export interface Interpretation {
  plan: Plan
  diagnostics: Diagnostic[]
  /** Why each row and column came out as it did, for `explain`. */
  rows: RowTrace[]
  columns: { table: number; roles: ColumnRole[] }[]
}

/** The first date anywhere in a text ("LSCB Composite Plan July 2012" → 2012-07). */
function findDate(text: string): string | null {
  const starts = [0, ...[...text.matchAll(/\s+/g)].map((m) => m.index! + m[0].length)]
  for (const start of starts) {
    const { iso } = parseUkDate(text.slice(start))
    if (iso && /^(19|20)\d\d/.test(iso)) return iso
  }
  return null
}

/**
 * The plan's date: a labelled "Date" / "Version" / "Updated" field first; then a month in the
 * title ("… January 2013 update"); then a cover line saying when it was updated or agreed. A bare
 * year in a title is most often the inspection's, so it is not taken.
 */
function planDateOf(notes: readonly { label: string | null; text: string }[], title: string | null): string | null {
  const dated = notes.find((n) => n.label && /date|version|as at|updated|position/i.test(n.label) && findDate(n.text))
  if (dated) return findDate(dated.text)
  const fromTitle = title ? findDate(title) : null
  if (fromTitle && fromTitle.length >= 7) return fromTitle
  const cover = notes.find((n) => !n.label && n.text.length < 200 && /\b(?:updated?|as at|version|dated|agreed|revised)\b/i.test(n.text) && (findDate(n.text)?.length ?? 0) >= 7)
  return cover ? findDate(cover.text) : null
}

const INSPECTORATES: [string, RegExp][] = [
  ['Ofsted', /\bofsted\b/gi],
  ['CQC', /\bCQC\b|care quality commission/gi],
  ['HMICFRS', /\bHMIC(?:FRS)?\b|inspectorate of constabulary/gi],
  ['HMI Probation', /\bHMI\s*Probation\b|inspectorate of probation/gi],
  ['Estyn', /\bEstyn\b/g],
  ['CIW', /\bCare Inspectorate Wales\b|\bCIW\b/g],
]

/**
 * The inspectorates a plan answers to: those named in its title, or named at least a fifth as
 * often as the most named one (a progress note mentioning "the CQC inspector" once does not make
 * an Ofsted plan a CQC one).
 */
function inspectorateOf(title: string, text: string): string | null {
  const counts = INSPECTORATES.map(([name, re]) => ({ name, inTitle: re.test(title), n: (text.match(re) ?? []).length }))
  const top = Math.max(...counts.map((c) => c.n))
  const found = counts.filter((c) => c.inTitle || (c.n > 0 && c.n >= top / 5)).map((c) => c.name)
  return found.length ? found.join(' and ') : null
}

const idOf = (sha256: string): string => sha256.slice(0, 16)

// Every plan is checked against the schema as it is made. zod's ahead-of-time compiled parser
// (z.compile) gives the same output and, through its fallback to the ordinary parser, the same
// issues; it costs a fifth of Plan.parse on a plan of a few hundred actions. Compiled on first use.
let compiledPlan: typeof Plan | null = null
const validated = (plan: Plan): Plan => (compiledPlan ??= z.compile(Plan)).parse(plan)

/**
 * Turns a SourceDocument (after assembly) into a Plan: the row walk in PlanBuilder, then the
 * plan-level facts (title, date, inspectorate, authorities) from the text around the tables.
 */
export function interpretPlan(document: SourceDocument, source: SourceInfo): Interpretation {
  const builder = new PlanBuilder()
  for (const block of document.blocks) {
    if (block.kind === 'paragraph') builder.paragraph(block)
    else builder.table(block)
  }
  const planId = idOf(source.sha256)
  // Everything the plan says, in its own words, for naming authorities and inspectorates.
  const allText = [
    document.title ?? '',
    ...builder.notes.map((n) => `${n.label ?? ''} ${n.text}`),
    ...builder.recommendations.flatMap((r) => [
      r.text,
      ...r.actions.flatMap((a) => [a.text, a.progress, a.lead_raw, a.evidence, a.success_criteria, ...Object.values(a.extra)]),
    ]),
    ...builder.organisationKey.map((k) => k.value),
  ].join('\n')
  const title = titleFrom(builder.titleLines) ?? document.title ?? builder.firstSection
  const planDate = planDateOf(builder.notes, title)
  const authorities = resolveAuthorities(allText, planDate ?? findDate(allText.match(/\b(?:19|20)\d\d\b/)?.[0] ?? '')).map((m) => m.authority)
  const titleText = [title ?? '', ...builder.notes.filter((n) => n.label && /plan|title/i.test(n.label)).map((n) => n.text)].join(' ')
  const totalCells = builder.cells.mapped + builder.cells.unmapped
  // Read before the key fills `status` from RAG below, so status_source tells stated from derived.
  const statusKey = ragStatusKey(builder.ragKey, builder.notes)

  const plan: Plan = {
    id: planId,
    title: title ?? null,
    authority: authorities[0] ?? null,
    authorities,
    inspectorate: inspectorateOf(titleText, allText),
    plan_date: planDate,
    revision: 1,
    source: { path: source.path, sha256: source.sha256, format: source.format, pages: source.pages, ...(document.ocr?.length ? { ocr: true } : {}) },
    keys: { personnel: builder.personnel, organisations: builder.organisationKey, rag: builder.ragKey },
    notes: builder.notes,
    coverage: totalCells === 0 ? 1 : Math.round((builder.cells.mapped / totalCells) * 10000) / 10000,
    recommendations: builder.recommendations.map(({ key: _key, actions, ...rec }, i) => {
      const recId = `${planId}-r${i + 1}`
      return {
        id: recId,
        ref: rec.ref,
        text: rec.text,
        theme: rec.theme,
        timeframe: rec.timeframe,
        organisations: rec.organisations,
        shares_actions_with: rec.shares_actions_with,
        themes: classifyText(rec.text),
        extra: rec.extra,
        provenance: rec.provenance,
        actions: actions.map((a, j) => ({ id: `${recId}-a${j + 1}`, ...a, also_answers: a.also_answers ?? [], ...statusEffective(a, statusKey), themes: classifyText(a.text) })),
      }
    }),
  }
  const mappings = ragKeyMappings(builder.ragKey)
  for (const rec of plan.recommendations) for (const action of rec.actions) applyRagKey(action, mappings)
  const diagnostics = [...builder.diagnostics]
  if (plan.recommendations.length === 0) {
    diagnostics.push({ level: 'warning', code: 'NO_RECOMMENDATIONS', message: 'no recommendations or actions found', page: null })
  }
  return { plan: validated(plan), diagnostics, rows: builder.trace, columns: builder.columnTrace }
}
