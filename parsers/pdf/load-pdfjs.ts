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
 */

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

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
      return await import('pdfjs-dist/legacy/build/pdf.mjs')
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
