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
