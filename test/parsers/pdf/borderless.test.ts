import { describe, expect, it } from 'vitest'
import { borderlessTables } from '../../../parsers/pdf/borderless-grid.js'
import { proseColumn, tableRegions } from '../../../parsers/pdf/borderless-regions.js'
import { anchorEvidence, gapEvidence, rowsOf, type RowContext } from '../../../parsers/pdf/borderless-rows.js'
import { bandsOf, coveredRanges, gutterColumns } from '../../../parsers/pdf/gutters.js'
import { lines, frame } from './text-runs.js'

const grid = (found: ReturnType<typeof borderlessTables>[number]): string[][] => found.table.rows.map((r) => r.cells.map((c) => c.text))

describe('gutters', () => {
  it('a right-aligned figure column is one column though its left edges differ', () => {
    const bands = bandsOf(lines([
      [100, [[10, 'Assam'], [100, '14,874,821']]],
      [112, [[10, 'Bihar'], [115, '21,708']]],
      [124, [[10, 'Goa'], [125, '110']]],
    ]))
    expect(gutterColumns(bands).map((c) => [c.x0, c.x1])).toEqual([[10, 35], [100, 150]])
  })

  it('a header crossing a gutter in one band of many does not close it', () => {
    const body: [number, [number, string][]][] = Array.from({ length: 10 }, (_, i) => [120 + 12 * i, [[10, 'Name'], [100, 'Town'], [200, '12']]])
    const bands = bandsOf(lines([[100, [[10, 'A header running over two'], [200, 'N']]], ...body]))
    expect(gutterColumns(bands)).toHaveLength(3)
    // With no allowance the crossing header joins the first two columns.
    expect(coveredRanges(bands, 0)).toHaveLength(2)
  })
})

describe('row evidence', () => {
  const ctx: RowContext = { columns: [{ x0: 0, x1: 50 }, { x0: 60, x1: 100 }], anchor: 0, lineSpacing: 12, gapped: true }
  it('a gap clearly wider than the line spacing starts a row, one spacing carries on in a gapped table', () => {
    expect(gapEvidence(16, ctx).score).toBeGreaterThan(0)
    expect(gapEvidence(12, ctx).score).toBeLessThan(0)
    expect(gapEvidence(12, { ...ctx, gapped: false }).score).toBe(0)
  })
  it('an empty anchor column says the line carries on the cells above', () => {
    expect(anchorEvidence(new Set([1]), ctx).score).toBeLessThan(0)
    expect(anchorEvidence(new Set([0, 1]), ctx).because).toMatch(/anchor column \(1\) starts/)
  })
  it('in an evenly spaced table each line with its anchor is a row, a line without it continues', () => {
    const bands = bandsOf(lines([
      [100, [[10, 'Alpha'], [100, '1'], [200, 'one']]],
      [112, [[10, 'Beta'], [100, '2'], [200, 'two words']]],
      [124, [[200, 'wrapped']]],
      [136, [[10, 'Gamma'], [100, '3'], [200, 'three']]],
    ]))
    const { rows, style } = rowsOf(bands, gutterColumns(bands))
    expect(style.gapped).toBe(false)
    expect(rows.map((r) => r.length)).toEqual([1, 2, 1])
  })
})

describe('borderless tables', () => {
  it('a table of three columns under a title, its wrapped cell kept whole and a banner spanning the table', () => {
    const found = borderlessTables(
      lines([
        [60, [[10, 'Quarterly report of the board']]],
        [100, [[10, 'Ref'], [60, 'Action'], [200, 'Lead']]],
        [118, [[10, 'Priority one: safety of children in care']]],
        [136, [[10, '1.1'], [60, 'Revise the plan'], [200, 'Mike']]],
        [148, [[60, 'template'], [200, 'Bowden']]],
        [166, [[10, '1.2'], [60, 'Audit plans'], [200, 'Sally']]],
        [178, [[60, 'each quarter'], [200, 'Churchyard']]],
        [196, [[10, '1.3'], [60, 'Recruit chairs'], [200, 'Jo']]],
      ]),
      [],
      frame,
      1,
    )
    expect(found).toHaveLength(1)
    expect(grid(found[0]!)).toEqual([
      ['Ref', 'Action', 'Lead'],
      ['Priority one: safety of children in care'],
      ['1.1', 'Revise the plan template', 'Mike Bowden'],
      ['1.2', 'Audit plans each quarter', 'Sally Churchyard'],
      ['1.3', 'Recruit chairs', 'Jo'],
    ])
    expect(found[0]!.table.detector).toBe('borderless')
    expect(found[0]!.because.join('; ')).toMatch(/columns between gutters/)
  })

  it('two columns of prose are not a table', () => {
    const prose = 'the board agreed that each of the leads would report on progress every month'
    const rows: [number, [number, string][]][] = Array.from({ length: 6 }, (_, i) => [100 + 12 * i, [[10, prose.slice(0, 50)], [300, prose.slice(10, 60)]]])
    expect(tableRegions(bandsOf(lines(rows)))).toEqual([])
  })

  it('a column of running prose beside a table goes back to the page', () => {
    const note = 'This plan answers the recommendations of the inspection report'
    const rows: [number, [number, string][]][] = Array.from({ length: 6 }, (_, i) => [100 + 12 * i, [[10, note], [350, `R${i}`], [400, 'Lead'], [450, 'Date']]])
    const bands = bandsOf(lines(rows))
    expect(proseColumn(bands, gutterColumns(bands))?.column).toBe(0)
    const [region] = tableRegions(bands)
    expect(region!.columns).toHaveLength(3)
    expect(region!.because[0]).toMatch(/prose beside the table/)
  })
})
