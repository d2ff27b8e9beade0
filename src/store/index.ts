import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { Plan, type Plan as PlanType } from '../../schemas/index.js'
import { migrate } from './migrations.js'
import { PlanImporter, type ImportOptions, type ImportResult } from './import-plan.js'
import { filterPlan, type PlanFilter } from './plan-filter.js'
import { PLAN_COLUMNS, PlanReader, type PlanRow } from './read-plan.js'
import { RunLog } from './runs.js'
import { searchRecords, type SearchHit, type SearchOptions } from './search.js'

/**
 * The SQLite store: one file, WAL, one transaction per imported file. A file is identified by the
 * SHA-256 of its bytes (re-import is a no-op); the same content in another file is a rendition of
 * a stored revision, a change of content the next revision of its plan (./import-plan.ts).
 */

export type { PlanFilter } from './plan-filter.js'
export type { RunFile, RunSummary } from './runs.js'

export type { ImportOptions, ImportResult } from './import-plan.js'

export type { SearchHit, SearchOptions } from './search.js'

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
  /** Every file of this revision (the source first): the same content in other formats or copies. */
  renditions: string[]
  imported_at: string
}

export class Store {
  readonly db: Database.Database
  private readonly importer: PlanImporter
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
    this.importer = new PlanImporter(this.db)
    this.reader = new PlanReader(this.db)
    this.runs = new RunLog(this.db)
  }

  hasSource(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM sources WHERE sha256 = ?').get(sha256) !== undefined
  }

  /**
   * True when these bytes are stored already. A copy under another name is not stored again, but
   * the file is listed under the first of its names in sort order, so which copy a parallel batch
   * met first does not show in the data.
   */
  knownFile(sha256: string, path: string): boolean {
    if (!this.hasSource(sha256)) return false
    this.importer.notePath(sha256, path)
    return true
  }

  /**
   * Stores a whole plan in one IMMEDIATE transaction (the write lock is taken before the checks, so
   * two processes importing the same file cannot both see it as new).
   */
  importPlan(plan: PlanType, options: ImportOptions = {}): ImportResult {
    const valid = options.validated ? plan : Plan.parse(plan)
    return this.db.transaction((): ImportResult => this.importer.import(valid, options)).immediate()
  }

  listPlans(): PlanSummary[] {
    const rows = this.db
      .prepare(
        `SELECT p.id, p.title, p.authority_name, p.authority_code, p.inspectorate, p.plan_date, p.revision,
          (SELECT COUNT(*) FROM recommendations r WHERE r.plan_id = p.id) AS recommendations,
          (SELECT COUNT(*) FROM actions a WHERE a.plan_id = p.id) AS actions,
          p.coverage, s.path AS source_path, s.format, p.imported_at
        FROM plans p JOIN sources s ON s.sha256 = p.source_sha256
        ORDER BY p.authority_name, p.plan_key, p.revision`,
      )
      .all() as Omit<PlanSummary, 'renditions'>[]
    const files = this.db.prepare('SELECT path FROM sources WHERE plan_id = ? ORDER BY path')
    return rows.map((row) => {
      const others = (files.all(row.id) as { path: string }[]).map((f) => f.path).filter((path) => path !== row.source_path)
      return { ...row, renditions: [row.source_path, ...others] }
    })
  }

  /** A plan by its id or a unique prefix of it (as `git` takes commits), or by the id of any of its renditions. */
  getPlan(idOrPrefix: string): PlanType | null {
    const rows = this.db
      .prepare(`SELECT ${PLAN_COLUMNS} FROM plans p JOIN sources s ON s.sha256 = p.source_sha256 WHERE p.id = @id OR p.id LIKE @prefix || '%'
        OR p.id IN (SELECT r.plan_id FROM sources r WHERE substr(r.sha256, 1, 16) = @id OR (length(@prefix) >= 4 AND r.sha256 LIKE @prefix || '%')) LIMIT 2`)
      .all({ id: idOrPrefix, prefix: idOrPrefix.replace(/[%_]/g, '') }) as PlanRow[]
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

  /** Full-text search (./search.ts): the latest revision of each plan unless `allRevisions`. */
  search(words: string, options: SearchOptions = {}): SearchHit[] {
    return searchRecords(this.db, words, options)
  }

  close(): void {
    this.db.close()
  }
}

export function openStore(path: string): Store {
  return new Store(path)
}
