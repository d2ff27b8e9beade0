import type { DocxContext } from './context.js'
import { LineBuilder, type StyledLine } from '../shared/styled-text.js'
import { child, elements, local, onOff, textOf, val } from './wml.js'
import type { XNode } from '../shared/xml-node.js'

/**
 * One w:p: its text as styled lines (a w:br inside the paragraph starts a new line, as <br> does in
 * HTML), its heading level and list flag, and the text boxes anchored in it, which the caller
 * reads as content of their own after the paragraph.
 */
export interface ParagraphInfo {
  lines: StyledLine[]
  heading: number | null
  listItem: boolean
  boxes: XNode[]
}

/** Wrappers whose content is ordinary paragraph content. */
const TRANSPARENT = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'fldSimple', 'dir', 'bdo'])

export function readParagraph(p: XNode, ctx: DocxContext): ParagraphInfo {
  const pPr = child(p, 'pPr')
  const styleId = val(child(pPr, 'pStyle')) ?? ctx.styles.defaultParagraph
  const numId = val(child(child(pPr, 'numPr'), 'numId'))
  const listItem = numId !== undefined ? numId !== '0' : ctx.styles.list(styleId)
  const outline = val(child(pPr, 'outlineLvl'))
  const heading = outline !== undefined && /^[0-8]$/.test(outline) ? Number(outline) + 1 : ctx.styles.heading(styleId)
  const paraBold = ctx.styles.bold(styleId) ?? ctx.styles.defaultBold
  const out = new LineBuilder()
  const boxes: XNode[] = []
  walkInline(p, ctx, paraBold, out, boxes)
  return { lines: out.lines(), heading, listItem, boxes }
}

function walkInline(node: XNode | undefined, ctx: DocxContext, paraBold: boolean, out: LineBuilder, boxes: XNode[]): void {
  for (const el of elements(node)) {
    const name = local(el)
    if (name === 'r') readRun(el, ctx, paraBold, out, boxes)
    else if (name === 'del' || name === 'moveFrom') ctx.counts.deletions += 1
    else if (TRANSPARENT.has(name)) {
      if (name === 'ins' || name === 'moveTo') ctx.counts.insertions += 1
      walkInline(el, ctx, paraBold, out, boxes)
    } else if (name === 'sdt') walkInline(child(el, 'sdtContent'), ctx, paraBold, out, boxes)
    // mc:AlternateContent offers the same content twice; the first choice is the richer one.
    else if (name === 'AlternateContent') walkInline(elements(el)[0], ctx, paraBold, out, boxes)
  }
}

function readRun(r: XNode, ctx: DocxContext, paraBold: boolean, out: LineBuilder, boxes: XNode[]): void {
  const rPr = child(r, 'rPr')
  if (onOff(child(rPr, 'vanish'))) return
  const bold = onOff(child(rPr, 'b')) ?? ctx.styles.bold(val(child(rPr, 'rStyle'))) ?? paraBold
  for (const el of elements(r)) {
    switch (local(el)) {
      case 't':
        out.text(textOf(el), bold)
        break
      case 'tab':
      case 'ptab':
        out.text(' ', bold)
        break
      case 'br': {
        const type = val(el, 'type')
        if (type === 'page' || type === 'column') out.text(' ', bold)
        else out.brk()
        break
      }
      case 'cr':
        out.brk()
        break
      case 'noBreakHyphen':
        out.text('-', bold)
        break
      case 'drawing':
      case 'pict':
      case 'object':
      case 'AlternateContent':
        ctx.counts.drawings += 1
        findBoxes(el, boxes)
        break
      // w:delText (deleted), w:instrText (field code) and the rest carry no visible text.
    }
  }
}

function findBoxes(node: XNode, boxes: XNode[]): void {
  if (local(node) === 'txbxContent') {
    boxes.push(node)
    return
  }
  const children = local(node) === 'AlternateContent' ? elements(node).slice(0, 1) : elements(node)
  for (const el of children) findBoxes(el, boxes)
}
