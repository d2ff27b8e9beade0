import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { apply, boxOf, compose, quartersOf, type Box, type Matrix, type PageFrame } from './geometry.js'

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

interface RawItem {
  str: string
  transform: number[]
  width: number
  height: number
  fontName: string
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
function taggedItems(items: readonly unknown[]): { item: RawItem; tag: string | null }[] {
  const out: { item: RawItem; tag: string | null }[] = []
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
  items: { item: RawItem; tag: string | null }[]
  bold: Set<string>
}

export async function pageText(page: PDFPageProxy): Promise<PageText> {
  const content = await page.getTextContent({ includeMarkedContent: true })
  const items = taggedItems(content.items as unknown[]).filter(({ item }) => item.str.trim())
  return { items, bold: boldFonts(page, new Set(items.map(({ item }) => item.fontName))) }
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
