import type { Box } from './geometry.js'
import type { Segment } from './rulings.js'

/**
 * Ruled tables from rules: segments merged into lines, lines that touch grouped into one table
 * each, the distinct x and y positions giving the grid, and a cell spanning wherever an inner rule
 * is missing.
 */

export interface GridCell {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  box: Box
}

export interface Grid {
  xs: number[]
  ys: number[]
  cells: GridCell[]
  box: Box
}

/** Rules closer than this are one rule (double borders, a cell border drawn by both neighbours). */
const SAME_LINE = 2.5
/** Gaps shorter than this along a rule are joins between cells, not breaks. */
const JOIN_GAP = 3
/** How far a rule may stop short of the one it meets and still touch it. */
const TOUCH = 3
const MIN_CELL = 4

interface Rule {
  at: number
  from: number
  to: number
}

function cluster(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const groups: number[][] = []
  for (const v of sorted) {
    const g = groups[groups.length - 1]
    if (g && v - g[g.length - 1]! <= tolerance) g.push(v)
    else groups.push([v])
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length)
}

/** Collinear segments merged: one rule per position and unbroken run. */
export function mergeRules(segments: readonly Segment[], orient: 'h' | 'v'): Rule[] {
  const mine = segments.filter((s) => s.orient === orient).sort((a, b) => a.at - b.at)
  const bands: Segment[][] = []
  for (const s of mine) {
    const band = bands[bands.length - 1]
    if (band && s.at - band[band.length - 1]!.at <= SAME_LINE) band.push(s)
    else bands.push([s])
  }
  const rules: Rule[] = []
  for (const band of bands) {
    const at = band.reduce((sum, s) => sum + s.at, 0) / band.length
    const spans = band.map((s) => [s.from, s.to] as const).sort((a, b) => a[0] - b[0])
    let [from, to] = spans[0]!
    for (const [f, t] of spans.slice(1)) {
      if (f <= to + JOIN_GAP) to = Math.max(to, t)
      else {
        rules.push({ at, from, to })
        from = f
        to = t
      }
    }
    rules.push({ at, from, to })
  }
  return rules.filter((r) => r.to - r.from >= MIN_CELL)
}

const touches = (h: Rule, v: Rule): boolean => v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH

/** Share of [from, to] covered by the rules at position `at`. */
function coverage(rules: readonly Rule[], at: number, from: number, to: number): number {
  const length = to - from
  if (length <= 0) return 1
  let covered = 0
  for (const r of rules) {
    if (Math.abs(r.at - at) > SAME_LINE + 0.5) continue
    covered += Math.max(0, Math.min(to, r.to + 0.5) - Math.max(from, r.from - 0.5))
  }
  return covered / length
}

/**
 * Spreadsheet exports often draw no frame: the row rules run out past the outermost column rule
 * to the table's edge. Where at least half the row rules (two at least) run past it, their ends
 * are the table's outer edge.
 */
function openEdges(hs: readonly Rule[], xs: number[]): number[] {
  if (xs.length === 0 || hs.length < 2) return xs
  const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!
  const left = hs.filter((h) => h.from < xs[0]! - MIN_CELL).map((h) => h.from)
  const right = hs.filter((h) => h.to > xs[xs.length - 1]! + MIN_CELL).map((h) => h.to)
  const out = [...xs]
  if (left.length >= 2 && left.length * 2 >= hs.length) out.unshift(median(left))
  if (right.length >= 2 && right.length * 2 >= hs.length) out.push(median(right))
  return out
}

function gridOf(hs: Rule[], vs: Rule[]): Grid | null {
  const xs = openEdges(
    hs,
    cluster(
      vs.map((v) => v.at),
      SAME_LINE,
    ),
  )
  const ys = cluster(
    hs.map((h) => h.at),
    SAME_LINE,
  )
  if (xs.length < 2 || ys.length < 2) return null
  // The rules near each grid line, in their order, found once: coverage is asked for every cell
  // edge, and reading every rule each time made placing a ruled page's grid quadratic.
  const nearV = xs.map((x) => vs.filter((r) => Math.abs(r.at - x) <= SAME_LINE + 0.5))
  const nearH = ys.map((y) => hs.filter((r) => Math.abs(r.at - y) <= SAME_LINE + 0.5))
  const hasV = (c: number, r: number): boolean => coverage(nearV[c]!, xs[c]!, ys[r]!, ys[r + 1]!) >= 0.5
  const hasH = (r: number, c0: number, c1: number): boolean => {
    let covered = 0
    for (let c = c0; c < c1; c++) covered += coverage(nearH[r]!, ys[r]!, xs[c]!, xs[c + 1]!) * (xs[c + 1]! - xs[c]!)
    return covered / (xs[c1]! - xs[c0]!) >= 0.5
  }
  const rows = ys.length - 1
  const cols = xs.length - 1
  const taken: boolean[][] = Array.from({ length: rows }, () => Array<boolean>(cols).fill(false))
  const cells: GridCell[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (taken[r]![c]) continue
      let colSpan = 1
      while (c + colSpan < cols && !hasV(c + colSpan, r) && !taken[r]![c + colSpan]) colSpan += 1
      let rowSpan = 1
      while (r + rowSpan < rows && !hasH(r + rowSpan, c, c + colSpan) && !taken[r + rowSpan]!.slice(c, c + colSpan).some(Boolean)) rowSpan += 1
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) taken[rr]![cc] = true
      cells.push({ row: r, col: c, rowSpan, colSpan, box: { x0: xs[c]!, y0: ys[r]!, x1: xs[c + colSpan]!, y1: ys[r + rowSpan]! } })
    }
  }
  return { xs, ys, cells, box: { x0: xs[0]!, y0: ys[0]!, x1: xs[cols]!, y1: ys[rows]! } }
}

export function ruledGrids(segments: readonly Segment[]): Grid[] {
  const hs = mergeRules(segments, 'h')
  const vs = mergeRules(segments, 'v')
  // Union-find over rules: every rule of one table touches another rule of it.
  const all = [...hs.map((r) => ({ r, h: true })), ...vs.map((r) => ({ r, h: false }))]
  const parent = all.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  for (let i = 0; i < hs.length; i++)
    for (let j = 0; j < vs.length; j++) if (touches(hs[i]!, vs[j]!)) parent[find(i)] = find(hs.length + j)
  const groups = new Map<number, { hs: Rule[]; vs: Rule[] }>()
  all.forEach((item, i) => {
    const root = find(i)
    const g = groups.get(root) ?? { hs: [], vs: [] }
    ;(item.h ? g.hs : g.vs).push(item.r)
    groups.set(root, g)
  })
  const grids: Grid[] = []
  for (const g of groups.values()) {
    const grid = gridOf(g.hs, g.vs)
    if (grid && grid.cells.length >= 2) grids.push(grid)
  }
  return grids.sort((a, b) => a.box.y0 - b.box.y0)
}
