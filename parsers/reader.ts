import type { Diagnostic, Format, SourceDocument } from '../schemas/index.js'

/** Options only the PDF reader reads. */
export interface PdfOptions {
  /** Password for an encrypted PDF. */
  password?: string
  /** Refuse a file of more pages than this (hostile or huge files). */
  maxPages?: number
  /** Scanned pages: whether and how to read them by OCR. */
  ocr?: OcrOptions
}

/**
 * Options one reader alone understands, under its format's name: the generic input stays the same
 * for every reader, and a reader reads only its own key.
 */
export interface ReaderOptions {
  pdf?: PdfOptions
}

export interface ReadInput {
  bytes: Uint8Array
  /** The file as named on the command line; used in messages and provenance, never opened again. */
  path: string
  signal?: AbortSignal
  options?: ReaderOptions
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
  /**
   * True when the first bytes could be this format (magic bytes, or for text: valid text). The
   * registry asks it only for a file without a name (standard input); the content signatures that
   * beat a file's name are declared with the reader's registry entry (parsers/index.ts).
   */
  sniff(head: Uint8Array): boolean
  read(input: ReadInput): Promise<ReadResult>
}

/** How the registry recognises a format: by content first, by name second. */
export interface Recognition {
  /** Lower-case extensions with the dot. */
  extensions: readonly string[]
  /**
   * Content that proves the format whatever the file is named (a PDF header, a zip holding
   * xl/workbook.xml); checked before the name. Absent where any text could pass for the format.
   */
  signature?: (bytes: Uint8Array) => boolean
  /**
   * The containers its files come in: a zip or OLE file whose parts prove nothing (damaged,
   * password-protected) is taken at its name when the name is one of these formats.
   */
  containers?: readonly ('zip' | 'ole')[]
}
