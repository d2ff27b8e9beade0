import pg from 'pg'
import { newerSchema } from './migrations.js'
import { PG_BASELINE_VERSION, PG_SCHEMA_VERSION, pgStep } from './pg-schema.js'
import { redactText, redactUrl } from './redact.js'
import { Mutex, StoreConnectionError, type Connection, type Param, type Sql } from './sql.js'

/**
 * The PostgreSQL driver, through node-postgres: one connection per store. The password comes from
 * the URL, PGPASSWORD or ~/.pgpass, as the client reads them; no message of ours carries it.
 *
 * Writers from any number of processes (and machines) take one advisory lock per transaction, so
 * imports into one database are serialised as SQLite's are: parsing, the slow part, still runs in
 * parallel, and the identity rules (renditions, revisions) see every file committed before.
 */

/** The advisory lock key every writer takes (any constant: "actionplan" as digits of its letters). */
const WRITE_LOCK = 1_330_241_937

/** COUNT(*) is a bigint, which the client gives as a string: a store's counts fit in a number. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
}

/** `?` placeholders to PostgreSQL's `$1, $2, …` (none of our statements has a `?` inside a string). */
export function numberPlaceholders(text: string): string {
  let n = 0
  return text.replace(/\?/g, () => `$${++n}`)
}


export class PgConnection implements Connection {
  readonly dialect = 'postgres' as const
  private readonly mutex = new Mutex()
  private readonly names = new Map<string, { name: string; text: string }>()
  private readonly sql: Sql
  private broken: Error | null = null

  private constructor(
    private readonly client: pg.Client,
    private readonly url: string,
  ) {
    const prepared = (text: string): { name: string; text: string } => {
      let entry = this.names.get(text)
      if (!entry) {
        entry = { name: `ap${this.names.size + 1}`, text: numberPlaceholders(text) }
        this.names.set(text, entry)
      }
      return entry
    }
    const query = async <T>(text: string, params: readonly Param[]): Promise<pg.QueryResult<T & pg.QueryResultRow>> => {
      if (this.broken) throw this.broken
      try {
        return await this.client.query<T & pg.QueryResultRow>({ ...prepared(text), values: [...params] })
      } catch (error) {
        throw this.clean(error)
      }
    }
    const unprepared = async (text: string, params: readonly Param[]): Promise<void> => {
      if (this.broken) throw this.broken
      try {
        await this.client.query({ text: numberPlaceholders(text), values: [...params] })
      } catch (error) {
        throw this.clean(error)
      }
    }
    this.sql = {
      dialect: 'postgres',
      all: async <T>(text: string, params: readonly Param[] = []) => (await query<T>(text, params)).rows,
      get: async <T>(text: string, params: readonly Param[] = []) => (await query<T>(text, params)).rows[0],
      run: async (text: string, params: readonly Param[] = []) => (await query(text, params)).rowCount ?? 0,
      insert: async (text: string, rows: readonly (readonly Param[])[]) => {
        const tuple = text.slice(text.lastIndexOf('('))
        const head = text.slice(0, text.lastIndexOf('('))
        const width = rows[0]?.length ?? 1
        // Far below the protocol's 65535 parameters; each chunk one unnamed statement, one round trip.
        const size = Math.max(1, Math.floor(20_000 / width))
        for (let start = 0; start < rows.length; start += size) {
          const chunk = rows.slice(start, start + size)
          await unprepared(`${head}${chunk.map(() => tuple).join(', ')}`, chunk.flat())
        }
      },
    }
    // A server that goes away between queries must not crash the process with an unhandled event.
    client.on('error', (error) => {
      this.broken = this.clean(error)
    })
  }

  /** Connects and brings the schema up to this release's; a refused or failed connection says where, never with what password. */
  static async open(url: string): Promise<PgConnection> {
    const client = new pg.Client({ connectionString: url, types, application_name: 'actionplan' })
    try {
      await client.connect()
    } catch (error) {
      await client.end().catch(() => undefined)
      const reason = redactText(error instanceof Error ? error.message : String(error), url)
      throw new StoreConnectionError(`cannot connect to ${redactUrl(url)}: ${reason}`)
    }
    const connection = new PgConnection(client, url)
    try {
      await connection.migrate()
    } catch (error) {
      await connection.close()
      throw error
    }
    return connection
  }

  /** An error from the client or the server, with any secret masked (its code kept for callers). */
  private clean(error: unknown): Error {
    const message = redactText(error instanceof Error ? error.message : String(error), this.url)
    const clean = new Error(message)
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string') Object.assign(clean, { code })
    return clean
  }

  private async migrate(): Promise<void> {
    const current = await this.schemaVersion()
    if (current > PG_SCHEMA_VERSION) throw newerSchema(current, PG_SCHEMA_VERSION)
    if (current === PG_SCHEMA_VERSION) return
    await this.transaction(async (sql) => {
      await sql.run('CREATE TABLE IF NOT EXISTS actionplan_schema (version INTEGER NOT NULL)')
      // Another process may have migrated while we waited for the lock.
      let version = (await sql.get<{ version: number }>('SELECT MAX(version) AS version FROM actionplan_schema'))?.version ?? 0
      if (version > PG_SCHEMA_VERSION) throw newerSchema(version, PG_SCHEMA_VERSION)
      while (version < PG_SCHEMA_VERSION) {
        await this.simple(pgStep(version))
        version = version < PG_BASELINE_VERSION ? PG_BASELINE_VERSION : version + 1
        await sql.run('DELETE FROM actionplan_schema')
        await sql.run('INSERT INTO actionplan_schema (version) VALUES (?)', [version])
      }
    })
  }

  /** Statements without parameters, as one simple query (DDL of several statements, BEGIN, COMMIT). */
  private async simple(text: string): Promise<void> {
    if (this.broken) throw this.broken
    try {
      await this.client.query(text)
    } catch (error) {
      throw this.clean(error)
    }
  }

  async schemaVersion(): Promise<number> {
    return this.mutex.hold(async () => {
      const table = await this.sql.get<{ found: string | null }>("SELECT to_regclass('actionplan_schema') AS found")
      if (!table?.found) return 0
      return (await this.sql.get<{ version: number }>('SELECT MAX(version) AS version FROM actionplan_schema'))?.version ?? 0
    })
  }

  use<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.mutex.hold(() => work(this.sql))
  }

  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.mutex.hold(async () => {
      await this.simple('BEGIN')
      try {
        await this.sql.get('SELECT pg_advisory_xact_lock(?)', [WRITE_LOCK])
        const result = await work(this.sql)
        await this.simple('COMMIT')
        return result
      } catch (error) {
        await this.simple('ROLLBACK').catch(() => undefined)
        throw error
      }
    })
  }

  async close(): Promise<void> {
    await this.mutex.hold(() => this.client.end().catch(() => undefined))
  }
}
