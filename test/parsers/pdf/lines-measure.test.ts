import { describe, expect, it } from 'vitest'
import { firstWordWidth, joinRuns, type Line } from '../../../parsers/pdf/lines.js'
import { run } from './text-runs.js'

/**
 * The line measures read characters by code (an ASCII table, JavaScript's \s by code unit) rather
 * than through expressions and a character iterator; these references are the plain versions, and
 * the fast ones must agree with them on every kind of character a PDF gives.
 */
function referenceCharWidth(ch: string): number {
  if (/[ijlI.,:;'!|]/.test(ch)) return 0.28
  if (/[frt()\-\s]/.test(ch)) return 0.33
  if (/[mwMW]/.test(ch)) return 0.85
  if (/[A-Z]/.test(ch)) return 0.68
  if (/[0-9]/.test(ch)) return 0.56
  return 0.52
}
const referenceEm = (text: string): number => [...text].reduce((w, ch) => w + referenceCharWidth(ch), 0)
function referenceFirstWordWidth(line: Line, chars = Infinity): number {
  const first = line.runs[0]!
  const word = [...(line.text.split(' ')[0] ?? '')].slice(0, chars).join('')
  return referenceEm(word) * ((first.box.x1 - first.box.x0) / Math.max(0.1, referenceEm(first.text)))
}

const SAMPLES = [
  'Ensure all staff', 'Wellbeing', '\u00a0Named nurse', 'a\u3000b', '•\uf0b7 Bullet', 'Café’s “quoted” – dash', '𝐁old maths 𝟏', 'lone \ud800 high', 'lone \udc00 low',
  '\tTabbed\u000bvertical', 'İstanbul', 'KELVIN \u212a', '', ' ', 'mmmWWW', 'i.l,;:!|', '0123456789', '(f) r-t',
]

describe('line measures', () => {
  it('measure first words as the plain character-by-character reading does', () => {
    for (const text of SAMPLES) {
      const line: Line = { runs: [run(text || 'x', 10, 100)], text, box: { x0: 10, y0: 92, x1: 200, y1: 102 }, baseline: 100, size: 10 }
      expect(firstWordWidth(line), text).toBe(referenceFirstWordWidth(line))
      expect(firstWordWidth(line, 1), text).toBe(referenceFirstWordWidth(line, 1))
      expect(firstWordWidth(line, 3), text).toBe(referenceFirstWordWidth(line, 3))
    }
  })

  it('join runs with one space across a gap, whatever kind of space either side already has, and none kept from a character that is no space', () => {
    const spaces = [' ', '\t', '\n', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']
    for (const sp of spaces) {
      expect(joinRuns([run(`a${sp}`, 0, 100), run('b', 20, 100)]), JSON.stringify(sp)).toBe('a b')
      expect(joinRuns([run('a', 0, 100), run(`${sp}b`, 20, 100)]), JSON.stringify(sp)).toBe('a b')
    }
    // Not spaces: a zero-width space and a non-joiner leave the gap to be filled.
    expect(joinRuns([run('a\u200b', 0, 100), run('b', 20, 100)])).toBe('a\u200b b')
    expect(joinRuns([run('', 0, 100), run('b', 20, 100)])).toBe('b')
    expect(joinRuns([run('a', 0, 100), run('', 20, 100), run('c', 40, 100)])).toBe('a c')
  })
})
