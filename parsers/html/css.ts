import type { XNode } from '../shared/xml-node.js'

/**
 * The inline-style facts the reader uses. Stylesheets are not applied. Word's own `mso-*`
 * properties are dropped here, so that `mso-shading` or `mso-bidi-font-weight` never stand in
 * for the CSS property they resemble.
 */

export function styleOf(el: XNode): Map<string, string> {
  const out = new Map<string, string>()
  for (const decl of (el.attribs?.style ?? '').split(';')) {
    const colon = decl.indexOf(':')
    if (colon < 0) continue
    const prop = decl.slice(0, colon).trim().toLowerCase()
    if (prop && !prop.startsWith('mso-')) out.set(prop, decl.slice(colon + 1).trim())
  }
  return out
}

const BOLD_TAGS = new Set(['b', 'strong', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

export function boldOf(el: XNode, inherited: boolean): boolean {
  let bold = BOLD_TAGS.has(el.name ?? '') ? true : inherited
  const weight = styleOf(el).get('font-weight')?.toLowerCase().replace(/\s*!important$/, '')
  if (weight) {
    if (/^(?:bold|bolder|[6-9]00)$/.test(weight)) bold = true
    else if (/^(?:normal|lighter|[1-5]00)$/.test(weight)) bold = false
  }
  return bold
}

export function isHidden(el: XNode): boolean {
  if (el.attribs?.hidden !== undefined) return true
  const style = styleOf(el)
  return /^none\b/i.test(style.get('display') ?? '') || /^hidden\b/i.test(style.get('visibility') ?? '')
}

/**
 * Word's list paragraphs carry the bullet or number as text inside a span marked
 * `mso-list:Ignore`, which the raw (unfiltered) style attribute still holds.
 */
export const isWordListMarker = (el: XNode): boolean => /mso-list\s*:\s*ignore/i.test(el.attribs?.style ?? '')
export const isWordListParagraph = (el: XNode): boolean =>
  /mso-list\s*:\s*l\d/i.test(el.attribs?.style ?? '') || /\bMsoListParagraph/i.test(el.attribs?.class ?? '')
