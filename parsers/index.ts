import { extname } from 'node:path'
import { ReadError, type Format } from '../schemas/index.js'
import type { Reader } from './reader.js'
import { docxReader } from './docx/index.js'
import { htmlReader } from './html/index.js'
import { pdfReader } from './pdf/index.js'
import { textReader } from './text/index.js'
import { csvReader } from './csv/index.js'
import { spreadsheetByContent, xlsxReader } from './xlsx/index.js'

export type { Reader, ReadInput, ReadResult } from './reader.js'

/** Adding a format is one folder and one line here. Order matters: binary signatures before text. */
export const READERS: readonly Reader[] = [pdfReader, xlsxReader, docxReader, htmlReader, csvReader, textReader]

/** Extensions we recognise but cannot read, with what to do instead. */
const LEGACY: Record<string, string> = {
  '.doc': 'legacy Word .doc is not supported; save it as .docx',
  '.odt': 'OpenDocument .odt is not supported; save it as .docx',
  '.rtf': 'RTF is not supported; save it as .docx',
  '.xls': 'legacy Excel .xls is not supported; save it as .xlsx',
  '.ods': 'OpenDocument spreadsheet .ods is not supported; save it as .xlsx',
}

export const SUPPORTED = READERS.map((r) => `${r.format} (${r.extensions.join(', ')})`).join(', ')

export function readerFor(format: Format): Reader {
  const reader = READERS.find((r) => r.format === format)
  if (!reader) throw new Error(`no reader for ${format}`)
  return reader
}

/** Standard input read without a name: its type can only come from its content. */
export const STDIN = '-'

/**
 * Picks the reader for a file: magic bytes first, extension second, so a PDF named .txt is read as
 * a PDF and a text file named .docx is refused as a corrupt Word file rather than read as text. A
 * file whose extension no reader claims is refused (text sniffing would read almost anything as a
 * one-row plan); only standard input, which has no name, is typed by its content alone.
 */
export function detectReader(path: string, bytes: Uint8Array, forced?: Format): Reader {
  if (forced) return readerFor(forced)
  if (bytes.length === 0) throw new ReadError('EMPTY_FILE', path, 'file is empty (0 bytes)', 'check the download or export finished')
  const head = bytes.subarray(0, 4096)
  const ext = extname(path).toLowerCase()
  const byExtension = READERS.find((r) => r.extensions.includes(ext))
  const legacy = LEGACY[ext]
  if (!byExtension && !legacy && path !== STDIN) throw unsupported(path, ext)
  // Binary signatures are decisive; text sniffing is weak (many formats are valid UTF-8), so the
  // extension wins over it.
  // A workbook and a Word file are both zips (and both OLE files when encrypted): the workbook is
  // told by its xl/workbook.xml part, or for an OLE file by its name.
  if (spreadsheetByContent(bytes, ext)) return xlsxReader
  // An .ods is a zip too: refuse it by name before the Word reader calls it a damaged Word file.
  if (ext === '.ods' || ext === '.xls') throw new ReadError('UNSUPPORTED_FORMAT', path, LEGACY[ext]!, `supported types are ${SUPPORTED}`)
  const binary = READERS.filter((r) => r.format === 'pdf' || r.format === 'docx').find((r) => r.sniff(head))
  if (binary) return binary
  if (byExtension) return byExtension
  if (legacy) throw new ReadError('UNSUPPORTED_FORMAT', path, legacy, `supported types are ${SUPPORTED}`)
  const sniffed = READERS.find((r) => r.sniff(head))
  if (sniffed) return sniffed
  throw unsupported(path, ext)
}

const unsupported = (path: string, ext: string): ReadError =>
  new ReadError('UNSUPPORTED_FORMAT', path, `unsupported file type${ext ? ` (${ext})` : ''}`, `supported types are ${SUPPORTED}; or name a reader with --format`)
