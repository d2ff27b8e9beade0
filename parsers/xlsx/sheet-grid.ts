import type { Fill, Worksheet } from 'exceljs'
import { cellText } from './cell-value.js'
import { resolveColour, type ExcelColour, type Palette } from './colour.js'
import type { Grid, GridCell } from './grid-blocks.js'

/**
 * One worksheet as a grid of what a person sees: hidden rows and columns left out, merged ranges
 * as one cell spanning the visible rows and columns of the range, fills resolved to #rrggbb.
 */

export interface SheetGrid {
  grid: Grid
  /** Hidden rows and columns that hold text (left out, and said so). */
  hiddenRows: number
  hiddenColumns: number
  uncachedFormulas: number
}

interface Range {
  top: number
  left: number
  bottom: number
  right: number
}

const columnNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)

/** "B3:D7" → its corners (1-based); null for anything else. */
export function parseRange(range: string): Range | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(range.trim())
  if (!m) return null
  const [top, bottom] = [Number(m[2]), Number(m[4] ?? m[2])].sort((a, b) => a - b) as [number, number]
  const [left, right] = [columnNumber(m[1]!), columnNumber(m[3] ?? m[1]!)].sort((a, b) => a - b) as [number, number]
  return { top, left, bottom, right }
}

/** A solid (or patterned) fill's colour; none for "no fill". A gradient shows its first stop. */
export function fillColour(fill: Fill | undefined, palette: Palette): string | null {
  if (!fill) return null
  if (fill.type === 'gradient') return resolveColour(fill.stops?.[0]?.color as ExcelColour | undefined, palette)
  if (fill.pattern === 'none') return null
  return resolveColour((fill.fgColor ?? fill.bgColor) as ExcelColour | undefined, palette)
}

const hasValue = (ws: Worksheet, r: number, c: number): boolean => {
  const v = ws.getCell(r, c).value
  return v !== null && v !== undefined && v !== ''
}

export function sheetGrid(ws: Worksheet, palette: Palette): SheetGrid {
  const rowCount = ws.rowCount
  const colCount = ws.columnCount
  const allRows = Array.from({ length: rowCount }, (_, i) => i + 1)
  const allCols = Array.from({ length: colCount }, (_, i) => i + 1)
  const rows = allRows.filter((r) => !ws.getRow(r).hidden)
  const cols = allCols.filter((c) => !ws.getColumn(c).hidden)
  const hiddenRows = allRows.filter((r) => ws.getRow(r).hidden && allCols.some((c) => hasValue(ws, r, c))).length
  const hiddenColumns = allCols.filter((c) => ws.getColumn(c).hidden && allRows.some((r) => hasValue(ws, r, c))).length
  const rowAt = new Map(rows.map((r, i) => [r, i]))
  const colAt = new Map(cols.map((c, i) => [c, i]))
  const grid: Grid = rows.map(() => cols.map((): GridCell | null => ({ text: '', lines: [], bold: false, boldLead: null, fill: null, rowSpan: 1, colSpan: 1 })))
  let uncachedFormulas = 0

  const read = (r: number, c: number, rowSpan: number, colSpan: number): GridCell => {
    const cell = ws.getCell(r, c)
    const t = cellText(cell.value, Boolean(cell.font?.bold), cell.numFmt)
    if (t.uncachedFormula) uncachedFormulas += 1
    return { text: t.text, lines: t.lines, bold: t.bold, boldLead: t.boldLead, fill: fillColour(cell.fill, palette), rowSpan, colSpan }
  }

  const merged = new Set<string>()
  for (const range of (ws.model.merges ?? []).map(parseRange)) {
    if (!range) continue
    const vr = rows.filter((r) => r >= range.top && r <= range.bottom)
    const vc = cols.filter((c) => c >= range.left && c <= range.right)
    if (vr.length === 0 || vc.length === 0) continue
    for (const r of vr) for (const c of vc) grid[rowAt.get(r)!]![colAt.get(c)!] = null
    // The range's value and style live in its top-left cell, even when that row or column is hidden.
    grid[rowAt.get(vr[0]!)!]![colAt.get(vc[0]!)!] = read(range.top, range.left, vr.length, vc.length)
    for (let r = range.top; r <= range.bottom; r += 1) for (let c = range.left; c <= range.right; c += 1) merged.add(`${r}:${c}`)
  }
  rows.forEach((r, i) => {
    cols.forEach((c, j) => {
      if (!merged.has(`${r}:${c}`)) grid[i]![j] = read(r, c, 1, 1)
    })
  })
  return { grid, hiddenRows, hiddenColumns, uncachedFormulas }
}
