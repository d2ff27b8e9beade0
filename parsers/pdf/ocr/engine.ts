import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import Tesseract from 'tesseract.js'
import type { Box } from '../geometry.js'

/**
 * Offline OCR: tesseract.js workers (WebAssembly in worker threads) fed with the English model
 * that @tesseract.js-data/eng ships in node_modules. tesseract.js fetches its model from a CDN
 * unless told where it is, and caches it in the working folder unless told not to: both are
 * turned off here, so reading a scan never touches the network or writes outside the temp folder.
 * Workers start on demand, at most `jobs` of them, and are reused for every page of the file.
 */

/** One byte per pixel, 0 black to 255 white, rows top to bottom. */
export interface GrayImage {
  width: number
  height: number
  data: Uint8Array
}

export interface OcrWord {
  text: string
  /** 0–100, as tesseract reports it. */
  confidence: number
  /** In image pixels, y down. */
  box: Box
  /** Image y of the baseline of the word's text line. */
  baseline: number
  /** Height of the word's text line (ascenders to descenders), in pixels. */
  lineHeight: number
  /** Which text line tesseract put the word in, counted over the page. */
  line: number
}

export interface OcrResult {
  words: OcrWord[]
  /** Mean word confidence, 0–100; 0 when no word was found. */
  confidence: number
}

export interface RecogniseOptions {
  /** Dots per inch of the image, so tesseract sizes its text right. */
  dpi?: number
  signal?: AbortSignal
}

export interface OcrEngine {
  recognise(image: GrayImage, options?: RecogniseOptions): Promise<OcrResult>
  close(): Promise<void>
}

/** The LSTM-only integer model: a third of the size of the full one and as accurate for print. */
const MODEL_FOLDER = '4.0.0_best_int'

export function modelPath(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), MODEL_FOLDER)
}

/** A binary greymap (PGM): the simplest image file tesseract's Leptonica reads. */
export function toPgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`)
  const out = new Uint8Array(header.length + image.data.length)
  out.set(header)
  out.set(image.data, header.length)
  return out
}

/** Page segmentation "auto without OSD": orientation is settled before OCR, and the OSD model is not shipped. */
const PSM_AUTO = '3'

async function startWorker(): Promise<Tesseract.Worker> {
  const worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, { langPath: modelPath(), gzip: true, cacheMethod: 'none' })
  await worker.setParameters({ tessedit_pageseg_mode: PSM_AUTO as Tesseract.PSM })
  return worker
}

interface TessWord {
  text: string
  confidence: number
  bbox: Box
}
interface TessLine {
  words: TessWord[]
  bbox: Box
  baseline: Box
  rowAttributes?: { rowHeight?: number }
}

export function wordsOf(blocks: { paragraphs: { lines: TessLine[] }[] }[] | null): OcrWord[] {
  const words: OcrWord[] = []
  let lineIndex = 0
  for (const block of blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const line of paragraph.lines) {
        lineIndex += 1
        const lineHeight = line.rowAttributes?.rowHeight ?? line.bbox.y1 - line.bbox.y0
        for (const word of line.words) {
          const text = word.text.trim()
          if (!text) continue
          // The line's baseline is a sloped segment; read it under the word.
          const mid = (word.bbox.x0 + word.bbox.x1) / 2
          const { x0, y0, x1, y1 } = line.baseline
          const baseline = x1 === x0 ? y1 : y0 + ((y1 - y0) * (mid - x0)) / (x1 - x0)
          words.push({ text, confidence: word.confidence, box: { ...word.bbox }, baseline, lineHeight, line: lineIndex })
        }
      }
  return words
}

export const meanConfidence = (words: readonly OcrWord[]): number => (words.length === 0 ? 0 : words.reduce((s, w) => s + w.confidence, 0) / words.length)

export function ocrEngine({ jobs = 1 }: { jobs?: number } = {}): OcrEngine {
  const limit = Math.max(1, Math.floor(jobs))
  const idle: Tesseract.Worker[] = []
  const all = new Set<Promise<Tesseract.Worker>>()
  const waiting: ((worker: Tesseract.Worker) => void)[] = []
  let closed = false

  const acquire = async (): Promise<Tesseract.Worker> => {
    const free = idle.pop()
    if (free) return free
    if (all.size < limit) {
      const starting = startWorker()
      all.add(starting)
      starting.catch(() => all.delete(starting))
      return starting
    }
    return new Promise((resolve) => waiting.push(resolve))
  }
  const release = (worker: Tesseract.Worker): void => {
    const next = waiting.shift()
    if (next) next(worker)
    else idle.push(worker)
  }
  // A worker stopped mid-page (time limit) cannot be trusted with the next page: it is ended and
  // its place freed, so the next request starts a fresh one.
  const discard = (worker: Tesseract.Worker): void => {
    for (const entry of all) void entry.then((w) => w === worker && all.delete(entry)).catch(() => undefined)
    void worker.terminate().catch(() => undefined)
    const next = waiting.shift()
    if (next && !closed) void acquire().then(next)
  }

  return {
    async recognise(image, { dpi, signal } = {}) {
      if (closed) throw new Error('OCR engine closed')
      signal?.throwIfAborted()
      const worker = await acquire()
      if (signal?.aborted) {
        release(worker)
        signal.throwIfAborted()
      }
      let onAbort = (): void => undefined
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(signal?.reason ?? new Error('aborted'))
      })
      aborted.catch(() => undefined)
      signal?.addEventListener('abort', onAbort, { once: true })
      try {
        if (dpi) await worker.setParameters({ user_defined_dpi: String(Math.round(dpi)) })
        const result = await Promise.race([worker.recognize(Buffer.from(toPgm(image)), {}, { blocks: true, text: false }), aborted])
        const words = wordsOf(result.data.blocks as unknown as { paragraphs: { lines: TessLine[] }[] }[] | null)
        release(worker)
        return { words, confidence: meanConfidence(words) }
      } catch (error) {
        discard(worker)
        throw error
      } finally {
        signal?.removeEventListener('abort', onAbort)
      }
    },
    async close() {
      closed = true
      const workers = await Promise.allSettled([...all])
      await Promise.allSettled(workers.flatMap((w) => (w.status === 'fulfilled' ? [w.value.terminate()] : [])))
    },
  }
}
