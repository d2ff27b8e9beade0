// The floor for PDF benchmarks: pdfjs-dist's own text extraction of the same files, nothing
// else (no operator list, no tables, no database). Plain JavaScript, so that no TypeScript loader
// is timed. Prints {"files":…,"pages":…,"ms":…} on stdout. With --native, pdf.js is loaded as the
// reader loads it (dist/parsers/pdf/load-pdfjs.js: the engine's built-ins restored), a harder floor.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const native = process.argv.includes('--native')
const { getDocument } = native
  ? await (await import(new URL('../../dist/parsers/pdf/load-pdfjs.js', import.meta.url).href)).loadPdfjs()
  : await import('pdfjs-dist/legacy/build/pdf.mjs')

const files = process.argv.slice(2).filter((a) => a !== '--native').flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.pdf')).map((f) => join(p, f)) : [p]))
const started = performance.now()
let pages = 0
for (const file of files) {
  const task = getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
  const doc = await task.promise
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n)
    await page.getTextContent()
    page.cleanup()
    pages += 1
  }
  await task.destroy()
}
console.log(JSON.stringify({ files: files.length, pages, ms: Math.round(performance.now() - started) }))
