import { ReadError, type Block, type Diagnostic, type SourceDocument } from '../../schemas/index.js'
import { allBold, fold, lineText, type StyledLine } from '../shared/styled-text.js'
import type { XNode } from '../shared/xml-node.js'
import type { Reader } from '../reader.js'
import { readTable, TableTooLarge, type HtmlContext } from './table.js'
import { ContentWalker, type LineMeta } from './walk.js'

/**
 * HTML pages, including Word's "Save as web page" output. Parsed as a browser would (parse5 via
 * cheerio, encoding from BOM or <meta charset>), then walked in reading order.
 */

const SNIFF_BYTES = 4096

function headText(head: Uint8Array): string {
  const bytes = head.subarray(0, SNIFF_BYTES)
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes)
  }
  // Latin-1 keeps every ASCII tag readable whatever the real encoding.
  return new TextDecoder('latin1').decode(bytes).replace(/^\u00ef\u00bb\u00bf/, '')
}

export function looksLikeHtml(head: Uint8Array): boolean {
  const text = headText(head).toLowerCase()
  const start = text.replace(/^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*/, '')
  return start.startsWith('<!doctype html') || start.startsWith('<html') || text.includes('<table')
}

const paragraph = (line: StyledLine, meta: LineMeta): Block | null => {
  const text = lineText(line)
  return text ? { kind: 'paragraph', text, bold: allBold([line]), heading: meta.heading, listItem: meta.listItem, provenance: { page: null, bbox: null } } : null
}

function readBody(root: XNode, ctx: HtmlContext): Block[] {
  const blocks: Block[] = []
  const push = (line: StyledLine, meta: LineMeta): void => {
    const p = paragraph(line, meta)
    if (p) blocks.push(p)
  }
  const walker = new ContentWalker({
    line: push,
    table: (el) => {
      const result = readTable(el, ctx)
      for (const line of result.caption) push(line, { heading: null, listItem: false })
      blocks.push(...result.blocks)
    },
  })
  walker.walkChildren(root, false)
  return blocks
}

const hasText = (blocks: readonly Block[]): boolean =>
  blocks.some((b) => (b.kind === 'paragraph' ? b.text !== '' : b.rows.some((r) => r.cells.some((c) => c.text !== ''))))

/** Without a declared encoding, valid UTF-8 is UTF-8; anything else is taken as windows-1252. */
function defaultEncoding(bytes: Uint8Array): string {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return 'utf-8'
  } catch {
    return 'windows-1252'
  }
}

export const htmlReader: Reader = {
  format: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  sniff: (head) => head.length > 0 && looksLikeHtml(head),
  async read({ bytes, path }) {
    if (bytes.length === 0) throw new ReadError('EMPTY_FILE', path, 'file is empty (0 bytes)', 'check the download or the save finished')
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    // cheerio is loaded by the first HTML read, not by every run that imports the registry.
    const { loadBuffer } = await import('cheerio')
    const $ = loadBuffer(buffer, { encoding: { defaultEncoding: defaultEncoding(bytes) } })
    const ctx: HtmlContext = { tables: 0, unknownColours: new Set(), gridCells: 0 }
    let blocks: Block[]
    try {
      blocks = readBody($.root()[0] as unknown as XNode, ctx)
    } catch (error) {
      if (error instanceof TableTooLarge) throw new ReadError('TOO_LARGE', path, error.message, 'check the rowspan and colspan values, or save a smaller page', { cause: error })
      throw error
    }
    if (!hasText(blocks)) throw new ReadError('EMPTY_FILE', path, 'web page holds no text', 'check it is the saved page and not an empty frame or a script-only page')
    const title = fold($('title').first().text()) || null
    const diagnostics: Diagnostic[] = []
    if (ctx.unknownColours.size > 0) {
      diagnostics.push({ level: 'warning', code: 'UNKNOWN_COLOUR', message: `cell background colour(s) not understood, read as no fill: ${[...ctx.unknownColours].join(', ')}`, page: null })
    }
    const document: SourceDocument = { format: 'html', pages: null, title, blocks }
    return { document, diagnostics }
  },
}
