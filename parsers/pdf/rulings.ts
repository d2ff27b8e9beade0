import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { compose, scaleOf, type Box, type Matrix } from './geometry.js'

/**
 * The vector graphics of a page reduced to what tables are made of: horizontal and vertical rules
 * (stroked lines, and the thin filled rectangles some producers draw instead) and filled
 * rectangles with their colour (cell shading). Everything is in the layout frame.
 *
 * pdf.js 5 packs each path into one `constructPath` op: args are [paintOp, [data], minMax], where
 * data is a Float32Array of drawing commands (0 moveTo x y, 1 lineTo x y, 2 curveTo 6 numbers,
 * 3 quadraticCurveTo 4 numbers, 4 closePath) in the current user space, not yet transformed.
 * Colours arrive as "#rrggbb" strings: the worker converts every colour space to RGB.
 */

export interface Segment {
  orient: 'h' | 'v'
  /** y of a horizontal rule, x of a vertical one. */
  at: number
  from: number
  to: number
}

export interface FilledRect {
  box: Box
  /** Lower-case #rrggbb. */
  fill: string
}

export interface PageGraphics {
  segments: Segment[]
  rects: FilledRect[]
  images: number
}

/** A filled rectangle thinner than this is a rule, not shading. */
const THIN = 2.5
/** How far off axis a line may lean and still be a rule. */
const SLANT = 1

const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const

interface State {
  ctm: Matrix
  fill: string
  stroke: string
  lineWidth: number
}

const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
const IMAGES = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
])

export function toHex(color: unknown): string | null {
  if (typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color)) return color.toLowerCase()
  if (color && typeof color === 'object' && 'length' in color) {
    const parts = Array.from(color as ArrayLike<number>).slice(0, 3)
    if (parts.length === 3) return `#${parts.map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('')}`
  }
  return null
}

/**
 * A path's points in the layout frame, flat (x, y, x, y, …), and its subpaths as ranges of them:
 * a curve breaks the straight run it is in. Points are not kept as [x, y] pairs: every rule of
 * every page passes through here, and the pairs were most of what reading the graphics allocated.
 */
interface Subpaths {
  xy: number[]
  /** Per subpath: index of its first point, index past its last point, and whether it was closed. */
  from: number[]
  to: number[]
  closed: boolean[]
}

function subpaths(data: ArrayLike<number>, m: Matrix): Subpaths {
  const xy: number[] = []
  const from: number[] = []
  const to: number[] = []
  const closed: boolean[] = []
  let open = false
  const add = (x: number, y: number): void => {
    xy.push(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
  }
  const start = (): void => {
    from.push(xy.length / 2)
    to.push(xy.length / 2)
    closed.push(false)
    open = true
  }
  for (let i = 0; i < data.length; ) {
    const op = data[i]
    if (op === DRAW.moveTo || op === DRAW.lineTo) {
      if (op === DRAW.moveTo || !open) start()
      add(data[i + 1] ?? 0, data[i + 2] ?? 0)
      to[to.length - 1]! += 1
      i += 3
    } else if (op === DRAW.curveTo || op === DRAW.quadraticCurveTo) {
      const n = op === DRAW.curveTo ? 6 : 4
      start()
      add(data[i + n - 1] ?? 0, data[i + n] ?? 0)
      to[to.length - 1]! += 1
      i += n + 1
    } else if (op === DRAW.closePath) {
      if (open) {
        const k = closed.length - 1
        closed[k] = true
        // The next subpath starts where the closed one did (when it has a point).
        if (to[k]! > from[k]!) {
          const first = from[k]!
          start()
          xy.push(xy[2 * first]!, xy[2 * first + 1]!)
          to[to.length - 1]! += 1
        }
      }
      i += 1
    } else break
  }
  return { xy, from, to, closed }
}

function segmentOf(ax: number, ay: number, bx: number, by: number): Segment | null {
  const dx = Math.abs(ax - bx)
  const dy = Math.abs(ay - by)
  if (dy <= SLANT && dx > dy) return { orient: 'h', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) }
  if (dx <= SLANT && dy > dx) return { orient: 'v', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) }
  return null
}

const isAxisEdge = (ax: number, ay: number, bx: number, by: number): boolean => {
  const dx = Math.abs(ax - bx)
  const dy = Math.abs(ay - by)
  return (dy <= SLANT && dx > dy) || (dx <= SLANT && dy > dx) || (dx < 0.01 && dy < 0.01)
}

/** The box of the subpath of points [a, b) when it is an axis-aligned rectangle (closed or not). */
function rectangleOf(xy: readonly number[], a: number, b: number): Box | null {
  // A rectangle drawn back to its first corner has that corner twice.
  const end = b - a > 4 && Math.abs(xy[2 * a]! - xy[2 * b - 2]!) < 0.01 && Math.abs(xy[2 * a + 1]! - xy[2 * b - 1]!) < 0.01 ? b - 1 : b
  if (end - a !== 4) return null
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (let k = a; k < end; k++) {
    const next = k + 1 < end ? k + 1 : a
    const x = xy[2 * k]!
    const y = xy[2 * k + 1]!
    if (!isAxisEdge(x, y, xy[2 * next]!, xy[2 * next + 1]!)) return null
    x0 = Math.min(x0, x)
    y0 = Math.min(y0, y)
    x1 = Math.max(x1, x)
    y1 = Math.max(y1, y)
  }
  return { x0, y0, x1, y1 }
}

const isWhite = (hex: string): boolean => /^#(?:f[a-f0-9]){3}$/.test(hex)

export function pageGraphics(operatorList: { fnArray: number[]; argsArray: unknown[] }, pageToLayout: Matrix): PageGraphics {
  const segments: Segment[] = []
  const rects: FilledRect[] = []
  let images = 0
  let state: State = { ctm: [1, 0, 0, 1, 0, 0], fill: '#000000', stroke: '#000000', lineWidth: 1 }
  const stack: State[] = []
  const { fnArray, argsArray } = operatorList
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]
    const args = argsArray[i] as unknown[] | null
    switch (fn) {
      case OPS.save:
        stack.push({ ...state })
        break
      case OPS.restore:
        state = stack.pop() ?? state
        break
      case OPS.transform:
        state.ctm = compose((args ?? [1, 0, 0, 1, 0, 0]) as unknown as Matrix, state.ctm)
        break
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...state })
        const m = args?.[0]
        if (Array.isArray(m) || ArrayBuffer.isView(m)) state.ctm = compose(Array.from(m as ArrayLike<number>) as unknown as Matrix, state.ctm)
        break
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state
        break
      case OPS.setLineWidth:
        state.lineWidth = Number(args?.[0] ?? 1)
        break
      case OPS.setGState:
        for (const entry of (args?.[0] ?? []) as [string, unknown][]) if (entry[0] === 'LW') state.lineWidth = Number(entry[1])
        break
      case OPS.setFillRGBColor:
        state.fill = toHex(args?.[0]) ?? state.fill
        break
      case OPS.setStrokeRGBColor:
        state.stroke = toHex(args?.[0]) ?? state.stroke
        break
      case OPS.constructPath: {
        const paintOp = args?.[0] as number
        const data = (args?.[1] as unknown[] | undefined)?.[0]
        if (!data || typeof (data as ArrayLike<number>).length !== 'number') break
        const toLayout = compose(state.ctm, pageToLayout)
        const { xy, from, to, closed } = subpaths(data as ArrayLike<number>, toLayout)
        const count = from.length
        if (STROKES.has(paintOp) && !isWhite(state.stroke) && state.lineWidth * scaleOf(toLayout) < 6) {
          const closes = paintOp === OPS.closeStroke || paintOp === OPS.closeFillStroke || paintOp === OPS.closeEOFillStroke
          for (let p = 0; p < count; p++) {
            const a = from[p]!
            const b = to[p]!
            // A subpath of one point draws nothing.
            if (b - a < 2) continue
            for (let k = a + 1; k < b; k++) {
              const s = segmentOf(xy[2 * k - 2]!, xy[2 * k - 1]!, xy[2 * k]!, xy[2 * k + 1]!)
              if (s) segments.push(s)
            }
            if ((closed[p] || closes) && b - a > 2) {
              const s = segmentOf(xy[2 * b - 2]!, xy[2 * b - 1]!, xy[2 * a]!, xy[2 * a + 1]!)
              if (s) segments.push(s)
            }
          }
        }
        if (FILLS.has(paintOp)) {
          for (let p = 0; p < count; p++) {
            if (to[p]! - from[p]! < 2) continue
            const box = rectangleOf(xy, from[p]!, to[p]!)
            if (!box) continue
            const w = box.x1 - box.x0
            const h = box.y1 - box.y0
            if (Math.min(w, h) < THIN) {
              if (isWhite(state.fill) || Math.max(w, h) < 1) continue
              if (w >= h) segments.push({ orient: 'h', at: (box.y0 + box.y1) / 2, from: box.x0, to: box.x1 })
              else segments.push({ orient: 'v', at: (box.x0 + box.x1) / 2, from: box.y0, to: box.y1 })
            } else rects.push({ box, fill: state.fill })
          }
        }
        break
      }
      default:
        if (fn !== undefined && IMAGES.has(fn)) images += 1
    }
  }
  return { segments, rects, images }
}
