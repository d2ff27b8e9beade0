import { createRequire } from 'node:module'

/**
 * The few fields of a parsed DOM node the readers walk. cheerio's own node types live in
 * domhandler, which is not a direct dependency, so the readers describe the shape they rely on.
 */
export interface XNode {
  type: string
  name?: string
  attribs?: Record<string, string>
  children?: XNode[]
  data?: string
}

export const kids = (node: XNode | undefined): XNode[] => node?.children ?? []
export const isElement = (node: XNode): boolean => node.name !== undefined && node.attribs !== undefined

/** Parses XML (entities decoded, names kept with their prefix) and returns the root node. */
export function parseXml(xml: string): XNode {
  return cheerio().load(xml, { xml: true }).root()[0] as unknown as XNode
}

// cheerio takes a third of a second to load: required on the first parse (parsing is synchronous),
// not when the reader registry is imported by every run.
let loaded: typeof import('cheerio') | null = null
const cheerio = (): typeof import('cheerio') => (loaded ??= createRequire(import.meta.url)('cheerio') as typeof import('cheerio'))

