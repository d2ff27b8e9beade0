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

  errors(runId: number): RunFile[] {
    return (this.db.prepare("SELECT path, sha256, status, code, message, plan_id AS planId, ms FROM run_files WHERE run_id = ? AND status = 'failed' ORDER BY rowid").all(runId)) as RunFile[]
  }
}
