import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { apply } from '../../../parsers/pdf/geometry.js'
import { skewAngle } from '../../../parsers/pdf/ocr/deskew.js'
import type { GrayImage, OcrWord } from '../../../parsers/pdf/ocr/engine.js'
import { eraseRules, fillMask, findRules } from '../../../parsers/pdf/ocr/image-rules.js'
import { lieOf } from '../../../parsers/pdf/ocr/orientation.js'
import { drawsBesideImages } from '../../../parsers/pdf/ocr/render-page.js'
import { binarise, otsuThreshold, rotateSmall, toGray, turnQuarters } from '../../../parsers/pdf/ocr/raster.js'
import { phraseRuns } from '../../../parsers/pdf/ocr/words-to-runs.js'

/** A white page with black boxes drawn on it (x0, y0, x1, y1 in pixels, ends excluded). */
function page(width: number, height: number, boxes: [number, number, number, number][], ink = 0): GrayImage {
  const data = new Uint8Array(width * height).fill(255)
  for (const [x0, y0, x1, y1] of boxes) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = ink
  return { width, height, data }
}

/** "Lines of print": rows of short dashes (letters) with gaps (spaces), line after line. */
function print(width: number, height: number): [number, number, number, number][] {
  const boxes: [number, number, number, number][] = []
  for (let y = 20; y + 12 < height - 20; y += 30) for (let x = 20; x + 8 < width - 20; x += 14) if ((x / 14) % 7 !== 3) boxes.push([x, y, x + 8, y + 12])
  return boxes
}

describe('page image steps', () => {
  it('greys RGB and 1-bit images as pdf.js decodes them, 1 bits white', () => {
    expect(toGray({ width: 2, height: 1, kind: 2, data: new Uint8Array([255, 255, 255, 0, 0, 0]) })!.data).toEqual(new Uint8Array([255, 0]))
    expect(toGray({ width: 3, height: 1, kind: 1, data: new Uint8Array([0b10100000]) })!.data).toEqual(new Uint8Array([255, 0, 255]))
    expect(toGray({ width: 1, height: 1, kind: 9, data: new Uint8Array([1]) })).toBeNull()
  })

  it("Otsu's threshold falls between paper and ink", () => {
    const image = page(40, 40, [[0, 0, 20, 40]], 60)
    image.data.forEach((v, i) => (image.data[i] = v === 255 ? 230 : v))
    const t = otsuThreshold(image)
    expect(t).toBeGreaterThanOrEqual(60)
    expect(t).toBeLessThan(230)
    expect(binarise(image).reduce((a, b) => a + b, 0)).toBe(20 * 40)
  })

  it('turns by quarters, with a matrix that finds each new pixel in the old image', () => {
    const image = page(30, 20, [[2, 3, 3, 4]])
    for (const q of [1, 2, 3] as const) {
      const { image: turned, toSource } = turnQuarters(image, q)
      expect([turned.width, turned.height]).toEqual(q === 2 ? [30, 20] : [20, 30])
      const at = turned.data.indexOf(0)
      const [x, y] = apply(toSource, (at % turned.width) + 0.5, Math.floor(at / turned.width) + 0.5)
      expect([Math.floor(x), Math.floor(y)]).toEqual([2, 3])
    }
  })

  it('finds the skew of lines of print turned by 1.5°, and straightens them', () => {
    const straight = page(600, 400, print(600, 400))
    const skewed = rotateSmall(straight, 1.5).image
    const ink = binarise(skewed, 128)
    const angle = skewAngle(ink, 600, 400)
    expect(angle).toBeGreaterThan(1.3)
    expect(angle).toBeLessThan(1.7)
    expect(Math.abs(skewAngle(binarise(rotateSmall(skewed, -angle).image, 128), 600, 400))).toBeLessThan(0.2)
    expect(skewAngle(binarise(straight, 128), 600, 400)).toBe(0)
  })

  it('tells upright print from print turned a quarter', () => {
    const upright = page(400, 300, print(400, 300))
    expect(lieOf(binarise(upright, 128), 400, 300)).toBe('upright')
    const sideways = turnQuarters(upright, 1).image
    expect(lieOf(binarise(sideways, 128), sideways.width, sideways.height)).toBe('sideways')
  })

  it('finds a ruled grid, rules crossing, a rule along a fill, and not the fill or the print', () => {
    // Two rows by two columns, 2-pixel rules; the lower right cell filled; print in the upper left.
    const rules: [number, number, number, number][] = [
      [10, 10, 310, 12], [10, 100, 310, 102], [10, 190, 310, 192],
      [10, 10, 12, 192], [160, 10, 162, 192], [308, 10, 310, 192],
    ]
    const words = print(150, 90).map(([x0, y0, x1, y1]) => [x0 + 10, y0 + 5, x1 + 10, y1 + 5] as [number, number, number, number]).filter((b) => b[2] < 150 && b[3] < 95)
    const image = page(320, 200, [...rules, [162, 102, 308, 190], ...words])
    const ink = binarise(image, 128)
    const found = findRules(ink, 320, 200, { minLength: 60, thick: 12, edge: 3 })
    const h = found.rules.filter((r) => r.orient === 'h').map((r) => Math.round(r.at))
    const v = found.rules.filter((r) => r.orient === 'v').map((r) => Math.round(r.at))
    // A rule along the fill's edge may lean a pixel into the fill.
    const near = (got: number[], want: number[]): void => {
      expect(got).toHaveLength(want.length)
      got.sort((a, b) => a - b).forEach((g, i) => expect(Math.abs(g - want[i]!)).toBeLessThanOrEqual(1))
    }
    near(h, [11, 101, 191])
    near(v, [11, 161, 309])
    // Every rule runs the whole table, across the other rules and along the fill.
    for (const r of found.rules) expect([r.from, r.to]).toEqual([10, r.orient === 'h' ? 309 : 191])
    // The fill and the rules are taken out for OCR; the print is left.
    const left = eraseRules(ink, 320, found.mask)
    expect(left[150 * 320 + 230]).toBe(0)
    expect(left.reduce((a, b) => a + b, 0)).toBe(words.reduce((n, [x0, y0, x1, y1]) => n + (x1 - x0) * (y1 - y0), 0))
    expect(fillMask(ink, 320, 200, 12)[50 * 320 + 30]).toBe(0)
  })

  it('joins the words of a line into phrases, split at a gutter and at a drawn rule', () => {
    const word = (text: string, x0: number, x1: number, line = 1): OcrWord => ({ text, confidence: 90, box: { x0, y0: 10, x1, y1: 30 }, baseline: 28, lineHeight: 24, line })
    const words = [word('Review', 0, 60), word('supervision', 68, 170), word('Mike', 260, 300), word('Bowden', 306, 370), word('Q3', 380, 400), word('next', 0, 40, 2)]
    const rules = [{ orient: 'v' as const, at: 374, from: 0, to: 100 }]
    expect(phraseRuns(words, 0.5, rules).map((r) => r.text)).toEqual(['Review supervision', 'Mike Bowden', 'Q3', 'next'])
    const [first] = phraseRuns(words, 0.5, rules)
    expect(first).toMatchObject({ box: { x0: 0, x1: 85 }, baseline: 14, size: 12, bold: false, tag: null })
  })

  it('tells a page that draws text or painted paths over its scan from one that draws only the scan', () => {
    const image = { fnArray: [OPS.save, OPS.transform, OPS.paintImageXObject, OPS.restore], argsArray: [null, [600, 0, 0, 800, 0, 0], ['img_p0_1'], null] }
    expect(drawsBesideImages(image)).toBe(false)
    // A path built but never painted (a clip) draws nothing.
    expect(drawsBesideImages({ fnArray: [...image.fnArray, OPS.constructPath], argsArray: [...image.argsArray, [OPS.endPath, [], null]] })).toBe(false)
    expect(drawsBesideImages({ fnArray: [...image.fnArray, OPS.constructPath], argsArray: [...image.argsArray, [OPS.stroke, [], null]] })).toBe(true)
    expect(drawsBesideImages({ fnArray: [...image.fnArray, OPS.showText], argsArray: [...image.argsArray, [[]]] })).toBe(true)
  })
})
