import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { pdfReader } from '../../../parsers/pdf/index.js'
import { splitRunInLabels } from '../../../parsers/pdf/run-in-labels.js'
import { splitLabelledParts } from '../../../src/interpret/packed-cells.js'
import type { Table } from '../../../schemas/index.js'
import { table } from '../../interpret/doc-builder.js'

const linesOf = (t: Table): string[][] => t.rows.flatMap((r) => r.cells.map((c) => c.lines))

describe('PDF: a run-in label joined to the line above gets its own line back', () => {
  it('splits a line that ends with a capitalised word and its colon, and keeps the cell text', () => {
    const [split] = splitRunInLabels([table(0, [['Send GPs a template with every invitation Milestones:\nTemplate agreed', 'Due: March']])]) as [Table]
    expect(linesOf(split)).toEqual([['Send GPs a template with every invitation', 'Milestones:', 'Template agreed'], ['Due: March']])
    expect(split.rows[0]!.cells[0]!.text).toBe('Send GPs a template with every invitation Milestones: Template agreed')
  })

  it('leaves a label already on its own line, a label inside a line, and lower-case words alone', () => {
    const rows = [['Milestones:\nForm redesigned', 'Agreed with the Lead: Jo', 'see the notes below:']]
    expect(linesOf(splitRunInLabels([table(0, rows)])[0] as Table)).toEqual(linesOf(table(0, rows)))
  })

  it('so the interpretation finds the milestones without a PDF rule of its own', () => {
    const [split] = splitRunInLabels([table(0, [['Send GPs a template with every invitation Milestones:\nTemplate agreed\nAudit of returns']])]) as [Table]
    expect(splitLabelledParts(split.rows[0]!.cells[0]!.lines)).toEqual([
      { label: null, target: null, lines: ['Send GPs a template with every invitation'] },
      { label: 'Milestones', target: 'milestone', lines: ['Template agreed', 'Audit of returns'] },
    ])
  })

  it('is applied by the PDF reader: the layout read of a broken-tags file gives the lines a tagged read gives', async () => {
    const read = async (path: string) => (await pdfReader.read({ bytes: new Uint8Array(readFileSync(path)), path })).document
    const cellsWith = (blocks: Awaited<ReturnType<typeof read>>['blocks']) =>
      blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.filter((c) => c.text.includes('Milestones:')).map((c) => c.lines)) : []))
    const tagged = cellsWith((await read('fixtures/pdf/wakefield/input.pdf')).blocks)
    expect(tagged.length).toBeGreaterThan(0)
    expect(cellsWith((await read('fixtures/pdf/wakefield-broken-tags/input.pdf')).blocks)).toEqual(tagged)
  })
})
