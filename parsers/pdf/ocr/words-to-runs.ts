import type { Block } from '../../../schemas/index.js'
import type { Segment } from '../rulings.js'
import type { TextRun } from '../text-items.js'
import type { OcrWord } from './engine.js'
import type { PixelRule } from './image-rules.js'

/**
 * OCR output in the shapes the born-digital page is read from: each word a text run, each rule
 * a segment, in the layout frame (the upright image scaled to points, `scale` points a pixel).
 */

/**
 * A word as a run. Its box is drawn around the line's baseline as pdf.js text is (a fifth of the
 * size below, 0.85 above), not tight round its letters, so "on" and "Edgy" on one line get the
 * same height and the detectors see the uniform boxes they expect.
 */
export function wordRun(word: OcrWord, scale: number): TextRun & { confidence: number } {
  const size = word.lineHeight * scale
  const baseline = word.baseline * scale
  return {
    text: word.text,
    box: { x0: word.box.x0 * scale, y0: baseline - 0.85 * size, x1: word.box.x1 * scale, y1: baseline + 0.2 * size },
    baseline,
    size,
    bold: false,
    tag: null,
    confidence: word.confidence,
  }
}

/** A gap between words of one line under this many line heights is a word space, not a gutter. */
const WORD_SPACE = 0.5

/**
 * Words joined into phrases as pdf.js gives text: the words of one OCR line up to a gap wider
 * than a word space. A table cell's line or a heading spanning columns is then one run, as in
 * a born-digital PDF, and the detectors weigh it the same way.
 */
export function phraseRuns(words: readonly OcrWord[], scale: number, rules: readonly PixelRule[] = []): TextRun[] {
  const verticals = rules.filter((r) => r.orient === 'v')
  // Two words with a drawn rule between them are in two cells, however close.
  const ruledApart = (a: OcrWord, b: OcrWord): boolean =>
    verticals.some((r) => r.at > a.box.x1 - 1 && r.at < b.box.x0 + 1 && r.from <= Math.max(a.box.y1, b.box.y1) && r.to >= Math.min(a.box.y0, b.box.y0))
  const runs: TextRun[] = []
  let phrase: OcrWord[] = []
  const flush = (): void => {
    if (phrase.length === 0) return
    const first = wordRun(phrase[0]!, scale)
    const last = wordRun(phrase[phrase.length - 1]!, scale)
    const { confidence: _c, ...run } = first
    runs.push({ ...run, text: phrase.map((w) => w.text).join(' '), box: { ...first.box, x1: last.box.x1 } })
    phrase = []
  }
  for (const word of words) {
    const prev = phrase[phrase.length - 1]
    if (prev && (prev.line !== word.line || word.box.x0 - prev.box.x1 > WORD_SPACE * Math.max(prev.lineHeight, word.lineHeight) || ruledApart(prev, word))) flush()
    phrase.push(word)
  }
  flush()
  return runs
}

export const ruleSegment = (rule: PixelRule, scale: number): Segment => ({ orient: rule.orient, at: rule.at * scale, from: rule.from * scale, to: (rule.to + 1) * scale })

/** A word's centre in PDF user space, with its confidence. */
export interface PlacedWord {
  x: number
  y: number
  confidence: number
}

/**
 * Each table cell's confidence: the mean confidence (0–1) of the words whose centres fall in the
 * cell's box; a cell with no word keeps none.
 */
export function markCellConfidence(blocks: readonly Block[], words: readonly PlacedWord[]): void {
  for (const block of blocks) {
    if (block.kind !== 'table') continue
    for (const row of block.rows)
      for (const cell of row.cells) {
        const box = cell.provenance.bbox
        if (!box) continue
        const inside = words.filter((w) => w.x >= box[0] && w.x <= box[2] && w.y >= box[1] && w.y <= box[3])
        if (inside.length === 0) continue
        cell.provenance.confidence = Math.round(inside.reduce((s, w) => s + w.confidence, 0) / inside.length) / 100
      }
  }
}
