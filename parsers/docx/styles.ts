import { child, elements, local, onOff, val } from './wml.js'
import type { XNode } from '../shared/xml-node.js'

/**
 * What the reader needs from word/styles.xml: whether a style makes text bold, marks a heading or
 * numbers a list. Styles inherit through w:basedOn, so each answer walks that chain.
 */

interface StyleDef {
  basedOn: string | undefined
  bold: boolean | undefined
  heading: number | null | undefined
  list: boolean | undefined
}

export interface Styles {
  bold(styleId: string | undefined): boolean | undefined
  heading(styleId: string | undefined): number | null
  list(styleId: string | undefined): boolean
  defaultBold: boolean
  /** The default paragraph style, used by paragraphs that name none. */
  defaultParagraph: string | undefined
}

/** Built-in style names are stored in English whatever the UI language ("heading 1", "Title"). */
function headingOf(name: string | undefined, id: string, pPr: XNode | undefined): number | null | undefined {
  const byName = /^heading\s*([1-9])$/i.exec(name ?? '') ?? /^heading\s*([1-9])$/i.exec(id)
  if (byName) return Number(byName[1])
  if (/^title$/i.test(name ?? id)) return 1
  const outline = val(child(pPr, 'outlineLvl'))
  if (outline !== undefined && /^[0-8]$/.test(outline)) return Number(outline) + 1
  return undefined
}

function listOf(pPr: XNode | undefined): boolean | undefined {
  const numPr = child(pPr, 'numPr')
  if (!numPr) return undefined
  return val(child(numPr, 'numId')) !== '0'
}

export function readStyles(root: XNode | undefined): Styles {
  const defs = new Map<string, StyleDef>()
  let defaultParagraph: string | undefined
  let defaultBold = false
  const stylesEl = elements(root).find((e) => local(e) === 'styles')
  for (const el of elements(stylesEl)) {
    if (local(el) === 'docDefaults') {
      defaultBold = onOff(child(child(child(el, 'rPrDefault'), 'rPr'), 'b')) ?? false
      continue
    }
    if (local(el) !== 'style') continue
    const id = val(el, 'styleId')
    if (!id) continue
    const pPr = child(el, 'pPr')
    if (val(el, 'type') === 'paragraph' && ['1', 'true', 'on'].includes((val(el, 'default') ?? '').toLowerCase())) defaultParagraph = id
    defs.set(id, { basedOn: val(child(el, 'basedOn')), bold: onOff(child(child(el, 'rPr'), 'b')), heading: headingOf(val(child(el, 'name')), id, pPr), list: listOf(pPr) })
  }
  const resolve = <T>(styleId: string | undefined, pick: (d: StyleDef) => T | undefined): T | undefined => {
    const seen = new Set<string>()
    for (let id = styleId; id && !seen.has(id); id = defs.get(id)?.basedOn) {
      seen.add(id)
      const def = defs.get(id)
      if (!def) break
      const value = pick(def)
      if (value !== undefined) return value
    }
    return undefined
  }
  return {
    bold: (id) => resolve(id, (d) => d.bold),
    heading: (id) => resolve(id, (d) => d.heading) ?? headingOf(undefined, id ?? '', undefined) ?? null,
    list: (id) => resolve(id, (d) => d.list) ?? false,
    defaultBold,
    defaultParagraph,
  }
}
