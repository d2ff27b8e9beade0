import type { Block, Cell, Row, Table } from '../../schemas/index.js'
import type { DocxContext } from './context.js'
import { readParagraph } from './runs.js'
import { LineBuilder, summarize, type StyledLine } from '../shared/styled-text.js'
import { child, elements, local, onOff, val } from './wml.js'
import type { XNode } from '../shared/xml-node.js'

/**
 * One w:tbl as a grid (ECMA-376 §17.4): w:gridBefore and w:gridSpan place cells on the grid,
 * w:vMerge="restart" opens a vertical merge that following w:vMerge cells in the same column extend.
 * Nested tables come back as blocks of their own, after this one, and their text also stays in
 * the outer cell.
 */
export interface TableResult {
  blocks: Block[]
  /** Every line of every cell, for an outer cell when this table is nested. */
  lines: StyledLine[]
}

const HEX = /^[0-9a-f]{6}$/i

/** w:shd: the fill colour, except that a solid pattern shows the pattern colour instead (§17.18.78). */
export function shading(shd: XNode | undefined): string | null {
  if (!shd) return null
  const pattern = val(shd)
  if (pattern === 'nil') return null
  const colour = pattern === 'solid' ? val(shd, 'color') : val(shd, 'fill')
  return colour && HEX.test(colour) ? `#${colour.toLowerCase()}` : null
}

/** Rows and cells may sit inside content controls or custom XML. */
function collect(node: XNode | undefined, name: string): XNode[] {
  const out: XNode[] = []
  for (const el of elements(node)) {
    const n = local(el)
    if (n === name) out.push(el)
    else if (n === 'sdt') out.push(...collect(child(el, 'sdtContent'), name))
    else if (n === 'customXml') out.push(...collect(el, name))
  }
  return out
}

function cellLines(container: XNode | undefined, ctx: DocxContext, nested: Block[]): StyledLine[] {
  const out = new LineBuilder()
  for (const el of elements(container)) {
    const name = local(el)
    if (name === 'p') {
      const info = readParagraph(el, ctx)
      out.append(info.lines)
      for (const box of info.boxes) out.append(cellLines(box, ctx, nested))
    } else if (name === 'tbl') {
      const inner = readTable(el, ctx)
      out.append(inner.lines)
      nested.push(...inner.blocks)
    } else if (name === 'sdt') out.append(cellLines(child(el, 'sdtContent'), ctx, nested))
    else if (name === 'customXml') out.append(cellLines(el, ctx, nested))
  }
  return out.lines()
}

const count = (node: XNode | undefined): number => {
  const n = Number.parseInt(val(node) ?? '', 10)
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 0
}

export function readTable(tbl: XNode, ctx: DocxContext): TableResult {
  const index = ctx.tables++
  const tblFill = shading(child(child(tbl, 'tblPr'), 'shd'))
  let columns = elements(child(tbl, 'tblGrid')).filter((e) => local(e) === 'gridCol').length
  const rows: Row[] = []
  const nested: Block[] = []
  const lines: StyledLine[] = []
  // Start column → the cell a vertical merge started in; a row keeps only the merges it continues.
  let open = new Map<number, Cell>()
  for (const tr of collect(tbl, 'tr')) {
    const trPr = child(tr, 'trPr')
    if (child(trPr, 'del')) {
      ctx.counts.deletions += 1
      continue
    }
    const row = rows.length
    const cells: Cell[] = []
    const next = new Map<number, Cell>()
    let col = count(child(trPr, 'gridBefore'))
    for (const tc of collect(tr, 'tc')) {
      const tcPr = child(tc, 'tcPr')
      const span = count(child(tcPr, 'gridSpan')) || 1
      const content = cellLines(tc, ctx, nested)
      const vMerge = child(tcPr, 'vMerge')
      const hMerge = child(tcPr, 'hMerge')
      const origin = open.get(col)
      const last = cells[cells.length - 1]
      if (vMerge && val(vMerge) !== 'restart' && origin) {
        origin.rowSpan += 1
        next.set(col, origin)
        if (content.length > 0) ctx.counts.hiddenMergedText += 1
      } else if (hMerge && val(hMerge) !== 'restart' && last) {
        // Legacy horizontal merge (§17.4.22): the continuation widens the cell before it.
        last.colSpan += span
      } else {
        const cell = makeCell(content, index, row, col, span, shading(child(tcPr, 'shd')) ?? tblFill)
        cells.push(cell)
        lines.push(...content)
        if (vMerge) next.set(col, cell)
      }
      col += span
    }
    open = next
    columns = Math.max(columns, col)
    rows.push({ cells, header: onOff(child(trPr, 'tblHeader')) ?? false })
  }
  const table: Table = { kind: 'table', index, columns, rows, provenance: { page: null, bbox: null } }
  return { blocks: [table, ...nested], lines }
}

function makeCell(content: StyledLine[], table: number, row: number, col: number, colSpan: number, fill: string | null): Cell {
  return { ...summarize(content), col, rowSpan: 1, colSpan, fill, provenance: { page: null, bbox: null, table, row, col } }
}
