import { describe, expect, it } from 'vitest'
import { borderlessTables } from '../../../parsers/pdf/borderless-grid.js'
import { groupLines } from '../../../parsers/pdf/lines.js'
import type { TextRun } from '../../../parsers/pdf/text-items.js'
import { frame, run } from './text-runs.js'

const bold = (text: string, x0: number, baseline: number): TextRun => ({ ...run(text, x0, baseline), bold: true })
const header = [bold('Agency', 10, 60), bold('Planned actions', 100, 60), bold('By whom', 250, 60)]
const texts = (found: ReturnType<typeof borderlessTables>): string[][][] => found.map((f) => f.table.rows.map((r) => r.cells.map((c) => c.text)))

/** Page 1 of an evenly spaced table (every line 12pt below the one before), its last row cut by the page break. */
const page1 = borderlessTables(
  groupLines([
    ...header,
    ...[run('Police', 10, 72), run('Invite a peer review', 100, 72), run('Yvonne Lowe', 250, 72)],
    run('of care planning', 100, 84),
    ...[run('Housing', 10, 96), run('Share a feedback form', 100, 96), run('Martin', 250, 96)],
  ], 0.8),
  [],
  frame,
  1,
)
const last = page1[page1.length - 1]!
const carried = { starts: last.starts, right: last.box.x1, rowStyle: last.rowStyle }

describe('the rest of a borderless table on the next page', () => {
  it('page 1 reads as a header and two rows', () => {
    expect(texts(page1)).toEqual([[
      ['Agency', 'Planned actions', 'By whom'],
      ['Police', 'Invite a peer review of care planning', 'Yvonne Lowe'],
      ['Housing', 'Share a feedback form', 'Martin'],
    ]])
  })

  it('the rest of the cut row under the repeated header is one row: the anchor column of page 1 stays empty there', () => {
    const rest = ['with families at the', 'close of every case', 'Measure of success: no', 'child waits long'].map((t, i) => run(t, 100, 72 + 12 * i))
    const next = [run('Probation', 10, 120), run('Hold a meeting', 100, 120), run('Owen', 250, 120)]
    const found = borderlessTables(groupLines([...header, ...rest, ...next], 0.8), [], frame, 2, carried)
    expect(texts(found)).toEqual([[
      ['Agency', 'Planned actions', 'By whom'],
      ['', 'with families at the close of every case Measure of success: no child waits long', ''],
      ['Probation', 'Hold a meeting', 'Owen'],
    ]])
  })
})

describe('a bulleted column carried over a page break', () => {
  it('items set in from a bullet at the column start, and their wrapped lines, still fit the columns', () => {
    const page = [
      ...header,
      ...[run('Police', 10, 72), run('•', 100, 72), run('Invite a peer review', 118, 72), run('Yvonne', 250, 72)],
      run('of care planning', 118, 84),
      ...[run('•', 100, 96), run('Hold a meeting', 118, 96), run('Owen', 250, 96)],
    ]
    const found = borderlessTables(groupLines(page, 0.8), [], frame, 2, carried)
    expect(found.map((f) => f.because)).toEqual([['continues the table the page before ended with, in its columns']])
    expect(texts(found)[0]!.map((r) => r.map((c) => c.replace(/^•\s*/, '')))).toEqual([
      ['Agency', 'Planned actions', 'By whom'],
      ['Police', 'Invite a peer review of care planning', 'Yvonne'],
      ['', 'Hold a meeting', 'Owen'],
    ])
  })
})

describe('a heading at the top of the next page', () => {
  const page = [
    run('Recommendation 2: Review the thresholds document with partners', 10, 60),
    ...header.map((r) => ({ ...r, baseline: 84, box: { ...r.box, y0: 76, y1: 86 } })),
    ...[run('Police', 10, 96), run('Invite a peer review', 100, 96), run('Yvonne', 250, 96)],
    ...[run('Housing', 10, 108), run('Share a form', 100, 108), run('Martin', 250, 108)],
  ]
  const firstCells = (found: ReturnType<typeof borderlessTables>): string[] => found.flatMap((f) => f.table.rows.map((r) => r.cells[0]!.text))

  it('a line across the columns of a table without banner rows is left to the page, as above a table', () => {
    expect(carried.rowStyle.banners).toBe(false)
    const found = borderlessTables(groupLines(page, 0.8), [], frame, 2, carried)
    expect(firstCells(found)).toEqual(['Agency', 'Police', 'Housing'])
  })

  it('in a table with banner rows it may be the next banner, and stays in the table', () => {
    const found = borderlessTables(groupLines(page, 0.8), [], frame, 2, { ...carried, rowStyle: { ...carried.rowStyle, banners: true } })
    expect(firstCells(found)[0]).toMatch(/^Recommendation 2/)
  })
})
