import { ReadError, type Block, type Diagnostic } from '../../schemas/index.js'
import type { ReadInput, ReadResult } from '../reader.js'
import { markHeaders } from './headers.js'
import { loadError, openPdf } from './load.js'
import { readPage, type PageResult } from './page.js'
import { OcrSession } from './ocr/session.js'
import type { Columns } from './tagged-grid.js'

/**
 * PDF through pdf.js: per page, ruled tables from the vector rules, borderless tables from text
 * alignment, the rest as paragraphs. A table broken over pages is emitted once per page; joining
 * the fragments is the format-neutral assemble stage's job.
 */

const DEFAULT_MAX_PAGES = 500

function timeout(path: string, page: number | null): ReadError {
  return new ReadError('TIMEOUT', path, 'reading the PDF was stopped (time limit)', 'raise the time limit or split the file', { page })
}

export async function readPdf({ bytes, path, signal, options }: ReadInput): Promise<ReadResult> {
  const { password, maxPages = DEFAULT_MAX_PAGES, ocr: ocrOptions } = options?.pdf ?? {}
  if (signal?.aborted) throw timeout(path, null)
  // pdf.js does not settle its pending promises when its task is destroyed, so every wait is
  // raced against the signal: an abort stops a slow page too, not just the next one.
  let onAbort = (): void => undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(timeout(path, null))
  })
  aborted.catch(() => undefined)
  signal?.addEventListener('abort', onAbort, { once: true })
  const guard = <T>(work: Promise<T>): Promise<T> => (signal ? Promise.race([work, aborted]) : work)
  let opened: Awaited<ReturnType<typeof openPdf>>
  try {
    opened = await guard(openPdf(bytes, path, password))
  } catch (error) {
    signal?.removeEventListener('abort', onAbort)
    throw error
  }
  const { task, doc } = opened
  const diagnostics: Diagnostic[] = []
  const blocks: Block[] = []
  const ocr = new OcrSession(doc, ocrOptions, signal)
  const ocrPages: { page: number; confidence: number }[] = []
  let pageNumber = 0
  try {
    const pages = doc.numPages
    // Reading the first pages only would store part of a plan as if it were all of it.
    if (pages > maxPages)
      throw new ReadError('TOO_LARGE', path, `${pages} pages, over the limit of ${maxPages}`, 'raise --max-pages if the file is what you expect, or split it')
    let runs = 0
    let images = 0
    let tables = 0
    let carried: Columns | null = null
    for (pageNumber = 1; pageNumber <= pages; pageNumber++) {
      if (signal?.aborted) throw timeout(path, pageNumber)
      const page = await guard(doc.getPage(pageNumber))
      try {
        let result: PageResult = await guard(readPage(page, pageNumber, tables, carried))
        const scanned = await guard(ocr.read(page, pageNumber, tables, carried, result))
        if (scanned) {
          result = scanned
          ocrPages.push({ page: pageNumber, confidence: scanned.confidence })
        }
        carried = result.columns
        runs += result.runs
        images += result.images
        diagnostics.push(...result.diagnostics)
        for (const block of result.blocks) {
          blocks.push(block)
          if (block.kind === 'table') tables += 1
        }
      } finally {
        page.cleanup()
      }
    }
    if (runs === 0) {
      if (ocrPages.length > 0) throw new ReadError('IMAGE_ONLY', path, ocr.emptyReason(), 'check the scan holds print, or scan it again at 300 dpi')
      if (images > 0) throw new ReadError('IMAGE_ONLY', path, 'no text layer (scanned?)', ocrOptions?.mode === 'off' ? 'read it with --ocr auto' : 'run OCR first')
      throw new ReadError('EMPTY_FILE', path, 'the PDF holds no text', 'check the export finished')
    }
    markHeaders(blocks)
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null
    return { document: { format: 'pdf', pages, title, blocks, ...(ocrPages.length > 0 ? { ocr: ocrPages } : {}) }, diagnostics }
  } catch (error) {
    if (signal?.aborted) throw timeout(path, pageNumber || null)
    if (error instanceof ReadError) throw error
    throw loadError(path, error)
  } finally {
    signal?.removeEventListener('abort', onAbort)
    await ocr.close()
    // After an abort pdf.js may still be busy and destroy() can wait on it: never let that hold the caller.
    const destroyed = task.destroy().catch(() => undefined)
    if (!signal?.aborted) await destroyed
  }
}
