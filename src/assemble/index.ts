import type { Block, Row, SourceDocument, Table } from '../../schemas/index.js'
import { continuesOverPage, foldCutRows, foldRow } from './fold-rows.js'

/**
 * Format-neutral clean-up between the readers and interpretation: running headers and footers
 * dropped, a table continued over a page break joined to its first part, and a row that a page
 * break or a stray row break cut in two folded back into one row (fold-rows.ts, the only stage
 * that folds rows).
 */
export function assembleTables(document: SourceDocument): SourceDocument {
  const { running, drop } = runningParagraphs(document.blocks)
  const blocks: Block[] = []
  let lastTable: Table | null = null
  document.blocks.forEach((block, i) => {
    if (block.kind === 'paragraph') {
      if (!drop.has(i)) blocks.push(block)
      // A running header or footer between two parts of a table does not end the table, even
      // the first copy of it, which is kept (it is often the plan's title).
      if (!running.has(i)) lastTable = null
      return
    }
    if (lastTable && lastTable.columns === block.columns) {
      lastTable.rows.push(...continuationRows(lastTable, block))
      if (block.detector) lastTable.because = [...(lastTable.because ?? []), `continued on page ${block.provenance.page ?? '?'} (${block.detector})`]
      return
    }
    const copy: Table = { ...block, rows: block.rows.map((r) => ({ ...r, cells: [...r.cells] })) }
    blocks.push(copy)
    lastTable = copy
  })
  return { ...document, blocks: blocks.map((b) => (b.kind === 'table' ? { ...b, rows: foldCutRows(b.rows) } : b)) }
}

const NUMBERED_HEADING = /^(?:recommendations?|rec|area\s+for\s+(?:improvement|development)|finding|issue|priority|theme|section|afi|r)\s*\d+(?:\.\d+)*[a-z]?\b/i

const normalise = (text: string): string => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()

/**
 * Running headers and footers: page numbers, and any paragraph whose text (digits aside) comes
 * back later in the document. All of them are `running`; all but the first copy are dropped.
 */
function runningParagraphs(blocks: readonly Block[]): { running: Set<number>; drop: Set<number> } {
  const copies = new Map<string, number[]>()
  const running = new Set<number>()
  const drop = new Set<number>()
  blocks.forEach((block, i) => {
    if (block.kind !== 'paragraph') return
    // "Recommendation 1" … "Recommendation 2", "Priority 3: …": numbered headings differ only in
    // their digits, as page footers do, but each opens a part of the plan and is never repeated.
    if (block.heading !== null || NUMBERED_HEADING.test(block.text.trim())) return
    const key = normalise(block.text)
    if (/^(?:page\s*)?#(?:\s*(?:of|\/)\s*#)?$/.test(key)) {
      running.add(i)
      drop.add(i)
      return
    }
    copies.set(key, [...(copies.get(key) ?? []), i])
  })
  for (const indexes of copies.values()) {
    if (indexes.length < 2) continue
    indexes.forEach((i, n) => {
      running.add(i)
      if (n > 0) drop.add(i)
    })
  }
  return { running, drop }
}

/** The rows of a continuation table, its first row folded into the previous table's last row when the break cut it. */
function continuationRows(previous: Table, next: Table): Row[] {
  // The header row Word repeats at the top of each page is dropped here, so the row below it can
  // be seen for what it is: often the rest of a row the page break cut.
  const headers = new Set(previous.rows.filter((r, i) => r.header || i === 0).map(rowKey))
  let start = 0
  while (start < next.rows.length && headers.has(rowKey(next.rows[start]!))) start += 1
  const body = next.rows.slice(start)
  const [first, ...rest] = body
  const last = previous.rows[previous.rows.length - 1]
  if (!first || !last || !continuesOverPage(last, first, next.columns)) return body
  previous.rows[previous.rows.length - 1] = foldRow(last, first)
  return rest
}

const rowKey = (row: Row): string => row.cells.map((c) => `${c.col}:${normalise(c.text)}`).join('|')
