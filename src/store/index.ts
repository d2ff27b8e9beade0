import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { Plan, type Plan as PlanType } from '../../schemas/index.js'
import { migrate } from './migrations.js'
import { planKey } from './plan-key.js'
import { filterPlan, type PlanFilter } from './plan-filter.js'
import { PLAN_COLUMNS, PlanReader, type PlanRow } from './read-plan.js'
import { RunLog } from './runs.js'
import { PlanWriter } from './write-plan.js'

/**
 * The SQLite store: one file, WAL, one transaction per imported file. A file is identified by the
 * SHA-256 of its bytes (re-import is a no-op); a plan by its authority and title (a new file of a
 * known plan is its next revision).
 */

export type { PlanFilter } from './plan-filter.js'
export type { RunFile, RunSummary } from './runs.js'

export interface ImportResult {
  outcome: 'imported' | 'unchanged'
  planId: string
  revision: number
}

export interface SearchHit {
  kind: 'recommendation' | 'action'
  recordId: string
  planId: string
  snippet: string
  path: string
  page: number | null
  authority: string | null
}

export interface PlanSummary {
  id: string
  title: string | null
  authority_name: string | null
  authority_code: string | null
  inspectorate: string | null
  plan_date: string | null
  revision: number
  recommendations: number
  actions: number
  coverage: number
  source_path: string
  format: string
  imported_at: string
}

export class Store {
  readonly db: Database.Database
  private readonly writer: PlanWriter
  private readonly reader: PlanReader
  readonly runs: RunLog

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    this.db = new Database(path)
    // Concurrent runs (two cron jobs) wait for each other's write transaction instead of failing.
    this.db.pragma('busy_timeout = 30000')
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('synchronous = NORMAL')
    migrate(this.db)
    this.writer = new PlanWriter(this.db)
    this.reader = new PlanReader(this.db)
    this.runs = new RunLog(this.db)
  }

  hasSource(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM sources WHERE sha256 = ?').get(sha256) !== undefined
  }

  /**
   * Stores a whole plan in one IMMEDIATE transaction (the write lock is taken before the checks, so
   * two processes importing the same file cannot both see it as new).
   */
  importPlan(plan: PlanType): ImportResult {
    const valid = Plan.parse(plan)
    return this.db
      .transaction((): ImportResult => {
        const existing = this.db.prepare('SELECT id, revision FROM plans WHERE source_sha256 = ?').get(valid.source.sha256) as { id: string; revision: number } | undefined
        if (existing) return { outcome: 'unchanged', planId: existing.id, revision: existing.revision }
        const key = planKey(valid)
        const latest = this.db.prepare('SELECT MAX(revision) AS revision FROM plans WHERE plan_key = ?').get(key) as { revision: number | null }
        const revision = (latest.revision ?? 0) + 1
        this.writer.write({ ...valid, revision }, key, new Date().toISOString())
        return { outcome: 'imported', planId: valid.id, revision }
      })
      .immediate()
  }

  listPlans(): PlanSummary[] {
    return this.db
      .prepare(
        `SELECT p.id, p.title, p.authority_name, p.authority_code, p.inspectorate, p.plan_date, p.revision,
          (SELECT COUNT(*) FROM recommendations r WHERE r.plan_id = p.id) AS recommendations,
          (SELECT COUNT(*) FROM actions a WHERE a.plan_id = p.id) AS actions,
          p.coverage, s.path AS source_path, s.format, p.imported_at
        FROM plans p JOIN sources s ON s.sha256 = p.source_sha256
        ORDER BY p.authority_name, p.title, p.revision`,
      )
      .all() as PlanSummary[]
  }

  /** A plan by its id or a unique prefix of it (as `git` takes commits). */
  getPlan(idOrPrefix: string): PlanType | null {
    const rows = this.db
      .prepare(`SELECT ${PLAN_COLUMNS} FROM plans p JOIN sources s ON s.sha256 = p.source_sha256 WHERE p.id = ? OR p.id LIKE ? || '%' LIMIT 2`)
      .all(idOrPrefix, idOrPrefix.replace(/[%_]/g, '')) as PlanRow[]
    const exact = rows.find((r) => r.id === idOrPrefix)
    if (exact) return this.reader.read(exact)
    if (rows.length > 1) throw new Error(`${idOrPrefix} matches several plans; give more of the id`)
    return rows[0] ? this.reader.read(rows[0]) : null
  }

  /** Every revision of the plan that `idOrPrefix` names, oldest first. */
  revisions(idOrPrefix: string): PlanType[] {
    const plan = this.getPlan(idOrPrefix)
    if (!plan) return []
    const rows = this.db
      .prepare(`SELECT ${PLAN_COLUMNS} FROM plans p JOIN sources s ON s.sha256 = p.source_sha256
        WHERE p.plan_key = (SELECT plan_key FROM plans WHERE id = ?) ORDER BY p.revision`)
      .all(plan.id) as PlanRow[]
    return rows.map((row) => this.reader.read(row))
  }

  /**
   * The stored plans one at a time, so an export does not hold the database in memory. By default
   * only the latest revision of each plan; `allRevisions` gives every one.
   */
  *plans(filter: PlanFilter = {}): Generator<PlanType> {
    const latest = filter.allRevisions ? '' : 'WHERE p.revision = (SELECT MAX(q.revision) FROM plans q WHERE q.plan_key = p.plan_key)'
    const ids = this.db
      .prepare(`SELECT ${PLAN_COLUMNS} FROM plans p JOIN sources s ON s.sha256 = p.source_sha256 ${latest} ORDER BY p.authority_name, p.title, p.revision, p.id`)
      .all() as PlanRow[]
    for (const row of ids) {
      const plan = filterPlan(this.reader.read(row), filter)
      if (plan) yield plan
    }
  }

  /**
   * Full-text search over recommendation and action text, milestones and progress notes (FTS5,
   * Porter stemming), best matches first, with a snippet whose hits are wrapped in `mark`.
   */
  search(words: string, options: { limit?: number; mark?: [string, string] } = {}): SearchHit[] {
    const terms = words.match(/[\p{L}\p{N}][\p{L}\p{N}'&-]*/gu) ?? []
    if (terms.length === 0) return []
    // Each word quoted: the user's text is never FTS5 syntax, so no query can fail to parse.
    const query = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ')
    const [open, close] = options.mark ?? ['[', ']']
    const rows = this.db
      .prepare(
        `SELECT s.kind, s.record_id AS recordId, s.plan_id AS planId, snippet(search, -1, ?, ?, '…', 14) AS snippet,
          COALESCE(a.provenance, r.provenance) AS provenance, src.path AS path, p.authority_name AS authority
        FROM search s
        JOIN plans p ON p.id = s.plan_id
        JOIN sources src ON src.sha256 = p.source_sha256
        LEFT JOIN actions a ON s.kind = 'action' AND a.id = s.record_id
        LEFT JOIN recommendations r ON s.kind = 'recommendation' AND r.id = s.record_id
        WHERE search MATCH ? ORDER BY bm25(search) LIMIT ?`,
      )
      .all(open, close, query, options.limit ?? 20) as (Omit<SearchHit, 'page'> & { provenance: string })[]
    return rows.map(({ provenance, ...hit }) => ({ ...hit, page: (JSON.parse(provenance) as { page: number | null }).page }))
  }

  close(): void {
    this.db.close()
  }
}

export function openStore(path: string): Store {
  return new Store(path)
}
