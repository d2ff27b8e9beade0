import type { Database } from 'better-sqlite3'
import type { Diagnostic } from '../../schemas/index.js'

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
  constructor(private readonly db: Database) {}

  start(args: readonly string[], files: number): number {
    const info = this.db.prepare('INSERT INTO runs (started_at, pid, files, args) VALUES (?, ?, ?, ?)').run(new Date().toISOString(), process.pid, files, JSON.stringify(args))
    return Number(info.lastInsertRowid)
  }

  file(runId: number, file: RunFile): void {
    const diagnostics = file.diagnostics ?? []
    const warned = file.status === 'imported' && diagnostics.some((d) => d.level === 'warning')
    // An import with warnings still counts as imported; its own count says how many of those need a look.
    const counter = file.status === 'imported_with_warnings' ? 'imported' : file.status
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO run_files (run_id, path, sha256, status, code, message, plan_id, ms, diagnostics) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(runId, file.path, file.sha256, warned ? 'imported_with_warnings' : file.status, file.code, file.message, file.planId, file.ms, JSON.stringify(diagnostics))
      this.db.prepare(`UPDATE runs SET ${counter} = ${counter} + 1, imported_with_warnings = imported_with_warnings + ? WHERE id = ?`).run(warned ? 1 : 0, runId)
    }).immediate()
  }

  end(runId: number): void {
    this.db.prepare('UPDATE runs SET ended_at = ? WHERE id = ?').run(new Date().toISOString(), runId)
  }

  list(limit = 20): RunSummary[] {
    return this.db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT ?').all(limit) as RunSummary[]
  }

  /**
   * Files that failed in some run and were never stored, by SHA-256, with the arguments of each run
   * they failed in: known failures, for the next run to skip unless it reads them differently.
   */
  failedBefore(): Map<string, string[][]> {
    const rows = this.db.prepare(`SELECT DISTINCT f.sha256, r.args FROM run_files f JOIN runs r ON r.id = f.run_id
      WHERE f.status = 'failed' AND f.sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.sha256 = f.sha256)`).all() as { sha256: string; args: string }[]
    const failed = new Map<string, string[][]>()
    for (const row of rows) failed.set(row.sha256, [...(failed.get(row.sha256) ?? []), JSON.parse(row.args) as string[]])
    return failed
  }

  /** The files of a run that came with warnings or notes, each with them, in the order they were read. */
  warnings(runId: number): (RunFile & { diagnostics: Diagnostic[] })[] {
    const rows = this.db.prepare("SELECT path, sha256, status, code, message, plan_id AS planId, ms, diagnostics FROM run_files WHERE run_id = ? AND diagnostics <> '[]' ORDER BY rowid").all(runId) as (Omit<RunFile, 'diagnostics'> & { diagnostics: string })[]
    return rows.map((row) => ({ ...row, diagnostics: JSON.parse(row.diagnostics) as Diagnostic[] }))
  }

  errors(runId: number): RunFile[] {
    return (this.db.prepare("SELECT path, sha256, status, code, message, plan_id AS planId, ms FROM run_files WHERE run_id = ? AND status = 'failed' ORDER BY rowid").all(runId)) as RunFile[]
  }
}
