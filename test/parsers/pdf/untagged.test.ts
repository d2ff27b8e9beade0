import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { docxReader } from '../../../parsers/docx/index.js'
import { pdfReader } from '../../../parsers/pdf/index.js'
import type { Reader } from '../../../parsers/reader.js'
import { readPlan } from '../../../src/ingest.js'
import type { Plan, SourceDocument, Table } from '../../../schemas/index.js'

/**
 * The fixture PDFs are tagged, as Word and LibreOffice write them by default; a few plans are also
 * printed untagged (fixtures/pdf/<case>-untagged), as older writers do. Tagged, the structure tree
 * gives rows, cells and paragraph ends; untagged, the layout alone does, and a paragraph ending at
 * its column's edge cannot be told from a wrapped line.
 */

const read = async (reader: Reader, path: string) => reader.read({ bytes: new Uint8Array(readFileSync(path)), path })
const grid = (doc: SourceDocument): unknown =>
  doc.blocks.filter((b): b is Table => b.kind === 'table').map((t) => t.rows.map((r) => r.cells.map((c) => [c.col, c.rowSpan, c.colSpan, c.text])))
const cellsWith = (doc: SourceDocument, text: string): string[][] =>
  doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.filter((c) => c.text.startsWith(text)).map((c) => c.lines)) : []))

/** Records with every lead and milestone list joined into one text, which is all the layout can promise. */
const joined = (plan: Plan): unknown =>
  plan.recommendations.map((r) => ({
    ref: r.ref, text: r.text, timeframe: r.timeframe,
    actions: r.actions.map((a) => ({
      text: a.text, leads: a.leads.join(' '), organisations: a.organisations, due: a.due_date, status: a.status, rag: a.rag, progress: a.progress,
      milestones: a.milestones.map((m) => m.text).join(' '),
    })),
  }))

describe('tagged and untagged PDFs of one plan', () => {
  for (const name of ['banes', 'banes-portrait', 'banes-rowrules', 'banes-shaded', 'banes-beside-prose', 'darlington', 'bournemouth-poole']) {
    it(`${name}: the layout alone gives the same records as the tags, paragraph ends aside`, async () => {
      const tagged = `fixtures/pdf/${name}/input.pdf`
      const untagged = `fixtures/pdf/${name}-untagged/input.pdf`
      const [a, b] = await Promise.all([readPlan(tagged, readFileSync(tagged)), readPlan(untagged, readFileSync(untagged))])
      expect(joined(b.interpretation.plan)).toEqual(joined(a.interpretation.plan))
      // The tags were followed on every page of the tagged file.
      expect((await read(pdfReader, tagged)).diagnostics.filter((d) => d.code === 'TAGS_IGNORED')).toEqual([])
    })
  }

  it('a page whose tags are broken (a row that is not a TR) is read from the layout, and says so', async () => {
    const broken = 'fixtures/pdf/wakefield-broken-tags/input.pdf'
    const { diagnostics } = await read(pdfReader, broken)
    expect(diagnostics).toEqual([
      { level: 'info', code: 'TAGS_IGNORED', message: 'structure tags not followed (a Sect element among the rows of a Table); read from the layout', page: 1 },
    ])
    const tagged = 'fixtures/pdf/wakefield/input.pdf'
    const [a, b] = await Promise.all([readPlan(tagged, readFileSync(tagged)), readPlan(broken, readFileSync(broken))])
    expect(joined(b.interpretation.plan)).toEqual(joined(a.interpretation.plan))
  })

  it('banes (borderless): the tags give the Word grid, vertical merges included; the layout alone does not', async () => {
    const word = grid((await read(docxReader, 'fixtures/docx/banes/input.docx')).document)
    expect(grid((await read(pdfReader, 'fixtures/pdf/banes/input.pdf')).document)).toEqual(word)
    expect(grid((await read(pdfReader, 'fixtures/pdf/banes-untagged/input.pdf')).document)).not.toEqual(word)
  })

  it('darlington: a cell of two paragraphs keeps both with tags, and reads as one wrapped line without', async () => {
    const tagged = (await read(pdfReader, 'fixtures/pdf/darlington/input.pdf')).document
    const untagged = (await read(pdfReader, 'fixtures/pdf/darlington-untagged/input.pdf')).document
    expect(cellsWith(tagged, 'Director of Nursing and Transformation')).toEqual([['Director of Nursing and Transformation', 'Maureen Grieveson']])
    expect(cellsWith(untagged, 'Director of Nursing and Transformation')).toEqual([['Director of Nursing and Transformation Maureen Grieveson']])
  })
})
