import { describe, expect, it } from 'vitest'
import { boxRules } from '../../../parsers/pdf/box-rules.js'
import { ruledGrids } from '../../../parsers/pdf/ruled-grid.js'
import type { FilledRect } from '../../../parsers/pdf/rulings.js'

/** Boxes of `w` × `h` in `rows` × `cols`, `gap` apart. */
const tiled = (rows: number, cols: number, gap: number, fill = '#f1d1c0'): FilledRect[] =>
  Array.from({ length: rows * cols }, (_, i) => {
    const x0 = 50 + (i % cols) * (80 + gap)
    const y0 = 100 + Math.floor(i / cols) * (20 + gap)
    return { box: { x0, y0, x1: x0 + 80, y1: y0 + 20 }, fill }
  })

describe('filled cell boxes as rules', () => {
  it('boxes set edge to edge give the grid of their cells', () => {
    const grids = ruledGrids(boxRules(tiled(3, 4, 0)))
    expect(grids).toHaveLength(1)
    expect([grids[0]!.xs.length - 1, grids[0]!.ys.length - 1]).toEqual([4, 3])
  })

  it('boxes a hair of white apart are ruled in the middle of the white', () => {
    const grids = ruledGrids(boxRules(tiled(2, 3, 3)))
    expect(grids).toHaveLength(1)
    expect(grids[0]!.xs.map((x) => Math.round(x * 10) / 10)).toEqual([50, 131.5, 214.5, 296])
  })

  it('a lone shaded band, one row of shaded header cells, and white boxes draw no rule', () => {
    expect(boxRules([{ box: { x0: 50, y0: 100, x1: 500, y1: 120 }, fill: '#dddddd' }])).toEqual([])
    expect(boxRules(tiled(1, 6, 0))).toEqual([])
    expect(boxRules(tiled(3, 3, 0, '#ffffff'))).toEqual([])
  })
})
