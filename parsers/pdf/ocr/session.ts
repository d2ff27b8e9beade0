import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { OcrOptions } from '../../reader.js'
import type { PageResult } from '../page.js'
import { ocrEngine, type OcrEngine } from './engine.js'
import { COARSE, layoutPage, recognisePage, type OcrPageResult, type Recognised } from './ocr-page.js'

/**
 * OCR for one PDF. `auto` reads the pages that have no text layer but a scan; `force` every page
 * with a scan, even one with text (a bad text layer under the image); `off` none. Recognising is
 * the slow part and needs no page before it, so with several workers the next scanned pages are
 * recognised ahead while the reader lays out the current one; layout stays in page order (tables
 * are numbered and continued from the page before).
 */

const pageWanted = (mode: OcrOptions['mode'], fromText: Pick<PageResult, 'runs' | 'images'>): boolean =>
  fromText.images > 0 && (mode === 'force' || (mode !== 'off' && fromText.runs === 0))

export class OcrSession {
  private engine: OcrEngine | null = null
  private readonly ahead = new Map<number, Promise<Recognised | null>>()
  private readonly jobs: number
  private readonly mode: NonNullable<OcrOptions['mode']>
  private readonly progress: boolean
  private done = 0
  private coarsest = Infinity

  constructor(
    private readonly doc: PDFDocumentProxy,
    options: OcrOptions = {},
    private readonly signal?: AbortSignal,
  ) {
    this.mode = options.mode ?? 'auto'
    this.jobs = Math.max(1, options.jobs ?? 1)
    this.progress = options.progress ?? false
  }

  /** The page read by OCR, when it should be and can be; else null and the text layer's reading stands. */
  async read(page: PDFPageProxy, pageNumber: number, firstTable: number, carried: PageResult['columns'], fromText: PageResult): Promise<OcrPageResult | null> {
    if (!pageWanted(this.mode, fromText)) return null
    const mine = this.ahead.get(pageNumber) ?? this.recognise(page)
    this.ahead.delete(pageNumber)
    for (let next = pageNumber + 1; next < pageNumber + this.jobs && next <= this.doc.numPages; next++)
      if (!this.ahead.has(next)) this.ahead.set(next, this.lookAhead(next))
    const recognised = await mine
    if (recognised) this.coarsest = Math.min(this.coarsest, recognised.dpi)
    this.done += 1
    if (this.progress) process.stderr.write(`\rOCR: page ${pageNumber} of ${this.doc.numPages} read`)
    return recognised ? layoutPage(recognised, pageNumber, firstTable, carried) : null
  }

  private recognise(page: PDFPageProxy): Promise<Recognised | null> {
    this.engine ??= ocrEngine({ jobs: this.jobs })
    return page.getOperatorList().then((operators) => recognisePage(page, operators, { engine: this.engine!, signal: this.signal }))
  }

  /** A later page recognised early, if it is a scan the reader will want read. */
  private async lookAhead(pageNumber: number): Promise<Recognised | null> {
    const page = await this.doc.getPage(pageNumber)
    const text = await page.getTextContent()
    const runs = text.items.filter((item) => 'str' in item && item.str.trim()).length
    if (!pageWanted(this.mode, { runs, images: 1 })) return null
    return this.recognise(page)
  }

  /** Why OCR found no text, for the error that says so. */
  emptyReason(): string {
    const coarse = this.coarsest < COARSE ? `; it is scanned at ${this.coarsest} dpi, too coarse to read` : ''
    return `a scan with no text layer, and OCR found no text in it${coarse}`
  }

  async close(): Promise<void> {
    // Pages recognised ahead that the reader never asked for (an error, a time limit) are let go.
    for (const pending of this.ahead.values()) pending.catch(() => undefined)
    if (this.progress && this.done > 0) process.stderr.write('\r\x1b[K')
    await this.engine?.close()
  }
}
