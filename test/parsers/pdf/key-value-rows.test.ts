import { describe, expect, it } from 'vitest'
import { rowsOf } from '../../../parsers/pdf/borderless-rows.js'
import { bandsOf, gutterColumns } from '../../../parsers/pdf/gutters.js'
import { groupLines } from '../../../parsers/pdf/lines.js'
import { keyValueRows } from '../../../parsers/pdf/key-value-rows.js'
import { run } from './text-runs.js'

// Three Word cards with no rules, 12pt a line, a blank line between them: bold labels, plain values,
// the first value wrapping onto a second line.
const card = (y: number, action: string) => [
  [y, 'Recommendations', 'Develop an early help offer'],
  [y + 12, null, 'understood by schools'],
  [y + 24, 'Planned actions', action],
  [y + 36, 'Responsible', 'Designated Nurse'],
  [y + 48, 'Timescale', 'Q2 2012/13'],
] as const
const laid = [...card(100, 'Report the take-up'), ...card(172, 'Send GPs a template'), ...card(244, 'Publish a strategy')].flatMap(([y, label, value]) => [
  ...(label ? [{ ...run(label, 40, y), bold: true }] : []),
  run(value, 180, y),
])
const bands = bandsOf(groupLines(laid, 0.8))
const columns = gutterColumns(bands)

describe('rows of a label | value table', () => {
  it('the gaps alone read each card as one row', () => {
    expect(rowsOf(bands, columns).rows.length).toBe(3)
  })

  it('every label line starts a row; a value wrapping onto a line of its own carries on', () => {
    const rows = keyValueRows(bands, columns)!
    expect(rows.map((r) => r.length)).toEqual([2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1])
  })

  it('a two-column table with sentences on its left is not a label | value table', () => {
    const data = bandsOf(groupLines([100, 112, 124].flatMap((y, i) => [run(`Ensure that every child in need has a plan ${i}`, 40, y), run(`Lead ${i}`, 300, y)]), 0.8))
    expect(keyValueRows(data, gutterColumns(data))).toBeNull()
  })
})
