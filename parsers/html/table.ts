import type { Block, Cell, Row, Table } from '../../schemas/index.js'
import { summarize, type StyledLine } from '../shared/styled-text.js'
import type { XNode } from '../shared/xml-node.js'
import { backgroundColour, parseColour } from './colour.js'
import { boldOf, isHidden, styleOf } from './css.js'
import { ContentWalker } from './walk.js'

/**
 * One <table> as a grid. Cells are placed with an occupancy grid, as the HTML table model does
 * (HTML Living Standard §4.9.12.1): a cell takes the first free column, so cells to the right of a
 * rowspan land in the right column. A rowspan stops at the end of its row group.
 */

export interface HtmlContext {
  tables: number
  unknownColours: Set<string>
  /** Grid positions marked so far; huge spans on many rows would otherwise cost quadratic time. */
  gridCells: number
}

const MAX_GRID_CELLS = 5_000_000

export class TableTooLarge extends Error {}

export interface TableResult {
  blocks: Block[]
  /** Every line of every cell, for an outer cell when this table is nested. */
  lines: StyledLine[]
  caption: StyledLine[]
}

interface RowSource {
  tr: XNode
  groupEnd: number
  inHead: boolean
}

const elementsOf = (el: XNode | undefined, ...names: string[]): XNode[] =>
  (el?.children ?? []).filter((c) => c.attribs !== undefined && names.includes(c.name ?? ''))

function rowSources(table: XNode): RowSource[] {
  const rows: RowSource[] = []
  const group = (all: XNode[], inHead: boolean): void => {
    const trs = all.filter((tr) => !isHidden(tr))
    const end = rows.length + trs.length
    for (const tr of trs) rows.push({ tr, groupEnd: end, inHead })
  }
  let loose: XNode[] = []
  for (const el of elementsOf(table, 'tr', 'thead', 'tbody', 'tfoot')) {
    if (el.name === 'tr') {
      loose.push(el)
      continue
    }
    group(loose, false)
    loose = []
    group(elementsOf(el, 'tr'), el.name === 'thead')
  }
  group(loose, false)
  return rows
}

function span(el: XNode, attr: string, max: number): number {
  const n = Number.parseInt(el.attribs?.[attr] ?? '', 10)
  return Number.isFinite(n) && n >= 0 ? Math.min(n, max) : 1
}

/**
 * The element's own background: a colour, null for a colour we cannot read (so the row's colour
 * does not stand in for it), or undefined for none, which lets the row's colour show through as
 * it does in a browser.
 */
function fillOf(el: XNode, ctx: HtmlContext): string | null | undefined {
  const style = styleOf(el)
  const colour = style.has('background-color')
    ? parseColour(style.get('background-color')!)
    : style.has('background')
      ? backgroundColour(style.get('background')!)
      : el.attribs?.bgcolor
        ? parseColour(el.attribs.bgcolor, true)
        : undefined
  if (!colour || 'none' in colour) return undefined
  if ('hex' in colour) return colour.hex
  ctx.unknownColours.add(colour.unknown)
  return null
}

export function readTable(table: XNode, ctx: HtmlContext): TableResult {
  const index = ctx.tables++
  const nested: Block[] = []
  const caption: StyledLine[] = []
  for (const el of elementsOf(table, 'caption')) new ContentWalker({ line: (l) => caption.push(l), table: () => undefined }).walkChildren(el, false)
  const sources = rowSources(table)
  const taken = sources.map(() => new Set<number>())
  const rows: Row[] = []
  const lines: StyledLine[] = []
  let columns = 0
  sources.forEach(({ tr, groupEnd, inHead }, r) => {
    const rowFill = fillOf(tr, ctx)
    // A cell or row with display:none takes no place in the grid, as in a browser.
    const tds = elementsOf(tr, 'td', 'th').filter((td) => !isHidden(td))
    const cells: Cell[] = []
    let col = 0
    for (const td of tds) {
      while (taken[r]!.has(col)) col += 1
      const colSpan = Math.max(1, span(td, 'colspan', 1000))
      const rowSpanRaw = span(td, 'rowspan', 65534)
      const rowSpan = Math.max(1, Math.min(rowSpanRaw === 0 ? groupEnd - r : rowSpanRaw, groupEnd - r))
      ctx.gridCells += rowSpan * colSpan
      if (ctx.gridCells > MAX_GRID_CELLS) throw new TableTooLarge(`tables span more than ${MAX_GRID_CELLS} grid cells`)
      for (let y = r; y < r + rowSpan; y += 1) for (let x = col; x < col + colSpan; x += 1) taken[y]!.add(x)
      const content = cellContent(td, boldOf(td, boldOf(tr, false)), ctx, nested)
      lines.push(...content)
      const own = fillOf(td, ctx)
      const fill = own === undefined ? (rowFill ?? null) : own
      cells.push({ ...summarize(content), col, rowSpan, colSpan, fill, provenance: { page: null, bbox: null, table: index, row: r, col } })
      col += colSpan
    }
    columns = Math.max(columns, col)
    rows.push({ cells, header: inHead || (tds.length > 0 && tds.every((td) => td.name === 'th')) })
  })
  const block: Table = { kind: 'table', index, columns, rows, provenance: { page: null, bbox: null } }
  return { blocks: [block, ...nested], lines, caption }
}

function cellContent(td: XNode, bold: boolean, ctx: HtmlContext, nested: Block[]): StyledLine[] {
  const lines: StyledLine[] = []
  const walker = new ContentWalker({
    line: (line) => lines.push(line),
    table: (el) => {
      const inner = readTable(el, ctx)
      lines.push(...inner.caption, ...inner.lines)
      nested.push(...inner.blocks)
    },
  })
  walker.walkChildren(td, bold)
  return lines
}
