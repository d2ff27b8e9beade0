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

/** The code of a file skipped because it failed before with the same bytes. */
export const KNOWN_FAILURE = 'KNOWN_FAILURE'

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

export interface FileOptions extends ParseOptions {
  /** The name to record for standard input ("-"), which sets its type as an extension would. */
  stdinName?: string
  /** SHA-256 of files that failed in an earlier run read the same way: skipped as known failures. */
  knownFailures?: ReadonlySet<string>
}

export interface IngestOptions extends FileOptions {
  /** Worker threads; 0 parses in this thread. Default: none for a small batch, else the number of cores. */
  jobs?: number
  /** Try files that failed before with the same bytes again, instead of skipping them. */
  retryFailed?: boolean
  onRun?: (runId: number) => void
  /** Arguments to record with the run. */
  args?: readonly string[]
  onFile?: (outcome: FileOutcome, done: number, total: number) => void
  onStart?: (path: string) => void
}

export interface IngestSummary {
  runId: number
  imported: number
  /** Skipped because already stored (known failures are counted apart). */
  skipped: number
  failed: number
  knownFailures: number
  pages: number
  ms: number
  /** The worker threads the run used (0: parsed in this thread). */
  jobs: number
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
export async function ingestFile(file: string, store: Store, parser: Parser = inProcessParser, options: FileOptions = {}): Promise<FileOutcome & { sha256: string | null }> {
  const started = performance.now()
  let sha256: string | null = null
  const { stdinName, knownFailures, ...parseOptions } = options
  // Standard input is read as "-" but known, parsed and stored by the name given for it.
  const path = file === '-' && stdinName ? stdinName : file
  const outcome = (fields: Partial<FileOutcome> & Pick<FileOutcome, 'status'>): FileOutcome & { sha256: string | null } => ({
    path, message: null, code: null, planId: null, revision: null, recommendations: 0, actions: 0, coverage: null, pages: null, diagnostics: [],
    ms: Math.round(performance.now() - started), sha256, ...fields,
  })
  try {
    const bytes = readInput(file)
    sha256 = sha256Of(bytes)
    if (bytes.length > 0 && (await store.knownFile(sha256, path))) return outcome({ status: 'skipped', message: 'already imported (same bytes)' })
    if (knownFailures?.has(sha256)) return outcome({ status: 'skipped', code: KNOWN_FAILURE, message: 'known failure, skipped (it failed before with the same bytes; --retry-failed tries it again)' })
    const { plan, diagnostics } = await parser.parse(path, bytes, parseOptions)
    // The file's time orders revisions that carry no date or version of their own.
    const modifiedAt = file === '-' ? null : (statSync(file, { throwIfNoEntry: false })?.mtime.toISOString() ?? null)
    // Both parsers return interpretPlan's plans, which it validated (a worker's arrive as a structured copy).
    const stored = await store.importPlan(plan, { modifiedAt, validated: true })
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

/**
 * Below this many bytes of input a batch is parsed in this thread by default: starting a worker
 * (each loads every reader) costs more than it saves on a few small files. See README, "--jobs".
 */
export const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024

/** The bytes a batch will read; standard input and missing files count as nothing. */
function batchBytes(files: readonly string[]): number {
  return files.reduce((n, f) => n + (f === '-' ? 0 : (statSync(f, { throwIfNoEntry: false })?.size ?? 0)), 0)
}

/** Worker threads for a batch when --jobs is not given: none for a small batch, else one per core (at most one per file). */
export function defaultJobs(files: readonly string[]): number {
  if (files.length < 2 || batchBytes(files) < WORKER_THRESHOLD_BYTES) return 0
  return Math.min(availableParallelism(), files.length)
}

/** The flags that change how a file is read: a file that failed is worth trying again when one of them changes. */
const READ_FLAGS = ['--format', '--password', '--timeout', '--max-pages', '--ocr']

/** The read flags' values in an argument list (`--flag value` or `--flag=value`), as one comparable string. */
export function readSettings(args: readonly string[]): string {
  const values = READ_FLAGS.map((flag) => {
    let value: string | null = null
    args.forEach((arg, i) => {
      if (arg === flag) value = args[i + 1] ?? null
      else if (arg.startsWith(`${flag}=`)) value = arg.slice(flag.length + 1)
    })
    return value
  })
  return JSON.stringify(values)
}

/** Files that failed before, in a run that read them as this one will. */
async function knownFailures(store: Store, args: readonly string[]): Promise<Set<string>> {
  const settings = readSettings(args)
  const known = new Set<string>()
  for (const [sha256, runs] of await store.runs.failedBefore()) if (runs.some((a) => readSettings(a) === settings)) known.add(sha256)
  return known
}

export async function runIngest(files: readonly string[], store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now()
  const jobs = Math.max(0, options.jobs ?? defaultJobs(files))
  // Standard input can be read only once, by this thread, so it never goes to a worker either way.
  const parser: Parser = jobs > 0 && ParsePool.available() ? new ParsePool(jobs) : inProcessParser
  const runId = await store.runs.start(options.args ?? files, files.length)
  options.onRun?.(runId)
  const summary: IngestSummary = { runId, imported: 0, skipped: 0, failed: 0, knownFailures: 0, pages: 0, ms: 0, jobs: parser === inProcessParser ? 0 : jobs }
  const ocr = options.pdf?.ocr
  const parseOptions: FileOptions = {
    format: options.format, timeoutMs: options.timeoutMs, stdinName: options.stdinName,
    // Files read in worker threads are already read side by side: one OCR worker each. Read in
    // this thread, a scan's pages are recognised side by side instead (--jobs 0: one at a time).
    pdf: options.pdf && { ...options.pdf, ocr: ocr && { ...ocr, jobs: ocr.jobs ?? (parser !== inProcessParser || options.jobs === 0 ? 1 : availableParallelism()) } },
    knownFailures: options.retryFailed ? undefined : await knownFailures(store, options.args ?? []),
  }
  let next = 0
  let done = 0
  // As many files in flight as workers: bytes in memory stay bounded whatever the number of files.
  const lane = async (): Promise<void> => {
    while (next < files.length) {
      const path = files[next++]!
      options.onStart?.(path)
      const outcome = await ingestFile(path, store, parser, parseOptions)
      if (outcome.code === KNOWN_FAILURE) summary.knownFailures += 1
      else summary[outcome.status] += 1
      summary.pages += outcome.pages ?? 0
      await store.runs.file(runId, { path: outcome.path, sha256: outcome.sha256, status: outcome.status, code: outcome.code, message: outcome.message, planId: outcome.planId, ms: outcome.ms, diagnostics: outcome.diagnostics })
      done += 1
      const { sha256: _sha, ...visible } = outcome
      options.onFile?.(visible, done, files.length)
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.max(1, jobs) }, lane))
  } finally {
    await parser.close()
    await store.runs.end(runId)
  }
  summary.ms = Math.round(performance.now() - started)
  return summary
}
