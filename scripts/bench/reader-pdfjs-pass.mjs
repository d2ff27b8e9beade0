// The reader's own pdf.js pass over a folder, and nothing after it: pdf.js loaded as the reader
// loads it, each page's operator list and the text rebuilt from it (dist/parsers/pdf/text-items.js
// pageText), as parsers/pdf/page.ts readPage starts. Set beside the floor (floor-text-content.mjs),
// it splits the ingest's time into pdf.js's share and the rest (layout, interpretation, store).
// Plain JavaScript over dist, so no TypeScript loader is timed. Prints {"files":…,"pages":…,"ms":…}.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const dist = new URL('../../dist/parsers/pdf/', import.meta.url).href
const { getDocument } = await (await import(`${dist}load-pdfjs.js`)).loadPdfjs()
const { pageText } = await import(`${dist}text-items.js`)

const files = process.argv.slice(2).flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.pdf')).map((f) => join(p, f)) : [p]))
const started = performance.now()
let pages = 0
for (const file of files) {
  const task = getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
  const doc = await task.promise
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n)
    await pageText(page, await page.getOperatorList())
    page.cleanup()
    pages += 1
  }
  await task.destroy()
}
console.log(JSON.stringify({ files: files.length, pages, ms: Math.round(performance.now() - started) }))
