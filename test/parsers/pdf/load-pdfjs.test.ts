import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * pdf.js's legacy build replaces Array.prototype.push and JSON's methods with slower core-js
 * copies; the reader restores the engine's own (parsers/pdf/load-pdfjs.ts). Nothing in this file
 * loads pdf.js before the natives are captured.
 */
describe('loading pdf.js', () => {
  it("leaves the engine's Array.prototype.push, JSON.parse and JSON.stringify in place, and still reads PDFs", async () => {
    const natives = [Array.prototype.push, JSON.parse, JSON.stringify]
    const clone = globalThis.structuredClone
    const fontsFlag = process.env.DISABLE_SYSTEM_FONTS_LOAD
    const { pdfReader } = await import('../../../parsers/pdf/index.js')
    const path = 'fixtures/pdf/wakefield/input.pdf'
    const { document } = await pdfReader.read({ bytes: new Uint8Array(readFileSync(path)), path })
    expect(document.blocks.some((b) => b.kind === 'table')).toBe(true)
    expect([Array.prototype.push, JSON.parse, JSON.stringify]).toEqual(natives)
    // Operator lists are handed over without structuredClone, which is swapped only during that hand-over.
    expect(globalThis.structuredClone).toBe(clone)
    // The font scan is switched off only while pdf.js loads; the variable is left as it was.
    expect(process.env.DISABLE_SYSTEM_FONTS_LOAD).toBe(fontsFlag)
  })
})
