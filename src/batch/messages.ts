import { ReadError, type Diagnostic, type ErrorCode, type Plan } from '../../schemas/index.js'
import type { OcrOptions } from '../../parsers/reader.js'

/** What the main thread and a parse worker say to each other. Plain data: it crosses a thread boundary. */

export interface ParseOptions {
  format?: Plan['source']['format']
  password?: string
  maxPages?: number
  timeoutMs?: number
  ocr?: OcrOptions
}

export interface ParseRequest {
  id: number
  path: string
  bytes: Uint8Array
  options: ParseOptions
}

export interface ParseError {
  code: ErrorCode
  file: string
  problem: string
  hint: string
  page: number | null
}

export type ParseReply = { id: number; ok: true; plan: Plan; diagnostics: Diagnostic[] } | { id: number; ok: false; error: ParseError }

export const toParseError = (e: ReadError): ParseError => ({ code: e.code, file: e.file, problem: e.problem, hint: e.hint, page: e.page })
export const fromParseError = (e: ParseError): ReadError => new ReadError(e.code, e.file, e.problem, e.hint, { page: e.page })
