import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Block, Diagnostic, Paragraph, Table } from '../../schemas/index.js'
import { borderlessTables } from './borderless-grid.js'
import type { RowRule } from './borderless-rules.js'
import { withBoxGrids } from './box-rules.js'
import { blockContent, buildRows, centreIn } from './cells.js'
import { pageFrame, turnFrame, union, type Box, type PageFrame } from './geometry.js'
import { groupLines } from './lines.js'
import { pageParagraphs } from './paragraphs.js'
import { mergeRules, ruledGrids, type Grid } from './ruled-grid.js'
import { sideBySideAreas } from './side-by-side.js'
import { splitFragmentRows } from './split-fragment-rows.js'
import { leftToText } from './under-ruled.js'
import { pageGraphics, type FilledRect, type Segment } from './rulings.js'
import { taggedPage, type StructNode, type TaggedPage } from './struct-tables.js'
import { placeTaggedTable, type Columns } from './tagged-grid.js'
import { pageText, placeRuns, textQuarters, type TextRun } from './text-items.js'

export interface PageResult {
  blocks: Block[]
  runs: number
  images: number
  diagnostics: Diagnostic[]
  /** The columns of the page's last table placed from its tags alone, for the next page to continue. */
  columns: Columns | null
}

/** A gap this many font sizes wide splits a visual line into separate pieces (columns). */
const COLUMN_GAP = 0.8

export interface Placed {
  top: number
  block: Block
}

/**
 * One page. A tagged page (Word and LibreOffice tag by default) is read from its structure tree:
 * its tables, their rows and cells, and its paragraphs are the ones the tree marks, placed with
 * the geometry. An untagged page, or one whose tags disagree with what is drawn, is read from the
 * geometry alone: ruled tables first (their rules are unambiguous), then borderless tables among
 * the text left over, then paragraphs. Blocks come in reading order, top to bottom; tables are
 * numbered from `firstTable`, the count of tables on earlier pages. The page is laid out as it is
 * shown (its /Rotate applied), then turned again if most of its text still runs sideways.
 */
export async function readPage(page: PDFPageProxy, pageNumber: number, firstTable: number, carried: Columns | null = null): Promise<PageResult> {
  const shown = pageFrame(page.getViewport({ scale: 1 }))
  // One pass: the text is rebuilt from the operator list, which also loads the fonts whose names say bold.
  const operators = await page.getOperatorList()
  const text = await pageText(page, operators)
  const frame = turnFrame(shown, textQuarters(text, shown))
  const graphics = pageGraphics(operators, frame.toLayout)
  const runs = placeRuns(text, frame)
  const diagnostics: Diagnostic[] = []
  const input = geometryInput(runs, graphics.segments, graphics.rects, frame, pageNumber, carried)
  let placed: Placed[] | null = null
  let columns: Columns | null = null
  // A tagged page may hold mostly artifacts (a page with one row under a repeated header and a
  // footer): any tagged text at all means the page is tagged.
  if (runs.some((r) => r.tag !== null)) {
    const tags = taggedPage((await page.getStructTree().catch(() => null)) as StructNode | null)
    const result = tags.broken ? tags.broken : fromTags(tags, input)
    if (typeof result === 'string') diagnostics.push({ level: 'info', code: 'TAGS_IGNORED', message: `structure tags not followed (${result}); read from the layout`, page: pageNumber })
    else ({ placed, columns } = result)
  }
  if (!placed) ({ placed, columns } = fromGeometry(input))
  return { blocks: inReadingOrder(placed, firstTable), runs: runs.length, images: graphics.images, diagnostics, columns }
}

/**
 * What the layout reads a page from, made one way for a born-digital page and for a scan (whose
 * rules and fills come from the image): the same rules give the same grids, areas and row rules.
 */
export function geometryInput(runs: TextRun[], segments: Segment[], rects: FilledRect[], frame: PageFrame, pageNumber: number, carried: Columns | null): PageInput {
  return { runs, grids: ruledGrids(segments), rects, frame, pageNumber, carried, beside: sideBySideAreas(segments), rowRules: mergeRules(segments, 'h') }
}

/** Blocks top to bottom, tables numbered from `firstTable`. */
export function inReadingOrder(placed: Placed[], firstTable: number): Block[] {
  placed.sort((a, b) => a.top - b.top)
  let index = firstTable
  for (const { block } of placed) {
    if (block.kind !== 'table') continue
    block.index = index
    for (const row of block.rows) for (const cell of row.cells) cell.provenance.table = index
    index += 1
  }
  return placed.map((p) => p.block)
}

/** What a page reading starts from: its text, its rules and fills, and the columns carried from the page before. */
export interface PageInput {
  runs: TextRun[]
  grids: readonly Grid[]
  rects: readonly FilledRect[]
  frame: PageFrame
  pageNumber: number
  carried: Columns | null
  /** Areas of row-ruled tables set side by side, each read on its own. */
  beside: Box[]
  /** Horizontal rules: a table ruled between rows only takes its rows from them. */
  rowRules: RowRule[]
}

export interface PageBlocks {
  placed: Placed[]
  columns: Columns | null
}

export function fromGeometry({ runs, grids, rects, frame, pageNumber, carried, beside, rowRules }: PageInput): PageBlocks {
  const placed: Placed[] = []
  // Cells drawn as shaded boxes edge to edge are ruled by their edges (tags, where there are, say where cells are).
  for (const ruled of withBoxGrids(grids, rects)) {
    const inside = runs.filter((r) => centreIn(r, ruled.box))
    if (inside.length === 0) continue
    // Columns the rules do not draw are in the text's gutters: the borderless detector reads it.
    if (leftToText(ruled, inside, runs, COLUMN_GAP, () => borderlessTables(groupLines(inside, COLUMN_GAP), rects, frame, pageNumber).length > 0)) continue
    runs = runs.filter((r) => !inside.includes(r))
    placed.push(ruledTable(ruled, inside, rects, frame, pageNumber))
  }
  for (const area of beside) {
    const mine = runs.filter((r) => centreIn(r, area))
    for (const found of borderlessTables(groupLines(mine, COLUMN_GAP), rects, frame, pageNumber, null, rowRules)) {
      runs = runs.filter((r) => !found.runs.includes(r))
      placed.push({ top: found.box.y0, block: found.table })
    }
  }
  const lines = groupLines(runs, COLUMN_GAP)
  // A ruled table on the page ends whatever borderless table ran into it.
  const borderless = borderlessTables(lines, rects, frame, pageNumber, placed.length === 0 ? carried : null, rowRules)
  const used = new Set<TextRun>()
  for (const found of borderless) {
    found.runs.forEach((r) => used.add(r))
    placed.push({ top: found.box.y0, block: found.table })
  }
  const rest = lines.filter((l) => !l.runs.some((r) => used.has(r)))
  if (rest.length > 0) placed.push(...pageParagraphs(rest, frame, pageNumber))
  const last = borderless[borderless.length - 1]
  return { placed, columns: last ? { starts: last.starts, right: last.box.x1, rowStyle: last.rowStyle } : null }
}

function ruledTable(ruled: Grid, inside: TextRun[], rects: readonly FilledRect[], frame: PageFrame, pageNumber: number): Placed {
  const grid = splitFragmentRows(ruled, inside)
  const table: Table = {
    kind: 'table',
    index: 0,
    columns: grid.xs.length - 1,
    rows: buildRows(grid.cells, grid.ys.length - 1, inside, rects, frame, pageNumber, 0),
    provenance: { page: pageNumber, bbox: frame.toPdfBox(grid.box) },
    detector: 'ruled',
    because: [`a grid of ${grid.ys.length - 1} × ${grid.xs.length - 1} cells drawn with ruling lines`],
  }
  return { top: grid.box.y0, block: table }
}

/** The page as its tags mark it; a string says why the tags cannot be followed. */
function fromTags(tags: TaggedPage, { runs, grids, rects, frame, pageNumber, carried }: PageInput): PageBlocks | string {
  const byTag = new Map<string, TextRun[]>()
  for (const run of runs) {
    if (run.tag === null) continue
    const list = byTag.get(run.tag)
    if (list) list.push(run)
    else byTag.set(run.tag, [run])
  }
  const placed: Placed[] = []
  const used = new Set<TextRun>()
  let free = [...grids]
  // Only the first table of a page can be the rest of the last table of the page before.
  let first = true
  let columns: Columns | null = null
  for (const tagged of tags.tables) {
    const loose = runs.filter((r) => r.tag === null && !used.has(r))
    const result = placeTaggedTable(tagged, { byTag, pageRuns: runs, loose, ruled: free, rects, frame, page: pageNumber, carried: first ? carried : null })
    if (!result) continue
    if ('problem' in result) return result.problem
    first = false
    columns = result.columns
    placed.push({ top: result.box.y0, block: result.table })
    result.runs.forEach((r) => used.add(r))
    free = free.filter((g) => !(g.box.x0 === result.box.x0 && g.box.y0 === result.box.y0))
  }
  // A ruled grid the tags do not mark as a table: a table of untagged text (artifacts) is still a
  // table; tagged text inside a drawn box is what its tags say it is, unless the tags mark no table
  // anywhere on the page (a converter that tags each cell as a paragraph: the rules are the table).
  for (const grid of free) {
    const inside = runs.filter((r) => !used.has(r) && centreIn(r, grid.box))
    if (inside.length === 0) continue
    if (tags.tables.length > 0 && inside.filter((r) => r.tag !== null).length >= inside.length / 2) continue
    if (tags.tables.length === 0 && leftToText(grid, inside, runs, COLUMN_GAP, () => borderlessTables(groupLines(inside, COLUMN_GAP), rects, frame, pageNumber).length > 0)) continue
    inside.forEach((r) => used.add(r))
    placed.push(ruledTable(grid, inside, rects, frame, pageNumber))
  }
  // Tags that mark no table at all are often a converter's paragraphs-only tagging of a drawn
  // table (one P per cell): the layout may still show one.
  if (tags.tables.length === 0) {
    const lines = groupLines(runs.filter((r) => !used.has(r)), COLUMN_GAP)
    for (const found of borderlessTables(lines, rects, frame, pageNumber, null)) {
      found.runs.forEach((r) => used.add(r))
      placed.push({ top: found.box.y0, block: found.table })
    }
  }
  for (const block of tags.blocks) {
    const mine = block.ids.flatMap((id) => byTag.get(id) ?? []).filter((r) => !used.has(r))
    if (mine.length === 0) continue
    mine.forEach((r) => used.add(r))
    placed.push(taggedParagraph(block.role, mine, frame, pageNumber))
  }
  // Untagged text (running headers and footers, page numbers) and tagged text in no block.
  const rest = groupLines(
    runs.filter((r) => !used.has(r)),
    COLUMN_GAP,
  )
  if (rest.length > 0) placed.push(...pageParagraphs(rest, frame, pageNumber))
  return { placed, columns }
}

function taggedParagraph(role: string, runs: readonly TextRun[], frame: PageFrame, page: number): Placed {
  const box = runs.map((r) => r.box).reduce(union)
  const { lines, bold } = blockContent([runs], box)
  const level = /^H([1-6])$/.exec(role)?.[1]
  const paragraph: Paragraph = {
    kind: 'paragraph',
    text: lines.join(' '),
    bold,
    heading: level ? Number(level) : role === 'H' ? 1 : null,
    listItem: role === 'LBody',
    provenance: { page, bbox: frame.toPdfBox(box) },
  }
  return { top: box.y0, block: paragraph }
}
