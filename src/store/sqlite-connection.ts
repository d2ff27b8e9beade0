import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database, { type Statement } from 'better-sqlite3'
import { migrate, rebuildIfFlagged } from './migrations.js'
import { Mutex, type Connection, type Param, type Sql } from './sql.js'

/**
 * The SQLite driver (the default): one file, WAL, better-sqlite3. Its calls are synchronous; they
 * are wrapped in promises to fit the contract. Statements are prepared once per connection.
 */
export class SqliteConnection implements Connection {
  readonly dialect = 'sqlite' as const
  readonly db: Database.Database
  private readonly statements = new Map<string, Statement>()
  private readonly mutex = new Mutex()
  private readonly sql: Sql

  private constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    this.db = new Database(path)
    // Concurrent runs (two cron jobs) wait for each other's write transaction instead of failing.
    this.db.pragma('busy_timeout = 30000')
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('synchronous = NORMAL')
    const statement = (text: string): Statement => {
      let prepared = this.statements.get(text)
      if (!prepared) {
        prepared = this.db.prepare(text)
        this.statements.set(text, prepared)
      }
      return prepared
    }
    this.sql = {
      dialect: 'sqlite',
      all: async <T>(text: string, params: readonly Param[] = []) => statement(text).all(...params) as T[],
      get: async <T>(text: string, params: readonly Param[] = []) => statement(text).get(...params) as T | undefined,
      run: async (text: string, params: readonly Param[] = []) => statement(text).run(...params).changes,
      insert: async (text: string, rows: readonly (readonly Param[])[]) => {
        const prepared = statement(text)
        for (const row of rows) prepared.run(...row)
      },
    }
  }

  /** Opens (creating) the file and brings its schema up to this release's. */
  static async open(path: string): Promise<SqliteConnection> {
    const connection = new SqliteConnection(path)
    try {
      migrate(connection.db)
      await rebuildIfFlagged(connection)
    } catch (error) {
      connection.db.close()
      throw error
    }
    return connection
  }

  use<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.mutex.hold(() => work(this.sql))
  }

  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.mutex.hold(async () => {
      // IMMEDIATE: the write lock before the first read, so two processes cannot both see a file as new.
      this.db.exec('BEGIN IMMEDIATE')
      try {
        const result = await work(this.sql)
        this.db.exec('COMMIT')
        return result
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        throw error
      }
    })
  }

  async schemaVersion(): Promise<number> {
    return this.db.pragma('user_version', { simple: true }) as number
  }

  async close(): Promise<void> {
    await this.mutex.hold(async () => this.db.close())
  }
}
