import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Diagnostic } from '../../../schemas/index.js'
import { apply, compose, invert, scaleOf, type Matrix, type PageFrame } from '../geometry.js'
import { fromGeometry, geometryInput, inReadingOrder, type PageResult } from '../page.js'
import { skewAngle } from './deskew.js'
import type { GrayImage, OcrEngine, OcrWord } from './engine.js'
import { eraseRules, findRules, type PixelRule } from './image-rules.js'
import { upsideDown, uprightTurn } from './orientation.js'
import { pageImage } from './page-image.js'
import { drawsBesideImages, renderPage } from './render-page.js'
import { binarise, otsuThreshold, rotateSmall, turnQuarters } from './raster.js'
import { markCellConfidence, phraseRuns, ruleSegment, wordRun, type PlacedWord } from './words-to-runs.js'

/**
 * A scanned page read by OCR: its image from pdf.js (the page rendered whole where it draws over
 * its scan, ./render-page.ts), turned upright (upside down only when it reads
 * badly), straightened, thresholded;
 * its ruling lines found and taken out; its words recognised. Words and rules then go through the
 * same table detection as a born-digital page's text and vector rules. The layout frame is the
 * upright, straightened image scaled to points, so lines of words are level even on a skewed scan.
 */

/** Under this mean word confidence (0–100) a page's text is not to be trusted without a look. */
export const LOW_CONFIDENCE = 70
/** Under this resolution small print is a few pixels high: OCR misreads it or finds nothing. */
export const COARSE = 120

export interface OcrPageResult extends PageResult {
  /** Mean word confidence of the page, 0–1. */
  confidence: number
}

export interface OcrPageContext {
  engine: OcrEngine
  signal?: AbortSignal
}

/** A frame whose layout is the straightened image in points (`scale` points a pixel). */
function imageFrame(imageToUser: Matrix, width: number, height: number, scale: number): PageFrame {
  const toLayout = compose(invert(imageToUser), [scale, 0, 0, scale, 0, 0])
  const back = invert(toLayout)
  const round = (v: number): number => Math.round(v * 100) / 100
  return {
    width: width * scale,
    height: height * scale,
    toLayout,
    toPdfBox(box) {
      const corners = [apply(back, box.x0, box.y0), apply(back, box.x1, box.y0), apply(back, box.x0, box.y1), apply(back, box.x1, box.y1)]
      const xs = corners.map((c) => c[0])
      const ys = corners.map((c) => c[1])
      return [round(Math.min(...xs)), round(Math.min(...ys)), round(Math.max(...xs)), round(Math.max(...ys))]
    },
  }
}

const inkImage = (ink: Uint8Array, width: number, height: number): GrayImage => {
  const data = new Uint8Array(ink.length)
  for (let i = 0; i < ink.length; i++) data[i] = ink[i] ? 0 : 255
  return { width, height, data }
}

/** What OCR made of a page's scan, before layout. */
export interface Recognised {
  words: OcrWord[]
  rules: PixelRule[]
  /** Mean word confidence, 0–100. */
  confidence: number
  toUser: Matrix
  width: number
  height: number
  quarters: number
  skew: number
  /** Resolution of the scan, dots per inch. */
  dpi: number
  /** The page was rendered whole (it draws over its scan), not read from the scan's image alone. */
  rendered?: boolean
}

/** The scan turned by `quarters`, straightened, its rules found and taken out, and read. */
async function readTurned(scan: GrayImage, scanToUser: Matrix, quarters: 0 | 1 | 2 | 3, threshold: number, dpi: number, { engine, signal }: OcrPageContext) {
  const turned = turnQuarters(scan, quarters)
  const { width, height } = turned.image
  const skew = skewAngle(binarise(turned.image, threshold), width, height)
  const straight = rotateSmall(turned.image, -skew)
  const ink = binarise(straight.image, threshold)
  const toUser = compose(compose(straight.toSource, turned.toSource), scanToUser)
  const found = findRules(ink, width, height, { minLength: Math.round(dpi / 3), thick: Math.max(4, Math.round(dpi * 0.06)), edge: Math.max(2, Math.round(dpi / 60)) })
  const text = inkImage(eraseRules(ink, width, found.mask), width, height)
  const result = await engine.recognise(text, { dpi, signal })
  const recognised: Recognised = { words: result.words, rules: found.rules, confidence: result.confidence, toUser, width, height, quarters, skew, dpi: Math.round(dpi) }
  return { recognised, text }
}

/** The page's scan recognised; null when it has none (no image covers most of the page). */
export async function recognisePage(page: PDFPageProxy, operators: { fnArray: number[]; argsArray: unknown[] }, context: OcrPageContext): Promise<Recognised | null> {
  const image = pageImage(page, operators)
  if (!image) return null
  const scanDpi = 72 / scaleOf(image.toUser)
  const rendering = drawsBesideImages(operators) ? await renderPage(page, scanDpi) : null
  const scan = rendering ?? image
  const threshold = otsuThreshold(scan.image)
  const dpi = rendering ? 72 / scaleOf(rendering.toUser) : scanDpi
  const quarters = await uprightTurn(scan.image, binarise(scan.image, threshold), context.engine, dpi, context.signal)
  const first = await readTurned(scan.image, scan.toUser, quarters, threshold, dpi, context)
  // The scan's own resolution is what says whether it is too coarse, whatever it was rendered at.
  const facts = { rendered: rendering !== null, dpi: Math.round(scanDpi) }
  // A page that reads badly may be upside down, which the lie of its lines cannot tell: only then is it tried turned.
  if (first.recognised.words.length === 0 || first.recognised.confidence >= LOW_CONFIDENCE) return { ...first.recognised, ...facts }
  if (!(await upsideDown(first.text, context.engine, dpi, context.signal))) return { ...first.recognised, ...facts }
  return { ...(await readTurned(scan.image, scan.toUser, ((quarters + 2) % 4) as 0 | 1 | 2 | 3, threshold, dpi, context)).recognised, ...facts }
}

/** A recognised page through the born-digital page's table detection. */
export function layoutPage(recognised: Recognised, pageNumber: number, firstTable: number, carried: PageResult['columns']): OcrPageResult {
  const { words, rules, toUser, width, height, quarters, skew } = recognised
  const scale = scaleOf(toUser)
  const frame = imageFrame(toUser, width, height, scale)
  const runs = phraseRuns(words, scale, rules)
  const { placed, columns } = fromGeometry(geometryInput(runs, rules.map((r) => ruleSegment(r, scale)), [], frame, pageNumber, carried))
  const blocks = inReadingOrder(placed, firstTable)
  const placedWords: PlacedWord[] = words.map((w) => {
    const [x0, y0, x1, y1] = frame.toPdfBox(wordRun(w, scale).box)
    return { x: (x0 + x1) / 2, y: (y0 + y1) / 2, confidence: w.confidence }
  })
  markCellConfidence(blocks, placedWords)

  const percent = Math.round(recognised.confidence)
  const turns = [recognised.rendered ? 'rendered with what is drawn over the scan' : '', quarters ? `turned ${quarters * 90}°` : '', skew ? `straightened ${skew}°` : '']
    .filter(Boolean)
    .join(', ')
  const diagnostics: Diagnostic[] = [
    { level: 'info', code: 'OCR', message: `read by OCR: ${words.length} words, mean confidence ${percent}%${turns ? ` (${turns})` : ''}`, page: pageNumber },
  ]
  if (recognised.dpi < COARSE)
    diagnostics.push({
      level: 'warning',
      code: 'OCR_LOW_RESOLUTION',
      message: `page ${pageNumber} is scanned at ${recognised.dpi} dpi, too coarse to read reliably: scan it again at 300 dpi`,
      page: pageNumber,
    })
  if (words.length > 0 && recognised.confidence < LOW_CONFIDENCE)
    diagnostics.push({
      level: 'warning',
      code: 'OCR_LOW_CONFIDENCE',
      message: `page ${pageNumber} read by OCR with mean confidence ${percent}% (under ${LOW_CONFIDENCE}%): check its records against the scan, or scan it again at 300 dpi`,
      page: pageNumber,
    })
  return { blocks, runs: runs.length, images: 1, diagnostics, columns, confidence: percent / 100 }
}
