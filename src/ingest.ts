import { createHash } from 'node:crypto'
import { extname } from 'node:path'
import { ReadError, type Diagnostic, type Format, type SourceDocument } from '../schemas/index.js'
import { detectReader, READERS } from '../parsers/index.js'
import type { OcrOptions } from '../parsers/reader.js'
import { assembleTables } from './assemble/index.js'
import { interpretPlan, type Interpretation } from './interpret/index.js'
import { walkPaths } from './batch/walk.js'
import { conversionTarget, convertLegacy, CONVERTIBLE, findSoffice } from './convert-legacy.js'

/**
 * The pipeline for one file's bytes: reader → SourceDocument → assemble → interpret → Plan.
 * Storing and batches are in ./batch.
 */

export interface ReadOptions {
  /** Use this reader instead of detecting the type. */
  format?: Format
  password?: string
  maxPages?: number
  /** Per-file time limit in milliseconds. */
  timeoutMs?: number
  /** Scanned PDFs: whether and how to OCR them. */
  ocr?: OcrOptions
}

export interface ReadPlanResult {
  document: SourceDocument
  interpretation: Interpretation
  diagnostics: Diagnostic[]
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Reads one file into its document (before interpretation); what `tables` shows. */
export async function readDocument(path: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<{ document: SourceDocument; diagnostics: Diagnostic[] }> {
  const soffice = !options.format && bytes.length > 0 && CONVERTIBLE.has(extname(path).toLowerCase()) ? findSoffice() : null
  if (soffice) {
    const target = conversionTarget(path)
    const converted = convertLegacy(soffice, path, bytes, options.timeoutMs)
    const result = await readDocument(`${path}`, converted, { ...options, format: target })
    const note: Diagnostic = { level: 'info', code: 'CONVERTED', message: `converted from ${extname(path).toLowerCase()} to .${target} with LibreOffice (${soffice})`, page: null }
    return { ...result, diagnostics: [note, ...result.diagnostics] }
  }
  const reader = detectReader(path, bytes, options.format)
  const signal = AbortSignal.timeout(options.timeoutMs ?? 120_000)
  try {
    return await reader.read({ bytes, path, signal, password: options.password, maxPages: options.maxPages, ocr: options.ocr })
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

// Legacy formats are picked up too: converted when LibreOffice is there, else refused by name.
const SUPPORTED_EXTENSIONS = new Set([...READERS.flatMap((r) => r.extensions), ...CONVERTIBLE])

/** Whether a folder walk picks the file up: its extension is one a reader or the converter claims. */
export const isSupportedFile = (path: string): boolean => SUPPORTED_EXTENSIONS.has(extname(path).toLowerCase())

/**
 * Expands folders (recursively, sorted, hidden entries skipped, links followed) to the files with a
 * supported extension; files named directly are kept whatever their extension, so they get a clear error.
 */
export function expandPaths(paths: readonly string[]): string[] {
  return walkPaths(paths, isSupportedFile).files
}
