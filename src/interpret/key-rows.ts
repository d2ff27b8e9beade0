/**
 * The rows of a RAG key at the top of a table: a colour (a filled cell, or a colour word or
 * letter) beside a status word or a short meaning, before the first row whose label names a
 * column role. Readers join a key table to the plan table after it when nothing stands between.
 */
import type { GridSlot } from '../assemble/grid.js'
import { roleOfHeader } from './column-roles.js'
import { parseStatus } from './parse-status.js'

const text = (slot: GridSlot | null | undefined): string => slot?.cell.text.replace(/\s+/g, ' ').trim() ?? ''

export function leadingKeyRows(grid: readonly (readonly (GridSlot | null)[])[]): number {
  let n = 0
  for (const row of grid) {
    const texts = row.map(text).filter(Boolean)
    const coloured = row.some((s) => s?.cell.fill)
    if (texts.length === 0 || texts.length > 2 || texts.some((t) => t.length > 40)) break
    if (texts.length === 2 && roleOfHeader(texts[0]!).role !== null) break
    const statusWord = texts.some((t) => {
      const p = parseStatus(t)
      return Boolean(p.status || p.rag)
    })
    if (!coloured && !statusWord) break
    n += 1
  }
  return n
}
