import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { javaValue, parseCsv, pythonAssignments, pythonLiteralAfter, toGrid } from './literals.js'
import { SET_ROOTS, type Entry, type SetName } from './manifest.js'
import type { Grid } from './relations.js'

/** The checkout of a set under the folder given to the bench, or null when it is not there. */
export function setRoot(folder: string, set: SetName): string | null {
  for (const name of SET_ROOTS[set]) if (existsSync(join(folder, name))) return join(folder, name)
  return null
}

const cache = new Map<string, unknown>()
function once<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make())
  return cache.get(key) as T
}

// Camelot's flag_size answers mark superscripts with <s></s>: markup, not text of the page.
const unmark = (grid: Grid): Grid => grid.map((row) => row.map((c) => c.replace(/<\/?s>/gu, '')))

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u
const STRONG_LTR = /[A-Za-z\u00c0-\u024f]/u

/**
 * A cell written in visual order (the characters as they stand on the page, left to right) put back
 * into reading order, for the simple cases of Unicode's bidi algorithm: in a right-to-left cell (most
 * strong letters right-to-left) the whole text is reversed and each run of left-to-right text or
 * digits turned back; in a left-to-right cell each right-to-left run is reversed where it stands.
 */
export function visualToLogical(text: string): string {
  const chars = [...text]
  const rtl = chars.filter((c) => RTL.test(c)).length
  if (rtl === 0) return text
  const ltr = chars.filter((c) => STRONG_LTR.test(c)).length
  const flip = (run: string): string => [...run].reverse().join('')
  if (rtl >= ltr) return flip(text).replace(/[^\s\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+(?:\s+[^\s\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+)*/gu, flip)
  return text.replace(/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+(?:\s+[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+)*/gu, flip)
}

/** The expected table of an entry, read from the set's own test files. */
export function expectedGrid(root: string, entry: Entry): Grid {
  const grid = answerGrid(root, entry)
  return entry.visualOrder ? grid.map((row) => row.map(visualToLogical)) : grid
}

function answerGrid(root: string, entry: Entry): Grid {
  const src = entry.expected
  const path = join(root, src.file)
  const text = (): string => once(`text:${path}`, () => readFileSync(path, 'utf8'))
  switch (src.kind) {
    case 'csv':
      return parseCsv(text())
    case 'tabula-json': {
      const parsed = once(`json:${path}`, () => JSON.parse(text()) as unknown)
      const tables = (Array.isArray(parsed) ? parsed : [parsed]) as { data: { text: string }[][] }[]
      const table = tables[src.table]
      if (!table) throw new Error(`${src.file}: no table ${src.table}`)
      return table.data.map((row) => row.map((c) => c.text))
    }
    case 'java-array':
      return toGrid(javaValue(text(), src.name))
    case 'java-csv-string': {
      const value = javaValue(text(), src.name, src.after)
      if (typeof value !== 'string') throw new Error(`${src.file}: ${src.name} is not a string`)
      return parseCsv(value)
    }
    case 'python-var': {
      const vars = once(`py:${path}`, () => pythonAssignments(text()))
      const value = vars.get(src.name)
      if (value === undefined) throw new Error(`${src.file}: no ${src.name}`)
      return unmark(toGrid(value))
    }
    case 'python-rows':
      return src.anchors.map((a) => toGrid([pythonLiteralAfter(text(), a)])[0]!)
  }
}
