import type { Reader } from '../reader.js'
import { loadPdfjs } from './load-pdfjs.js'
import { splitRunInLabels } from './run-in-labels.js'
import { hasPdfHeader } from './sniff.js'

/**
 * The PDF reader. pdf.js is loaded on the first read, not when the registry is imported: the main
 * thread of a batch (which only hashes and stores) and every non-PDF run never pay for it.
 */
export const pdfReader: Reader = {
  format: 'pdf',
  extensions: ['.pdf'],
  sniff: hasPdfHeader,
  async read(input) {
    await loadPdfjs()
    const { readPdf } = await import('./read-pdf.js')
    const { document, diagnostics } = await readPdf(input)
    return { document: { ...document, blocks: splitRunInLabels(document.blocks) }, diagnostics }
  },
}
