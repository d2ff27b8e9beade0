import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { OcrOptions } from '../../reader.js'
import type { PageResult } from '../page.js'
import type { OcrEngine } from './engine.js'
import { hasScan } from './page-image.js'
import { COARSE, layoutPage, recognisePage, type OcrPageResult, type Recognised } from './ocr-page.js'

/**
 * OCR for one PDF. `auto` reads the pages that have a scan and next to no text layer; `force`
 * every page with a scan, even one with text (a bad text layer under the image); `off` none.
 * "Next to no text": a scan often carries a line stamped on it later (a page number, "printed
 * from"), which must not stop its reading, and a typed header or note over a scan leaves most of
 * the page bare of text, which reads it too; such a page's OCR stands only when it found much more
 * text than the layer holds, so a cover page over a background picture keeps its own text. Recognising is
 * the slow part and needs no page before it, so with several workers the next scanned pages are
 * recognised ahead while the reader lays out the current one; layout stays in page order (tables
 * are numbered and continued from the page before).
 */

/** Characters of text layer under which a page with a scan is read by OCR in `auto`. */
const THIN_TEXT = 120
/**
 * Share of the page under which the text layer's blocks leave most of a scan bare: a scan with a
 * typed header or note added over it. Such a page is read by OCR in `auto` too, whatever its text.
 */
const SPARSE_TEXT = 0.25

interface TextLayer {
  chars: number
  /** Share of the page its blocks cover (1 when not known). */
  share: number
}

const pageWanted = (mode: OcrOptions['mode'], images: number, text: TextLayer): boolean =>
  images > 0 && (mode === 'force' || (mode !== 'off' && (text.chars < THIN_TEXT || text.share < SPARSE_TEXT)))

function textLayer(blocks: PageResult['blocks'], page: PDFPageProxy): TextLayer {
  let chars = 0
  let area = 0
  for (const block of blocks) {
    if (block.kind === 'paragraph') chars += block.text.length
    else for (const row of block.rows) for (const cell of row.cells) chars += cell.text.length
    const box = block.provenance.bbox
    area += box ? Math.abs((box[2] - box[0]) * (box[3] - box[1])) : Infinity
  }
  const [x0, y0, x1, y1] = page.view as [number, number, number, number]
  return { chars, share: Math.min(1, area / Math.abs((x1 - x0) * (y1 - y0) || 1)) }
}

export class OcrSession {
  private engine: Promise<OcrEngine> | null = null
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
    const text = textLayer(fromText.blocks, page)
    const { chars } = text
    if (!pageWanted(this.mode, fromText.images, text)) return null
    const mine = this.ahead.get(pageNumber) ?? this.recognise(page)
    this.ahead.delete(pageNumber)
    for (let next = pageNumber + 1; next < pageNumber + this.jobs && next <= this.doc.numPages; next++)
      if (!this.ahead.has(next)) this.ahead.set(next, this.lookAhead(next))
    const recognised = await mine
    if (recognised) this.coarsest = Math.min(this.coarsest, recognised.dpi)
    this.done += 1
    if (this.progress) process.stderr.write(`\rOCR: page ${pageNumber} of ${this.doc.numPages} read`)
    if (!recognised) return null
    if (this.mode === 'auto' && chars > 0 && recognised.words.reduce((n, w) => n + w.text.length + 1, 0) < 2 * chars + 50) return null
    return layoutPage(recognised, pageNumber, firstTable, carried)
  }

  private async recognise(page: PDFPageProxy): Promise<Recognised | null> {
    const operators = await page.getOperatorList()
    if (!hasScan(page, operators)) return null
    // tesseract.js is loaded with the first scan, so reading born-digital PDFs never pays for it.
    this.engine ??= import('./engine.js').then(({ ocrEngine }) => ocrEngine({ jobs: this.jobs }))
    return recognisePage(page, operators, { engine: await this.engine, signal: this.signal })
  }

  /** A later page recognised early, if it is a scan the reader will want read. */
  private async lookAhead(pageNumber: number): Promise<Recognised | null> {
    const page = await this.doc.getPage(pageNumber)
    const text = await page.getTextContent()
    const chars = text.items.reduce((n, item) => n + ('str' in item ? item.str.trim().length : 0), 0)
    // Only pages of next to no text are read ahead; a scan under a typed note waits for its turn.
    if (!pageWanted(this.mode, 1, { chars, share: 1 })) return null
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
    // Closing never hides the error the read ended with.
    await this.engine?.then((engine) => engine.close()).catch(() => undefined)
  }
}
