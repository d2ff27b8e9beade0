import { Plan, type Authority, type Plan as PlanType } from '../../schemas/index.js'
import type { PlanSummary, RunRecords, Store } from './contract.js'
import { PlanImporter, type ImportOptions, type ImportResult } from './import-plan.js'
import { knownAuthorities } from './known-values.js'
import { filterPlan, type PlanFilter } from './plan-filter.js'
import { PLAN_COLUMNS, PlanReader, type PlanRow } from './read-plan.js'
import { RunLog } from './runs.js'
import { searchRecords, type SearchHit, type SearchOptions } from './search.js'
import type { Connection } from './sql.js'

/**
 * The store contract (./contract.ts) over either driver's connection: the statements are written
 * once, to mean the same on SQLite and PostgreSQL, so both give the same data back.
 */
export class SqlStore implements Store {
  readonly runs: RunRecords

  constructor(
    private readonly connection: Connection,
    readonly target: string,
  ) {
    this.runs = new RunLog(connection)
  }

  hasSource(sha256: string): Promise<boolean> {
    return this.connection.use(async (sql) => (await sql.get('SELECT 1 FROM sources WHERE sha256 = ?', [sha256])) !== undefined)
  }

  async knownFile(sha256: string, path: string): Promise<boolean> {
    if (!(await this.hasSource(sha256))) return false
    await this.connection.use((sql) => new PlanImporter(sql).notePath(sha256, path))
    return true
  }

  importPlan(plan: PlanType, options: ImportOptions = {}): Promise<ImportResult> {
    const valid = options.validated ? plan : Plan.parse(plan)
    return this.connection.transaction((sql) => new PlanImporter(sql).import(valid, options))
  }

  listPlans(): Promise<PlanSummary[]> {
    return this.connection.use(async (sql) => {
      const rows = await sql.all<Omit<PlanSummary, 'renditions'>>(
        `SELECT p.id, p.title, p.authority_name, p.authority_code, p.inspectorate, p.plan_date, p.revision,
          (SELECT COUNT(*) FROM recommendations r WHERE r.plan_id = p.id) AS recommendations,
          (SELECT COUNT(*) FROM actions a WHERE a.plan_id = p.id) AS actions,
          p.coverage, s.path AS source_path, s.format, p.imported_at
        FROM plans p JOIN sources s ON s.sha256 = p.source_sha256
        ORDER BY p.authority_name NULLS FIRST, p.plan_key, p.revision`,
      )
      const listed: PlanSummary[] = []
      for (const row of rows) {
        const files = await sql.all<{ path: string }>('SELECT path FROM sources WHERE plan_id = ? ORDER BY path', [row.id])
        const others = files.map((f) => f.path).filter((path) => path !== row.source_path)
        listed.push({ ...row, renditions: [row.source_path, ...others] })
      }
      return listed
    })
  }

  getPlan(idOrPrefix: string): Promise<PlanType | null> {
    const prefix = idOrPrefix.replace(/[%_]/g, '')
    // A file's id (the first 16 of its SHA-256) names its revision; a hash prefix does from 4 characters.
    const byHash = prefix.length >= 4 ? `OR r.sha256 LIKE CAST(? AS TEXT) || '%'` : ''
    return this.connection.use(async (sql) => {
      const rows = await sql.all<PlanRow>(
        `SELECT ${PLAN_COLUMNS} FROM plans p JOIN sources s ON s.sha256 = p.source_sha256 WHERE p.id = ? OR p.id LIKE CAST(? AS TEXT) || '%'
          OR p.id IN (SELECT r.plan_id FROM sources r WHERE substr(r.sha256, 1, 16) = ? ${byHash}) ORDER BY p.id LIMIT 2`,
        [idOrPrefix, prefix, idOrPrefix, ...(byHash ? [prefix] : [])],
      )
      const exact = rows.find((r) => r.id === idOrPrefix)
      if (exact) return new PlanReader(sql).read(exact)
      if (rows.length > 1) throw new Error(`${idOrPrefix} matches several plans; give more of the id`)
      return rows[0] ? new PlanReader(sql).read(rows[0]) : null
    })
  }

  async revisions(idOrPrefix: string): Promise<PlanType[]> {
    const plan = await this.getPlan(idOrPrefix)
    if (!plan) return []
    return this.connection.use(async (sql) => {
      const rows = await sql.all<PlanRow>(
        `SELECT ${PLAN_COLUMNS} FROM plans p JOIN sources s ON s.sha256 = p.source_sha256
          WHERE p.plan_key = (SELECT plan_key FROM plans WHERE id = ?) ORDER BY p.revision`,
        [plan.id],
      )
      const reader = new PlanReader(sql)
      const plans: PlanType[] = []
      for (const row of rows) plans.push(await reader.read(row))
      return plans
    })
  }

  async *plans(filter: PlanFilter = {}): AsyncGenerator<PlanType> {
    const latest = filter.allRevisions ? '' : 'WHERE p.revision = (SELECT MAX(q.revision) FROM plans q WHERE q.plan_key = p.plan_key)'
    const rows = await this.connection.use((sql) =>
      sql.all<PlanRow>(
        `SELECT ${PLAN_COLUMNS} FROM plans p JOIN sources s ON s.sha256 = p.source_sha256 ${latest}
          ORDER BY p.authority_name NULLS FIRST, p.title NULLS FIRST, p.revision, p.id`,
      ),
    )
    for (const row of rows) {
      const plan = filterPlan(await this.connection.use((sql) => new PlanReader(sql).read(row)), filter)
      if (plan) yield plan
    }
  }

  search(words: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    return this.connection.use((sql) => searchRecords(sql, words, options))
  }

  knownAuthorities(): Promise<Authority[]> {
    return this.connection.use((sql) => knownAuthorities(sql))
  }

  schemaVersion(): Promise<number> {
    return this.connection.schemaVersion()
  }

  close(): Promise<void> {
    return this.connection.close()
  }
}
