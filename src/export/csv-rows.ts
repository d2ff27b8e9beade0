import type { Action, Milestone, Plan, Recommendation } from '../../schemas/index.js'
import { dueEnd } from '../store/plan-filter.js'

/**
 * The flat CSV rows: each row carries its plan's and recommendation's fields, so a spreadsheet
 * filter or pivot needs no joins. Lists are joined with "; ", extra is JSON. A scan's rows say so
 * (source_ocr) and carry their OCR confidence beside their page, as the JSON does.
 */

export const LEVELS = ['actions', 'recommendations', 'milestones'] as const
export type Level = (typeof LEVELS)[number]

type Row = Record<string, string | number | null>

const list = (items: readonly string[]): string => items.join('; ')
const extra = (record: Record<string, string>): string => (Object.keys(record).length > 0 ? JSON.stringify(record) : '')

function planFields(plan: Plan): Row {
  return {
    plan_id: plan.id,
    authority: plan.authority?.name ?? null,
    authority_code: plan.authority?.code ?? null,
    authorities: list(plan.authorities.map((a) => a.name)),
    inspectorate: plan.inspectorate,
    plan_title: plan.title,
    plan_date: plan.plan_date,
    revision: plan.revision,
    source_path: plan.source.path,
    source_format: plan.source.format,
    source_files: list((plan.renditions ?? [plan.source]).map((s) => s.path)),
    source_ocr: plan.source.ocr ? 'true' : 'false',
  }
}

function recommendationFields(rec: Recommendation): Row {
  return {
    recommendation_id: rec.id,
    recommendation_ref: rec.ref,
    recommendation: rec.text,
    section: rec.theme,
    recommendation_timeframe: rec.timeframe,
    recommendation_organisations: list(rec.organisations),
    shares_actions_with: list(rec.shares_actions_with),
    recommendation_themes: list(rec.themes.map((t) => t.theme)),
    recommendation_extra: extra(rec.extra),
    recommendation_page: rec.provenance.page,
    recommendation_confidence: rec.provenance.confidence ?? null,
  }
}

/** The last day a due date written as a month, quarter or year stands for (2012-08 → 2012-08-31): one column that sorts and filters as a date. */
const dueBy = (iso: string | null): string | null => (iso === null ? null : dueEnd(iso))

const EMPTY_ACTION: Row = Object.fromEntries(
  ['action_id', 'action_ref', 'action', 'also_answers', 'leads', 'lead_raw', 'organisations', 'due_date', 'due_by', 'due_raw', 'status',
    'status_effective', 'status_source', 'rag', 'rag_source', 'status_raw', 'progress', 'success_criteria', 'evidence', 'impact', 'timeframe',
    'milestones', 'themes', 'extra', 'page', 'table', 'row', 'confidence'].map((k) => [k, null]),
)

function actionFields(action: Action): Row {
  return {
    action_id: action.id,
    action_ref: action.ref,
    action: action.text,
    also_answers: list(action.also_answers),
    leads: list(action.leads),
    lead_raw: action.lead_raw,
    organisations: list(action.organisations),
    due_date: action.due_date,
    due_by: dueBy(action.due_date),
    due_raw: action.due_raw,
    status: action.status,
    status_effective: action.status_effective,
    status_source: action.status_source,
    rag: action.rag,
    rag_source: action.rag_source,
    status_raw: action.status_raw,
    progress: action.progress,
    success_criteria: action.success_criteria,
    evidence: action.evidence,
    impact: action.impact,
    timeframe: action.timeframe,
    milestones: action.milestones.map((m) => m.text).join(' | '),
    themes: list(action.themes.map((t) => t.theme)),
    extra: extra(action.extra),
    page: action.provenance.page,
    table: action.provenance.table,
    row: action.provenance.row,
    confidence: action.provenance.confidence ?? null,
  }
}

function milestoneFields(milestone: Milestone, position: number): Row {
  return {
    milestone_position: position + 1,
    milestone: milestone.text,
    milestone_due_date: milestone.due_date,
    milestone_due_by: dueBy(milestone.due_date),
    milestone_due_raw: milestone.due_raw,
    milestone_status: milestone.status,
    milestone_rag: milestone.rag,
    milestone_page: milestone.provenance.page,
    milestone_confidence: milestone.provenance.confidence ?? null,
  }
}

/** A recommendation whose actions are all stored under another (Telford's R2, answered by the rows under R3). */
function answeredElsewhere(rec: Recommendation, plan: Plan): boolean {
  const name = rec.ref ?? rec.text.slice(0, 40)
  return rec.actions.length === 0 && plan.recommendations.some((o) => o !== rec && o.actions.some((a) => a.also_answers.includes(name)))
}

/**
 * Rows of one plan at a level: one per source action row. A recommendation without actions still
 * gets an actions-level row (with empty action fields), unless its actions are the rows of another
 * recommendation, which name it in `also_answers` (then its row would count a source row twice).
 */
export function* csvRows(plan: Plan, level: Level): Generator<Row> {
  const p = planFields(plan)
  for (const rec of plan.recommendations) {
    const r = recommendationFields(rec)
    if (level === 'recommendations') {
      yield { ...p, ...r, actions: rec.actions.length }
      continue
    }
    if (rec.actions.length === 0 && level === 'actions' && !answeredElsewhere(rec, plan)) yield { ...p, ...r, ...EMPTY_ACTION }
    for (const action of rec.actions) {
      const a = actionFields(action)
      if (level === 'actions') yield { ...p, ...r, ...a }
      else for (const [i, m] of action.milestones.entries()) yield { ...p, ...r, action_id: action.id, action: action.text, ...milestoneFields(m, i) }
    }
  }
}

const PLAN_HEADERS = ['plan_id', 'authority', 'authority_code', 'authorities', 'inspectorate', 'plan_title', 'plan_date', 'revision', 'source_path', 'source_format',
  'source_files', 'source_ocr']
const RECOMMENDATION_HEADERS = ['recommendation_id', 'recommendation_ref', 'recommendation', 'section', 'recommendation_timeframe',
  'recommendation_organisations', 'shares_actions_with', 'recommendation_themes', 'recommendation_extra', 'recommendation_page', 'recommendation_confidence']
const MILESTONE_HEADERS = ['milestone_position', 'milestone', 'milestone_due_date', 'milestone_due_by', 'milestone_due_raw', 'milestone_status', 'milestone_rag', 'milestone_page',
  'milestone_confidence']

/** Columns of references as written: always quoted, so a spreadsheet told to keep quoted fields as text keeps "1.10" (README). */
export const REF_COLUMNS = ['recommendation_ref', 'action_ref', 'shares_actions_with', 'also_answers'] as const

/** The header of each level in column order, whatever the data (an empty export still has it). */
export function csvHeaders(level: Level): string[] {
  if (level === 'recommendations') return [...PLAN_HEADERS, ...RECOMMENDATION_HEADERS, 'actions']
  if (level === 'milestones') return [...PLAN_HEADERS, ...RECOMMENDATION_HEADERS, 'action_id', 'action', ...MILESTONE_HEADERS]
  return [...PLAN_HEADERS, ...RECOMMENDATION_HEADERS, ...Object.keys(EMPTY_ACTION)]
}
