import { describe, expect, it } from 'vitest'
import type { Grid } from '../../../parsers/pdf/ruled-grid.js'
import { leftToText, underRuled } from '../../../parsers/pdf/under-ruled.js'
import { run } from './text-runs.js'


/** A frame of two columns (at x 0, 150, 400) and two rows (a header, then one tall body row). */
const frame: Grid = {
  xs: [0, 150, 400],
  ys: [0, 20, 200],
  cells: [
    { row: 0, col: 0, rowSpan: 1, colSpan: 1, box: { x0: 0, y0: 0, x1: 150, y1: 20 } },
    { row: 0, col: 1, rowSpan: 1, colSpan: 1, box: { x0: 150, y0: 0, x1: 400, y1: 20 } },
    { row: 1, col: 0, rowSpan: 1, colSpan: 1, box: { x0: 0, y0: 20, x1: 150, y1: 200 } },
    { row: 1, col: 1, rowSpan: 1, colSpan: 1, box: { x0: 150, y0: 20, x1: 400, y1: 200 } },
  ],
  box: { x0: 0, y0: 0, x1: 400, y1: 200 },
}

describe('under-ruled grids', () => {
  it('a grid with no inner column rule is under-ruled', () => {
    expect(underRuled({ xs: [0, 400], ys: [0, 20, 40], cells: [], box: { x0: 0, y0: 0, x1: 400, y1: 40 } }, [], 0.8)).toBe(true)
  })

  it('a body cell holding figures in columns of their own is a table inside the rules', () => {
    const body = [40, 52, 64, 76].flatMap((y) => [run('Assam', 10, y), run('2.6', 160, y), run('3.2', 220, y), run('4.1', 280, y)])
    expect(underRuled(frame, body, 0.8)).toBe(true)
  })

  it('wrapped prose and a bulleted list in a cell keep the grid as drawn', () => {
    const prose = [40, 52, 64].map((y) => run('Indicators will be developed to monitor practice', 155, y))
    const list = [76, 88, 100, 112].flatMap((y) => [run('•', 155, y), run('Training and supervision', 175, y)])
    const numbered = [124, 136, 148].flatMap((y, i) => [run(`${i + 1}.`, 155, y), run('Referrals', 175, y)])
    expect(underRuled(frame, [...prose, ...list, ...numbered, run('Action', 10, 40)], 0.8)).toBe(false)
  })

  it('bullets read by OCR or from a symbol font as a lone "*" or "®" are list markers, not a second column', () => {
    const list = [40, 52, 64, 76].flatMap((y, i) => [run(['*', '®', '§', '*'][i]!, 155, y), run('Staff trained on the system', 175, y)])
    expect(underRuled(frame, [...list, run('Action', 10, 40)], 0.8)).toBe(false)
    const lettered = [40, 52, 64, 76].flatMap((y) => [run('x', 155, y), run('Staff trained on the system', 175, y)])
    expect(underRuled(frame, [...lettered, run('Action', 10, 40)], 0.8)).toBe(true)
  })

  it('a one-column box is left to the text when the page runs on beside its lines, kept when it stands alone', () => {
    const box: Grid = { xs: [100, 160], ys: [0, 60], cells: [], box: { x0: 100, y0: 0, x1: 160, y1: 60 } }
    const inside = [12, 24, 36, 48].map((y) => run('1,234', 110, y))
    const beside = [12, 24, 36, 48].flatMap((y) => [run('Robbery', 10, y), run('567', 200, y)])
    expect(leftToText(box, inside, [...inside, ...beside], 0.8, () => false)).toBe(true)
    expect(leftToText(box, inside, inside, 0.8, () => false)).toBe(false)
    expect(leftToText(frame, [], [], 0.8, () => true)).toBe(false)
  })
})
