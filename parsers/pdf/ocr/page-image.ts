import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { apply, boxOf, compose, type Matrix } from '../geometry.js'
import type { GrayImage } from './engine.js'
import { toGray, type DecodedImage } from './raster.js'

/**
 * The scanned image of a page: the image XObject a scanner or img2pdf draws over the page, as
 * pdf.js decodes it (JPEG, Flate, CCITT, JBIG2 alike), in grey, with the matrix that places its
 * pixels in PDF user space. A page whose images cover under half of it is not a scan.
 */

export interface PageImage {
  image: GrayImage
  /** Image pixel (x right, y down) → PDF user space. */
  toUser: Matrix
}

/** Share of the page an image must cover to be the page's scan. */
const COVER = 0.5

interface Painted {
  name: string | null
  inline: DecodedImage | null
  toUser: Matrix
  area: number
}

export function paintedImages(operators: { fnArray: number[]; argsArray: unknown[] }): Painted[] {
  const found: Painted[] = []
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  const { fnArray, argsArray } = operators
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] as unknown[] | null
    switch (fnArray[i]) {
      case OPS.save:
        stack.push(ctm)
        break
      case OPS.restore:
        ctm = stack.pop() ?? ctm
        break
      case OPS.transform:
        ctm = compose(Array.from((args ?? [1, 0, 0, 1, 0, 0]) as number[]) as unknown as Matrix, ctm)
        break
      case OPS.paintFormXObjectBegin: {
        stack.push(ctm)
        const m = args?.[0]
        if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = compose(Array.from(m as ArrayLike<number>) as unknown as Matrix, ctm)
        break
      }
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm
        break
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject: {
        const inline = fnArray[i] === OPS.paintInlineImageXObject ? ((args?.[0] as DecodedImage | undefined) ?? null) : null
        const name = inline ? null : typeof args?.[0] === 'string' ? args[0] : null
        const box = boxOf([apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)])
        found.push({ name, inline, toUser: ctm, area: (box.x1 - box.x0) * (box.y1 - box.y0) })
        break
      }
    }
  }
  return found
}

function decoded(page: PDFPageProxy, painted: Painted): DecodedImage | null {
  if (painted.inline) return painted.inline
  const name = painted.name
  if (!name) return null
  // Images used on several pages live in the document's common objects ("g_" names).
  const store = name.startsWith('g_') ? page.commonObjs : page.objs
  try {
    if (!store.has(name)) return null
    const image = store.get(name) as DecodedImage | null
    return image && typeof image.width === 'number' && image.data ? image : null
  } catch {
    return null
  }
}

/** The images drawn over most of the page, largest first: its scan, if it has one. */
function scanCandidates(page: PDFPageProxy, operators: { fnArray: number[]; argsArray: unknown[] }): Painted[] {
  const [x0, y0, x1, y1] = page.view as [number, number, number, number]
  const pageArea = Math.abs((x1 - x0) * (y1 - y0))
  return paintedImages(operators)
    .filter((p) => p.area >= COVER * pageArea)
    .sort((a, b) => b.area - a.area)
}

/** Whether an image covers most of the page, without decoding it: before OCR is loaded at all. */
export const hasScan = (page: PDFPageProxy, operators: { fnArray: number[]; argsArray: unknown[] }): boolean => scanCandidates(page, operators).length > 0

/** The page's scan, or null when no image covers most of the page (or pdf.js could not decode it). */
export function pageImage(page: PDFPageProxy, operators: { fnArray: number[]; argsArray: unknown[] }): PageImage | null {
  for (const painted of scanCandidates(page, operators)) {
    const raw = decoded(page, painted)
    const image = raw ? toGray(raw) : null
    if (!image) continue
    // The image's unit square is drawn by the matrix; its first row is the top (y = 1).
    const toUnit: Matrix = [1 / image.width, 0, 0, -1 / image.height, 0, 1]
    return { image, toUser: compose(toUnit, painted.toUser) }
  }
  return null
}
