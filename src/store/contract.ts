import type { Authority, Diagnostic, Plan } from '../../schemas/index.js'
import type { ImportOptions, ImportResult } from './import-plan.js'
import type { PlanFilter } from './plan-filter.js'
import type { RunFile, RunSummary } from './runs.js'
import type { SearchHit, SearchOptions } from './search.js'

/**
 * The store contract: what the rest of actionplan may ask of a database, whichever driver serves
 * it (SQLite or PostgreSQL; ./index.ts picks). test/store/contract.test.ts holds both drivers to it.
 *
 * A file is identified by the SHA-256 of its bytes (importing it again is a no-op); the same content
 * in another file is a rendition of a stored revision, a change of content the next revision of its
 * plan (./import-plan.ts). Each import is one transaction: a file is stored whole or not at all.
 */

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

/** The record of ingest runs (./runs.ts). */
export interface RunRecords {
  start(args: readonly string[], files: number): Promise<number>
  file(runId: number, file: RunFile): Promise<void>
  end(runId: number): Promise<void>
  list(limit?: number): Promise<RunSummary[]>
  failedBefore(): Promise<Map<string, string[][]>>
  errors(runId: number): Promise<RunFile[]>
  /** The files of a run that came with warnings or notes, each with them, in the order they were read. */
  warnings(runId: number): Promise<(RunFile & { diagnostics: Diagnostic[] })[]>
}

export interface Store {
  /** The database as it may be printed (a URL without its password). */
  readonly target: string
  readonly runs: RunRecords
  hasSource(sha256: string): Promise<boolean>
  /**
   * True when these bytes are stored already. A copy under another name is not stored again, but
   * the file is listed under the first of its names in sort order, so which copy a parallel batch
   * met first does not show in the data.
   */
  knownFile(sha256: string, path: string): Promise<boolean>
  /** Stores a whole plan in one transaction that holds the write lock from its first read. */
  importPlan(plan: Plan, options?: ImportOptions): Promise<ImportResult>
  listPlans(): Promise<PlanSummary[]>
  /** A plan by its id or a unique prefix of it (as `git` takes commits), or by the id of any of its renditions. */
  getPlan(idOrPrefix: string): Promise<Plan | null>
  /** Every revision of the plan that `idOrPrefix` names, oldest first. */
  revisions(idOrPrefix: string): Promise<Plan[]>
  /**
   * The stored plans one at a time, so an export does not hold the database in memory. By default
   * only the latest revision of each plan; `allRevisions` gives every one.
   */
  plans(filter?: PlanFilter): AsyncGenerator<Plan>
  /** Full-text search (./search.ts): the latest revision of each plan unless `allRevisions`. */
  search(words: string, options?: SearchOptions): Promise<SearchHit[]>
  /** Every authority named by a stored plan: what an --authority filter can match. */
  knownAuthorities(): Promise<Authority[]>
  /** The schema the database is at (the number of the last migration applied). */
  schemaVersion(): Promise<number>
  close(): Promise<void>
}
