import { readFileSync } from 'node:fs'
import { pdfReader } from '../../parsers/pdf/index.js'
import type { Table } from '../../schemas/index.js'
import type { Grid } from './relations.js'

/** A table our PDF reader found, as a grid, with the page it starts on and the detector that read it. */
export interface Found {
  page: number | null
  index: number
  detector: string | null
  grid: Grid
}

/** One position per grid column; a spanning cell at its top-left position only. */
export function tableGrid(table: Table): Grid {
  return table.rows.map((row) => {
    const cells = Array.from({ length: Math.max(table.columns, ...row.cells.map((c) => c.col + 1)) }, () => '')
    for (const cell of row.cells) cells[cell.col] = cell.text
    return cells
  })
}

/**
 * Every table of a PDF through our reader, stopped after `timeoutMs`: the reader races each pdf.js
 * wait against the signal, so one pathological file costs at most that long.
 */
export async function readTables(path: string, timeoutMs: number): Promise<{ tables: Found[]; ms: number; error: string | null }> {
  const started = performance.now()
  try {
    const { document } = await pdfReader.read({ bytes: new Uint8Array(readFileSync(path)), path, signal: AbortSignal.timeout(timeoutMs) })
    const tables = document.blocks
      .filter((b): b is Table => b.kind === 'table')
      .map((t) => ({
        page: t.provenance.page,
        index: t.index,
        // Added by the borderless work (issue 12); older readers do not say.
        detector: typeof (t as { detector?: unknown }).detector === 'string' ? ((t as { detector?: string }).detector ?? null) : null,
        grid: tableGrid(t),
      }))
    return { tables, ms: performance.now() - started, error: null }
  } catch (error) {
    return { tables: [], ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) }
  }
}
