import type { Block, Cell, SourceDocument, Table } from '../../schemas/index.js'

/** Small SourceDocuments by hand: each table a list of rows of cell texts ('' for empty). */
export function cell(text: string, table: number, row: number, col: number, extra: Partial<Cell> = {}): Cell {
  const lines = text ? text.split('\n').map((l) => l.trim()).filter(Boolean) : []
  return { text: lines.join(' '), lines, col, rowSpan: 1, colSpan: 1, fill: null, bold: false, boldLead: null, provenance: { page: 1, bbox: null, table, row, col }, ...extra }
}

export function table(index: number, rows: string[][], cellExtra: (row: number, col: number) => Partial<Cell> = () => ({})): Table {
  const columns = Math.max(...rows.map((r) => r.length))
  return {
    kind: 'table', index, columns, provenance: { page: 1, bbox: null },
    rows: rows.map((r, ri) => ({ header: false, cells: Array.from({ length: columns }, (_, c) => cell(r[c] ?? '', index, ri, c, cellExtra(ri, c))) })),
  }
}

export const paragraph = (text: string, bold = false): Block => ({ kind: 'paragraph', text, bold, heading: null, listItem: false, provenance: { page: 1, bbox: null } })

export const documentOf = (blocks: Block[]): SourceDocument => ({ format: 'docx', pages: null, title: null, blocks })

export const SOURCE = { path: 'test.docx', sha256: 'b'.repeat(64), format: 'docx' as const, pages: null }
