import type { Paragraph } from '../../schemas/index.js'
import { union, type PageFrame } from './geometry.js'
import { BULLET, continues, type Line } from './lines.js'

/**
 * Text outside tables as paragraphs. Lines join while they look wrapped (see `continues`), which
 * needs the right margin: the furthest right any line of the page reaches. Running headers,
 * footers and page numbers stay in — the assemble stage recognises and drops them.
 */
export function pageParagraphs(lines: readonly Line[], frame: PageFrame, page: number): { top: number; block: Paragraph }[] {
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline || a.box.x0 - b.box.x0)
  const right = Math.max(...sorted.map((l) => l.box.x1))
  const groups: Line[][] = []
  for (const line of sorted) {
    const group = groups[groups.length - 1]
    const prev = group?.[group.length - 1]
    const sameStyle = prev && prev.runs.every((r) => r.bold) === line.runs.every((r) => r.bold)
    // A line beside the previous one (a second column, a right-aligned date) is its own paragraph.
    const below = prev && line.box.y0 >= prev.box.y0 + 0.5 * prev.size
    if (group && prev && sameStyle && below && Math.abs(line.box.x0 - group[0]!.box.x0) < 3 * line.size && continues(prev, line, right)) group.push(line)
    else groups.push([line])
  }
  return groups.map((group) => {
    const first = group[0]!
    const bullet = BULLET.test(first.text)
    const text = group
      .map((l) => l.text)
      .join(' ')
      .replace(BULLET, '')
      .replace(/\s+/g, ' ')
      .trim()
    const box = group.map((l) => l.box).reduce(union)
    return {
      top: box.y0,
      block: {
        kind: 'paragraph',
        text,
        bold: group.every((l) => l.runs.every((r) => r.bold)),
        heading: null,
        listItem: bullet,
        provenance: { page, bbox: frame.toPdfBox(box) },
      },
    }
  })
}
