/**
 * Loads pdf.js and puts back the built-ins its legacy build replaces. The legacy build (the one
 * that runs on Node 20) bundles core-js, which swaps in its own Array.prototype.push, JSON.parse
 * and JSON.stringify wherever the engine misses some corner of the newest spec (arrays of more
 * than 2^32 items, JSON.rawJSON). Those stand-ins are several times slower and apply to every
 * push and every JSON call in the process, not only pdf.js's: they took a fifth of the time of
 * reading a set of PDFs. pdf.js does not rely on those corners, so the engine's own are restored.
 * The worker module is loaded here too (pdf.js then runs it in this thread, as it does under Node
 * anyway), so that it does not install its copies when the first document opens.
 * Under Node pdf.js also loads @napi-rs/canvas (for rendering, which reading never does), and that
 * package scans every system font as it loads, which took half of pdf.js's start-up: the scan is
 * switched off while pdf.js loads (pdf.js draws glyphs from the PDF's own fonts in any case).
 * Last, the operator list is handed from the worker by reference (see `shareOperatorLists`).
 */

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

/** pdf.js's message-handler code for a chunk of a stream (StreamKind.ENQUEUE). */
const ENQUEUE = 4

interface Message {
  stream?: number
  chunk?: { fnArray?: unknown; argsArray?: unknown }
}

/**
 * With its worker in this thread, pdf.js still passes every message through structuredClone (its
 * LoopbackPort), as if it crossed threads. For the operator list, whose text ops carry one glyph
 * object per character, that copy cost more than building the list (0.8 s of 1.4 s of CPU over
 * the bench's 229 generated pages). A chunk of an operator list is handed over by reference
 * instead: only the two arrays the worker empties once it has sent them are copied. Nothing else
 * the worker sends it changes afterwards (each op gets new arguments; glyphs are cached per font
 * and never changed; path buffers are transferred, so the worker lets them go). Every other
 * message is cloned as before.
 */
async function shareOperatorLists(pdfjs: Pdfjs): Promise<void> {
  const worker = new pdfjs.PDFWorker()
  try {
    await worker.promise
    const port = Object.getPrototypeOf(worker.port) as { postMessage?: (message: Message, transfer?: unknown) => void }
    const post = port.postMessage
    if (typeof post !== 'function') return
    port.postMessage = function (message: Message, transfer?: unknown): void {
      const chunk = message?.chunk
      if (message?.stream !== ENQUEUE || !Array.isArray(chunk?.fnArray) || !Array.isArray(chunk?.argsArray)) return post.call(this, message, transfer)
      const clone = globalThis.structuredClone
      // The port clones synchronously, through the global: it is swapped for this one call only.
      globalThis.structuredClone = (<T>(m: T): T => ({ ...m, chunk: { ...chunk, fnArray: [...(chunk.fnArray as unknown[])], argsArray: [...(chunk.argsArray as unknown[])] } })) as typeof structuredClone
      try {
        post.call(this, message, transfer)
      } finally {
        globalThis.structuredClone = clone
      }
    }
  } finally {
    worker.destroy()
  }
}

let loading: Promise<Pdfjs> | null = null

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify }
    const fontsFlag = process.env.DISABLE_SYSTEM_FONTS_LOAD
    process.env.DISABLE_SYSTEM_FONTS_LOAD = '1'
    try {
      // No type declarations ship for the worker module; only its presence matters.
      const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs'
      ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = (await import(workerModule)) as unknown
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
      await shareOperatorLists(pdfjs)
      return pdfjs
    } finally {
      if (fontsFlag === undefined) delete process.env.DISABLE_SYSTEM_FONTS_LOAD
      else process.env.DISABLE_SYSTEM_FONTS_LOAD = fontsFlag
      Array.prototype.push = natives.push
      JSON.parse = natives.parse
      JSON.stringify = natives.stringify
    }
  })()
  return loading
}
