import { describe, expect, it } from 'vitest'
import type { Block, Cell, Row, SourceDocument, Table } from '../../schemas/index.js'
import { assembleTables } from '../../src/assemble/index.js'
import { continuesOverPage, continuesSentence, foldCutRows } from '../../src/assemble/fold-rows.js'
import { interpretPlan } from '../../src/interpret/index.js'

function cell(text: string, table: number, row: number, col: number, page: number): Cell {
  const lines = text ? text.split('\n') : []
  return { text: lines.join(' '), lines, col, rowSpan: 1, colSpan: 1, fill: null, bold: false, boldLead: null, provenance: { page, bbox: null, table, row, col } }
}

const row = (texts: string[], table = 0, r = 0, page = 1): Row => ({ header: false, cells: texts.map((t, c) => cell(t, table, r, c, page)) })

function table(index: number, rows: string[][], page = index + 1): Table {
  const columns = Math.max(...rows.map((r) => r.length))
  return { kind: 'table', index, columns, provenance: { page, bbox: null }, rows: rows.map((r, ri) => row(Array.from({ length: columns }, (_, c) => r[c] ?? ''), index, ri, page)) }
}

const doc = (blocks: Block[]): SourceDocument => ({ format: 'pdf', pages: 2, title: null, blocks })
const texts = (t: Block | undefined): string[][] => (t as Table).rows.map((r) => r.cells.map((c) => c.text))
const SOURCE = { path: 'test.pdf', sha256: 'c'.repeat(64), format: 'pdf' as const, pages: 2 }

const HEADER = ['Recommendation', 'Action', 'Lead', 'Milestone', 'Date', 'Progress']
const ACTION = ['Improve recording', 'Revise the recording policy', 'Ann Lee', 'Draft agreed', '31/01/2013', 'Policy drafted and sent to the board']

describe('folding a row the reader cut', () => {
  it('folds a notes-only row after a page break into the row above, however it starts', () => {
    const result = assembleTables(doc([table(0, [HEADER, ACTION]), table(1, [['', '', '', '', '', 'Board meeting moved to March']])]))
    expect(texts(result.blocks[0])).toEqual([HEADER, [...ACTION.slice(0, 5), 'Policy drafted and sent to the board Board meeting moved to March']])
    expect((result.blocks[0] as Table).rows[1]!.cells[5]!.lines).toEqual(['Policy drafted and sent to the board', 'Board meeting moved to March'])
  })

  it('keeps a lettered item carried over a page break as a line of its own', () => {
    const listed = ['Improve recording', 'a) Revise the recording policy', 'Ann Lee', 'Draft agreed', '31/01/2013', 'Policy drafted']
    const result = assembleTables(doc([table(0, [HEADER, listed]), table(1, [['', 'b) Train staff on the policy', '', '', '', '']])]))
    expect((result.blocks[0] as Table).rows[1]!.cells[1]!.lines).toEqual(['a) Revise the recording policy', 'b) Train staff on the policy'])
  })

  it('joins a piece to the line above it when that line left a bracket open', () => {
    const lead = ['Improve recording', 'Revise the recording policy', 'Sarah Doyle (Head of', 'Draft agreed', '31/01/2013', 'Policy drafted']
    const result = assembleTables(doc([table(0, [HEADER, lead]), table(1, [['', '', 'Safeguarding) Gareth Pritchard (Named GP)', '', '', '']])]))
    expect((result.blocks[0] as Table).rows[1]!.cells[2]!.lines).toEqual(['Sarah Doyle (Head of Safeguarding) Gareth Pritchard (Named GP)'])
  })

  it('folds a notes-only row inside a page when it carries on a cut sentence', () => {
    const result = assembleTables(doc([table(0, [HEADER, ACTION, ['', '', '', '', '', 'and agreed on 3 March']])]))
    expect(texts(result.blocks[0])).toEqual([HEADER, [...ACTION.slice(0, 5), 'Policy drafted and sent to the board and agreed on 3 March']])
  })

  it('does not fold a milestone row, after a page break or inside a page', () => {
    const milestone = ['', '', '', 'Policy launched', '31/03/2013', 'On track']
    const overPage = assembleTables(doc([table(0, [HEADER, ACTION]), table(1, [milestone])]))
    expect(texts(overPage.blocks[0])).toEqual([HEADER, ACTION, milestone])
    const inPage = assembleTables(doc([table(0, [HEADER, ACTION, milestone])]))
    expect(texts(inPage.blocks[0])).toEqual([HEADER, ACTION, milestone])
  })

  it('leaves a milestone row to interpretation, which makes it a step of the action above', () => {
    const assembled = assembleTables(doc([table(0, [HEADER, ACTION]), table(1, [['', '', '', 'Policy launched', '31/03/2013', '']])]))
    const { plan } = interpretPlan(assembled, SOURCE)
    const actions = plan.recommendations[0]!.actions
    expect(actions).toHaveLength(1)
    expect(actions[0]!.milestones.map((m) => [m.text, m.due_date])).toEqual([['Draft agreed', null], ['Policy launched', '2013-03-31']])
  })

  it('does not fold a row that starts afresh inside a page, even one with notes only', () => {
    const notes = ['', '', '', '', '', 'Update March 2013: board agreed']
    expect(continuesSentence(row(ACTION), row(notes))).toBe(false)
    expect(foldCutRows([row(HEADER), row(ACTION), row(notes)])).toHaveLength(3)
  })

  it('does not fold a row in lower case inside a page below a finished sentence', () => {
    const finished = [...ACTION.slice(0, 5), 'Policy sent to the board.']
    expect(continuesSentence(row(finished), row(['', '', '', '', '', 'board to agree it in March']))).toBe(false)
    expect(continuesSentence(row(ACTION), row(['', '', '', '', '', 'in March']))).toBe(true)
  })

  it('does not fold a row that fills a column the row above left empty, or the first column', () => {
    const above = row(['R1', 'Revise the policy', '', '', '', ''])
    expect(continuesOverPage(above, row(['', '', 'named lead', '', '', '']), 6)).toBe(false)
    expect(continuesSentence(above, row(['', '', 'named lead', '', '', '']))).toBe(false)
    expect(continuesSentence(above, row(['and more', 'and the rest', '', '', '', '']))).toBe(false)
  })

  it('never folds into the first row, a header row, or across a vertical merge', () => {
    const header = row(['Action', 'Lead officer'])
    expect(foldCutRows([header, row(['', 'and deputy'])])).toHaveLength(2)
    const flagged = [row(['x', 'y']), { ...row(['Action', 'Lead']), header: true }, row(['', 'officer'])]
    expect(foldCutRows(flagged)).toHaveLength(3)
    const merged = [row(['Rec', 'Action']), row(['Improve', 'Do this']), row(['', 'and this'])]
    merged[1]!.cells[0] = { ...merged[1]!.cells[0]!, rowSpan: 2 }
    merged[2]!.cells = merged[2]!.cells.filter((c) => c.col !== 0)
    expect(foldCutRows(merged)).toHaveLength(3)
  })
})

describe('a row with no action of its own', () => {
  it('is left out with a warning that quotes it, not joined to the action above', () => {
    const tableOf = table(0, [['Outcome', 'Action', 'Lead', 'Date'], ['Fewer children wait', 'Audit the front door', 'Ann Lee', 'Mar-13'], ['Ensure that return interviews are offered to every child', '', '', '']])
    const { plan, diagnostics } = interpretPlan(assembleTables(doc([tableOf])), SOURCE)
    const action = plan.recommendations[0]!.actions[0]!
    expect(plan.recommendations[0]!.actions).toHaveLength(1)
    expect(Object.values(action.extra).join(' ')).not.toContain('return interviews')
    expect(plan.notes).toEqual([])
    expect(diagnostics.find((d) => d.code === 'ROW_WITHOUT_ACTION')?.message).toContain('Outcome: "Ensure that return interviews are offered to every child"')
    expect(plan.coverage).toBeLessThan(1)
  })

  it('is passed over quietly when all it holds is a cell merged down from the row above', () => {
    const tableOf = table(0, [['Outcome', 'Action', 'Lead', 'Date'], ['Fewer children wait', 'Audit the front door', 'Ann Lee', 'Mar-13'], ['', '', '', '']])
    tableOf.rows[1]!.cells[0] = { ...tableOf.rows[1]!.cells[0]!, rowSpan: 2 }
    tableOf.rows[2]!.cells = tableOf.rows[2]!.cells.filter((c) => c.col !== 0)
    const { plan, diagnostics } = interpretPlan(assembleTables(doc([tableOf])), SOURCE)
    expect(plan.recommendations[0]!.actions).toHaveLength(1)
    expect(plan.notes).toEqual([])
    expect(diagnostics.map((d) => d.code)).not.toContain('ROW_WITHOUT_ACTION')
  })
})
