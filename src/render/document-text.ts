import type { Block, Cell, SourceDocument } from '../../schemas/index.js'

/**
 * A reader's whole document as text a person can review line by line: every paragraph (with its
 * heading level, bold and list marks) and every table cell in reading order, with the line breaks
 * inside a cell shown as ⏎. The reader goldens keep this beside tables.json, so a change to the
 * running text or to how a cell's paragraphs are split shows up, not only a change of grid.
 */
export function renderDocumentText(document: SourceDocument): string {
  const head = [`format ${document.format}`, document.pages === null ? null : `${document.pages} pages`, document.title ? `title "${document.title}"` : null]
  const ocr = document.ocr?.map((p) => `p${p.page} ${p.confidence.toFixed(2)}`).join(', ')
  const lines = [head.filter(Boolean).join(', ') + (ocr ? `, OCR ${ocr}` : '')]
  for (const block of document.blocks) lines.push(...blockLines(block))
  return `${lines.join('\n')}\n`
}

const where = (block: Block): string => {
  const p = block.provenance
  return p.sheet !== undefined ? `[${p.sheet}]` : p.page === null ? '' : `p${p.page}`
}

const at = (block: Block, text: string): string => (where(block) ? `${where(block)} ${text}` : text)

function blockLines(block: Block): string[] {
  if (block.kind === 'paragraph') {
    const marks = [block.heading === null ? null : `h${block.heading}`, block.bold ? 'bold' : null, block.listItem ? 'list' : null].filter(Boolean)
    return [at(block, `¶${marks.length ? ` (${marks.join(' ')})` : ''} ${block.text}`)]
  }
  const lines = [at(block, `table ${block.index}: ${block.columns} columns, ${block.rows.length} rows${block.detector ? `, ${block.detector}` : ''}`)]
  block.rows.forEach((row, r) => {
    lines.push(`  row ${r}${row.header ? ' (header)' : ''}`)
    for (const cell of row.cells) if (cell.lines.length > 0 || cell.fill) lines.push(`    ${cellLine(cell)}`)
  })
  return lines
}

function cellLine(cell: Cell): string {
  const span = [cell.colSpan > 1 ? `→${cell.colSpan}` : null, cell.rowSpan > 1 ? `↓${cell.rowSpan}` : null].filter(Boolean).join('')
  const marks = [cell.fill, cell.bold ? 'bold' : cell.boldLead ? `bold "${cell.boldLead}"` : null].filter(Boolean)
  return `c${cell.col}${span}${marks.length ? ` (${marks.join(', ')})` : ''}: ${cell.lines.join(' ⏎ ')}`
}
