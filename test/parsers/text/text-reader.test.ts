import { describe, expect, it } from 'vitest'
import { ReadError, SourceDocument, type Table } from '../../../schemas/index.js'
import { textReader } from '../../../parsers/text/index.js'

const read = async (text: string | Uint8Array, path = 'plan.txt') =>
  textReader.read({ bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text, path })
const tables = async (text: string): Promise<Table[]> =>
  (await read(text)).document.blocks.filter((b): b is Table => b.kind === 'table')
const texts = (table: Table): string[][] => table.rows.map((r) => r.cells.map((c) => c.text))

describe('pasted-text reader', () => {
  it('reads tab-separated rows as a table and other lines as paragraphs', async () => {
    const { document } = await read('ACTION PLAN\n\nAction\tLead\tDate\nAudit files\tJ Smith\tAug-12\n\nSigned off\n')
    expect(SourceDocument.parse(document)).toEqual(document)
    expect(document.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph'])
    expect(texts(document.blocks[1] as Table)).toEqual([['Action', 'Lead', 'Date'], ['Audit files', 'J Smith', 'Aug-12']])
  })

  it('turns HTML fragments inside cells into plain text, list items into lines, bold into bold', async () => {
    const [table] = await tables('A\t<b>Completed</b> Future monitoring &amp; review\t<ul><li>One</li><li>Two</li></ul>\t14 <sup>th</sup> June\t<b>SAFEGUARDING</b>\n')
    const [, status, list, date, heading] = table!.rows[0]!.cells
    expect(status).toMatchObject({ text: 'Completed Future monitoring & review', bold: false, boldLead: 'Completed' })
    expect(list!.lines).toEqual(['One', 'Two'])
    expect(date!.text).toBe('14 th June')
    expect(heading).toMatchObject({ text: 'SAFEGUARDING', bold: true, boldLead: null })
  })

  it('keeps a quoted cell that spills over several lines as one cell of several lines', async () => {
    const [table] = await tables('Action\tMilestones\tDate\nAudit\t"Draft guidance\nAgree it\nSend it"\tJun-12\nTrain\tNone\tJul-12\n')
    expect(texts(table!)).toEqual([['Action', 'Milestones', 'Date'], ['Audit', 'Draft guidance Agree it Send it', 'Jun-12'], ['Train', 'None', 'Jul-12']])
    expect(table!.rows[1]!.cells[1]!.lines).toEqual(['Draft guidance', 'Agree it', 'Send it'])
  })

  it('joins bare lines between two rows to the last cell of the row above', async () => {
    const [table] = await tables('Action\tProgress\nAudit\tStarted in May\nand finished in June\nTrain\tNot started\n')
    expect(texts(table!)).toEqual([['Action', 'Progress'], ['Audit', 'Started in May and finished in June'], ['Train', 'Not started']])
  })

  it('ends a table at a pasted border line', async () => {
    expect(await tables('a\tb\n--\t--\nc\td\n')).toHaveLength(2)
  })

  it('reads windows-1252 bytes (Word on Windows) as well as UTF-8 with a BOM', async () => {
    const cp1252 = Uint8Array.from([0x41, 0x09, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x80, 0x0a])
    const [table] = (await read(cp1252)).document.blocks as Table[]
    expect(table!.rows[0]!.cells[1]!.text).toBe('“q” – €')
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('x\ty\n')])
    expect(texts(((await read(bom)).document.blocks as Table[])[0]!)).toEqual([['x', 'y']])
  })

  it('refuses empty, white-space-only and binary input with the file named', async () => {
    await expect(read('', 'a.txt')).rejects.toMatchObject({ code: 'EMPTY_FILE', file: 'a.txt' })
    await expect(read('  \n\n', 'b.txt')).rejects.toMatchObject({ code: 'EMPTY_FILE', message: expect.stringMatching(/^b\.txt: /) })
    await expect(read(Uint8Array.from([0, 1, 2, 3, 200, 201]), 'c.txt')).rejects.toBeInstanceOf(ReadError)
  })

  it('warns when the text holds no tab-separated rows', async () => {
    const { diagnostics } = await read('Just prose.\nMore prose.\n')
    expect(diagnostics.map((d) => d.code)).toEqual(['NO_TABLE_ROWS'])
  })
})
