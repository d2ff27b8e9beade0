import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import { ReadError, toReadError, type Diagnostic, type Format, type Plan, type SourceDocument } from '../schemas/index.js'
import { detectReader, READERS } from '../parsers/index.js'
import { assembleTables } from './assemble/index.js'
import { interpretPlan, type Interpretation } from './interpret/index.js'
import type { Store } from './store/index.js'

/**
 * The pipeline, file by file: bytes → reader → SourceDocument → assemble → interpret → Plan →
 * store. Each file is stored whole or not at all, and a bad file never stops the batch.
 */

export interface ReadOptions {
  /** Use this reader instead of detecting the type. */
  format?: Format
  password?: string
  maxPages?: number
  /** Per-file time limit in milliseconds. */
  timeoutMs?: number
}

export interface ReadPlanResult {
  document: SourceDocument
  interpretation: Interpretation
  diagnostics: Diagnostic[]
}

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

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Reads one file into its document (before interpretation); what `tables` shows. */
export async function readDocument(path: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<{ document: SourceDocument; diagnostics: Diagnostic[] }> {
  const reader = detectReader(path, bytes, options.format)
  const signal = AbortSignal.timeout(options.timeoutMs ?? 120_000)
  try {
    return await reader.read({ bytes, path, signal, password: options.password, maxPages: options.maxPages })
  } catch (error) {
    if (signal.aborted && !(error instanceof ReadError)) {
      throw new ReadError('TIMEOUT', path, `reading took longer than ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s`, 'raise --timeout or split the file', { cause: error })
    }
    throw error
  }
}

/** Reads and interprets one file, whatever it yields (what `explain` shows, even for a file that holds no plan). */
export async function interpretFile(path: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadPlanResult & { tables: number }> {
  const { document, diagnostics } = await readDocument(path, bytes, options)
  const assembled = assembleTables(document)
  const tables = assembled.blocks.filter((b) => b.kind === 'table').length
  const interpretation = interpretPlan(assembled, { path, sha256: sha256Of(bytes), format: document.format, pages: document.pages })
  return { document: assembled, interpretation, diagnostics: [...diagnostics, ...interpretation.diagnostics], tables }
}

/** Reads and interprets one file. Throws ReadError when the file holds no plan. */
export async function readPlan(path: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadPlanResult> {
  const { tables, ...result } = await interpretFile(path, bytes, options)
  if (tables === 0) {
    throw new ReadError('NO_TABLES', path, 'no tables found, so no action plan to read', 'check this is an action plan; `actionplan tables <file>` shows what was read')
  }
  if (result.interpretation.plan.recommendations.length === 0) {
    throw new ReadError('NO_TABLES', path, `${tables} table(s) but no recommendations or actions in them`, '`actionplan explain <file>` shows how each row was read')
  }
  return result
}

const SUPPORTED_EXTENSIONS = new Set(READERS.flatMap((r) => r.extensions))

/**
 * Expands folders (recursively, sorted, hidden entries skipped) to the files with a supported
 * extension; files named directly are kept whatever their extension, so they get a clear error.
 */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && SUPPORTED_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full)
    }
  }
  for (const path of paths) {
    if (path !== '-' && statSync(path, { throwIfNoEntry: false })?.isDirectory()) walk(path)
    else out.push(path)
  }
  return out
}

function readInput(path: string): Uint8Array {
  if (path === '-') return readFileSync(0)
  try {
    return readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const problem = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read the file (${code ?? 'error'})`
    throw new ReadError('CORRUPT', path, problem, 'check the path', { cause: error })
  }
}

const countActions = (plan: Plan): number => plan.recommendations.reduce((n, r) => n + r.actions.length, 0)

/** Imports one file into the store; never throws for bad input. */
export async function ingestFile(path: string, store: Store, options: ReadOptions = {}): Promise<FileOutcome> {
  const started = performance.now()
  const outcome = (fields: Partial<FileOutcome> & Pick<FileOutcome, 'status'>): FileOutcome => ({
    path, message: null, code: null, planId: null, revision: null, recommendations: 0, actions: 0, coverage: null, pages: null, diagnostics: [],
    ms: Math.round(performance.now() - started), ...fields,
  })
  try {
    const bytes = readInput(path)
    if (bytes.length > 0 && store.hasSource(sha256Of(bytes))) {
      return outcome({ status: 'skipped', message: 'already imported (same bytes)' })
    }
    const { interpretation, diagnostics } = await readPlan(path, bytes, options)
    const { plan } = interpretation
    const stored = store.importPlan(plan)
    return outcome({
      status: stored.outcome === 'imported' ? 'imported' : 'skipped',
      message: stored.outcome === 'imported' ? null : 'already imported (same bytes)',
      planId: stored.planId,
      revision: stored.revision,
      recommendations: plan.recommendations.length,
      actions: countActions(plan),
      coverage: plan.coverage,
      pages: plan.source.pages,
      diagnostics,
    })
  } catch (error) {
    const readError = toReadError(path, error)
    return outcome({ status: 'failed', message: readError.message, code: readError.code })
  }
}
