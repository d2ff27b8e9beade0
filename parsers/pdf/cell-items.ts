import { paragraphsOf, paragraphText, type Line } from './lines.js'

/**
 * A cell's visual lines folded into paragraphs and list items. The wrap test of `paragraphsOf`
 * (the next line's first word would not have fitted) cannot see where a list item ends when the
 * item filled its line, nor a bullet whose glyph has no text; Word-made lists give themselves
 * away otherwise:
 * - a bullet drawn from a symbol font without a Unicode mapping comes through as an empty run
 *   at the line's start, the item's text after it (a hanging indent);
 * - a numbered or lettered item opens with the mark that follows the list's last one ("a)" then
 *   "b)", "1.1" then "1.2"), which no wrapped sentence does by chance;
 * - a dash opening a wrapped line of a cell with no list in it ("On schedule" / "– see update")
 *   is the sentence's dash, not a list mark.
 */

export interface CellParagraph {
  text: string
  lines: Line[]
  /** Opened by a bullet, seen or lost, or by a list number or letter. */
  item: boolean
}

const LIST_MARK = /^\(?(?:([a-z])[).]|(\d{1,2})(?:\.(\d{1,2}))?[.)]?)\s+(?=\S)/

/** A list mark as [kind, major, minor]: letters, numbers, or numbers with a sub-number. */
function markOf(text: string): [string, number, number] | null {
  const m = text.match(LIST_MARK)
  if (!m) return null
  if (m[1]) return ['letter', m[1].charCodeAt(0), 0]
  // A bare number with no point or bracket after it ("12 weeks") is not a list mark.
  if (!m[3] && !/^\(?\d{1,2}[.)]/.test(text)) return null
  return m[3] ? ['sub', Number(m[2]), Number(m[3])] : ['number', Number(m[2]), 0]
}

const follows = (prev: [string, number, number], next: [string, number, number]): boolean =>
  prev[0] === next[0] && (prev[0] === 'sub' ? (next[1] === prev[1] && next[2] === prev[2] + 1) || (next[1] === prev[1] + 1 && next[2] === 1) : next[1] === prev[1] + 1)

/** A bullet whose glyph gave no text: an empty first run with the line's text after it. */
export const lostBullet = (line: Line): boolean => line.runs.length > 1 && line.runs[0]!.text.trim() === '' && Boolean(line.text.trim())

/** Where a new list item must start, whatever the wrap test says. */
function itemStarts(lines: readonly Line[]): Set<number> {
  const starts = new Set<number>()
  let last = lines[0] ? markOf(lines[0].text) : null
  lines.forEach((line, i) => {
    if (i === 0) return
    if (lostBullet(line)) starts.add(i)
    const mark = markOf(line.text)
    if (mark && last && follows(last, mark)) {
      starts.add(i)
      last = mark
    }
  })
  return starts
}

export function cellParagraphs(visual: readonly Line[], right: number): CellParagraph[] {
  const starts = itemStarts(visual)
  const segments: Line[][] = []
  visual.forEach((line, i) => {
    if (i === 0 || starts.has(i)) segments.push([line])
    else segments[segments.length - 1]!.push(line)
  })
  const out: CellParagraph[] = []
  for (const segment of segments) {
    for (const p of paragraphsOf(segment, right)) {
      const first = p.lines[0]!
      out.push({ text: p.text, lines: p.lines, item: p.bullet || lostBullet(first) || markOf(p.text) !== null })
    }
  }
  return rejoinDashes(out, right)
}

/** A dash-opened paragraph in a cell with no other list item is the previous line's sentence going on. */
function rejoinDashes(paragraphs: CellParagraph[], right: number): CellParagraph[] {
  const dash = (p: CellParagraph): boolean => /^[-–]\s/.test(p.lines[0]!.text)
  const others = paragraphs.filter((p, i) => i === 0 || !dash(p))
  if (others.some((p) => p.item) || paragraphs.length < 2) return paragraphs
  const out: CellParagraph[] = []
  for (const p of paragraphs) {
    const prev = out[out.length - 1]
    if (prev && dash(p) && !/:$/.test(prev.text)) {
      const lines = [...prev.lines, ...p.lines]
      out[out.length - 1] = { text: paragraphText(lines, right), lines, item: false }
    } else out.push(p)
  }
  return out
}

