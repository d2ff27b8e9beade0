import { describe, expect, it } from 'vitest'
import { ruledRows } from '../../../parsers/pdf/borderless-rules.js'
import { bandsOf } from '../../../parsers/pdf/gutters.js'
import { groupLines } from '../../../parsers/pdf/lines.js'
import { run } from './text-runs.js'


// Four lines 12pt apart, two columns: two short rows that gaps alone read as one row of wrapped cells.
const bands = bandsOf(groupLines([100, 112, 124, 136].flatMap((y, i) => [run(`Action ${i}`, 10, y), run(`Lead ${i}`, 200, y)]), 0.8))
const oneRow = [bands]

describe('rows from row rules', () => {
  it('a rule across the table between two lines ends a row', () => {
    const rows = ruledRows(bands, oneRow, [{ at: 115, from: 5, to: 260 }])
    expect(rows.map((r) => r.length)).toEqual([2, 2])
  })

  it('where no rule is the gaps decide; a short rule under one column is not a row rule', () => {
    expect(ruledRows(bands, [bands.slice(0, 1), bands.slice(1)], [])).toEqual([bands.slice(0, 1), bands.slice(1)])
    expect(ruledRows(bands, oneRow, [{ at: 115, from: 5, to: 60 }])).toEqual(oneRow)
  })
})
