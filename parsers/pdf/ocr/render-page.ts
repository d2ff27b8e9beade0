import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { invert, type Matrix } from '../geometry.js'
import type { PageImage } from './page-image.js'
import { IMAGE_KIND, toGray } from './raster.js'

/**
 * A page that draws over its scan (a typed header or note, a stamp, rules added as vectors) shows
 * more than its image holds: such a page is rendered whole by pdf.js onto a canvas
 * (@napi-rs/canvas, which pdf.js itself uses under Node) and the rendering is what OCR reads, so
 * nothing on the page is lost and the added text is read in its place beside the scan.
 */

/** Operators that put text on the page. */
const SHOWS_TEXT = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText])
/** Path painting: pdf.js 5 packs each path into one constructPath op whose first argument is its paint op. */
const PAINTS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])

/** True when the page draws text or painted paths beside its images. */
export function drawsBesideImages(operators: { fnArray: number[]; argsArray: unknown[] }): boolean {
  const { fnArray, argsArray } = operators
  for (let i = 0; i < fnArray.length; i++) {
    const op = fnArray[i]!
    if (SHOWS_TEXT.has(op) || PAINTS.has(op)) return true
    if (op === OPS.constructPath && PAINTS.has((argsArray[i] as unknown[] | null)?.[0] as number)) return true
  }
  return false
}

/** Rendering resolution: the scan's own, within what OCR reads well and memory allows (300 dpi A4 is 35 MB of RGBA). */
const MIN_DPI = 150
const MAX_DPI = 300

/** The page rendered in grey at about the scan's resolution; null when it cannot be (no canvas package, a drawing error). */
export async function renderPage(page: PDFPageProxy, scanDpi: number): Promise<PageImage | null> {
  let createCanvas: typeof import('@napi-rs/canvas').createCanvas
  try {
    ;({ createCanvas } = await import('@napi-rs/canvas'))
  } catch {
    return null
  }
  const dpi = Math.min(MAX_DPI, Math.max(MIN_DPI, Math.round(scanDpi)))
  const viewport = page.getViewport({ scale: dpi / 72 })
  const width = Math.ceil(viewport.width)
  const height = Math.ceil(viewport.height)
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, width, height)
  try {
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise
  } catch {
    // A page pdf.js cannot draw is still read from its scan's image, as a page with nothing over it is.
    return null
  }
  const image = toGray({ width, height, kind: IMAGE_KIND.RGBA_32BPP, data: context.getImageData(0, 0, width, height).data })
  if (!image) return null
  // The viewport maps user space to canvas pixels (x right, y down), the page's /Rotate applied.
  return { image, toUser: invert(viewport.transform as unknown as Matrix) }
}
