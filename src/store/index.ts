import { existsSync } from 'node:fs'
import { isPostgresUrl, redactUrl } from './redact.js'
import { SqliteConnection } from './sqlite-connection.js'
import { SqlStore } from './sql-store.js'
import type { Store } from './contract.js'

/**
 * The store: where ingested plans live and how they are read back (./contract.ts). A file path
 * (or :memory:) is a SQLite database, the default; a postgres:// URL is a PostgreSQL database
 * shared by a team. This is the one place that tells them apart.
 */

export type { PlanFilter } from './plan-filter.js'
export type { RunFile, RunSummary } from './runs.js'
export type { ImportOptions, ImportResult } from './import-plan.js'
export type { SearchHit, SearchOptions } from './search.js'
export type { PlanSummary, Store } from './contract.js'
export { StoreConnectionError } from './sql.js'

/** Whether the database `target` names may exist: a file that is there, or any server URL (the server answers when opened). */
export const databaseExists = (target: string): boolean => isPostgresUrl(target) || existsSync(target)

/** The database as it may be printed: a URL without its password. */
export const describeDatabase = (target: string): string => redactUrl(target)

/** Opens the database `target` names (a file path, :memory: or a postgres:// URL), migrating it to this release's schema. */
export async function openStore(target: string): Promise<Store> {
  // pg is loaded only for a PostgreSQL URL: importing it took about 0.14 s of every SQLite command.
  const connection = isPostgresUrl(target) ? await (await import('./pg-connection.js')).PgConnection.open(target) : await SqliteConnection.open(target)
  return new SqlStore(connection, describeDatabase(target))
}
