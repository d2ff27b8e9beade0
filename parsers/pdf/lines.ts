import { union, type Box } from './geometry.js'
import type { TextRun } from './text-items.js'

/** Runs sharing a baseline, left to right: one visual line of text. */
export interface Line {
  runs: TextRun[]
  text: string
  box: Box
  baseline: number
  size: number
}

// Symbol and Wingdings bullets come through as private-use code points (U+F0B7 and kin).
export const BULLET = /^[•▪◦·●■□▫‣⁃∙\uf000-\uf0ff]\s*|^[-–]\s+/u

/** Whether a UTF-16 code unit is one of JavaScript's \s characters (all of them are one unit); NaN (no character) is not. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/**
 * Joins runs into text. A space is added where the glyphs leave a gap a space wide, as pdf.js
 * often gives each word or each style change its own item without the space between them.
 */
export function joinRuns(runs: readonly TextRun[]): string {
  let text = ''
  let prev: TextRun | null = null
  for (const run of runs) {
    if (prev) {
      const gap = run.box.x0 - prev.box.x1
      // The last character only (a test of the whole text with /\s$/ reads all of it each time).
      if (gap > 0.15 * Math.min(prev.size, run.size) && !isSpaceCode(text.charCodeAt(text.length - 1)) && !isSpaceCode(run.text.charCodeAt(0))) text += ' '
    }
    text += run.text
    prev = run
  }
  return isTidy(text) ? text : text.replace(/\s+/g, ' ').trim()
}

/** True when the text has no whitespace but single spaces between words: collapsing and trimming would give it back unchanged (and allocate a copy). */
function isTidy(text: string): boolean {
  const last = text.length - 1
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i)
    if (isSpaceCode(c) && (c !== 32 || i === 0 || i === last || text.charCodeAt(i + 1) === 32 || isSpaceCode(text.charCodeAt(i + 1)))) return false
  }
  return true
}

/**
 * A list mark: one glyph that is no letter or digit (a bullet, a dash, a Wingdings tick), set off
 * from the text after it by a gap. It comes at the size of the paragraph's default font, not of
 * its text (a 10 point bullet before 8 point table text), so it says nothing of the line's size.
 */
function isListMark(run: TextRun, next: TextRun | undefined): boolean {
  if (!next || next.box.x0 - run.box.x1 < 0.15 * Math.min(run.size, next.size)) return false
  const glyph = run.text.trim()
  return glyph.length > 0 && [...glyph].length === 1 && !/[\p{L}\p{N}]/u.test(glyph)
}

function makeLine(runs: TextRun[]): Line {
  runs.sort((a, b) => a.box.x0 - b.box.x0)
  let box = runs[0]!.box
  let size = -Infinity
  let main = runs[0]!
  for (const [i, run] of runs.entries()) {
    if (i > 0) box = union(box, run.box)
    if (i > 0 || !isListMark(run, runs[1])) size = Math.max(size, run.size)
    if (run.text.length > main.text.length) main = run
  }
  return { runs, text: joinRuns(runs), box, baseline: main.baseline, size }
}

/**
 * Groups runs into visual lines by baseline. With `maxGap` a line is also cut where the gap
 * between two runs is wider than that many font sizes, so two columns of text side by side do not
 * fuse into one line.
 */
export function groupLines(runs: readonly TextRun[], maxGap = Infinity): Line[] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.box.x0 - b.box.x0)
  const rows: TextRun[][] = []
  let current: TextRun[] = []
  let baseline = -Infinity
  let size = 0
  for (const run of sorted) {
    // Superscripts and mixed sizes sit a little off the baseline; 0.4 of the larger size absorbs
    // them while staying well under a line's spacing.
    if (current.length > 0 && Math.abs(run.baseline - baseline) <= 0.4 * Math.max(size, run.size)) {
      current.push(run)
      if (run.size > size) {
        baseline = run.baseline
        size = run.size
      }
    } else {
      if (current.length > 0) rows.push(current)
      current = [run]
      baseline = run.baseline
      size = run.size
    }
  }
  if (current.length > 0) rows.push(current)
  const lines: Line[] = []
  for (const row of rows) {
    row.sort((a, b) => a.box.x0 - b.box.x0)
    let piece: TextRun[] = []
    for (const run of row) {
      const last = piece[piece.length - 1]
      if (last && run.box.x0 - last.box.x1 > maxGap * Math.min(last.size, run.size)) {
        lines.push(makeLine(piece))
        piece = []
      }
      piece.push(run)
    }
    if (piece.length > 0) lines.push(makeLine(piece))
  }
  return lines.sort((a, b) => a.baseline - b.baseline || a.box.x0 - b.box.x0)
}

function charWidth(ch: string): number {
  if (/[ijlI.,:;'!|]/.test(ch)) return 0.28
  if (/[frt()\-\s]/.test(ch)) return 0.33
  if (/[mwMW]/.test(ch)) return 0.85
  if (/[A-Z]/.test(ch)) return 0.68
  if (/[0-9]/.test(ch)) return 0.56
  return 0.52
}

// Widths by character, kept: every line's first run is measured. ASCII is read from a table by
// code, the rest (bullets, curly quotes, accented letters) from a map filled as they are met.
const ASCII_WIDTHS = Array.from({ length: 128 }, (_, c) => charWidth(String.fromCharCode(c)))
const WIDTHS = new Map<string, number>()

/** Rough advance widths (in ems) of Helvetica-like glyphs (the first `chars` of them), to compare words within one font. */
function emWidth(text: string, chars = Infinity): number {
  let w = 0
  let n = 0
  for (let i = 0; i < text.length && n < chars; n += 1) {
    const code = text.charCodeAt(i)
    if (code < 128) {
      w += ASCII_WIDTHS[code]!
      i += 1
      continue
    }
    // One character, as `for (const ch of text)` gives it: a surrogate pair whole, a lone surrogate alone.
    const ch = String.fromCodePoint(text.codePointAt(i)!)
    let width = WIDTHS.get(ch)
    if (width === undefined) WIDTHS.set(ch, (width = charWidth(ch)))
    w += width
    i += ch.length
  }
  return w
}

/** Width of the first word of a line (of its first `chars` characters), scaled from its run's measured width. */
export function firstWordWidth(line: Line, chars = Infinity): number {
  const run = line.runs[0]
  if (!run) return 0
  const space = line.text.indexOf(' ')
  const word = space < 0 ? line.text : line.text.slice(0, space)
  const scale = (run.box.x1 - run.box.x0) / Math.max(0.1, emWidth(run.text))
  return emWidth(word, chars) * scale
}

/**
 * True when `next` carries on the paragraph of `prev`: no bullet, no wide vertical gap, and the
 * first word of `next` would not have fitted at the end of `prev` — so the line was wrapped, not
 * ended.
 */
export function continues(prev: Line, next: Line, right: number): boolean {
  if (BULLET.test(next.text)) return false
  const spacing = next.baseline - prev.baseline
  if (spacing > 1.6 * Math.max(prev.size, next.size)) return false
  if (Math.abs(next.size - prev.size) > 1.5) return false
  const space = 0.3 * prev.size
  return prev.box.x1 + space + firstWordWidth(next) > right - 2
}

const COMMON_WORDS = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or our the their to was were will with ' +
    'all any date due each if into lead leads new no not now only out per plan plans so than that then this ' +
    'up via we who date time team staff work year years month months week weeks'
  ).split(' '),
)

/**
 * `next` appended to the paragraph text `text` whose last visual line is `prev`: after a space,
 * or with none where the line end cut a word or number, or follows a hyphen. `right` is the edge
 * the paragraph's lines wrap at.
 */
export function appendWrapped(text: string, prev: Line, next: Line, right: number): string {
  // A word too long for its column is cut at the line end without a hyphen ("Completio" / "n
  // Date"): the line is full to the edge and the next starts with a lower-case letter or carries
  // on a number. Geometry cannot tell that from a one-word line wrapped before a short word
  // ("delivered" / "by"), so a next line starting with a common word is taken as an ordinary wrap.
  const fragment = next.text.split(' ')[0]?.toLowerCase() ?? ''
  const cutWord = /\p{L}$/u.test(prev.text) && /^\p{Ll}/u.test(next.text) && !COMMON_WORDS.has(fragment.replace(/[^\p{L}]+$/u, ''))
  // Digits cut from digits ("01/02/201" / "3", "1." / "1") are one number.
  const cutNumber = /\d\.?$/.test(prev.text) && /^\d/.test(next.text)
  // Only a line of one word: two words whose joined width passes the column's are as often an
  // ordinary wrap ("to be" / "delivered"), and the width is only estimated.
  const cut = !prev.text.includes(' ') && (cutWord || cutNumber) && prev.box.x1 + firstWordWidth(next, 1) > right - 1
  // A line ending in a hyphen keeps it and joins without a space ("sub-" / "group"): the
  // hyphen is in the text, whether the word is compound or was hyphenated by the writer.
  const hyphen = /\p{L}-$/u.test(prev.text) && /^\p{L}/u.test(next.text)
  return cut || hyphen ? `${text}${next.text}` : `${text} ${next.text}`
}

/** Wrapped visual lines folded back into paragraphs (or list items), bullets stripped. */
export function paragraphsOf(lines: readonly Line[], right: number): { text: string; lines: Line[]; bullet: boolean }[] {
  const out: { text: string; lines: Line[]; bullet: boolean }[] = []
  let prev: Line | null = null
  for (const line of lines) {
    const last = out[out.length - 1]
    if (prev && last && continues(prev, line, right)) {
      last.lines.push(line)
      last.text = appendWrapped(last.text, prev, line, right)
    } else {
      const bullet = BULLET.test(line.text)
      out.push({ text: line.text.replace(BULLET, '').trim(), lines: [line], bullet })
    }
    prev = line
  }
  return out.filter((p) => p.text)
}

/**
 * The visual lines of one paragraph the source marks as such (a tagged P): every line end is a
 * wrap, so the lines join without guessing where the paragraph ends.
 */
export function paragraphText(lines: readonly Line[], right: number): string {
  let text = ''
  let prev: Line | null = null
  for (const line of lines) {
    text = prev ? appendWrapped(text, prev, line, right) : line.text
    prev = line
  }
  return text.replace(BULLET, '').replace(/\s+/g, ' ').trim()
}
