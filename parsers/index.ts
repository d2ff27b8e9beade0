import { extname } from 'node:path'
import { ReadError, type Format } from '../schemas/index.js'
import type { Reader, Recognition } from './reader.js'
import { containerOf, zipHasEntry } from './containers.js'
import { LEGACY_FORMATS, type LegacyFormat } from './legacy.js'
import { docxReader } from './docx/index.js'
import { htmlReader } from './html/index.js'
import { pdfReader } from './pdf/index.js'
import { textReader } from './text/index.js'
import { csvReader } from './csv/index.js'
import { xlsxReader } from './xlsx/index.js'

export type { PdfOptions, Reader, ReaderOptions, ReadInput, ReadResult, Recognition } from './reader.js'
export type { LegacyFormat } from './legacy.js'
export { LEGACY_FORMATS } from './legacy.js'

export interface ReaderEntry extends Recognition {
  reader: Reader
}

/**
 * The one place that knows formats. Adding a format is one folder and one line here. Order
 * matters where bytes are weak evidence: for standard input, binary sniffs before text.
 */
export const READER_ENTRIES: readonly ReaderEntry[] = [
  { reader: pdfReader, extensions: pdfReader.extensions, signature: pdfReader.sniff },
  { reader: xlsxReader, extensions: xlsxReader.extensions, signature: (b) => zipHasEntry(b, 'xl/workbook.xml'), containers: ['zip', 'ole'] },
  { reader: docxReader, extensions: docxReader.extensions, signature: (b) => zipHasEntry(b, 'word/document.xml'), containers: ['zip', 'ole'] },
  { reader: htmlReader, extensions: htmlReader.extensions },
  { reader: csvReader, extensions: csvReader.extensions },
  { reader: textReader, extensions: textReader.extensions },
]

export const READERS: readonly Reader[] = READER_ENTRIES.map((e) => e.reader)

/** A zip or OLE file that neither its parts nor its name place goes to the Word reader, which says what it is not. */
const CONTAINER_FALLBACK = docxReader

export const SUPPORTED = READERS.map((r) => `${r.format} (${r.extensions.join(', ')})`).join(', ')

const KNOWN_EXTENSIONS = new Set([...READER_ENTRIES, ...LEGACY_FORMATS].flatMap((e) => e.extensions))

/** Whether a reader or a legacy conversion claims the file's extension (what a folder walk picks up). */
export const isKnownExtension = (path: string): boolean => KNOWN_EXTENSIONS.has(extname(path).toLowerCase())

export function readerFor(format: Format): Reader {
  const reader = READERS.find((r) => r.format === format)
  if (!reader) throw new Error(`no reader for ${format}`)
  return reader
}

/** Standard input read without a name: its type can only come from its content. */
export const STDIN = '-'

export type Detected = { reader: Reader } | { legacy: LegacyFormat }

const detected = (entry: ReaderEntry | LegacyFormat): Detected => ('reader' in entry ? { reader: entry.reader } : { legacy: entry })

/**
 * What a file is: a reader's format, or a legacy one to convert. Content signatures first, so a PDF
 * named .txt is read as a PDF and an .xls named .doc is a workbook; then the name, so a text file
 * named .docx is refused as a corrupt Word file rather than read as text. A file whose extension
 * nothing claims is refused (text sniffing would read almost anything as a one-row plan); only
 * standard input, which has no name, is typed by its content alone.
 */
export function detectFormat(path: string, bytes: Uint8Array, forced?: Format): Detected {
  if (forced) return { reader: readerFor(forced) }
  if (bytes.length === 0) throw new ReadError('EMPTY_FILE', path, 'file is empty (0 bytes)', 'check the download or export finished')
  const ext = extname(path).toLowerCase()
  const entries = [...READER_ENTRIES, ...LEGACY_FORMATS]
  const named = entries.find((e) => e.extensions.includes(ext))
  if (!named && path !== STDIN) throw unsupported(path, ext)
  const proven = entries.find((e) => e.signature?.(bytes))
  if (proven) return detected(proven)
  const container = containerOf(bytes)
  if (container) return named?.containers?.includes(container) ? detected(named) : { reader: CONTAINER_FALLBACK }
  if (named) return detected(named)
  const sniffed = READERS.find((r) => r.sniff(bytes.subarray(0, 4096)))
  if (sniffed) return { reader: sniffed }
  throw unsupported(path, ext)
}

/** The reader for a file; a legacy format is refused with what to do (src/ingest.ts converts it first when it can). */
export function detectReader(path: string, bytes: Uint8Array, forced?: Format): Reader {
  const found = detectFormat(path, bytes, forced)
  if ('legacy' in found) throw legacyRefusal(path, found.legacy)
  return found.reader
}

export const legacyRefusal = (path: string, legacy: LegacyFormat): ReadError => new ReadError('UNSUPPORTED_FORMAT', path, legacy.problem, legacy.hint)

const unsupported = (path: string, ext: string): ReadError =>
  new ReadError('UNSUPPORTED_FORMAT', path, `unsupported file type${ext ? ` (${ext})` : ''}`, `supported types are ${SUPPORTED}; or name a reader with --format`)
