import type { Box } from './geometry.js'
import { mergeRules } from './ruled-grid.js'
import type { Segment } from './rulings.js'

/**
 * Tables ruled between rows only, set side by side (two small tables in two columns of a page):
 * their text lines up across the page and reads as one wide table, but their row rules do not
 * run across: each table's rules start and end at its own edges. The area each set of rules
 * covers, widened by a row above and below for the header and the last row, is read on its own.
 * Only areas with a neighbour beside them count; a single row-ruled table needs no fence.
 */

/** Rule ends this close are the same edge. */
const SAME_EDGE = 3

export function sideBySideAreas(segments: readonly Segment[]): Box[] {
  const groups: { x0: number; x1: number; ys: number[] }[] = []
  for (const rule of mergeRules(segments, 'h')) {
    const group = groups.find((g) => Math.abs(g.x0 - rule.from) <= SAME_EDGE && Math.abs(g.x1 - rule.to) <= SAME_EDGE)
    if (group) group.ys.push(rule.at)
    else groups.push({ x0: rule.from, x1: rule.to, ys: [rule.at] })
  }
  const areas = groups
    .filter((g) => g.ys.length >= 2)
    .map((g) => {
      const y0 = Math.min(...g.ys)
      const y1 = Math.max(...g.ys)
      const pitch = (y1 - y0) / (g.ys.length - 1)
      return { x0: g.x0, x1: g.x1, y0: y0 - pitch, y1: y1 + pitch }
    })
  const beside = (a: Box, b: Box): boolean => a !== b && (a.x1 <= b.x0 || b.x1 <= a.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0)
  return areas.filter((a) => areas.some((b) => beside(a, b)))
}
