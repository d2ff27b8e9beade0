import { extname } from 'node:path'
import { ReadError, type Diagnostic, type SourceDocument } from '../../schemas/index.js'
import type { Reader } from '../reader.js'
import { controlShare, decodeText } from '../text/decode.js'
import { gridToBlocks, type Grid } from '../xlsx/grid-blocks.js'

/**
 * A tracker saved as .csv (or .tsv): fast-csv parses the fields (quotes, doubled quotes, line
 * breaks inside a quoted field), the bytes decoded as the text reader does (UTF-8 with or without
 * a BOM, else windows-1252, which Excel on Windows writes for "CSV (Comma delimited)"). The rows
 * then go the way of a spreadsheet sheet: title rows above the header as paragraphs, the rest one
 * table. Chosen by extension only: a CSV cannot be told from pasted text by its content.
 */

/** The delimiter of a .csv: Excel writes ";" where the decimal separator is a comma. Counted outside quotes on the first line. */
export function guessDelimiter(text: string, ext: string): string {
  if (ext === '.tsv') return '\t'
  const line = (text.split('\n').find((l) => l.trim()) ?? '').replace(/"[^"]*"/g, '')
  const counts = [',', ';', '\t'].map((d) => ({ d, n: line.split(d).length - 1 }))
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a))
  return best.n > 0 ? best.d : ','
}

async function parseRows(text: string, delimiter: string, path: string): Promise<string[][]> {
  // Loaded by the first CSV read, not by every run that imports the registry.
  const { parseString } = await import('fast-csv')
  return new Promise((resolve, reject) => {
    const rows: string[][] = []
    parseString<string[], string[]>(text, { delimiter, quote: '"', escape: '"', ignoreEmpty: false })
      .on('error', (error) => reject(new ReadError('CORRUPT', path, `damaged CSV file (${error.message})`, 'open it in a spreadsheet and save it again as CSV', { cause: error })))
      .on('data', (row: string[]) => rows.push(row))
      .on('end', () => resolve(rows))
  })
}

const fold = (t: string): string => t.replace(/[ \t\u00a0]+/g, ' ').trim()

export function rowsToGrid(rows: readonly string[][]): Grid {
  const width = Math.max(0, ...rows.map((r) => r.length))
  return rows.map((fields) =>
    Array.from({ length: width }, (_, col) => {
      const lines = (fields[col] ?? '').split('\n').map(fold).filter(Boolean)
      return { text: lines.join(' '), lines, bold: false, boldLead: null, fill: null, rowSpan: 1, colSpan: 1 }
    }),
  )
}

export async function readCsv(bytes: Uint8Array, path: string): Promise<{ document: SourceDocument; diagnostics: Diagnostic[] }> {
  if (bytes.length === 0) throw new ReadError('EMPTY_FILE', path, 'file is empty (0 bytes)', 'check the download or export finished')
  if (bytes.includes(0) || controlShare(bytes.subarray(0, 65536)) > 0.05) {
    throw new ReadError('CORRUPT', path, 'not a CSV file (binary content)', 'check the file type; a workbook should be named .xlsx')
  }
  const text = decodeText(bytes)
  if (!text.trim()) throw new ReadError('EMPTY_FILE', path, 'file holds only white space', 'check the export finished')
  const ext = extname(path).toLowerCase()
  const rows = await parseRows(text, guessDelimiter(text, ext), path)
  const { blocks, hasTable } = gridToBlocks(rowsToGrid(rows), 0, undefined)
  if (!hasTable) throw new ReadError('NO_TABLES', path, 'no row of the CSV file has two filled fields', 'check the delimiter and that this is the tracker')
  return { document: { format: 'csv', pages: null, title: null, blocks }, diagnostics: [] }
}

export const csvReader: Reader = {
  format: 'csv',
  extensions: ['.csv', '.tsv'],
  sniff: () => false,
  read: ({ bytes, path }) => readCsv(bytes, path),
}
