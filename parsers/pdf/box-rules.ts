import { overlapArea, type Box } from './geometry.js'
import { ruledGrids, type Grid } from './ruled-grid.js'
import type { FilledRect, Segment } from './rulings.js'

/**
 * Tables drawn as filled cell boxes rather than lines: each cell a shaded rectangle, set edge to
 * edge or a hair of white apart (spreadsheet exports, designed reports, zebra-striped statements).
 * The boxes' edges are the table's rules. Only boxes that tile with others count: a group of boxes
 * side by side and one above another, two rows and two columns at least. A lone shaded band (a
 * header row, a call-out, the page's background) draws no rule, so a borderless table under a
 * shaded header stays borderless. Shading inside a table drawn with lines adds nothing: the lines
 * rule it already.
 */

/** Boxes this far apart or less are neighbours: the white between them is the rule. */
const GAP = 4
/** Neighbours share at least this share of the shorter side they face each other along. */
const FACING = 0.5

const isWhite = (hex: string): boolean => /^#(?:f[a-f0-9]){3}$/.test(hex)

/** How far two ranges overlap, as a share of the shorter. */
function facing(a0: number, a1: number, b0: number, b1: number): number {
  const shorter = Math.min(a1 - a0, b1 - b0)
  return shorter <= 0 ? 0 : Math.max(0, Math.min(a1, b1) - Math.max(a0, b0)) / shorter
}

type Side = 'x0' | 'x1' | 'y0' | 'y1'

export function boxRules(rects: readonly FilledRect[]): Segment[] {
  const boxes = distinct(rects.filter((r) => !isWhite(r.fill)).map((r) => ({ ...r.box })))
  if (boxes.length < 4) return []
  const n = boxes.length
  const parent = boxes.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  // Where a neighbour faces a side, the side moves to the middle of the white between them.
  const edge: Box[] = boxes.map((b) => ({ ...b }))
  const across = new Set<number>()
  const down = new Set<number>()
  const byLeft = [...boxes.keys()].sort((i, j) => boxes[i]!.x0 - boxes[j]!.x0)
  const byTop = [...boxes.keys()].sort((i, j) => boxes[i]!.y0 - boxes[j]!.y0)
  const pair = (order: number[], from: Side, to: Side, lo: Side, hi: Side, mark: Set<number>): void => {
    // Each box against those whose `from` side lies just past its `to` side, found by binary search.
    const starts = order.map((i) => boxes[i]![from])
    for (let a = 0; a < n; a++) {
      const A = boxes[a]!
      let k = lowerBound(starts, A[to] - GAP)
      for (; k < order.length && starts[k]! <= A[to] + GAP; k++) {
        const b = order[k]!
        if (b === a) continue
        const B = boxes[b]!
        if (facing(A[lo], A[hi], B[lo], B[hi]) < FACING) continue
        const mid = (A[to] + B[from]) / 2
        edge[a]![to] = mid
        edge[b]![from] = mid
        parent[find(a)] = find(b)
        mark.add(a)
        mark.add(b)
      }
    }
  }
  pair(byLeft, 'x0', 'x1', 'y0', 'y1', across)
  pair(byTop, 'y0', 'y1', 'x0', 'x1', down)
  const groups = new Map<number, number[]>()
  for (let i = 0; i < n; i++) if (across.has(i) || down.has(i)) groups.set(find(i), [...(groups.get(find(i)) ?? []), i])
  const segments: Segment[] = []
  for (const members of groups.values()) {
    // Two rows and two columns at least: two pairs of boxes side by side and two one above another.
    // A column of shaded labels with one coloured value beside it (a card whose RAG is a fill) is
    // a shaded label column, not a table of boxes: its rules, if any, are drawn.
    if (members.length < 4 || members.filter((i) => across.has(i)).length < 4 || members.filter((i) => down.has(i)).length < 4) continue
    for (const i of members) {
      const e = edge[i]!
      segments.push(
        { orient: 'h', at: e.y0, from: e.x0, to: e.x1 },
        { orient: 'h', at: e.y1, from: e.x0, to: e.x1 },
        { orient: 'v', at: e.x0, from: e.y0, to: e.y1 },
        { orient: 'v', at: e.x1, from: e.y0, to: e.y1 },
      )
    }
  }
  return segments
}

/** LibreOffice paints each cell's shading twice: a box painted again is still one box. */
function distinct(boxes: Box[]): Box[] {
  const same = (a: Box, b: Box): boolean => Math.abs(a.x0 - b.x0) < 0.5 && Math.abs(a.y0 - b.y0) < 0.5 && Math.abs(a.x1 - b.x1) < 0.5 && Math.abs(a.y1 - b.y1) < 0.5
  const seen = new Map<string, Box[]>()
  return boxes.filter((b) => {
    const key = `${Math.round(b.x0)},${Math.round(b.y0)}`
    const near = seen.get(key) ?? []
    if (near.some((n) => same(n, b))) return false
    seen.set(key, [...near, b])
    return true
  })
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The drawn grids, and the grids of cell boxes where no drawn grid is. */
export function withBoxGrids(drawn: readonly Grid[], rects: readonly FilledRect[]): Grid[] {
  const boxed = ruledGrids(boxRules(rects)).filter((g) => !drawn.some((d) => overlapArea(d.box, g.box) > 0))
  return boxed.length === 0 ? [...drawn] : [...drawn, ...boxed].sort((a, b) => a.box.y0 - b.box.y0)
}
