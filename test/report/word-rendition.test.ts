import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import * as cheerio from 'cheerio'
import { describe, expect, it } from 'vitest'
import type { Table } from '../../schemas/index.js'
import { docxReader } from '../../parsers/docx/index.js'
import { rowAnchor, wordRendition } from '../../src/report/word-rendition.js'

/**
 * A record's link into the HTML rendition of its Word source lands on the row it was read from:
 * for every table row the Word reader numbers (provenance {table, row}), the rendition's row with
 * that anchor holds the same text. Run on every Word fixture, and on the unit files with merged
 * cells and nested tables.
 */
const root = join(import.meta.dirname, '..', '..')
const files = [
  ...readdirSync(join(root, 'fixtures', 'docx')).map((name) => join('fixtures', 'docx', name, 'input.docx')),
  ...['grid.docx', 'nested.docx', 'cell-text.docx'].map((name) => join('fixtures', 'unit', 'docx', name)),
]
// Letters and digits only: mammoth writes list items without their bullets and numbers as HTML lists.
const letters = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

/** Each part appears in the text, in order. */
function inOrder(text: string, parts: string[]): boolean {
  let at = 0
  for (const part of parts) {
    const found = text.indexOf(part, at)
    if (found < 0) return false
    at = found + part.length
  }
  return true
}

describe('Word rendition anchors', () => {
  it.each(files)('%s: each row the reader numbers has its anchor on the same text', async (file) => {
    const bytes = readFileSync(join(root, file))
    const { document } = await docxReader.read({ bytes, path: file })
    const tables = document.blocks.filter((b): b is Table => b.kind === 'table')
    const { html } = await wordRendition(bytes, { original: 'input.docx', name: file })
    const $ = cheerio.load(html)
    expect($('table').length).toBe(tables.length)
    let rows = 0
    for (const table of tables) {
      expect($(`tr[id^="t${table.index}-r"]`).length).toBe(table.rows.length)
      table.rows.forEach((row, r) => {
        // The reader keeps a nested table's text in the outer cell too, as the rendition does.
        const ours = letters(row.cells.map((c) => c.text).join(' '))
        const rendered = $(`#${rowAnchor(table.index, r)}`)
        const where = `${file} table ${table.index} row ${r}`
        expect(rendered.length, where).toBe(1)
        // mammoth shows hidden text (w:vanish), which the reader leaves out as Word does, so in the
        // unit file each word of the row is found in order; the plans have none: their rows read the same.
        if (file.includes('unit')) expect(inOrder(letters(rendered.text()), row.cells.flatMap((c) => c.text.split(/\s+/).map(letters))), where).toBe(true)
        else expect(letters(rendered.text()), where).toBe(ours)
        // The cells' fills (some plans' only RAG), which mammoth drops, are put back cell by cell.
        const styles = rendered.children('td, th').toArray().map((cell) => $(cell).attr('style') ?? null)
        expect(styles, where).toEqual(row.cells.map((c) => (c.fill ? `background: ${c.fill}` : null)))
        rows += 1
      })
    }
    expect(rows).toBeGreaterThan(0)
  })

  it('keeps headings, lists and tables, and marks the target row', async () => {
    const bytes = readFileSync(join(root, 'fixtures', 'docx', 'darlington', 'input.docx'))
    const { html } = await wordRendition(bytes, { original: '../fixtures/docx/darlington/input.docx', name: 'fixtures/docx/darlington/input.docx' })
    const $ = cheerio.load(html)
    expect($('h2').length).toBe(2)
    expect($('li').length).toBeGreaterThan(0)
    expect($('table').length).toBe(5)
    expect($('a[href="../fixtures/docx/darlington/input.docx"]').length).toBe(1)
    expect(html).toContain('tr:target')
  })

  it("shows Wakefield's RAG, stated only as cell colours", async () => {
    const bytes = readFileSync(join(root, 'fixtures', 'docx', 'wakefield', 'input.docx'))
    const $ = cheerio.load((await wordRendition(bytes, { original: 'input.docx', name: 'input.docx' })).html)
    const colours = $('td[style]').map((_, td) => $(td).attr('style')).get()
    expect(new Set(colours).size).toBeGreaterThanOrEqual(3)
  })
})
