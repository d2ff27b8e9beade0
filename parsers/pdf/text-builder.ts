import { categoryOf, normalizeUnicode } from './glyph-text.js'

/**
 * pdf.js 5's getTextContent item building (evaluator.js: buildTextContentItem,
 * compareWithLastPosition, addFakeSpaces) over glyphs already decoded, as the operator list holds
 * them: the same text state and the same thresholds for a space or a new item, so the items come
 * out as getTextContent's and the layout reads the same words and gaps. Horizontal text only
 * (op-text.ts sends the rest to getTextContent). Empty and whitespace-only items, which the reader
 * drops, are not made.
 */

export interface RawItem {
  str: string
  transform: number[]
  width: number
  height: number
  fontName: string
}

export interface Glyph {
  unicode: string
  width: number
  originalCharCode: number
}

export interface TextState {
  ctm: number[]
  /** Whatever names the font and size in use: a change of it ends the item. */
  fontName: string | null
  loadedName: string | null
  fontSize: number
  hasFont: boolean
  fontMatrix: number[]
  textMatrix: number[]
  textLineMatrix: number[]
  charSpacing: number
  wordSpacing: number
  leading: number
  textHScale: number
  textRise: number
}

export const IDENTITY = [1, 0, 0, 1, 0, 0]
export const FONT_IDENTITY = [0.001, 0, 0, 0.001, 0, 0]

export const initialState = (): TextState => ({
  ctm: IDENTITY, fontName: null, loadedName: null, fontSize: 0, hasFont: false, fontMatrix: FONT_IDENTITY,
  textMatrix: [...IDENTITY], textLineMatrix: [...IDENTITY], charSpacing: 0, wordSpacing: 0, leading: 0, textHScale: 1, textRise: 0,
})

// pdf.js's own factors (of the font size) for what a gap between glyphs means.
const GAP = { tracking: 0.102, notASpace: 0.03, negative: -0.2, inFlowMin: 0.102, inFlowMax: 0.6, verticalShift: 0.25 }
export function translate(m: number[], x: number, y: number): void {
  m[4] = m[0]! * x + m[2]! * y + m[4]!
  m[5] = m[1]! * x + m[3]! * y + m[5]!
}

/** The item being built: getTextContent's textContentItem, and its memory of the last two characters. */
class Chunk {
  initialized = false
  str: string[] = []
  totalWidth = 0
  width = 0
  height = 0
  /** Where the last glyph ended; null before the first. Filled in place: it is set for every glyph. */
  prevTransform: number[] | null = null
  readonly prevBuffer = [1, 0, 0, 1, 0, 0]
  textAdvanceScale = 0
  /** The font size the item started with: its gaps are measured in it. */
  size = 0
  transform: number[] = IDENTITY
  fontName = ''
  lastChars: [string, string] = [' ', ' ']
  lastPos = 0
  current: { fontName: string | null; fontSize: number } | null = null
}

export class TextBuilder {
  state = initialState()
  /** Finished items, each with the marked-content id open when it was built. */
  readonly items: { item: RawItem; tag: string | null }[] = []
  /** A form XObject's text is built apart from the text around it, as getTextContent recurses into it. */
  private outer: Chunk[] = []
  private chunk = new Chunk()

  constructor(
    private readonly view: readonly number[],
    private readonly tagOf: () => string | null,
  ) {}

  enterForm(): void {
    this.flush()
    this.outer.push(this.chunk)
    this.chunk = new Chunk()
  }

  leaveForm(): void {
    this.flush()
    this.chunk = this.outer.pop() ?? this.chunk
  }

  flush(): void {
    const c = this.chunk
    if (!c.initialized) return
    c.totalWidth += c.width * c.textAdvanceScale
    const str = normalizeUnicode(c.str.join(''))
    if (str.trim()) this.items.push({ item: { str, width: Math.abs(c.totalWidth), height: Math.abs(c.height), transform: c.transform, fontName: c.fontName }, tag: this.tagOf() })
    c.initialized = false
    c.str = []
  }

  /** After a new text matrix: widths so far are kept at the scale they were measured in. */
  rescale(): void {
    const c = this.chunk
    const scale = this.advanceScale()
    if (!c.initialized || scale === c.textAdvanceScale) return
    c.totalWidth += c.width * c.textAdvanceScale
    c.width = 0
    c.textAdvanceScale = scale
  }

  /** A shown array: glyphs, with TJ's spacing numbers (thousandths of the font size) between them. */
  show(items: readonly (Glyph | number)[]): void {
    const factor = -this.state.fontSize / 1000
    let run: Glyph[] = []
    for (const item of items) {
      if (typeof item !== 'number') run.push(item)
      else if (item !== 0) {
        this.glyphs(run, item * factor)
        run = []
      }
    }
    if (run.length > 0 || items.length === 0) this.glyphs(run, 0)
  }

  private readonly scratch = [1, 0, 0, 1, 0, 0]

  /** ctm × text matrix × [size·hscale 0 0 size 0 rise], multiplied out into `into`: it runs for every glyph. */
  private textTransform(into: number[] = this.scratch): number[] {
    const { ctm: m, textMatrix: t, fontSize, textHScale, textRise } = this.state
    const a = fontSize * textHScale
    const t0 = t[0]! * a
    const t1 = t[1]! * a
    const t2 = t[2]! * fontSize
    const t3 = t[3]! * fontSize
    const t4 = t[2]! * textRise + t[4]!
    const t5 = t[3]! * textRise + t[5]!
    into[0] = m[0]! * t0 + m[2]! * t1
    into[1] = m[1]! * t0 + m[3]! * t1
    into[2] = m[0]! * t2 + m[2]! * t3
    into[3] = m[1]! * t2 + m[3]! * t3
    into[4] = m[0]! * t4 + m[2]! * t5 + m[4]!
    into[5] = m[1]! * t4 + m[3]! * t5 + m[5]!
    return into
  }

  private advanceScale(): number {
    const s = this.state
    return Math.hypot(s.textLineMatrix[0]!, s.textLineMatrix[1]!) * Math.hypot(s.ctm[0]!, s.ctm[1]!)
  }

  private resetLastChars(): void {
    this.chunk.lastChars = [' ', ' ']
    this.chunk.lastPos = 0
  }

  /** True when the glyph follows a skipped whitespace glyph after other text: a space goes in first. */
  private saveLastChar(char: string): boolean {
    const c = this.chunk
    const next = (c.lastPos + 1) % 2
    const space = c.lastChars[c.lastPos] !== ' ' && c.lastChars[next] === ' '
    c.lastChars[c.lastPos] = char
    c.lastPos = next
    return space
  }

  private ensureChunk(): Chunk {
    const c = this.chunk
    if (c.initialized) return c
    const size = this.state.fontSize
    c.fontName = this.state.loadedName ?? ''
    c.transform = this.textTransform([1, 0, 0, 1, 0, 0])
    c.width = c.totalWidth = 0
    c.height = Math.hypot(c.transform[2]!, c.transform[3]!)
    c.textAdvanceScale = this.advanceScale()
    c.size = size
    c.initialized = true
    return c
  }

  /** getTextContent's compareWithLastPosition: false when the glyph is off the page; else spaces or ends the item by the jump from the last glyph. */
  private place(glyphWidth: number): boolean {
    const tr = this.textTransform()
    let posX = tr[4]!
    let posY = tr[5]!
    const v = this.view
    if (posX + glyphWidth < v[0]! || posX > v[2]! || posY < v[1]! || posY > v[3]!) return false
    const c = this.chunk
    if (!this.state.hasFont || !c.prevTransform) return true
    let lastX = c.prevTransform[4]!
    let lastY = c.prevTransform[5]!
    if (lastX === posX && lastY === posY) return true
    // Compared along the text's own direction: turned text splits and spaces as upright text does.
    if (tr[0] && tr[1] === 0 && tr[2] === 0) {
      if (tr[0] < 0) [posX, posY, lastX, lastY] = [-posX, -posY, -lastX, -lastY]
    } else if (tr[1] && tr[0] === 0 && tr[3] === 0) {
      ;[posX, posY, lastX, lastY] = tr[1] > 0 ? [posY, posX, lastY, lastX] : [-posY, -posX, -lastY, -lastX]
    } else {
      const unturn = (m: number[], x: number, y: number): [number, number] => {
        const s = Math.hypot(m[0]!, m[1]!)
        return [(m[0]! * x + m[1]! * y) / s, (m[2]! * x + m[3]! * y) / s]
      }
      ;[posX, posY] = unturn(tr, posX, posY)
      ;[lastX, lastY] = unturn(c.prevTransform, lastX, lastY)
    }
    const advanceX = (posX - lastX) / c.textAdvanceScale
    const advanceY = posY - lastY
    // Thresholds in the item's font size, signed by the way the item runs.
    const o = Math.sign(c.width || c.totalWidth)
    const at = (factor: number): number => o * c.size * factor
    // Backwards, or onto another line: a new item.
    if (advanceX < at(GAP.negative) || Math.abs(advanceY) > c.height) {
      this.resetLastChars()
      this.flush()
      return true
    }
    if (advanceX <= at(GAP.notASpace)) this.resetLastChars()
    if (advanceX <= at(GAP.tracking)) {
      if (c.lastChars[c.lastPos] !== ' ' && c.lastChars[(c.lastPos + 1) % 2] === ' ') {
        this.resetLastChars()
        this.flush()
      } else c.width += advanceX
    } else if (at(GAP.inFlowMin) <= advanceX && advanceX <= at(GAP.inFlowMax)) {
      // A word space drawn as a gap goes into the item; a wider gap (a column) ends it.
      if (c.initialized) {
        this.resetLastChars()
        c.str.push(' ')
      }
      if (c.str.length === 0) this.resetLastChars()
      else c.width += advanceX
    } else {
      this.flush()
      this.resetLastChars()
    }
    if (Math.abs(advanceY) > c.height * GAP.verticalShift) this.flush()
    return true
  }

  private glyphs(glyphs: Glyph[], extraSpacing: number): void {
    const s = this.state
    const cur = this.chunk.current
    if (!cur || cur.fontName !== s.fontName || cur.fontSize !== s.fontSize) {
      this.flush()
      this.chunk.current = { fontName: s.fontName, fontSize: s.fontSize }
    }
    if (glyphs.length === 0) {
      translate(s.textMatrix, (s.charSpacing + extraSpacing) * s.textHScale, 0)
      return
    }
    const scale = s.fontMatrix[0]! * s.fontSize
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]!
      const unicode = glyph.unicode ?? ''
      const category = categoryOf(unicode)
      if (category.format) continue
      let charSpacing = s.charSpacing + (i + 1 === glyphs.length ? extraSpacing : 0)
      let scaled = (glyph.width ?? 0) * scale
      if (glyph.originalCharCode === 0x20) charSpacing += s.wordSpacing
      if (category.space) {
        translate(s.textMatrix, (charSpacing + scaled) * s.textHScale, 0)
        this.saveLastChar(' ')
        continue
      }
      if (!category.mark && !this.place(scaled)) {
        translate(s.textMatrix, scaled * s.textHScale, 0)
        continue
      }
      const c = this.ensureChunk()
      if (category.mark) scaled = 0
      scaled *= s.textHScale
      translate(s.textMatrix, scaled, 0)
      c.width += scaled
      if (scaled) c.prevTransform = this.textTransform(c.prevBuffer)
      if (this.saveLastChar(unicode)) c.str.push(' ')
      c.str.push(unicode)
      if (charSpacing) translate(s.textMatrix, charSpacing * s.textHScale, 0)
    }
  }
}
