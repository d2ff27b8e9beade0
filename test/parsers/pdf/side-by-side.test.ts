import { describe, expect, it } from 'vitest'
import type { Segment } from '../../../parsers/pdf/rulings.js'
import { sideBySideAreas } from '../../../parsers/pdf/side-by-side.js'

const h = (at: number, from: number, to: number): Segment => ({ orient: 'h', at, from, to })

describe('row-ruled tables side by side', () => {
  it('gives each set of row rules its own area, a row wider above and below', () => {
    const left = [100, 120, 140].map((y) => h(y, 50, 290))
    const right = [90, 110, 130, 150].map((y) => h(y, 310, 550))
    const areas = sideBySideAreas([...left, ...right])
    expect(areas).toHaveLength(2)
    expect(areas).toContainEqual({ x0: 50, x1: 290, y0: 80, y1: 160 })
    expect(areas).toContainEqual({ x0: 310, x1: 550, y0: 70, y1: 170 })
  })

  it('a single row-ruled table, or two one above the other, needs no fence', () => {
    expect(sideBySideAreas([100, 120, 140].map((y) => h(y, 50, 550)))).toEqual([])
    expect(sideBySideAreas([...[100, 120].map((y) => h(y, 50, 290)), ...[300, 320].map((y) => h(y, 310, 550))])).toEqual([])
  })
})
