import { describe, expect, it } from 'vitest'
import { rowsOf } from '../../../parsers/pdf/borderless-rows.js'
import { lineStart } from '../../../parsers/pdf/borderless-wraps.js'
import { bandsOf, gutterColumns } from '../../../parsers/pdf/gutters.js'
import { lines } from './text-runs.js'

/** A header and one action under it (the first table under a heading): too few rows to count gaps. */
const oneRow = bandsOf(lines([
  [100, [[10, 'Action'], [170, 'Lead'], [330, 'RAG']]],
  [114, [[10, 'Offer foster carers monthly'], [170, 'Dr Deborah Harris (Workforce'], [330, 'Red']]],
  [124, [[10, 'with a cat'], [170, 'Manager)']]],
  [134, [[10, 'Evidence: audit records']]],
  [144, [[10, 'By when: Q3 2013']]],
]))

describe('wrapped lines', () => {
  const columns = gutterColumns(oneRow)
  it('a lower-case start, or a word that would not have fitted on the line above, carries the line on', () => {
    expect(lineStart(oneRow[2]!, oneRow[1]!, 0, columns)).toBe('wrap')
    expect(lineStart(oneRow[2]!, oneRow[1]!, 1, columns)).toBe('wrap')
  })
  it('a word that would have fitted after a short line starts afresh, however short the column', () => {
    expect(lineStart(oneRow[3]!, oneRow[2]!, 0, columns)).toBe('start')
    const labels = bandsOf(lines([
      [100, [[10, 'How we will do it'], [150, 'Set up a triage meeting']]],
      [110, [[10, 'Who'], [150, 'Owen Whitfield']]],
    ]))
    expect(lineStart(labels[1]!, labels[0]!, 0, gutterColumns(labels))).toBe('start')
  })
})

describe('rows of a short table', () => {
  it('a header and one row: a gap under the header, and lines one spacing below that carry on, make one row of the rest', () => {
    const { rows, style } = rowsOf(oneRow, gutterColumns(oneRow))
    expect(style.gapped).toBe(true)
    expect(rows.map((r) => r.length)).toEqual([1, 4])
  })
  it('rows one spacing apart that each start afresh stay one row a line, whatever the gap under the header', () => {
    const bands = bandsOf(lines([
      [100, [[10, 'Ref'], [60, 'Action'], [200, 'Lead']]],
      [114, [[10, '1.1'], [60, 'Revise the plan'], [200, 'Mike']]],
      [124, [[10, '1.2'], [60, 'Audit plans'], [200, 'Sally']]],
      [134, [[10, '1.3'], [60, 'Recruit'], [200, 'Jo']]],
    ]))
    const { rows, style } = rowsOf(bands, gutterColumns(bands))
    expect(style.gapped).toBe(false)
    expect(rows.map((r) => r.length)).toEqual([1, 1, 1, 1])
  })
})
