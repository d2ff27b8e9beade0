import type { GrayImage, OcrEngine } from './engine.js'
import { turnQuarters } from './raster.js'

/**
 * Which way up a scanned page is. Lines of print leave blank rows of paper between them, across
 * the whole page; a page fed sideways leaves blank columns instead. So the share of blank rows
 * against blank columns (rules taken out first) says upright or sideways. Which of the two
 * sideways ways is up takes reading: a band of the page is read both ways and the way with the
 * more confident words wins. A page upside down lies as an upright one does; it reads badly, and
 * only then is a band of it read turned half way round too (./ocr-page.ts), so an upright page
 * costs no extra reading. (tesseract's own orientation model is not in the npm data package.)
 */

/** Blank rows must outnumber blank columns by this much for the page to count as upright, and the reverse. */
const CLEAR = 1.3

/** Share of blank lines (rows, or columns) inside the box of the ink. */
function blankShare(ink: Uint8Array, width: number, height: number, rows: boolean): number {
  const lines = rows ? height : width
  const along = rows ? width : height
  const counts = new Uint32Array(lines)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (ink[y * width + x]) counts[rows ? y : x]! += 1
  let first = 0
  while (first < lines && counts[first] === 0) first++
  let last = lines - 1
  while (last > first && counts[last] === 0) last--
  if (last <= first) return 0
  // A speck of noise does not make a line of print.
  const speck = Math.max(1, Math.floor(along * 0.002))
  let blank = 0
  for (let i = first; i <= last; i++) if (counts[i]! <= speck) blank++
  return blank / (last - first + 1)
}

export type Lie = 'upright' | 'sideways' | 'unclear'

export function lieOf(ink: Uint8Array, width: number, height: number): Lie {
  const rows = blankShare(ink, width, height, true)
  const columns = blankShare(ink, width, height, false)
  if (rows > CLEAR * columns) return 'upright'
  if (columns > CLEAR * rows) return 'sideways'
  return 'unclear'
}

/** A band across the middle of the image: a fifth of its height, for a quick trial read. */
function band(image: GrayImage): GrayImage {
  const height = Math.max(1, Math.floor(image.height / 5))
  const top = Math.floor((image.height - height) / 2)
  return { width: image.width, height, data: image.data.slice(top * image.width, (top + height) * image.width) }
}

/** How well a trial read went: confidence summed over real words, so more text read well scores higher. */
async function readScore(image: GrayImage, engine: OcrEngine, dpi: number, signal?: AbortSignal): Promise<number> {
  const { words } = await engine.recognise(band(image), { dpi, signal })
  return words.filter((w) => /[A-Za-z]{3}/.test(w.text)).reduce((s, w) => s + w.confidence, 0)
}

/** Quarter turns clockwise that bring the page upright. */
export async function uprightTurn(image: GrayImage, ink: Uint8Array, engine: OcrEngine, dpi: number, signal?: AbortSignal): Promise<0 | 1 | 3> {
  const lie = lieOf(ink, image.width, image.height)
  if (lie === 'upright') return 0
  const tries: (0 | 1 | 3)[] = lie === 'sideways' ? [1, 3] : [0, 1, 3]
  let best: 0 | 1 | 3 = 0
  let bestScore = -1
  for (const quarters of tries) {
    const score = await readScore(turnQuarters(image, quarters).image, engine, dpi, signal)
    if (score > bestScore) {
      bestScore = score
      best = quarters
    }
  }
  return best
}

/** The half-turned band must read this much better than the band as it lies: a poor scan read upright stays as it is. */
const HALF_TURN_GAIN = 2

/** True when a band of the page, turned half way round, reads clearly better than as it lies. */
export async function upsideDown(image: GrayImage, engine: OcrEngine, dpi: number, signal?: AbortSignal): Promise<boolean> {
  const asItLies = await readScore(image, engine, dpi, signal)
  const turned = await readScore(turnQuarters(image, 2).image, engine, dpi, signal)
  return turned > HALF_TURN_GAIN * asItLies
}
