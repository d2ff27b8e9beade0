import type { Database } from 'better-sqlite3'

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
  constructor(private readonly db: Database) {}

  start(args: readonly string[], files: number): number {
    const info = this.db.prepare('INSERT INTO runs (started_at, pid, files, args) VALUES (?, ?, ?, ?)').run(new Date().toISOString(), process.pid, files, JSON.stringify(args))
    return Number(info.lastInsertRowid)
  }

  file(runId: number, file: RunFile): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO run_files (run_id, path, sha256, status, code, message, plan_id, ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(runId, file.path, file.sha256, file.status, file.code, file.message, file.planId, file.ms)
      this.db.prepare(`UPDATE runs SET ${file.status} = ${file.status} + 1 WHERE id = ?`).run(runId)
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

  errors(runId: number): RunFile[] {
    return (this.db.prepare("SELECT path, sha256, status, code, message, plan_id AS planId, ms FROM run_files WHERE run_id = ? AND status = 'failed' ORDER BY rowid").all(runId)) as RunFile[]
  }
}
