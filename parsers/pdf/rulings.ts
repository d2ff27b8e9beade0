import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { apply, compose, scaleOf, type Box, type Matrix } from './geometry.js'

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

/** Subpaths as lists of points in the layout frame; a curve breaks the straight run it is in. */
function subpaths(data: ArrayLike<number>, toLayout: Matrix): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean }[] = []
  let current: { points: [number, number][]; closed: boolean } | null = null
  for (let i = 0; i < data.length; ) {
    const op = data[i]
    if (op === DRAW.moveTo || op === DRAW.lineTo) {
      const p = apply(toLayout, data[i + 1] ?? 0, data[i + 2] ?? 0)
      if (op === DRAW.moveTo || !current) {
        current = { points: [], closed: false }
        out.push(current)
      }
      current.points.push(p)
      i += 3
    } else if (op === DRAW.curveTo || op === DRAW.quadraticCurveTo) {
      const n = op === DRAW.curveTo ? 6 : 4
      const end = apply(toLayout, data[i + n - 1] ?? 0, data[i + n] ?? 0)
      current = { points: [end], closed: false }
      out.push(current)
      i += n + 1
    } else if (op === DRAW.closePath) {
      const open = current as { points: [number, number][]; closed: boolean } | null
      if (open) open.closed = true
      const start = open?.points[0]
      if (start) {
        current = { points: [start], closed: false }
        out.push(current)
      }
      i += 1
    } else break
  }
  return out.filter((s) => s.points.length > 1)
}

function edges(points: [number, number][], closed: boolean): [[number, number], [number, number]][] {
  const out: [[number, number], [number, number]][] = []
  for (let i = 1; i < points.length; i++) out.push([points[i - 1]!, points[i]!])
  if (closed && points.length > 2) out.push([points[points.length - 1]!, points[0]!])
  return out
}

function segmentOf([a, b]: [[number, number], [number, number]]): Segment | null {
  const dx = Math.abs(a[0] - b[0])
  const dy = Math.abs(a[1] - b[1])
  if (dy <= SLANT && dx > dy) return { orient: 'h', at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) }
  if (dx <= SLANT && dy > dx) return { orient: 'v', at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) }
  return null
}

/** The box of a closed subpath when it is an axis-aligned rectangle. */
function rectangleOf(points: [number, number][]): Box | null {
  const pts = points.length > 4 && near(points[0]!, points[points.length - 1]!) ? points.slice(0, -1) : points
  if (pts.length !== 4) return null
  const es = edges(pts, true)
  if (!es.every((e) => segmentOf(e) !== null || near(e[0], e[1]))) return null
  const xs = pts.map((p) => p[0])
  const ys = pts.map((p) => p[1])
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }
}

const near = (a: [number, number], b: [number, number]): boolean => Math.abs(a[0] - b[0]) < 0.01 && Math.abs(a[1] - b[1]) < 0.01

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
        const paths = subpaths(data as ArrayLike<number>, toLayout)
        if (STROKES.has(paintOp) && !isWhite(state.stroke) && state.lineWidth * scaleOf(toLayout) < 6) {
          const closes = paintOp === OPS.closeStroke || paintOp === OPS.closeFillStroke || paintOp === OPS.closeEOFillStroke
          for (const p of paths) for (const e of edges(p.points, p.closed || closes)) {
            const s = segmentOf(e)
            if (s) segments.push(s)
          }
        }
        if (FILLS.has(paintOp)) {
          for (const p of paths) {
            const box = rectangleOf(p.points)
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
