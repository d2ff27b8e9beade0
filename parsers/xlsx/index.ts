import type ExcelJS from 'exceljs'
import { ReadError, type Block, type Diagnostic, type SourceDocument } from '../../schemas/index.js'
import type { Reader } from '../reader.js'
import { isOle } from '../docx/ole.js'
import { indexedPalette, themeColours, type Palette } from './colour.js'
import { gridToBlocks } from './grid-blocks.js'
import { checkWorkbookBytes, isWorkbookZip, isZip } from './workbook-bytes.js'

/**
 * Excel workbooks (.xlsx, .xlsm), as authorities keep their trackers: exceljs reads the package;
 * this reader decides what a person sees. Every visible sheet is one table (title rows above its
 * header become paragraphs); hidden sheets, rows and columns are left out and said so. A sheet
 * named as a key or legend is introduced by a "RAG key" paragraph, so that the interpretation
 * reads its colours and words as the plan's RAG key, as it does for a key table in a Word plan.
 */

const KEY_SHEET = /\b(?:key|legend)\b/i

function warn(code: string, message: string): Diagnostic {
  return { level: 'warning', code, message, page: null }
}

async function load(bytes: Uint8Array, path: string): Promise<ExcelJS.Workbook> {
  // exceljs takes most of a second to load: only a run that reads a workbook pays for it.
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer)
  } catch (error) {
    throw new ReadError('CORRUPT', path, `damaged Excel workbook (${(error as Error).message})`, 'open it in Excel or LibreOffice and save it again as .xlsx', { cause: error })
  }
  return workbook
}

export async function readWorkbook(bytes: Uint8Array, path: string): Promise<{ document: SourceDocument; diagnostics: Diagnostic[] }> {
  const parts = checkWorkbookBytes(bytes, path)
  const palette: Palette = { theme: themeColours(parts.theme), indexed: indexedPalette(parts.styles) }
  const workbook = await load(bytes, path)
  // Its number formats (numfmt) load only when a workbook is read, not in every PDF or Word run.
  const { sheetGrid } = await import('./sheet-grid.js')
  const blocks: Block[] = []
  const diagnostics: Diagnostic[] = []
  let tables = 0
  for (const ws of workbook.worksheets) {
    if (ws.state !== 'visible') {
      if (ws.actualRowCount > 0) diagnostics.push(warn('HIDDEN_SHEET', `sheet "${ws.name}" is hidden; not read`))
      continue
    }
    const { grid, hiddenRows, hiddenColumns, uncachedFormulas } = sheetGrid(ws, palette)
    if (hiddenRows > 0) diagnostics.push(warn('HIDDEN_ROWS', `sheet "${ws.name}": ${hiddenRows} hidden row(s) with text not read`))
    if (hiddenColumns > 0) diagnostics.push(warn('HIDDEN_COLUMNS', `sheet "${ws.name}": ${hiddenColumns} hidden column(s) with text not read`))
    if (uncachedFormulas > 0) diagnostics.push(warn('UNCACHED_FORMULA', `sheet "${ws.name}": ${uncachedFormulas} formula cell(s) saved without a value read as empty; recalculate and save in Excel`))
    const sheet = gridToBlocks(grid, tables, ws.name)
    if (sheet.hasTable && KEY_SHEET.test(ws.name)) {
      blocks.push({ kind: 'paragraph', text: `RAG key: sheet "${ws.name}"`, bold: false, heading: null, listItem: false, provenance: { page: null, bbox: null, sheet: ws.name } })
    }
    blocks.push(...sheet.blocks)
    if (sheet.hasTable) tables += 1
  }
  if (tables === 0) {
    throw new ReadError('NO_TABLES', path, 'no sheet of the workbook is laid out as a table (no row with two filled cells)', 'check this is the tracker; hidden sheets are not read')
  }
  const title = workbook.title?.trim() || null
  return { document: { format: 'xlsx', pages: null, title, blocks }, diagnostics }
}

export const xlsxReader: Reader = {
  format: 'xlsx',
  extensions: ['.xlsx', '.xlsm'],
  // The registry tells a workbook from a Word file by the whole zip's parts (parsers/containers.ts);
  // this is for a head alone: the workbook part named in it.
  sniff: (head) => isZip(head) && Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes('xl/workbook.xml'),
  read: ({ bytes, path }) => readWorkbook(bytes, path),
}

