import { redactArgs } from './redact.js'
import type { Connection } from './sql.js'

/**
 * The record of ingest runs: a run row is written when the run starts and closed when it ends, so
 * a run killed half way shows as never ended; each file's outcome is written as it happens.
 */

export interface RunFile {
  path: string
  sha256: string | null
  status: 'imported' | 'skipped' | 'failed'
  code: string | null
  message: string | null
  planId: string | null
  ms: number
}

export interface RunSummary {
  id: number
  started_at: string
  ended_at: string | null
  pid: number
  files: number
  imported: number
  skipped: number
  failed: number
  args: string
}

export class RunLog {
  constructor(private readonly conn: Connection) {}

  /** The run's arguments are stored with any password in a database URL masked. */
  start(args: readonly string[], files: number): Promise<number> {
    return this.conn.use(async (sql) => {
      const row = await sql.get<{ id: number }>('INSERT INTO runs (started_at, pid, files, args) VALUES (?, ?, ?, ?) RETURNING id', [
        new Date().toISOString(), process.pid, files, JSON.stringify(redactArgs(args)),
      ])
      return Number(row!.id)
    })
  }

  file(runId: number, file: RunFile): Promise<void> {
    return this.conn.transaction(async (sql) => {
      await sql.run('INSERT INTO run_files (run_id, path, sha256, status, code, message, plan_id, ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        runId, file.path, file.sha256, file.status, file.code, file.message, file.planId, file.ms,
      ])
      await sql.run(`UPDATE runs SET ${file.status} = ${file.status} + 1 WHERE id = ?`, [runId])
    })
  }

  async end(runId: number): Promise<void> {
    await this.conn.use((sql) => sql.run('UPDATE runs SET ended_at = ? WHERE id = ?', [new Date().toISOString(), runId]))
  }

  list(limit = 20): Promise<RunSummary[]> {
    return this.conn.use((sql) =>
      sql.all<RunSummary>('SELECT id, started_at, ended_at, pid, files, imported, skipped, failed, args FROM runs ORDER BY id DESC LIMIT ?', [limit]),
    )
  }

  /**
   * Files that failed in some run and were never stored, by SHA-256, with the arguments of each run
   * they failed in: known failures, for the next run to skip unless it reads them differently.
   */
  async failedBefore(): Promise<Map<string, string[][]>> {
    const rows = await this.conn.use((sql) =>
      sql.all<{ sha256: string; args: string }>(`SELECT DISTINCT f.sha256, r.args FROM run_files f JOIN runs r ON r.id = f.run_id
        WHERE f.status = 'failed' AND f.sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.sha256 = f.sha256)`),
    )
    const failed = new Map<string, string[][]>()
    for (const row of rows) failed.set(row.sha256, [...(failed.get(row.sha256) ?? []), JSON.parse(row.args) as string[]])
    return failed
  }

  errors(runId: number): Promise<RunFile[]> {
    // run_files has no key of its own on SQLite (its rowid is the order written); PostgreSQL's has an id.
    const order = this.conn.dialect === 'sqlite' ? 'rowid' : 'id'
    return this.conn.use((sql) =>
      sql.all<RunFile>(`SELECT path, sha256, status, code, message, plan_id AS "planId", ms FROM run_files WHERE run_id = ? AND status = 'failed' ORDER BY ${order}`, [runId]),
    )
  }
}
