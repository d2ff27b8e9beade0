import type { Block, Cell, Row, SourceDocument, Table } from '../../schemas/index.js'

/**
 * Format-neutral clean-up between the readers and interpretation: running headers and footers
 * dropped, a table continued over a page break joined to its first part, and a row whose cells the
 * page break cut in two folded back into one row.
 */
export function assembleTables(document: SourceDocument): SourceDocument {
  const running = runningParagraphs(document.blocks)
  const blocks: Block[] = []
  let lastTable: Table | null = null
  document.blocks.forEach((block, i) => {
    if (block.kind === 'paragraph') {
      // A running header between two parts of a table does not end the table.
      if (running.has(i)) return
      blocks.push(block)
      lastTable = null
      return
    }
    if (lastTable && lastTable.columns === block.columns) {
      lastTable.rows.push(...continuationRows(lastTable, block))
      return
    }
    const copy: Table = { ...block, rows: block.rows.map((r) => ({ ...r, cells: [...r.cells] })) }
    blocks.push(copy)
    lastTable = copy
  })
  return { ...document, blocks }
}

const normalise = (text: string): string => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()

/**
 * Paragraph indexes to drop: page numbers, and any paragraph whose text (digits aside) comes back
 * later in the document — a running header or footer. The first of those is kept, as it is often
 * the plan's title.
 */
function runningParagraphs(blocks: readonly Block[]): Set<number> {
  const seen = new Map<string, number>()
  const drop = new Set<number>()
  blocks.forEach((block, i) => {
    if (block.kind !== 'paragraph') return
    const key = normalise(block.text)
    if (/^(?:page\s*)?#(?:\s*(?:of|\/)\s*#)?$/.test(key)) {
      drop.add(i)
      return
    }
    if (seen.has(key)) drop.add(i)
    else seen.set(key, i)
  })
  return drop
}

/** The rows of a continuation table, its first row folded into the previous table's last row when the break cut it. */
function continuationRows(previous: Table, next: Table): Row[] {
  const [first, ...rest] = next.rows
  const last = previous.rows[previous.rows.length - 1]
  if (!first || !last || !isBrokenRow(last, first, next.columns)) return next.rows
  previous.rows[previous.rows.length - 1] = foldRow(last, first)
  return rest
}

function isBrokenRow(above: Row, row: Row, columns: number): boolean {
  const filled = row.cells.filter((c) => c.text.trim())
  if (filled.length === 0 || filled.length > Math.max(1, Math.floor(columns / 3))) return false
  if (filled.some((c) => c.col === 0)) return false
  return filled.every((c) => above.cells.some((a) => a.col === c.col && a.text.trim()))
}

function foldRow(above: Row, fragment: Row): Row {
  const cells = above.cells.map((cell): Cell => {
    const piece = fragment.cells.find((c) => c.col === cell.col && c.text.trim())
    if (!piece) return cell
    // A fragment starting in lower case continues the sentence the break cut; else it is a new line.
    const continues = /^[a-z]/.test(piece.text.trim())
    const lines = [...cell.lines]
    if (continues && lines.length > 0) {
      lines[lines.length - 1] = `${lines[lines.length - 1]} ${piece.lines[0] ?? piece.text}`
      lines.push(...piece.lines.slice(1))
    } else lines.push(...piece.lines)
    return { ...cell, lines, text: lines.join(' ') }
  })
  return { ...above, cells }
}

