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

  it('a card of shaded labels with one coloured value beside them draws no rule, painted twice or not', () => {
    // LibreOffice paints each cell's shading twice: four labels down and a RAG fill beside the
    // last, once over, passed as two rows of two boxes.
    const card: FilledRect[] = [0, 1, 2, 3].map((i) => ({ box: { x0: 38, y0: 100 + 20 * i, x1: 178, y1: 120 + 20 * i }, fill: '#d9d9d9' }))
    card.push({ box: { x0: 178, y0: 160, x1: 678, y1: 180 }, fill: '#ffff00' })
    expect(boxRules(card)).toEqual([])
    expect(boxRules([...card, ...card.map((r) => ({ ...r, box: { ...r.box } }))])).toEqual([])
  })
})
