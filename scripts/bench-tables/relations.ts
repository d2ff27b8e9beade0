/**
 * The ICDAR 2013 table-competition measure: cell-adjacency relations (Göbel, Hassan, Oro, Orsi,
 * "ICDAR 2013 Table Competition"). A table becomes the multiset of pairs of adjacent NON-EMPTY cells:
 * each non-empty cell with its nearest non-empty neighbour to the right in its row ('h') and below in
 * its column ('v'). Texts are compared with all white space removed, so line breaks inside a cell and
 * spacing differences between readers do not count; anything else (a cell cut in two, two cells run
 * together, a word in the wrong cell) does.
 *
 * Grid convention: a grid is rows of strings, '' for an empty position. A spanning cell (colSpan or
 * rowSpan > 1) counts once, at its top-left position; the positions it covers are empty. Expected
 * tables are taken the same way (Tabula's and Camelot's default output already put a merged cell's
 * text in its top-left position and leave the rest empty).
 */

export type Grid = string[][]
export type Direction = 'h' | 'v'
export interface Relation {
  a: string
  b: string
  dir: Direction
}

/**
 * White space removed: the comparison key of a cell text. NFKC first, so that a presentation form
 * (an Arabic letter's joined shape, a ligature) and its plain letter are the same text.
 */
export const squash = (text: string): string => text.normalize('NFKC').replace(/\s+/gu, '')

export function relations(grid: Grid): Relation[] {
  const out: Relation[] = []
  const width = Math.max(0, ...grid.map((r) => r.length))
  for (const row of grid) {
    const filled = row.map(squash).filter((t) => t !== '')
    for (let i = 1; i < filled.length; i++) out.push({ a: filled[i - 1]!, b: filled[i]!, dir: 'h' })
  }
  for (let c = 0; c < width; c++) {
    const filled = grid.map((r) => squash(r[c] ?? '')).filter((t) => t !== '')
    for (let i = 1; i < filled.length; i++) out.push({ a: filled[i - 1]!, b: filled[i]!, dir: 'v' })
  }
  return out
}

const key = (r: Relation): string => `${r.dir}\u0000${r.a}\u0000${r.b}`

/** Relation counts: how many found relations are right, how many were found, how many were expected. */
export interface Counts {
  correct: number
  detected: number
  expected: number
}

export const ZERO: Counts = { correct: 0, detected: 0, expected: 0 }

/** Multiset intersection of expected and detected relations. */
export function compare(expected: readonly Relation[], detected: readonly Relation[]): Counts {
  const pool = new Map<string, number>()
  for (const r of expected) pool.set(key(r), (pool.get(key(r)) ?? 0) + 1)
  let correct = 0
  for (const r of detected) {
    const left = pool.get(key(r)) ?? 0
    if (left > 0) {
      correct += 1
      pool.set(key(r), left - 1)
    }
  }
  return { correct, detected: detected.length, expected: expected.length }
}

export const add = (x: Counts, y: Counts): Counts => ({ correct: x.correct + y.correct, detected: x.detected + y.detected, expected: x.expected + y.expected })

export interface Prf {
  precision: number
  recall: number
  f1: number
}

/** Precision of nothing found is 1 (nothing wrong was said); recall of nothing expected is 1. */
export function prf(c: Counts): Prf {
  const precision = c.detected === 0 ? 1 : c.correct / c.detected
  const recall = c.expected === 0 ? 1 : c.correct / c.expected
  const f1 = c.correct === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1 }
}

/**
 * Partial answers. Some expected tables are only a part of what is printed: a few rows of a longer
 * table (pdfplumber's tests assert one or two rows), or a table cut to an area of the page. Such an
 * answer is compared with the part of the detected table it covers: for `rows`, the window of as many
 * consecutive detected rows as the answer has that scores best; for `rows` and `area`, only detected
 * relations whose two texts both occur in the answer. A relation the answer cannot know of is then
 * neither right nor wrong; a cell cut or merged differently still loses its relations.
 */
export type Partial = 'rows' | 'area'

function restrictTo(expected: Grid, detected: readonly Relation[]): Relation[] {
  const texts = new Set(expected.flat().map(squash).filter(Boolean))
  return detected.filter((r) => texts.has(r.a) && texts.has(r.b))
}

/** The counts of one expected table against one detected grid. */
export function scoreTable(expected: Grid, detected: Grid, partial?: Partial): Counts {
  const want = relations(expected)
  if (!partial) return compare(want, relations(detected))
  if (partial === 'area') return compare(want, restrictTo(expected, relations(detected)))
  let best: Counts = compare(want, [])
  const k = Math.min(expected.length, detected.length)
  for (let start = 0; start + k <= detected.length; start++) {
    const got = compare(want, restrictTo(expected, relations(detected.slice(start, start + k))))
    if (better(got, best)) best = got
  }
  return best
}

/** Higher F1 first; on a tie, more correct relations. */
export function better(x: Counts, y: Counts): boolean {
  const fx = prf(x).f1
  const fy = prf(y).f1
  return fx > fy || (fx === fy && x.correct > y.correct)
}
