import { isElement, kids, type XNode } from '../shared/xml-node.js'

/** Small helpers for WordprocessingML elements (ECMA-376 Part 1 §17). */

/** The local name, so that both `w:` and a rarer prefix bound to the same namespace match. */
export const local = (node: XNode): string => {
  const name = node.name ?? ''
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

export const elements = (node: XNode | undefined): XNode[] => kids(node).filter(isElement)

export const child = (node: XNode | undefined, name: string): XNode | undefined => elements(node).find((e) => local(e) === name)

export const val = (node: XNode | undefined, attr = 'val'): string | undefined => {
  if (!node?.attribs) return undefined
  for (const [key, value] of Object.entries(node.attribs)) if (key === attr || key.endsWith(`:${attr}`)) return value
  return undefined
}

/** An on/off property (§17.17.4): present means on unless its value says off. */
export const onOff = (node: XNode | undefined): boolean | undefined => {
  if (!node) return undefined
  const v = val(node)
  return v === undefined || !['0', 'false', 'off'].includes(v.toLowerCase())
}

/** Concatenated text of every text node below `node`. */
export function textOf(node: XNode): string {
  if (node.type === 'text') return node.data ?? ''
  return kids(node).map(textOf).join('')
}
