import { describe, expect, it } from 'vitest'
import type { Table } from '../../schemas/index.js'
import { tableGrid } from '../../scripts/bench-tables/detected.js'
import { javaValue, parseCsv, pythonAssignments, pythonLiteralAfter, toGrid } from '../../scripts/bench-tables/literals.js'
import { visualToLogical } from '../../scripts/bench-tables/expected.js'
import { compare, prf, relations, scoreTable, squash } from '../../scripts/bench-tables/relations.js'

// The public table sets are not in CI: only the scorer and the answer readers are tested, on grids
// and sources written here by hand.

const count = (grid: string[][]) => {
  const r = relations(grid)
  return { h: r.filter((x) => x.dir === 'h').length, v: r.filter((x) => x.dir === 'v').length }
}

describe('cell-adjacency relations', () => {
  it('pairs each non-empty cell with its right and lower neighbour', () => {
    // 2×3 full grid: 2 rows × 2 horizontal pairs, 3 columns × 1 vertical pair.
    expect(count([['a', 'b', 'c'], ['d', 'e', 'f']])).toEqual({ h: 4, v: 3 })
  })

  it('skips empty cells to the nearest non-empty neighbour', () => {
    const r = relations([['a', '', 'c'], ['', '', ''], ['g', 'h', '']])
    expect(r).toEqual([
      { a: 'a', b: 'c', dir: 'h' },
      { a: 'g', b: 'h', dir: 'h' },
      { a: 'a', b: 'g', dir: 'v' },
    ])
  })

  it('compares texts with all white space removed', () => {
    const got = compare(relations([['Lead officer', 'Due\ndate']]), relations([['Lead  officer', 'Due date']]))
    expect(got).toEqual({ correct: 1, detected: 1, expected: 1 })
  })

  it('counts a cell cut in two or two cells run together as wrong relations', () => {
    const expected = [['Name', 'Town'], ['Ann Lee', 'Leeds']]
    const merged = [['Name Town'], ['Ann Lee Leeds']]
    expect(compare(relations(expected), relations(merged))).toEqual({ correct: 0, detected: 1, expected: 4 })
    const split = [['Name', 'Town'], ['Ann', 'Lee', 'Leeds']]
    const c = compare(relations(expected), relations(split))
    // Right: Name–Town. Wrong: Ann–Lee, Lee–Leeds, Name–Ann, Town–Lee (Leeds now stands under nothing).
    expect(c).toEqual({ correct: 1, detected: 5, expected: 4 })
    expect(prf(c).precision).toBeCloseTo(0.2)
    expect(prf(c).recall).toBeCloseTo(0.25)
  })

  it('takes a presentation form and its plain letter as the same text', () => {
    expect(squash('\ufb01le')).toBe('file')
    expect(squash('\ufe8d\ufeb3')).toBe(squash('\u0627\u0633'))
  })

  it('treats relations as a multiset', () => {
    const expected = [['x', 'x', 'x']]
    expect(compare(relations(expected), relations([['x', 'x']]))).toEqual({ correct: 1, detected: 1, expected: 2 })
  })

  it('gives recall 0 and precision 1 when nothing is found', () => {
    const p = prf(scoreTable([['a', 'b']], []))
    expect(p).toEqual({ precision: 1, recall: 0, f1: 0 })
  })

  it('scores a partial row answer against the best window of detected rows', () => {
    const detected = [['h1', 'h2', 'h3'], ['a', 'b', 'c'], ['d', 'e', 'f']]
    // The last row, and only its first two columns: ('d','e') is right; ('e','f') cannot be judged.
    expect(scoreTable([['d', 'e']], detected, 'rows')).toEqual({ correct: 1, detected: 1, expected: 1 })
    expect(scoreTable([['a', 'b', 'c'], ['d', 'e', 'f']], detected, 'rows')).toEqual({ correct: 7, detected: 7, expected: 7 })
  })

  it('puts a spanning cell at its top-left position only', () => {
    const cell = (text: string, col: number, colSpan = 1, rowSpan = 1) => ({
      text, lines: [text], col, colSpan, rowSpan, fill: null, bold: false, boldLead: null,
      provenance: { page: 1, bbox: null, table: 0, row: 0, col },
    })
    const table: Table = {
      kind: 'table', index: 0, columns: 3, provenance: { page: 1, bbox: null },
      rows: [
        { header: true, cells: [cell('Recommendation 1', 0, 3)] },
        { header: false, cells: [cell('a', 0), cell('b', 1, 1, 2), cell('c', 2)] },
        { header: false, cells: [cell('d', 0), cell('f', 2)] },
      ],
    }
    const grid = tableGrid(table)
    expect(grid).toEqual([['Recommendation 1', '', ''], ['a', 'b', 'c'], ['d', '', 'f']])
    expect(count(grid)).toEqual({ h: 3, v: 3 })
  })
})

describe('reading expected tables from public test sources', () => {
  it('evaluates data.py-style list assignments, slices, list() and extend', () => {
    const vars = pythonAssignments(
      [
        '# noqa',
        'data_a = [',
        '    ["x", "long "',
        '     "text"],  # a comment',
        "    ['1', '2'],",
        ']',
        'data_b = data_a[1:]',
        'data_c = list(data_a)',
        'data_c.extend(data_b)',
        'import os',
      ].join('\n'),
    )
    expect(vars.get('data_a')).toEqual([['x', 'long text'], ['1', '2']])
    expect(vars.get('data_b')).toEqual([['1', '2']])
    expect(vars.get('data_c')).toEqual([['x', 'long text'], ['1', '2'], ['1', '2']])
  })

  it('reads the literal after an assert and decodes escapes', () => {
    const src = 'assert t[-1] == [\n  "a\\u00e9",\n  "b\\n",\n]\nassert x'
    expect(pythonLiteralAfter(src, 'assert t[-1] ==')).toEqual(['aé', 'b\n'])
  })

  it('reads a Java String[][] constant, comments skipped', () => {
    const src = 'private static final String[][] E = { /* note */\n {"a", "b" + "c"}, // row\n {"", "\\"q\\""}\n};'
    expect(toGrid(javaValue(src, 'E'))).toEqual([['a', 'bc'], ['', '"q"']])
  })

  it('reads a CSV text held in a Java string of one test method', () => {
    const src = 'void one() { String expected = "x"; }\nvoid two() {\n  String expected = "a,\\"b\\n" +\n  "c\\"\\n";\n}'
    expect(parseCsv(javaValue(src, 'expected', 'two()') as string)).toEqual([['a', 'b\nc']])
  })

  it('puts right-to-left text written in visual order back in reading order', () => {
    // Hebrew alef-bet-gimel: visual "גבא" reads "אבג"; digits and Latin runs keep their spelling.
    expect(visualToLogical('\u05d2\u05d1\u05d0')).toBe('\u05d0\u05d1\u05d2')
    expect(visualToLogical('\u05d2\u05d1 47 \u05d0')).toBe('\u05d0 47 \u05d1\u05d2')
    expect(visualToLogical('Jeremy is \u05d1\u05d0 in Hebrew')).toBe('Jeremy is \u05d0\u05d1 in Hebrew')
    expect(visualToLogical('plain text')).toBe('plain text')
  })

  it('reads CSV with quoted commas, quotes and new lines', () => {
    expect(parseCsv('a,"b, c","d\ne"\n"x""y",,z\n')).toEqual([['a', 'b, c', 'd\ne'], ['x"y', '', 'z']])
  })
})
