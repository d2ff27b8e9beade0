import { statSync } from 'node:fs'
import { databaseExists, openStore, StoreConnectionError, UsageError, type Store } from '../index.js'

/** Opens the store; a file that is not SQLite (README.md passed as --db) or a server that refuses us is a usage error, not a crash. */
async function open(path: string): Promise<Store> {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${path}: is a folder, not a database; pass --db <file>`)
  try {
    return await openStore(path)
  } catch (error) {
    // Says where, never with what password (the store masks it).
    if (error instanceof StoreConnectionError) throw new UsageError(error.message)
    const code = (error as { code?: string }).code
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new UsageError(`${path}: not an actionplan database (not SQLite); pass --db <file>`)
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') throw new UsageError(`${path}: cannot open the database for writing (${code}); check the path and its permissions`)
    throw error
  }
}

/**
 * The one way a command opens the store: `use` runs with it open, and it is closed after, whatever
 * happens. Only ingest may create the database; every other command wants one that exists.
 */
export async function withStore<T>(path: string, use: (store: Store) => T | Promise<T>, options: { create?: boolean } = {}): Promise<T> {
  if (!options.create && !databaseExists(path)) throw new UsageError(`${path}: no such database; run \`actionplan ingest <files>\` first, or pass --db`)
  const store = await open(path)
  try {
    return await use(store)
  } finally {
    await store.close()
  }
}
