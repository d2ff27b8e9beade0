import { describe, expect, it } from 'vitest'
import { groupHeaderSpans, type Slot } from '../../../parsers/pdf/borderless-header.js'
import type { TextRun } from '../../../parsers/pdf/text-items.js'

const run = (text: string, bold = true): TextRun => ({ text, box: { x0: 0, y0: 0, x1: 10, y1: 10 }, baseline: 8, size: 8, bold, tag: null })

/** Rows of cells as text ('' for an empty cell), one column each, 100 points wide. */
const slots = (rows: string[][], bold = true): Slot[] =>
  rows.flatMap((cells, row) =>
    cells.map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, box: { x0: col * 100, y0: row * 10, x1: col * 100 + 90, y1: row * 10 + 10 }, runs: text ? [run(text, bold)] : [] })),
  )

const shape = (out: Slot[]): string[] => out.map((s) => `${s.row}:${s.col}+${s.colSpan}v${s.rowSpan} ${s.runs.map((r) => r.text).join(' ')}`)

describe('a group header over two bold header lines', () => {
  it('spans the columns it stands over, and the other columns run down both lines', () => {
    const out = groupHeaderSpans(slots([['Action', 'Responsibility', '', 'Due'], ['', 'Lead officer', 'Support', ''], ['Do it', 'Ann', 'Police', 'May']]))
    expect(shape(out)).toEqual(['0:0+1v2 Action', '0:1+2v1 Responsibility', '0:3+1v2 Due', '1:1+1v1 Lead officer', '1:2+1v1 Support', '2:0+1v1 Do it', '2:1+1v1 Ann', '2:2+1v1 Police', '2:3+1v1 May'])
    expect(out.find((s) => s.runs[0]?.text === 'Responsibility')!.box.x1).toBe(290)
  })

  it('leaves a header wrapped over two lines (every column named above) and plain rows alone', () => {
    const wrapped = slots([['Date for', 'Lead', 'Status'], ['completion', 'officer', '']])
    expect(shape(groupHeaderSpans(wrapped))).toEqual(shape(wrapped))
    const body = slots([['Action', 'Responsibility', ''], ['', 'Ann', 'Police']], false)
    expect(shape(groupHeaderSpans(body))).toEqual(shape(body))
  })
})
