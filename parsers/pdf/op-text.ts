import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { FONT_IDENTITY, IDENTITY, TextBuilder, translate, type Glyph, type RawItem, type TextState } from './text-builder.js'

/**
 * A page's text items rebuilt from its operator list, as pdf.js's getTextContent would give them,
 * so that pdf.js parses a page once (the operator list is needed for the rules and fills in any
 * case) instead of twice. The worker leaves every text op in the list, each shown string already
 * turned into glyphs (unicode, width) with TJ's spacing numbers kept between them; this walks the
 * ops with getTextContent's text state and hands the glyphs to text-builder.ts, which builds the
 * items by getTextContent's rules. Marked content arrives as [tag, MCID], which gives the ids
 * getTextContent gives ("p12R_mc3"), so tagged pages are read this way too.
 */

export type { RawItem } from './text-builder.js'

/** A text item and the marked-content id of the innermost sequence around it that has one. */
export interface TaggedItem {
  item: RawItem
  tag: string | null
}

/** What is needed of a font pdf.js loaded (a FontFaceObject in page.commonObjs). */
export interface OpFont {
  fontMatrix?: ArrayLike<number>
  vertical?: boolean
  isType3Font?: boolean
}

/** pdf.js's Util.transform: `m2` applied first, then `m1`. */
function transform(m1: readonly number[], m2: readonly number[]): number[] {
  return [
    m1[0]! * m2[0]! + m1[2]! * m2[1]!,
    m1[1]! * m2[0]! + m1[3]! * m2[1]!,
    m1[0]! * m2[2]! + m1[2]! * m2[3]!,
    m1[1]! * m2[2]! + m1[3]! * m2[3]!,
    m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
    m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
  ]
}

/**
 * The number a content stream most likely wrote, from the 32-bit float the worker keeps of a text
 * matrix: the shortest decimal that rounds to it. getTextContent measures from the written number,
 * and a gap exactly at one of its thresholds (a word space in a monospaced font) falls on the
 * other side by the rounding otherwise.
 */
function asWritten(v: number): number {
  if (Number.isInteger(v)) return v
  for (let digits = 1; digits <= 9; digits++) {
    const d = Number(v.toPrecision(digits))
    if (Math.fround(d) === v) return d
  }
  return v
}

const cloneState = (s: TextState): TextState => ({ ...s, textMatrix: [...s.textMatrix], textLineMatrix: [...s.textLineMatrix] })

// Right-to-left scripts, which getTextContent reorders (bidi), are not rebuilt here.
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u
// getTextContent ends the current item at every XObject it meets, images too.
const XOBJECT_IMAGES = new Set<number>([OPS.paintImageXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObject, OPS.paintSolidColorImageMask])

/**
 * The page's text items and their marked-content ids, or a string saying why they must come from
 * getTextContent instead: a Type3 font (its glyph widths follow its own matrix and pdf.js sizes
 * its items apart), vertical writing, right-to-left text, a font pdf.js did not load. `view` is
 * the page's view box: glyphs drawn outside it are left out, as getTextContent leaves them out.
 * `pageId` is "p" and the page's object reference ("p12R").
 */
export function opTextItems(ops: { fnArray: number[]; argsArray: unknown[] }, fontOf: (loadedName: string) => OpFont | null, view: readonly number[], pageId: string): TaggedItem[] | string {
  const open: (string | null)[] = []
  const builder = new TextBuilder(view, () => open.findLast((id) => id !== null) ?? null)
  const saved: TextState[] = []
  let annotation = 0
  let problem: string | null = null

  function setFont(loadedName: string, size: number, fontName: string | null): void {
    const font = fontOf(loadedName)
    if (!font) problem ??= `font ${loadedName} not loaded`
    else if (font.isType3Font) problem ??= 'a Type3 font'
    else if (font.vertical) problem ??= 'vertical writing'
    const s = builder.state
    s.hasFont = font !== null
    s.fontName = fontName
    s.loadedName = loadedName
    s.fontSize = size
    s.fontMatrix = font?.fontMatrix ? Array.from(font.fontMatrix) : FONT_IDENTITY
  }

  const { fnArray, argsArray } = ops
  let args: unknown[] = []
  const num = (k: number): number => Number(args[k] ?? 0)
  for (let i = 0; i < fnArray.length && problem === null; i++) {
    const fn = fnArray[i]
    args = (argsArray[i] ?? []) as unknown[]
    const s = builder.state
    if (annotation > 0) {
      // Annotation appearances are drawn, but getTextContent does not read them.
      if (fn === OPS.beginAnnotation) annotation += 1
      else if (fn === OPS.endAnnotation) annotation -= 1
      continue
    }
    switch (fn) {
      case OPS.beginAnnotation:
        annotation = 1
        break
      case OPS.setFont:
        setFont(String(args[0]), num(1), String(args[0]))
        break
      case OPS.setGState:
        for (const [key, value] of (args[0] ?? []) as [string, unknown][]) {
          if (key !== 'Font' || !Array.isArray(value)) continue
          builder.flush()
          setFont(String(value[0]), Number(value[1]), null)
        }
        break
      case OPS.setTextRise:
        s.textRise = num(0)
        break
      case OPS.setHScale:
        s.textHScale = num(0) / 100
        break
      case OPS.setLeading:
        s.leading = num(0)
        break
      case OPS.setLeadingMoveText:
      case OPS.moveText:
        if (fn === OPS.setLeadingMoveText) s.leading = -num(1)
        translate(s.textLineMatrix, num(0), num(1))
        s.textMatrix = [...s.textLineMatrix]
        break
      case OPS.nextLine:
        translate(s.textLineMatrix, 0, -s.leading)
        s.textMatrix = [...s.textLineMatrix]
        break
      case OPS.setTextMatrix: {
        const m = Array.from((args[0] ?? IDENTITY) as ArrayLike<number>, asWritten)
        s.textMatrix = [...m]
        s.textLineMatrix = [...m]
        builder.rescale()
        break
      }
      case OPS.setCharSpacing:
        s.charSpacing = num(0)
        break
      case OPS.setWordSpacing:
        s.wordSpacing = num(0)
        break
      case OPS.beginText:
        s.textMatrix = [...IDENTITY]
        s.textLineMatrix = [...IDENTITY]
        break
      case OPS.showText:
      case OPS.showSpacedText:
        if (s.hasFont) builder.show(args[0] as (Glyph | number)[])
        break
      case OPS.save:
        saved.push(cloneState(s))
        break
      case OPS.restore:
        builder.state = saved.pop() ?? s
        break
      case OPS.transform:
        s.ctm = transform(s.ctm, args as number[])
        break
      case OPS.paintFormXObjectBegin: {
        builder.enterForm()
        saved.push(cloneState(s))
        const m = args[0]
        if (Array.isArray(m) || ArrayBuffer.isView(m)) s.ctm = transform(s.ctm, Array.from(m as ArrayLike<number>))
        break
      }
      case OPS.paintFormXObjectEnd:
        builder.leaveForm()
        builder.state = saved.pop() ?? s
        break
      case OPS.beginMarkedContent:
        builder.flush()
        open.push(null)
        break
      case OPS.beginMarkedContentProps:
        builder.flush()
        // Optional content arrives as ["OC", its properties]; only a structure MCID names text for the tags.
        open.push(args[0] !== 'OC' && Number.isInteger(args[1]) ? `${pageId}_mc${String(args[1])}` : null)
        break
      case OPS.endMarkedContent:
        builder.flush()
        open.pop()
        break
      default:
        if (fn !== undefined && XOBJECT_IMAGES.has(fn)) builder.flush()
    }
  }
  builder.flush()
  if (problem === null && builder.items.some(({ item }) => RTL.test(item.str))) problem = 'right-to-left text'
  return problem ?? builder.items
}
