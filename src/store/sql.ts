/**
 * What the store's logic needs of a database, whichever engine it is: statements with `?`
 * placeholders, run one at a time, and transactions. The importer, reader, run log and search are
 * written once against this; ./sqlite-connection.ts and ./pg-connection.ts are its two drivers.
 * SQL given here is written to mean the same on SQLite and PostgreSQL (quoted camelCase aliases,
 * NULLS FIRST where NULLs sort, CAST on a parameter whose type only its use tells).
 */

export type Dialect = 'sqlite' | 'postgres'

export type Param = string | number | null

export interface Sql {
  readonly dialect: Dialect
  all<T>(text: string, params?: readonly Param[]): Promise<T[]>
  get<T>(text: string, params?: readonly Param[]): Promise<T | undefined>
  /** Runs a statement; the number of rows it changed. */
  run(text: string, params?: readonly Param[]): Promise<number>
  /**
   * Runs `INSERT … VALUES (?, …)` once per row, in order: SQLite row by row (a prepared statement
   * is as fast as it gets in process), PostgreSQL as few multi-row statements (one round trip each).
   */
  insert(text: string, rows: readonly (readonly Param[])[]): Promise<void>
}

export interface Connection {
  readonly dialect: Dialect
  /** One statement or a few outside any transaction of ours (each is its own). */
  use<T>(work: (sql: Sql) => Promise<T>): Promise<T>
  /**
   * `work` in one transaction that takes the write lock first (SQLite: BEGIN IMMEDIATE; PostgreSQL:
   * an advisory lock), so two processes importing at once never both see a file as new. Rolled back
   * when `work` throws, and by the engine when the process dies half way.
   */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>
  /** The number of the last migration applied (./migrations.ts; PostgreSQL's are numbered alike). */
  schemaVersion(): Promise<number>
  close(): Promise<void>
}

/**
 * One connection serves one caller at a time: a batch imports from several lanes at once, and a
 * lane's statements must not land inside another lane's transaction.
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve()

  async hold<T>(work: () => Promise<T>): Promise<T> {
    const before = this.tail
    let release!: () => void
    this.tail = new Promise<void>((resolve) => {
      release = resolve
    })
    await before
    try {
      return await work()
    } finally {
      release()
    }
  }
}

/** A database that cannot be reached or opened (a wrong password, an unreachable host): a usage error, not a bug. */
export class StoreConnectionError extends Error {}
