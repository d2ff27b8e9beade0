import type { Diagnostic, Format, SourceDocument } from '../schemas/index.js'

export interface ReadInput {
  bytes: Uint8Array
  /** The file as named on the command line; used in messages and provenance, never opened again. */
  path: string
  signal?: AbortSignal
  /** Password for encrypted PDFs. */
  password?: string
  /** Stop after this many pages (hostile or huge files). */
  maxPages?: number
  /** Scanned PDF pages: whether and how to read them by OCR. */
  ocr?: OcrOptions
}

export interface OcrOptions {
  /** auto (default): pages with no text layer; off: none; force: every page that has a scan. */
  mode?: 'auto' | 'off' | 'force'
  /** OCR workers for the file (default 1). */
  jobs?: number
  /** Write per-page progress to stderr (for a terminal). */
  progress?: boolean
}

export interface ReadResult {
  document: SourceDocument
  diagnostics: Diagnostic[]
}

/**
 * A reader turns the bytes of one format into a SourceDocument and knows nothing about action
 * plans. A file that cannot be read throws ReadError; anything merely odd is a diagnostic.
 */
export interface Reader {
  format: Format
  /** Lower-case extensions with the dot, e.g. ['.pdf']. */
  extensions: readonly string[]
  /** True when the first bytes of a file look like this format (magic bytes, or for text: valid text). */
  sniff(head: Uint8Array): boolean
  read(input: ReadInput): Promise<ReadResult>
}
