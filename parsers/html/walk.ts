import type { StyledLine } from '../shared/styled-text.js'
import type { XNode } from '../shared/xml-node.js'
import { boldOf, isHidden, isWordListMarker, isWordListParagraph } from './css.js'

/**
 * Walks HTML content in reading order and cuts it into lines: a block element or a <br> ends a
 * line, a table is handed over whole. The same walk reads the body (lines become paragraphs) and
 * a table cell (lines become the cell's lines).
 */

export interface LineMeta {
  heading: number | null
  listItem: boolean
}

export interface WalkHandlers {
  line(line: StyledLine, meta: LineMeta): void
  table(el: XNode): void
}

interface State extends LineMeta {
  bold: boolean
  pre: boolean
}

const SKIP = new Set(['head', 'script', 'style', 'template', 'noscript', 'title', 'meta', 'link', 'svg', 'math', 'select', 'iframe', 'object', 'canvas', 'xml'])

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot',
])

export class ContentWalker {
  private current: StyledLine = []
  private meta: LineMeta | null = null

  constructor(private readonly handlers: WalkHandlers) {}

  /** Walks the children of `el` as if they began a fresh block. */
  walkChildren(el: XNode, bold: boolean): void {
    const state: State = { bold, heading: null, listItem: false, pre: false }
    for (const child of el.children ?? []) this.walk(child, state)
    this.flush()
  }

  private flush(): void {
    if (this.meta && this.current.some((s) => /\S/.test(s.text))) this.handlers.line(this.current, this.meta)
    this.current = []
    this.meta = null
  }

  private text(text: string, state: State): void {
    if (!text) return
    if (/\S/.test(text)) this.meta ??= { heading: state.heading, listItem: state.listItem }
    this.current.push({ text, bold: state.bold })
  }

  private walk(node: XNode, state: State): void {
    if (node.type === 'text') {
      const data = node.data ?? ''
      if (!state.pre) return this.text(data, state)
      data.split('\n').forEach((piece, i) => {
        if (i > 0) this.flush()
        this.text(piece, state)
      })
      return
    }
    const name = node.name
    if (!name || !node.attribs) return
    if (SKIP.has(name) || isHidden(node) || isWordListMarker(node)) return
    if (name === 'br') return this.flush()
    if (name === 'table') {
      this.flush()
      return this.handlers.table(node)
    }
    const inner = this.stateFor(node, state)
    const block = BLOCK.has(name)
    if (block) this.flush()
    for (const child of node.children ?? []) this.walk(child, inner)
    if (block) this.flush()
  }

  private stateFor(el: XNode, state: State): State {
    const name = el.name ?? ''
    const level = /^h([1-6])$/.exec(name)
    const title = name === 'p' && /\bMsoTitle\b/.test(el.attribs?.class ?? '')
    return {
      bold: boldOf(el, state.bold),
      heading: level ? Number(level[1]) : title ? 1 : state.heading,
      listItem: state.listItem || name === 'li' || (name === 'p' && isWordListParagraph(el)),
      pre: state.pre || name === 'pre',
    }
  }
}
