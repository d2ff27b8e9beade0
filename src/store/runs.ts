import type { Diagnostic } from '../../schemas/index.js'
import { redactArgs } from './redact.js'
import type { Connection } from './sql.js'

/**
 * The record of ingest runs: a run row is written when the run starts and closed when it ends, so
 * a run killed half way shows as never ended; each file's outcome is written as it happens.
 */

export interface RunFile {
  path: string
  sha256: string | null
  /** As written: imported, skipped or failed. As read back, an import with a warning is imported_with_warnings. */
  status: 'imported' | 'imported_with_warnings' | 'skipped' | 'failed'
  code: string | null
  message: string | null
  planId: string | null
  ms: number
  /** What the reader and the interpreter noted about the file (what --verbose prints). */
  diagnostics?: Diagnostic[]
}

export interface RunSummary {
  id: number
  started_at: string
  ended_at: string | null
  pid: number
  files: number
  imported: number
  /** Of the files imported, those with a warning (`runs --warnings N` lists them). */
  imported_with_warnings: number
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
    const diagnostics = file.diagnostics ?? []
    const warned = file.status === 'imported' && diagnostics.some((d) => d.level === 'warning')
    // An import with warnings still counts as imported; its own count says how many of those need a look.
    const counter = file.status === 'imported_with_warnings' ? 'imported' : file.status
    return this.conn.transaction(async (sql) => {
      await sql.run('INSERT INTO run_files (run_id, path, sha256, status, code, message, plan_id, ms, diagnostics) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        runId, file.path, file.sha256, warned ? 'imported_with_warnings' : file.status, file.code, file.message, file.planId, file.ms, JSON.stringify(diagnostics),
      ])
      await sql.run(`UPDATE runs SET ${counter} = ${counter} + 1, imported_with_warnings = imported_with_warnings + ? WHERE id = ?`, [warned ? 1 : 0, runId])
    })
  }

  async end(runId: number): Promise<void> {
    await this.conn.use((sql) => sql.run('UPDATE runs SET ended_at = ? WHERE id = ?', [new Date().toISOString(), runId]))
  }

  list(limit = 20): Promise<RunSummary[]> {
    return this.conn.use((sql) =>
      sql.all<RunSummary>('SELECT id, started_at, ended_at, pid, files, imported, imported_with_warnings, skipped, failed, args FROM runs ORDER BY id DESC LIMIT ?', [limit]),
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

  /** The files of a run that came with warnings or notes, each with them, in the order they were read. */
  async warnings(runId: number): Promise<(RunFile & { diagnostics: Diagnostic[] })[]> {
    const rows = await this.conn.use((sql) =>
      sql.all<Omit<RunFile, 'diagnostics'> & { diagnostics: string }>(
        `SELECT path, sha256, status, code, message, plan_id AS "planId", ms, diagnostics FROM run_files WHERE run_id = ? AND diagnostics <> '[]' ORDER BY ${this.order()}`,
        [runId],
      ),
    )
    return rows.map((row) => ({ ...row, diagnostics: JSON.parse(row.diagnostics) as Diagnostic[] }))
  }

  // run_files has no key of its own on SQLite (its rowid is the order written); PostgreSQL's has an id.
  private order(): string {
    return this.conn.dialect === 'sqlite' ? 'rowid' : 'id'
  }

  errors(runId: number): Promise<RunFile[]> {
    const order = this.order()
    return this.conn.use((sql) =>
      sql.all<RunFile>(`SELECT path, sha256, status, code, message, plan_id AS "planId", ms FROM run_files WHERE run_id = ? AND status = 'failed' ORDER BY ${order}`, [runId]),
    )
  }
}
