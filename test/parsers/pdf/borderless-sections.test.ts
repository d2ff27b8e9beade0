import { describe, expect, it } from 'vitest'
import { borderlessTables } from '../../../parsers/pdf/borderless-grid.js'
import { figureEvidence } from '../../../parsers/pdf/borderless-rows.js'
import { lines, frame } from './text-runs.js'


/** A section of a key-figures table: a label line, then label and amount rows 12pt apart. */
const section = (top: number, label: string, rows: [string, string][]): [number, [number, string][]][] => [
  [top, [[10, label]]],
  ...rows.map(([name, amount], i): [number, [number, string][]] => [top + 12 * (i + 1), [[10, name], [300, amount]]]),
]

describe('borderless tables in sections', () => {
  it('sections in the same columns with blank space between them are one table, one row a line', () => {
    const page = lines([
      ...section(100, 'Class A', [['Net asset value', '5,111,372'], ['Units outstanding', '49,136'], ['Value per unit', '104.03']]),
      ...section(190, 'Class B', [['Net asset value', '49,144,825'], ['Units outstanding', '471,555'], ['Value per unit', '104.22']]),
    ])
    const found = borderlessTables(page, [], frame, 1)
    expect(found).toHaveLength(1)
    expect(found[0]!.table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Class A', ''],
      ['Net asset value', '5,111,372'],
      ['Units outstanding', '49,136'],
      ['Value per unit', '104.03'],
      ['Class B', ''],
      ['Net asset value', '49,144,825'],
      ['Units outstanding', '471,555'],
      ['Value per unit', '104.22'],
    ])
  })

  it('sections far apart stay two tables', () => {
    const page = lines([
      ...section(100, 'Class A', [['Net asset value', '5,111,372'], ['Units outstanding', '49,136'], ['Value per unit', '104.03']]),
      ...section(300, 'Class B', [['Net asset value', '49,144,825'], ['Units outstanding', '471,555'], ['Value per unit', '104.22']]),
    ])
    expect(borderlessTables(page, [], frame, 1)).toHaveLength(2)
  })

  it('a figure under a figure starts a row; words under words say nothing', () => {
    expect(figureEvidence(new Set([1]), new Set([1])).score).toBeGreaterThan(0)
    expect(figureEvidence(new Set([1]), new Set([0])).score).toBe(0)
  })
})
