import { readFileSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { ReadError, toReadError, type Diagnostic, type Plan } from '../../schemas/index.js'
import { sha256Of } from '../ingest.js'
import type { Store } from '../store/index.js'
import type { ParseOptions } from './messages.js'
import { inProcessParser, ParsePool, type Parser } from './parse-pool.js'

/**
 * A batch import: each file is read and hashed here, parsed by a worker (or in this thread), and
 * stored here, one writer, one transaction per file. A bad file never stops the batch, and every
 * outcome is written to the run log as it happens, so a run killed half way loses nothing done.
 */

export type FileStatus = 'imported' | 'skipped' | 'failed'

export interface FileOutcome {
  path: string
  status: FileStatus
  /** Why a file was skipped or failed, in one line. */
  message: string | null
  code: string | null
  planId: string | null
  revision: number | null
  recommendations: number
  actions: number
  coverage: number | null
  pages: number | null
  diagnostics: Diagnostic[]
  ms: number
}

export interface IngestOptions extends ParseOptions {
  /** Worker threads; 0 parses in this thread. Default: the number of cores. */
  jobs?: number
  /** Arguments to record with the run. */
  args?: readonly string[]
  onFile?: (outcome: FileOutcome, done: number, total: number) => void
  onStart?: (path: string) => void
}

export interface IngestSummary {
  runId: number
  imported: number
  skipped: number
  failed: number
  pages: number
  ms: number
}

function readInput(path: string): Uint8Array {
  if (path === '-') return readFileSync(0)
  try {
    return readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const problem = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : `cannot read the file (${code ?? 'error'})`
    throw new ReadError('CORRUPT', path, problem, 'check the path', { cause: error })
  }
}

const countActions = (plan: Plan): number => plan.recommendations.reduce((n, r) => n + r.actions.length, 0)

/** Imports one file; never throws for bad input. */
export async function ingestFile(path: string, store: Store, parser: Parser = inProcessParser, options: ParseOptions = {}): Promise<FileOutcome & { sha256: string | null }> {
  const started = performance.now()
  let sha256: string | null = null
  const outcome = (fields: Partial<FileOutcome> & Pick<FileOutcome, 'status'>): FileOutcome & { sha256: string | null } => ({
    path, message: null, code: null, planId: null, revision: null, recommendations: 0, actions: 0, coverage: null, pages: null, diagnostics: [],
    ms: Math.round(performance.now() - started), sha256, ...fields,
  })
  try {
    const bytes = readInput(path)
    sha256 = sha256Of(bytes)
    if (bytes.length > 0 && store.knownFile(sha256, path)) return outcome({ status: 'skipped', message: 'already imported (same bytes)' })
    const { plan, diagnostics } = await parser.parse(path, bytes, options)
    // The file's time orders revisions that carry no date or version of their own.
    const modifiedAt = path === '-' ? null : (statSync(path, { throwIfNoEntry: false })?.mtime.toISOString() ?? null)
    const stored = store.importPlan(plan, { modifiedAt })
    const imported = stored.outcome === 'imported'
    return outcome({
      status: imported ? 'imported' : 'skipped',
      message: imported ? (stored.renditionOf ? `same content as plan ${stored.renditionOf}: listed as another rendition of revision ${stored.revision}` : null) : 'already imported (same bytes), by another run',
      planId: stored.planId, revision: stored.revision, recommendations: plan.recommendations.length, actions: countActions(plan),
      coverage: plan.coverage, pages: plan.source.pages, diagnostics,
    })
  } catch (error) {
    const readError = toReadError(path, error)
    return outcome({ status: 'failed', message: readError.message, code: readError.code })
  }
}

export async function runIngest(files: readonly string[], store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now()
  const jobs = Math.max(0, options.jobs ?? availableParallelism())
  // Standard input can be read only once, by this thread, so it never goes to a worker either way.
  const parser: Parser = jobs > 0 && ParsePool.available() ? new ParsePool(jobs) : inProcessParser
  const runId = store.runs.start(options.args ?? files, files.length)
  const summary: IngestSummary = { runId, imported: 0, skipped: 0, failed: 0, pages: 0, ms: 0 }
  const parseOptions: ParseOptions = { format: options.format, password: options.password, maxPages: options.maxPages, timeoutMs: options.timeoutMs }
  let next = 0
  let done = 0
  // As many files in flight as workers: bytes in memory stay bounded whatever the number of files.
  const lane = async (): Promise<void> => {
    while (next < files.length) {
      const path = files[next++]!
      options.onStart?.(path)
      const outcome = await ingestFile(path, store, parser, parseOptions)
      summary[outcome.status] += 1
      summary.pages += outcome.pages ?? 0
      store.runs.file(runId, { path, sha256: outcome.sha256, status: outcome.status, code: outcome.code, message: outcome.message, planId: outcome.planId, ms: outcome.ms })
      done += 1
      const { sha256: _sha, ...visible } = outcome
      options.onFile?.(visible, done, files.length)
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.max(1, jobs) }, lane))
  } finally {
    await parser.close()
    store.runs.end(runId)
  }
  summary.ms = Math.round(performance.now() - started)
  return summary
}
