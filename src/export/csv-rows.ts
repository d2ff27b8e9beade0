import type { Action, Milestone, Plan, Recommendation } from '../../schemas/index.js'

/**
 * The flat CSV rows: each row carries its plan's and recommendation's fields, so a spreadsheet
 * filter or pivot needs no joins. Lists are joined with "; ", extra is JSON.
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
  }
}

function recommendationFields(rec: Recommendation): Row {
  return {
    recommendation_id: rec.id,
    recommendation_ref: rec.ref,
    recommendation: rec.text,
    theme: rec.theme,
    recommendation_timeframe: rec.timeframe,
    recommendation_organisations: list(rec.organisations),
    shares_actions_with: list(rec.shares_actions_with),
    recommendation_themes: list(rec.themes.map((t) => t.theme)),
    recommendation_extra: extra(rec.extra),
    recommendation_page: rec.provenance.page,
  }
}

const EMPTY_ACTION: Row = Object.fromEntries(
  ['action_id', 'action_ref', 'action', 'leads', 'lead_raw', 'organisations', 'due_date', 'due_raw', 'status', 'rag', 'rag_source', 'status_raw',
    'progress', 'success_criteria', 'evidence', 'impact', 'timeframe', 'milestones', 'themes', 'extra', 'page', 'table', 'row'].map((k) => [k, null]),
)

function actionFields(action: Action): Row {
  return {
    action_id: action.id,
    action_ref: action.ref,
    action: action.text,
    leads: list(action.leads),
    lead_raw: action.lead_raw,
    organisations: list(action.organisations),
    due_date: action.due_date,
    due_raw: action.due_raw,
    status: action.status,
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
  }
}

function milestoneFields(milestone: Milestone, position: number): Row {
  return {
    milestone_position: position + 1,
    milestone: milestone.text,
    milestone_due_date: milestone.due_date,
    milestone_due_raw: milestone.due_raw,
    milestone_status: milestone.status,
    milestone_rag: milestone.rag,
    milestone_page: milestone.provenance.page,
  }
}

/**
 * Rows of one plan at a level. A recommendation without actions still gets an actions-level row
 * (with empty action fields): nothing the plan says is dropped from the CSV.
 */
export function* csvRows(plan: Plan, level: Level): Generator<Row> {
  const p = planFields(plan)
  for (const rec of plan.recommendations) {
    const r = recommendationFields(rec)
    if (level === 'recommendations') {
      yield { ...p, ...r, actions: rec.actions.length }
      continue
    }
    if (rec.actions.length === 0 && level === 'actions') yield { ...p, ...r, ...EMPTY_ACTION }
    for (const action of rec.actions) {
      const a = actionFields(action)
      if (level === 'actions') yield { ...p, ...r, ...a }
      else for (const [i, m] of action.milestones.entries()) yield { ...p, ...r, action_id: action.id, action: action.text, ...milestoneFields(m, i) }
    }
  }
}

const PLAN_HEADERS = ['plan_id', 'authority', 'authority_code', 'authorities', 'inspectorate', 'plan_title', 'plan_date', 'revision', 'source_path', 'source_format']
const RECOMMENDATION_HEADERS = ['recommendation_id', 'recommendation_ref', 'recommendation', 'theme', 'recommendation_timeframe',
  'recommendation_organisations', 'shares_actions_with', 'recommendation_themes', 'recommendation_extra', 'recommendation_page']
const MILESTONE_HEADERS = ['milestone_position', 'milestone', 'milestone_due_date', 'milestone_due_raw', 'milestone_status', 'milestone_rag', 'milestone_page']

/** The header of each level in column order, whatever the data (an empty export still has it). */
export function csvHeaders(level: Level): string[] {
  if (level === 'recommendations') return [...PLAN_HEADERS, ...RECOMMENDATION_HEADERS, 'actions']
  if (level === 'milestones') return [...PLAN_HEADERS, ...RECOMMENDATION_HEADERS, 'action_id', 'action', ...MILESTONE_HEADERS]
  return [...PLAN_HEADERS, ...RECOMMENDATION_HEADERS, ...Object.keys(EMPTY_ACTION)]
}
