import { describe, expect, it } from 'vitest'
import { ruledGrids } from '../../../parsers/pdf/ruled-grid.js'
import type { Segment } from '../../../parsers/pdf/rulings.js'
import { buildRows, cellContent, type CellSlot } from '../../../parsers/pdf/cells.js'
import { frame } from './text-runs.js'
import { groupLines, paragraphsOf } from '../../../parsers/pdf/lines.js'
import type { TextRun } from '../../../parsers/pdf/text-items.js'

const h = (at: number, from: number, to: number): Segment => ({ orient: 'h', at, from, to })
const v = (at: number, from: number, to: number): Segment => ({ orient: 'v', at, from, to })

describe('ruled grid', () => {
  it('finds merged cells where inner rules are missing', () => {
    // 3×3 grid; the top row is one banner; the first column's lower two cells are merged.
    const segments = [
      h(0, 0, 90), h(10, 0, 90), h(20, 30, 90), h(30, 0, 90),
      v(0, 0, 30), v(90, 0, 30), v(30, 10, 30), v(60, 10, 30),
    ]
    const [grid] = ruledGrids(segments)
    expect(grid!.xs).toEqual([0, 30, 60, 90])
    expect(grid!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 3],
      [1, 0, 2, 1],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
    ])
  })

  it('takes the ends of row rules that run past the outer column rules as the edges of a frameless table', () => {
    // Row rules from 0 to 120; column rules only at 40 and 80 (a spreadsheet export with no frame).
    const segments = [h(0, 0, 120), h(10, 0, 120), h(20, 0, 120), v(40, 0, 20), v(80, 0, 20)]
    const [grid] = ruledGrids(segments)
    expect(grid!.xs).toEqual([0, 40, 80, 120])
    // One row rule running past is an underline, not an edge.
    const [boxed] = ruledGrids([h(0, 40, 80), h(10, 0, 120), h(20, 40, 80), v(40, 0, 20), v(80, 0, 20)])
    expect(boxed!.xs).toEqual([40, 80])
  })

  it('merges double borders and joins small gaps, and keeps separate tables apart', () => {
    const box = (y: number): Segment[] => [h(y, 0, 50), h(y + 1.5, 0, 24), h(y + 1.5, 25.5, 50), h(y + 20, 0, 50), v(0, y, y + 20), v(25, y, y + 20), v(50, y, y + 20)]
    const grids = ruledGrids([...box(0), ...box(100)])
    expect(grids).toHaveLength(2)
    expect(grids.map((g) => [g.xs.length - 1, g.ys.length - 1])).toEqual([
      [2, 1],
      [2, 1],
    ])
  })
})

const run = (text: string, x0: number, baseline: number, bold = false): TextRun => ({
  text,
  box: { x0, y0: baseline - 7, x1: x0 + text.length * 4.5, y1: baseline + 2 },
  baseline,
  size: 8,
  bold,
  tag: null,
})

describe('cell lines', () => {
  it('joins wrapped lines, and starts a new line at a bullet or after a short line', () => {
    const lines = groupLines([
      run('Review of the following', 0, 10),
      run('policies:', 0, 20),
      run('• Training', 0, 30),
      run('Short line.', 0, 40),
      run('Next paragraph', 0, 50),
    ])
    const paragraphs = paragraphsOf(lines, 110)
    expect(paragraphs.map((p) => [p.text, p.bullet])).toEqual([
      ['Review of the following policies:', false],
      ['Training', true],
      ['Short line.', false],
      ['Next paragraph', false],
    ])
  })

  it('sizes a line by its text, not by its list mark (a 10pt bullet before 8pt table text), so the item wraps on', () => {
    // A Symbol-font bullet at the paragraph's default size, a tab's gap, then the item in 8pt.
    const mark = (glyph: string, baseline: number): TextRun => ({ text: glyph, box: { x0: 4, y0: baseline - 9, x1: 8.6, y1: baseline + 2 }, baseline, size: 10, bold: false, tag: null })
    for (const glyph of ['\uf0b7', '•', '▪', '–']) {
      const cell = cellContent(
        [mark(glyph, 10), run('Commission an independent return', 15, 10), run('interview service', 15, 19.6), mark(glyph, 29.2), run('Measure waiting times', 15, 29.2)],
        { x0: 0, y0: 0, x1: 165, y1: 40 },
      )
      expect(cell.lines).toEqual(['Commission an independent return interview service', 'Measure waiting times'])
    }
  })

  it('beside a list of actions, keeps a lead or a date for each one a line, though each next name would not have fitted', () => {
    const bullet = (text: string, baseline: number): TextRun[] => [{ ...run('\uf0b7', 104, baseline), size: 10 }, run(text, 112, baseline)]
    const list = [...bullet('Commission a service', 10), ...bullet('Measure waiting times', 19.2), ...bullet('Set a target', 28.4)]
    const slot = (col: number, x0: number, x1: number): CellSlot => ({ row: 0, col, rowSpan: 1, colSpan: 1, box: { x0, y0: 0, x1, y1: 40 } })
    const slots = [slot(0, 0, 80), slot(1, 100, 220), slot(2, 220, 300)]
    const leads = [run('Alison Harris', 2, 10), run('Deborah Thompson', 2, 19.2), run('Sarah Wright', 2, 28.4)]
    const notes = [run('Draft circulated to', 222, 10), run('partners for comment', 222, 19.2), run('Timeframe: May', 222, 28.4)]
    const cells = [leads, list, notes]
    const [row] = buildRows(slots, 1, [], [], frame, 1, 0, (s) => cellContent(cells[s.col]!, s.box))
    expect(row!.cells.map((c) => c.lines)).toEqual([
      ['Alison Harris', 'Deborah Thompson', 'Sarah Wright'],
      ['Commission a service', 'Measure waiting times', 'Set a target'],
      // A sentence wrapped beside the list stays whole.
      ['Draft circulated to partners for comment Timeframe: May'],
    ])
    // Where no list stands beside, the wrap test has the last word.
    expect(cellContent(leads, slots[0]!.box).lines).toEqual(['Alison Harris Deborah Thompson Sarah Wright'])
    // Leads with their titles wrapping: a new entry starts only after a closing bracket.
    const titled = [run('Ann Lee (LSCB', 2, 10), run('Board Manager)', 2, 19.2), run('Raj Shah (Heads', 2, 28.4), run('of Safeguarding)', 2, 37.6), run('Sarah Wright', 2, 46.8)]
    const [second] = buildRows(slots.slice(0, 2), 1, [], [], frame, 1, 0, (s) => cellContent(s.col === 0 ? titled : list, s.box))
    expect(second!.cells[0]!.lines).toEqual(['Ann Lee (LSCB Board Manager)', 'Raj Shah (Heads of Safeguarding)', 'Sarah Wright'])
  })

  it('puts a superscript on the line of its baseline', () => {
    const sup: TextRun = { text: 'th', box: { x0: 9, y0: 2, x1: 13, y1: 7 }, baseline: 7, size: 5 }as TextRun
    const lines = groupLines([run('14', 0, 10), { ...sup, bold: false }, run('June 2012', 15, 10)])
    expect(lines.map((l) => l.text)).toEqual(['14th June 2012'])
  })
})
