import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Block, Table } from '../../schemas/index.js'
import { borderlessTables } from './borderless-grid.js'
import { buildRows, centreIn } from './cells.js'
import { pageFrame } from './geometry.js'
import { groupLines } from './lines.js'
import { pageParagraphs } from './paragraphs.js'
import { ruledGrids } from './ruled-grid.js'
import { splitFragmentRows } from './split-fragment-rows.js'
import { pageGraphics } from './rulings.js'
import { textRuns, type TextRun } from './text-items.js'

export interface PageResult {
  blocks: Block[]
  runs: number
  images: number
}

/** A gap this many font sizes wide splits a visual line into separate pieces (columns). */
const COLUMN_GAP = 1

/**
 * One page: ruled tables first (their rules are unambiguous), then borderless tables among the
 * text left over, then paragraphs; blocks in reading order, top to bottom. Tables are numbered
 * from `firstTable`, the count of tables on earlier pages.
 */
export async function readPage(page: PDFPageProxy, pageNumber: number, firstTable: number): Promise<PageResult> {
  const frame = pageFrame(page.getViewport({ scale: 1 }))
  // The operator list must come before the text: it is what loads the fonts whose names say bold.
  const operators = await page.getOperatorList()
  const graphics = pageGraphics(operators, frame.toLayout)
  let runs = await textRuns(page, frame)
  const total = runs.length
  const placed: { top: number; block: Block }[] = []
  let tableIndex = firstTable

  for (const ruled of ruledGrids(graphics.segments)) {
    const inside = runs.filter((r) => centreIn(r, ruled.box))
    if (inside.length === 0) continue
    const grid = splitFragmentRows(ruled, inside)
    runs = runs.filter((r) => !inside.includes(r))
    const table: Table = {
      kind: 'table',
      index: tableIndex,
      columns: grid.xs.length - 1,
      rows: buildRows(grid.cells, grid.ys.length - 1, inside, graphics.rects, frame, pageNumber, tableIndex),
      provenance: { page: pageNumber, bbox: frame.toPdfBox(grid.box) },
    }
    placed.push({ top: grid.box.y0, block: table })
    tableIndex += 1
  }

  const lines = groupLines(runs, COLUMN_GAP)
  const borderless = borderlessTables(lines, graphics.rects, frame, pageNumber)
  const used = new Set<TextRun>()
  for (const found of borderless) {
    found.runs.forEach((r) => used.add(r))
    placed.push({ top: found.box.y0, block: found.table })
  }
  const rest = lines.filter((l) => !l.runs.some((r) => used.has(r)))
  if (rest.length > 0) placed.push(...pageParagraphs(rest, frame, pageNumber))

  placed.sort((a, b) => a.top - b.top)
  // Borderless tables were numbered after the ruled ones; renumber in reading order.
  let index = firstTable
  for (const { block } of placed) {
    if (block.kind !== 'table') continue
    block.index = index
    for (const row of block.rows) for (const cell of row.cells) cell.provenance.table = index
    index += 1
  }
  return { blocks: placed.map((p) => p.block), runs: total, images: graphics.images }
}
