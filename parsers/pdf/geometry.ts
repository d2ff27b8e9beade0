/**
 * Two coordinate systems meet here. Layout work (lines, grids, reading order) happens in a
 * top-left, y-down frame taken from the page viewport, so a rotated or landscape page reads the
 * way it is displayed; provenance is reported back in PDF user space (points, origin bottom-left).
 */

export type Matrix = readonly [number, number, number, number, number, number]

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

/** A box in the layout frame: x grows right, y grows down, x0 <= x1 and y0 <= y1. */
export interface Box {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** `m` applied after `first`, as PDF's `cm` composes: the result maps a point through `first`, then `m`. */
export function compose(first: Matrix, m: Matrix): Matrix {
  // Read by index: destructuring goes through the array iterator, which costs more than the sums
  // until the optimiser has seen it (this runs for every text item of every page).
  const a1 = first[0], b1 = first[1], c1 = first[2], d1 = first[3], e1 = first[4], f1 = first[5]
  const a2 = m[0], b2 = m[1], c2 = m[2], d2 = m[3], e2 = m[4], f2 = m[5]
  return [a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2, e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2]
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

export function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m
  const det = a * d - b * c || 1
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]
}

/** How much a matrix scales lengths, on average: line widths and font sizes go through it. */
export function scaleOf(m: Matrix): number {
  return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]))
}

// Every text run and every cell's provenance passes through here: one loop, no arrays of coordinates.
export function boxOf(points: ReadonlyArray<readonly [number, number]>): Box {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const p of points) {
    x0 = Math.min(x0, p[0])
    y0 = Math.min(y0, p[1])
    x1 = Math.max(x1, p[0])
    y1 = Math.max(y1, p[1])
  }
  return { x0, y0, x1, y1 }
}

export function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) }
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
  return w > 0 && h > 0 ? w * h : 0
}

export function area(b: Box): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0)
}

export function contains(b: Box, x: number, y: number, tolerance = 0): boolean {
  return x >= b.x0 - tolerance && x <= b.x1 + tolerance && y >= b.y0 - tolerance && y <= b.y1 + tolerance
}

/** Left edges of columns this close to a piece of text count as its column's. */
export const ALIGN = 4

/** The column whose left edge is the last at or before `x` (within ALIGN); -1 left of them all. */
export function columnAt(starts: readonly number[], x: number): number {
  return starts.findLastIndex((s) => s <= x + ALIGN)
}

/** The page as laid out: user space → layout through the viewport transform, and back. */
export interface PageFrame {
  width: number
  height: number
  toLayout: Matrix
  /** A layout box as a PDF user-space bbox [x0, y0, x1, y1], origin bottom-left, rounded to 0.01pt. */
  toPdfBox(box: Box): [number, number, number, number]
}

function frameOf(toLayout: Matrix, width: number, height: number): PageFrame {
  const back = invert(toLayout)
  const round = (v: number): number => Math.round(v * 100) / 100
  return {
    width,
    height,
    toLayout,
    toPdfBox(box) {
      const b = boxOf([apply(back, box.x0, box.y0), apply(back, box.x1, box.y1)])
      return [round(b.x0), round(b.y0), round(b.x1), round(b.y1)]
    },
  }
}

/** The page as its viewport shows it (the page's /Rotate applied). */
export function pageFrame(viewport: { width: number; height: number; transform: number[] }): PageFrame {
  const t = viewport.transform
  return frameOf([t[0] ?? 1, t[1] ?? 0, t[2] ?? 0, t[3] ?? 1, t[4] ?? 0, t[5] ?? 0], viewport.width, viewport.height)
}

/**
 * The frame turned by quarter turns clockwise, for a page whose text runs sideways as displayed
 * (a landscape table drawn turned on a portrait page): 1 when the text runs down the page, 2
 * upside down, 3 up the page. Layout then reads the text upright.
 */
export function turnFrame(frame: PageFrame, quarters: 0 | 1 | 2 | 3): PageFrame {
  const { width: w, height: h } = frame
  if (quarters === 0) return frame
  const turn: Matrix = quarters === 1 ? [0, -1, 1, 0, 0, w] : quarters === 2 ? [-1, 0, 0, -1, w, h] : [0, 1, -1, 0, h, 0]
  return frameOf(compose(frame.toLayout, turn), quarters === 2 ? w : h, quarters === 2 ? h : w)
}

/** Which way a run of text points in the layout frame, as quarter turns from upright (see turnFrame). */
export function quartersOf(m: Matrix): 0 | 1 | 2 | 3 {
  const [a, b] = m
  if (Math.abs(a) >= Math.abs(b)) return a >= 0 ? 0 : 2
  return b > 0 ? 1 : 3
}
