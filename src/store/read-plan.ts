import { Plan, type Action, type Milestone, type PlanSource, type Recommendation } from '../../schemas/index.js'
import { preferredRendition } from './plan-key.js'
import type { Sql } from './sql.js'

/** Rebuilds the Plan of the export contract from its rows: the inverse of PlanWriter. */

interface PlanRow {
  id: string
  revision: number
  title: string | null
  authority_name: string | null
  authority_code: string | null
  authorities: string
  inspectorate: string | null
  plan_date: string | null
  keys: string
  notes: string
  coverage: number
  path: string
  sha256: string
  format: string
  pages: number | null
  ocr: number
}

type RecRow = Record<'id' | 'text' | 'organisations' | 'shares_actions_with' | 'extra' | 'provenance' | 'themes', string> &
  Record<'ref' | 'theme' | 'timeframe', string | null>
type ActionRow = Record<'id' | 'recommendation_id' | 'text' | 'leads' | 'organisations' | 'extra' | 'provenance' | 'themes' | 'also_answers', string> &
  Record<
    | 'ref' | 'lead_raw' | 'due_date' | 'due_raw' | 'status' | 'rag' | 'rag_source' | 'status_raw' | 'progress' | 'success_criteria' | 'evidence' | 'impact'
    | 'timeframe' | 'status_effective' | 'status_source',
    string | null
  >
type SourceRow = Omit<PlanSource, 'ocr'> & { coverage: number | null; ocr: number }
type MilestoneRow = Record<'action_id' | 'text' | 'provenance', string> & Record<'due_date' | 'due_raw' | 'status' | 'rag', string | null>

export const PLAN_COLUMNS = `p.id, p.revision, p.title, p.authority_name, p.authority_code, p.authorities, p.inspectorate, p.plan_date, p.keys,
  p.notes, p.coverage, s.path, s.sha256, s.format, s.pages, s.ocr`

const parse = <T>(text: string): T => JSON.parse(text) as T

/** A file as the plan names it: `ocr` only when it was read by OCR, as the reader gives it. */
const source = ({ path, sha256, format, pages, ocr }: Omit<SourceRow, 'coverage'>): PlanSource =>
  Number(ocr) === 1 ? { path, sha256, format, pages, ocr: true } : { path, sha256, format, pages }

export class PlanReader {
  constructor(private readonly db: Sql) {}

  /** The revision's files: the one its records come from first, then the others in the order they would be preferred. */
  private async renditions(row: PlanRow): Promise<PlanSource[]> {
    const all = (await this.db.all<SourceRow>('SELECT path, sha256, format, pages, coverage, ocr FROM sources WHERE plan_id = ? ORDER BY sha256', [row.id]))
      .map((s) => ({ ...s, coverage: s.coverage ?? 0 }))
    all.sort((a, b) => Number(b.sha256 === row.sha256) - Number(a.sha256 === row.sha256) || preferredRendition(a, b))
    return all.map(source)
  }

  async read(row: PlanRow): Promise<Plan> {
    const milestonesOf = new Map<string, Milestone[]>()
    const milestones = await this.db.all<MilestoneRow>(`SELECT m.* FROM milestones m JOIN actions a ON a.id = m.action_id WHERE a.plan_id = ?
      ORDER BY m.action_id, m.position`, [row.id])
    for (const m of milestones) {
      const list = milestonesOf.get(m.action_id) ?? []
      list.push({ text: m.text, due_date: m.due_date, due_raw: m.due_raw, status: m.status as Milestone['status'], rag: m.rag as Milestone['rag'], provenance: parse(m.provenance) })
      milestonesOf.set(m.action_id, list)
    }
    const actionsOf = new Map<string, Action[]>()
    for (const a of await this.db.all<ActionRow>('SELECT * FROM actions WHERE plan_id = ? ORDER BY recommendation_id, position', [row.id])) {
      const list = actionsOf.get(a.recommendation_id) ?? []
      list.push({
        id: a.id, ref: a.ref, text: a.text, leads: parse(a.leads), lead_raw: a.lead_raw, organisations: parse(a.organisations), due_date: a.due_date,
        due_raw: a.due_raw, status: a.status as Action['status'], rag: a.rag as Action['rag'], rag_source: a.rag_source as Action['rag_source'],
        status_effective: a.status_effective as Action['status_effective'], status_source: a.status_source as Action['status_source'],
        status_raw: a.status_raw, progress: a.progress, success_criteria: a.success_criteria, evidence: a.evidence, impact: a.impact,
        timeframe: a.timeframe, also_answers: parse(a.also_answers), themes: parse(a.themes), extra: parse(a.extra), provenance: parse(a.provenance), milestones: milestonesOf.get(a.id) ?? [],
      })
      actionsOf.set(a.recommendation_id, list)
    }
    const recs = await this.db.all<RecRow>('SELECT * FROM recommendations WHERE plan_id = ? ORDER BY position', [row.id])
    const recommendations: Recommendation[] = recs.map((r) => ({
      id: r.id, ref: r.ref, text: r.text, theme: r.theme, timeframe: r.timeframe, organisations: parse(r.organisations),
      shares_actions_with: parse(r.shares_actions_with), themes: parse(r.themes), extra: parse(r.extra), provenance: parse(r.provenance), actions: actionsOf.get(r.id) ?? [],
    }))
    // Key order as in the schema, so a stored plan exports exactly as it was interpreted.
    return Plan.parse({
      id: row.id,
      title: row.title,
      authority: row.authority_name === null ? null : { name: row.authority_name, code: row.authority_code },
      authorities: parse(row.authorities),
      inspectorate: row.inspectorate,
      plan_date: row.plan_date,
      revision: row.revision,
      source: source({ ...row, format: row.format as PlanSource['format'] }),
      renditions: await this.renditions(row),
      keys: parse(row.keys),
      notes: parse(row.notes),
      coverage: row.coverage,
      recommendations,
    })
  }
}

export type { PlanRow }
