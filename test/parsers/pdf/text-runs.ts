import { pageFrame } from '../../../parsers/pdf/geometry.js'
import { groupLines, type Line } from '../../../parsers/pdf/lines.js'
import type { TextRun } from '../../../parsers/pdf/text-items.js'

/** Text laid out by hand for the layout tests: what the page reader would have placed. */

/** A run of text at x0 on a baseline, 10pt type, about 5pt a character. */
export const run = (text: string, x0: number, baseline: number): TextRun => ({
  text,
  box: { x0, y0: baseline - 8, x1: x0 + text.length * 5, y1: baseline + 2 },
  baseline,
  size: 10,
  bold: false,
  tag: null,
})

/** Pieces of one visual line, cut at gaps wider than 0.8 em as the page reader cuts them. */
export const lines = (rows: [number, [number, string][]][]): Line[] => groupLines(rows.flatMap(([y, pieces]) => pieces.map(([x, t]) => run(t, x, y))), 0.8)

/** An A4-ish portrait page with no rotation. */
export const frame = pageFrame({ width: 600, height: 800, transform: [1, 0, 0, -1, 0, 800] })
