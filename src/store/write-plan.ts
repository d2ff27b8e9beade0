import type { Plan } from '../../schemas/index.js'
import type { Param, Sql } from './sql.js'

const json = (value: unknown): string => JSON.stringify(value)

/** What identifies a file's content (./plan-key.ts), stored beside it for the next import to match. */
export interface IdentityFacts {
  authority_key: string
  fingerprint: string
  colours: string | null
  version: number | null
  inspection_date: string | null
  title_key: string
  modified_at: string | null
}

const SOURCE = `INSERT INTO sources (sha256, path, format, pages, imported_at, plan_id, title_key, modified_at, coverage, ocr)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
const PLAN = `INSERT INTO plans (id, plan_key, revision, source_sha256, title, authority_name, authority_code, authorities,
  inspectorate, plan_date, keys, notes, coverage, imported_at, authority_key, fingerprint, colours, version, inspection_date)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
const RECOMMENDATION = `INSERT INTO recommendations (id, plan_id, position, ref, text, theme, timeframe, organisations,
  shares_actions_with, extra, provenance, themes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
const ACTION = `INSERT INTO actions (id, recommendation_id, plan_id, position, ref, text, leads, lead_raw, organisations,
  due_date, due_raw, status, rag, rag_source, status_raw, progress, success_criteria, evidence, impact, timeframe, extra, provenance, themes,
  also_answers, status_effective, status_source)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
const THEME = 'INSERT INTO record_themes (plan_id, record_id, kind, theme, words) VALUES (?, ?, ?, ?, ?)'
const SEARCH = 'INSERT INTO search (text, progress, plan_id, record_id, kind) VALUES (?, ?, ?, ?, ?)'
const MILESTONE = `INSERT INTO milestones (action_id, position, text, due_date, due_raw, status, rag, provenance)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`

/** The same statements every time: each driver prepares a statement once per connection. */
export class PlanWriter {
  constructor(private readonly db: Sql) {}

  /** Lists a file as a rendition of the revision `planId` (its records are not stored again). */
  async writeSource(plan: Plan, planId: string, importedAt: string, facts: IdentityFacts): Promise<void> {
    const { source } = plan
    await this.db.run(SOURCE, [source.sha256, source.path, source.format, source.pages, importedAt, planId, facts.title_key, facts.modified_at, plan.coverage,
      source.ocr ? 1 : 0])
  }

  /** Writes the whole plan and its file, table by table (parents first); the caller holds the transaction. */
  async write(plan: Plan, key: string, importedAt: string, facts: IdentityFacts): Promise<void> {
    const { source } = plan
    const db = this.db
    await this.writeSource(plan, plan.id, importedAt, facts)
    await db.run(PLAN, [
      plan.id, key, plan.revision, source.sha256, plan.title, plan.authority?.name ?? null, plan.authority?.code ?? null, json(plan.authorities),
      plan.inspectorate, plan.plan_date, json(plan.keys), json(plan.notes), plan.coverage, importedAt, facts.authority_key, facts.fingerprint, facts.colours,
      facts.version, facts.inspection_date,
    ])
    const rows: Record<'recs' | 'actions' | 'milestones' | 'themes' | 'search', Param[][]> = { recs: [], actions: [], milestones: [], themes: [], search: [] }
    for (const [r, rec] of plan.recommendations.entries()) {
      rows.recs.push([rec.id, plan.id, r, rec.ref, rec.text, rec.theme, rec.timeframe, json(rec.organisations), json(rec.shares_actions_with),
        json(rec.extra), json(rec.provenance), json(rec.themes)])
      for (const t of rec.themes) rows.themes.push([plan.id, rec.id, 'recommendation', t.theme, json(t.words)])
      rows.search.push([rec.text, null, plan.id, rec.id, 'recommendation'])
      for (const [a, action] of rec.actions.entries()) {
        rows.actions.push([
          action.id, rec.id, plan.id, a, action.ref, action.text, json(action.leads), action.lead_raw, json(action.organisations), action.due_date,
          action.due_raw, action.status, action.rag, action.rag_source, action.status_raw, action.progress, action.success_criteria, action.evidence,
          action.impact, action.timeframe, json(action.extra), json(action.provenance), json(action.themes), json(action.also_answers),
          action.status_effective, action.status_source,
        ])
        for (const t of action.themes) rows.themes.push([plan.id, action.id, 'action', t.theme, json(t.words)])
        rows.search.push([[action.text, ...action.milestones.map((m) => m.text)].join('\n'), action.progress, plan.id, action.id, 'action'])
        for (const [m, milestone] of action.milestones.entries()) {
          rows.milestones.push([action.id, m, milestone.text, milestone.due_date, milestone.due_raw, milestone.status, milestone.rag, json(milestone.provenance)])
        }
      }
    }
    await db.insert(RECOMMENDATION, rows.recs)
    await db.insert(ACTION, rows.actions)
    await db.insert(MILESTONE, rows.milestones)
    await db.insert(THEME, rows.themes)
    await db.insert(SEARCH, rows.search)
  }
}
