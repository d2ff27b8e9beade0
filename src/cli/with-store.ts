import { existsSync, statSync } from 'node:fs'
import { openStore, UsageError, type Store } from '../index.js'

/** Opens the store; a file that is not SQLite (README.md passed as --db) is a usage error, not a crash. */
function open(path: string): Store {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${path}: is a folder, not a database; pass --db <file>`)
  try {
    return openStore(path)
  } catch (error) {
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
  if (!options.create && !existsSync(path)) throw new UsageError(`${path}: no such database; run \`actionplan ingest <files>\` first, or pass --db`)
  const store = open(path)
  try {
    return await use(store)
  } finally {
    store.close()
  }
}
