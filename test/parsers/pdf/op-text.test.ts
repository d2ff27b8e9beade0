import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { loadPdfjs } from '../../../parsers/pdf/load-pdfjs.js'
import { opTextItems, type OpFont, type TaggedItem } from '../../../parsers/pdf/op-text.js'
import { operatorItems, textContentItems } from '../../../parsers/pdf/text-items.js'

/**
 * The reader rebuilds each page's text from the operator list (parsers/pdf/op-text.ts) instead of
 * asking pdf.js's getTextContent for it. On every committed PDF that opens (the born-digital,
 * tagged, untagged, rotated and scanned fixtures), every page must give what getTextContent gives:
 * the same items with the same text, marked-content ids and fonts, at the same place.
 */

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return pdfsUnder(path)
    return name.endsWith('.pdf') ? [path] : []
  })
}

// fixtures/bad holds files that are meant not to open (empty, encrypted, truncated, not a PDF) or that have no text.
const files = pdfsUnder('fixtures')
  .filter((path) => !path.startsWith(join('fixtures', 'bad')))
  .sort()

const near = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) < 0.01)

/** What getTextContent gave that the rebuild did not, item by item. */
function differences(ours: TaggedItem[], theirs: TaggedItem[]): string[] {
  const out: string[] = []
  for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
    const a = ours[i]
    const b = theirs[i]
    if (!a || !b) out.push(`item ${i}: ${JSON.stringify(a?.item.str)} vs ${JSON.stringify(b?.item.str)}`)
    else if (a.item.str !== b.item.str || a.tag !== b.tag || a.item.fontName !== b.item.fontName) out.push(`item ${i}: ${JSON.stringify([a.item.str, a.tag, a.item.fontName])} vs ${JSON.stringify([b.item.str, b.tag, b.item.fontName])}`)
    else if (!near(a.item.transform, b.item.transform) || !near([a.item.width, a.item.height], [b.item.width, b.item.height])) out.push(`item ${i} "${a.item.str}" placed ${JSON.stringify(a.item.transform)} vs ${JSON.stringify(b.item.transform)}`)
  }
  return out
}

describe('text from the operator list', () => {
  it('covers the fixture PDFs', () => {
    expect(files.length).toBeGreaterThan(30)
  })

  it.each(files)('%s: every page gives the items getTextContent gives', async (file) => {
    const { getDocument } = await loadPdfjs()
    const task = getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
    const doc = await task.promise
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n)
        const ours = operatorItems(page, await page.getOperatorList())
        if (typeof ours === 'string') throw new Error(`page ${n} not rebuilt: ${ours}`)
        const theirs = await textContentItems(page)
        expect(differences(ours, theirs), `page ${n}`).toEqual([])
      }
    } finally {
      await task.destroy()
    }
  })

  describe('on op lists it is not meant for', () => {
    const glyph = (unicode: string) => ({ unicode, width: 500, originalCharCode: unicode.charCodeAt(0) })
    const ops = (text: string) => ({ fnArray: [OPS.setFont, OPS.showText], argsArray: [['f1', 10], [[...text].map(glyph)]] })
    const view = [0, 0, 600, 800]
    const read = (font: OpFont | null, text = 'Plan') => opTextItems(ops(text), () => font, view, 'p1R')

    it('reads plain text', () => {
      const items = read({ fontMatrix: [0.001, 0, 0, 0.001, 0, 0] })
      expect(typeof items === 'string' ? items : items.map(({ item }) => [item.str, item.width])).toEqual([['Plan', 20]])
    })

    it('leaves Type3 fonts, vertical writing, right-to-left text and unloaded fonts to getTextContent', () => {
      expect(read({ isType3Font: true })).toBe('a Type3 font')
      expect(read({ vertical: true })).toBe('vertical writing')
      expect(read({}, 'خطة')).toBe('right-to-left text')
      expect(read(null)).toBe('font f1 not loaded')
    })
  })
})
