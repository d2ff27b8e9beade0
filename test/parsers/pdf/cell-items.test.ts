import { describe, expect, it } from 'vitest'
import { entries } from '../../../parsers/pdf/cell-entries.js'
import { cellParagraphs } from '../../../parsers/pdf/cell-items.js'
import { groupLines } from '../../../parsers/pdf/lines.js'
import { lines, run } from './text-runs.js'

/** A cell 200pt wide at x 100: the lines wrap at 300. */
const RIGHT = 300
const texts = (visual: ReturnType<typeof groupLines>) => cellParagraphs(visual, RIGHT).map((p) => [p.text, p.item])

describe('list items in a cell read from its layout', () => {
  it('starts an item at a bullet whose glyph gave no text (an empty run before a hanging indent)', () => {
    // Each item fills its line, so the wrap test alone would join them.
    // A cell's runs are grouped by baseline alone (cells.ts), so the empty run stays on its line.
    const visual = groupLines([
      run('', 100, 100), run('Publish a learning briefing after every', 112, 100),
      run('serious case review', 112, 112),
      run('', 100, 124), run('Develop a care leavers offer with housing', 112, 124),
      run('providers', 112, 136),
    ])
    expect(texts(visual)).toEqual([
      ['Publish a learning briefing after every serious case review', true],
      ['Develop a care leavers offer with housing providers', true],
    ])
  })

  it('starts an item at the next list mark in sequence, and not at a number that only opens a wrapped line', () => {
    const visual = lines([
      [100, [[100, 'a) Create a risk register for the improvement']]],
      [112, [[100, 'b) Review the terms of reference of every board']]],
      [124, [[100, '12 weeks after the audit of every sub-group']]],
    ])
    expect(texts(visual)).toEqual([
      ['a) Create a risk register for the improvement', true],
      ['b) Review the terms of reference of every board 12 weeks after the audit of every sub-group', true],
    ])
    const numbered = lines([
      [100, [[100, '1.1 Ask every school to name a young carers']]],
      [112, [[100, '1.2 Commission an independent return interview']]],
    ])
    expect(texts(numbered).map(([t]) => t)).toEqual(['1.1 Ask every school to name a young carers', '1.2 Commission an independent return interview'])
  })

  it('reads a dash opening a wrapped line of a cell with no list as the sentence going on', () => {
    const visual = lines([
      [100, [[100, 'On schedule']]],
      [112, [[100, '– see']]],
      [124, [[100, 'update']]],
    ])
    expect(cellParagraphs(visual, 150).map((p) => p.text)).toEqual(['On schedule – see update'])
  })
})

describe('entries of a lead cell beside a list', () => {
  it('cuts where whole entries are left: no entry of one word, none cut after a joining word', () => {
    expect(entries([['LSCB Business', 'Manager'], ['Priya Edwards', 'Designated', 'Doctor']], 3)).toEqual(['LSCB Business Manager', 'Priya Edwards', 'Designated Doctor'])
    expect(entries([['Assistant Director of', 'Children’s Services', 'Ann Lee']], 2)).toEqual(['Assistant Director of Children’s Services', 'Ann Lee'])
  })
  it('between cuts that leave whole entries, takes the one whose entries are most alike in length', () => {
    expect(entries([['Service Manager', 'Assessment', 'Principal Social', 'Worker'], ['Virtual School', 'Head']], 3)).toEqual(['Service Manager Assessment', 'Principal Social Worker', 'Virtual School Head'])
    expect(entries([['Head of Service', 'Children in Care', 'Service Manager', 'Assessment']], 2)).toEqual(['Head of Service Children in Care', 'Service Manager Assessment'])
  })
  it('gives null when two cuts are as good', () => {
    expect(entries([['Ann Lee', 'Bob Ray', 'Ann Lee']], 2)).toBeNull()
  })
})

describe('entries never cut inside a bracket', () => {
  it('keeps a title that wrapped inside its brackets with its name', () => {
    expect(entries([['Sarah Green (Head of Early', 'Help)']], 2)).toBeNull()
    expect(entries([['Sarah Green (Head of Early', 'Help) Ann Lee', 'Bob Ray (Named', 'GP)']], 2)).toEqual(['Sarah Green (Head of Early Help) Ann Lee', 'Bob Ray (Named GP)'])
  })
})
