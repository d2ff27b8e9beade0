import { ReadError, type Block, type Cell, type Diagnostic, type SourceDocument } from '../../schemas/index.js'
import type { Reader } from '../reader.js'
import { cleanCell } from './cell-markup.js'
import { controlShare, decodeText, isUtf8 } from './decode.js'
import { classifyLines } from './rows.js'

/**
 * Pasted text, as a person gets it by copying a plan out of Word or a PDF: a line with a TAB is a
 * table row and consecutive rows form a table; a blank line, a line of prose or a pasted border
 * (`--\t--`) ends the table; every other line is a paragraph. See ../shared/seeds for real input.
 */

function isBinary(bytes: Uint8Array): boolean {
  return bytes.includes(0) || controlShare(bytes.subarray(0, 65536)) > 0.05
}

function toCell(raw: string, table: number, row: number, col: number): Cell {
  const { lines, bold, boldLead } = cleanCell(raw)
  return { text: lines.join(' '), lines, col, rowSpan: 1, colSpan: 1, fill: null, bold, boldLead, provenance: { page: null, bbox: null, table, row, col } }
}

/** Paragraph lines with markdown-ish decoration: `**bold**` (possibly over several lines), `## heading`. */
function paragraphs(lines: readonly string[], boldOpen: { value: boolean }): Block[] {
  const out: Block[] = []
  for (const line of lines) {
    const t = line.trim()
    if (!t || /^(?:-{3,}|\*{3,}|_{3,})$/.test(t)) continue
    const heading = t.match(/^(#{1,6})\s+/)
    const bullet = /^(?:[•▪◦·]|-\s)/.test(t)
    const body = t.replace(/^#{1,6}\s+/, '').replace(/^(?:[•▪◦·]|-\s)\s*/, '')
    // A bold span may open on one line and close on a later one.
    const cleaned = cleanCell(boldOpen.value ? `**${body}` : body)
    if (((t.match(/\*\*/g) ?? []).length) % 2 === 1) boldOpen.value = !boldOpen.value
    const text = cleaned.lines.join(' ')
    if (!text) continue
    out.push({ kind: 'paragraph', text, bold: cleaned.bold, heading: heading ? heading[1]!.length : null, listItem: bullet, provenance: { page: null, bbox: null } })
  }
  return out
}

export function readText(text: string): { document: SourceDocument; rows: number } {
  const blocks: Block[] = []
  const boldOpen = { value: false }
  let pending: string[][] = []
  let prose: string[] = []
  let tableIndex = 0
  let rowCount = 0
  const flushProse = (): void => {
    blocks.push(...paragraphs(prose, boldOpen))
    prose = []
  }
  const flushTable = (): void => {
    if (pending.length === 0) return
    const columns = Math.max(...pending.map((r) => r.length))
    const index = tableIndex
    blocks.push({
      kind: 'table',
      index,
      columns,
      provenance: { page: null, bbox: null },
      rows: pending.map((fields, row) => ({
        header: false,
        cells: Array.from({ length: columns }, (_, col) => toCell(fields[col] ?? '', index, row, col)),
      })),
    })
    rowCount += pending.length
    tableIndex += 1
    pending = []
  }
  for (const line of classifyLines(text)) {
    if (line.kind === 'line') {
      flushTable()
      prose.push(line.text)
      continue
    }
    flushProse()
    if (line.kind === 'border') flushTable()
    else pending.push(line.fields)
  }
  flushTable()
  flushProse()
  return { document: { format: 'text', pages: null, title: null, blocks }, rows: rowCount }
}

export const textReader: Reader = {
  format: 'text',
  extensions: ['.txt', '.text', '.md'],
  sniff(head) {
    if (head.length === 0 || head.includes(0)) return false
    return isUtf8(head, true) || controlShare(head) < 0.01
  },
  async read({ bytes, path }) {
    if (bytes.length === 0) throw new ReadError('EMPTY_FILE', path, 'file is empty (0 bytes)', 'check the download or the copy finished')
    if (isBinary(bytes)) throw new ReadError('CORRUPT', path, 'not a text file (binary content)', 'check the file type, or name the reader with --format')
    const text = decodeText(bytes)
    if (!text.trim()) throw new ReadError('EMPTY_FILE', path, 'file holds only white space', 'check the copy finished')
    const { document, rows } = readText(text)
    const diagnostics: Diagnostic[] = []
    if (rows === 0) {
      diagnostics.push({ level: 'warning', code: 'NO_TABLE_ROWS', message: 'no tab-separated rows: pasted tables keep a TAB between cells', page: null })
    }
    return { document, diagnostics }
  },
}
