import { createRequire } from 'node:module'
import { basename } from 'node:path'
import type { Table } from '../../schemas/index.js'
import { docxReader } from '../../parsers/docx/index.js'

// mammoth and cheerio take half a second to load: only a report with a Word source pays for them,
// not every command (the CLI imports the report module).
let loaded: typeof import('cheerio') | null = null
const cheerio = (): typeof import('cheerio') => (loaded ??= createRequire(import.meta.url)('cheerio') as typeof import('cheerio'))

/**
 * A Word source as a web page, so that a record in the report can be checked against its source
 * in one click (a browser cannot open .docx). mammoth converts the document; each table row then
 * gets the anchor of the record read from it, `t<table>-r<row>`, numbered as the Word reader
 * numbers them (parsers/docx/table.ts): tables in document order, an outer table before the tables
 * nested in its cells, rows of a table in order, deleted rows (tracked deletions) skipped. mammoth
 * walks the same XML in the same order and skips the same rows; test/report/word-rendition.test.ts
 * checks the two agree row by row on every Word fixture.
 */

/** The anchor of a table row, from a record's provenance (both 0-based). */
export const rowAnchor = (table: number, row: number): string => `t${table}-r${row}`

/**
 * Headings (Word's Title and Heading styles), lists (bulleted and numbered, by style name or by
 * numbering) and tables are kept; mammoth's defaults cover the rest.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  "p[style-name='Heading 1'] => h1:fresh",
  "p[style-name='Heading 2'] => h2:fresh",
  "p[style-name='Heading 3'] => h3:fresh",
  "p[style-name='Heading 4'] => h4:fresh",
  "p[style-name='Heading 5'] => h5:fresh",
  "p[style-name='Heading 6'] => h6:fresh",
  "p[style-name='List Bullet'] => ul > li:fresh",
  "p[style-name='List Bullet 2'] => ul > li > ul > li:fresh",
  "p[style-name='List Number'] => ol > li:fresh",
  "p[style-name='List Number 2'] => ol > li > ol > li:fresh",
  'p:unordered-list(1) => ul > li:fresh',
  'p:unordered-list(2) => ul|ol > li > ul > li:fresh',
  'p:ordered-list(1) => ol > li:fresh',
  'p:ordered-list(2) => ul|ol > li > ol > li:fresh',
]

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; color: #222 }
.note { color: #555; font-size: 12px; border-bottom: 1px solid #ddd; padding-bottom: 8px }
table { border-collapse: collapse; margin: 12px 0; width: 100% }
td, th { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; text-align: left }
td p, th p { margin: 0 0 4px }
tr:target { background: #fff3b0; outline: 3px solid #e0a000; scroll-margin-top: 40vh }
img { max-width: 100% }
`

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Cell fills by table and row, as the Word reader found them (null: no fill). */
export type Fills = ReadonlyMap<string, (string | null)[]>

/**
 * mammoth's HTML with an id on each table (`t<n>`) and each of its own rows, and the cells' fill
 * colours, which mammoth drops and which are some plans' only RAG rating (a row whose cells do not
 * pair one to one with the reader's keeps no colour rather than a wrong one).
 */
export function anchorRows(html: string, fills: Fills = new Map()): string {
  const $ = cheerio().load(html, null, false)
  $('table').each((t, table) => {
    $(table).attr('id', `t${t}`)
    // Rows of this table only, not of a table nested in one of its cells; thead rows come first, as in Word.
    $(table)
      .find('tr')
      .filter((_, tr) => $(tr).closest('table')[0] === table)
      .each((r, tr) => {
        $(tr).attr('id', rowAnchor(t, r)).attr('title', `table ${t + 1}, row ${r + 1}`)
        const colours = fills.get(rowAnchor(t, r))
        const cells = $(tr).children('td, th')
        if (!colours || colours.length !== cells.length) return
        cells.each((c, cell) => {
          if (colours[c]) $(cell).attr('style', `background: ${colours[c]}`)
        })
      })
  })
  return $.html()
}

interface DocNode {
  type: string
  href?: string
  anchor?: string
  children?: DocNode[]
}

/** A hyperlink whose relationship is missing has no target, and mammoth fails writing it: keep its text. */
function dropBrokenLinks(node: DocNode): DocNode {
  if (!node.children) return node
  node.children = node.children.flatMap((c) => (c.type === 'hyperlink' && c.href == null && c.anchor == null ? (c.children ?? []) : [c]).map(dropBrokenLinks))
  return node
}

export interface Rendition {
  html: string
  /** mammoth's warnings (styles it did not map, content it skipped). */
  messages: string[]
}

/**
 * The page for one Word file. `original` is the link back to the .docx from where the page will be
 * written, so the reader can still open the real thing.
 */
export async function wordRendition(bytes: Uint8Array, options: { original: string; name: string }): Promise<Rendition> {
  const { default: mammoth } = await import('mammoth')
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP, transformDocument: dropBrokenLinks })
  const { document } = await docxReader.read({ bytes, path: options.name })
  const fills = new Map<string, (string | null)[]>()
  for (const table of document.blocks.filter((b): b is Table => b.kind === 'table')) {
    table.rows.forEach((row, r) => fills.set(rowAnchor(table.index, r), row.cells.map((c) => c.fill)))
  }
  const body = anchorRows(result.value, fills)
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(basename(options.name))} (Word source as HTML)</title>
<style>${STYLE}</style>
</head>
<body>
<p class="note">${esc(options.name)}, the Word source of the report's records, shown as HTML (by actionplan with mammoth) so that a browser can open it. Text, headings, lists, tables and cell colours are kept; the page layout is not: <a href="${esc(options.original)}">open the Word file</a> for those. A record's link lands on its table row, highlighted.</p>
${body}
</body>
</html>
`
  return { html, messages: result.messages.map((m) => `${m.type}: ${m.message}`) }
}
