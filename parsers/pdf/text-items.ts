import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { apply, boxOf, compose, quartersOf, type Box, type Matrix, type PageFrame } from './geometry.js'
import { opTextItems, type OpFont, type RawItem, type TaggedItem } from './op-text.js'

/** One piece of text as pdf.js reports it, placed in the layout frame. */
export interface TextRun {
  text: string
  box: Box
  /** Layout y of the baseline. */
  baseline: number
  size: number
  bold: boolean
  /** The marked-content id ("p12R_mc3") the structure tree refers to; null outside tagged content (artifacts, untagged files). */
  tag: string | null
}

const isItem = (item: unknown): item is RawItem => typeof (item as RawItem).str === 'string' && Array.isArray((item as RawItem).transform)

/**
 * pdf.js 5 does not say whether a font is bold in the text content (its styles carry only a
 * generic family), but the font objects it loads while building the operator list keep the
 * PostScript name, e.g. "BAAAAA+LiberationSans-Bold". So the operator list must be fetched first.
 */
export function boldFonts(page: PDFPageProxy, fontNames: Iterable<string>): Set<string> {
  const bold = new Set<string>()
  for (const id of fontNames) {
    try {
      if (!page.commonObjs.has(id)) continue
      const font = page.commonObjs.get(id) as { name?: string; bold?: boolean } | null
      const name = font?.name ?? ''
      if (font?.bold || /bold|black|heavy|semibold|demi/i.test(name.replace(/^[A-Z]{6}\+/, ''))) bold.add(id)
    } catch {
      // A font pdf.js could not load is read as regular.
    }
  }
  return bold
}

interface MarkedItem {
  type: string
  id?: string | null
}

/**
 * Text items paired with the marked-content id that encloses them. Marked content nests; an
 * item belongs to the innermost sequence that has an id (an /Artifact sequence has none).
 */
function taggedItems(items: readonly unknown[]): TaggedItem[] {
  const out: TaggedItem[] = []
  const open: (string | null)[] = []
  for (const item of items) {
    if (isItem(item)) {
      out.push({ item, tag: open.findLast((id) => id !== null) ?? null })
      continue
    }
    const marked = item as MarkedItem
    if (marked.type === 'beginMarkedContent' || marked.type === 'beginMarkedContentProps') open.push(marked.id ?? null)
    else if (marked.type === 'endMarkedContent') open.pop()
  }
  return out
}

/** A page's text items as pdf.js gives them, with their marked-content ids and the fonts that are bold. */
export interface PageText {
  items: TaggedItem[]
  bold: Set<string>
  /** Why the items came from getTextContent rather than the operator list; null when they did not. */
  fallback: string | null
}

interface OperatorList {
  fnArray: number[]
  argsArray: unknown[]
}

/** The items as getTextContent gives them: the reference the operator-list reading is held to. */
export async function textContentItems(page: PDFPageProxy): Promise<TaggedItem[]> {
  const content = await page.getTextContent({ includeMarkedContent: true })
  return taggedItems(content.items as unknown[]).filter(({ item }) => item.str.trim())
}

/** What op-text.ts needs of a font pdf.js loaded, or null when it did not load it. */
function loadedFont(page: PDFPageProxy, id: string): OpFont | null {
  try {
    if (!page.commonObjs.has(id)) return null
    // A font pdf.js failed to load resolves to its error; a standard font without a file has no matrix (the default then, as in the worker).
    const font = page.commonObjs.get(id) as (OpFont & { loadedName?: string }) | null
    if (!font || typeof font !== 'object' || font instanceof Error || typeof font.loadedName !== 'string') return null
    return { fontMatrix: font.fontMatrix, vertical: font.vertical, isType3Font: font.isType3Font }
  } catch {
    return null
  }
}

/** The items rebuilt from the operator list (op-text.ts), or why they cannot be. */
export function operatorItems(page: PDFPageProxy, operators: OperatorList): TaggedItem[] | string {
  // A page sets its fonts again for every run of text: each is looked up once (pdf.js's font getters are not free).
  const fonts = new Map<string, OpFont | null>()
  const fontOf = (id: string): OpFont | null => {
    let font = fonts.get(id)
    if (font === undefined) fonts.set(id, (font = loadedFont(page, id)))
    return font
  }
  const ref = page.ref as { num: number; gen: number } | null
  // getTextContent names marked content by the page's object reference, as pdf.js's Ref.toString spells it.
  const pageId = ref ? `p${ref.num}R${ref.gen === 0 ? '' : ref.gen}` : 'p'
  return opTextItems(operators, fontOf, page.view, pageId)
}

/**
 * The page's text from the operator list the reader fetched for the rules anyway, so pdf.js parses
 * the page once; getTextContent only where the rebuild cannot be trusted (a Type3 font, vertical
 * or right-to-left writing, a font pdf.js did not load).
 */
export async function pageText(page: PDFPageProxy, operators: OperatorList): Promise<PageText> {
  const fromOps = operatorItems(page, operators)
  const fallback = typeof fromOps === 'string' ? fromOps : null
  const items = typeof fromOps === 'string' ? await textContentItems(page) : fromOps
  return { items, bold: boldFonts(page, new Set(items.map(({ item }) => item.fontName))), fallback }
}

const matrixOf = (t: number[]): Matrix => [t[0] ?? 1, t[1] ?? 0, t[2] ?? 0, t[3] ?? 1, t[4] ?? 0, t[5] ?? 0]

/** The way most of the page's text points in `frame`, weighted by length: the page is read turned that way. */
export function textQuarters(text: PageText, frame: PageFrame): 0 | 1 | 2 | 3 {
  const weight = [0, 0, 0, 0]
  for (const { item } of text.items) weight[quartersOf(compose(matrixOf(item.transform), frame.toLayout))]! += item.str.length
  const best = weight.indexOf(Math.max(...weight)) as 0 | 1 | 2 | 3
  // Upright unless most of the text agrees on another way: a few turned labels do not turn a page.
  return best !== 0 && weight[best]! > 0.5 * weight.reduce((a, b) => a + b, 0) ? best : 0
}

export function placeRuns(text: PageText, frame: PageFrame): TextRun[] {
  const runs: TextRun[] = []
  for (const { item, tag } of text.items) {
    const toLayout = compose(matrixOf(item.transform), frame.toLayout)
    // The item's transform maps a unit glyph box: x along the advance, y up from the baseline.
    const fontScale = Math.hypot(item.transform[0] ?? 1, item.transform[1] ?? 0) || 1
    const advance = item.width / fontScale
    const corners = [apply(toLayout, 0, -0.2), apply(toLayout, advance, -0.2), apply(toLayout, 0, 0.85), apply(toLayout, advance, 0.85)] as const
    const box = boxOf(corners)
    const origin = apply(toLayout, 0, 0)
    const size = Math.hypot(toLayout[2], toLayout[3]) || item.height || 10
    runs.push({ text: item.str, box, baseline: origin[1], size, bold: text.bold.has(item.fontName), tag })
  }
  return runs
}
