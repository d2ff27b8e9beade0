import { describe, expect, it } from 'vitest'
import { borderlessTables } from '../../../parsers/pdf/borderless-grid.js'
import { groupLines } from '../../../parsers/pdf/lines.js'
import type { TextRun } from '../../../parsers/pdf/text-items.js'
import { frame, run } from './text-runs.js'

const bold = (text: string, x0: number, baseline: number): TextRun => ({ ...run(text, x0, baseline), bold: true })
const texts = (found: ReturnType<typeof borderlessTables>): string[][][] => found.map((f) => f.table.rows.map((r) => r.cells.map((c) => c.text)))

const row = (y: number, cells: string[]): TextRun[] => cells.map((t, i) => run(t, [10, 100, 300, 400][i]!, y))

/**
 * A recommendation written across the table right under its header, two long lines of it: long
 * lines across the gutters read as prose elsewhere, but a header always has a body, so they are
 * the first row's banner and the header stays the table's.
 */
describe('a long banner row right under a borderless table header', () => {
  const header = [bold('Lead officer', 10, 60), bold('Agreed action', 100, 60), bold('Agency', 300, 60), bold('Status', 400, 60), bold('Rating', 470, 60)]
  const banner = [
    run('Ensure that complaints from children and families are used to improve services', 10, 72),
    run("Underpinned by: The Children and Young People's Plan", 10, 84),
  ]
  const body = [
    ...row(96, ['Amanda Hughes', 'Launch a recruitment campaign', 'Health Trust', 'In progress']),
    ...row(108, ['Owen Fletcher', 'Deliver attachment training', 'Education', 'On track']),
    ...row(120, ['Rachel Clarke', 'Invite the police to strategy meetings', 'Social Care', 'Delayed']),
  ]

  it('keeps the header, and the banner inside the table above the rows', () => {
    const found = texts(borderlessTables(groupLines([...header, ...banner, ...body], 0.8), [], frame, 1))
    expect(found).toHaveLength(1)
    const rows = found[0]!
    expect(rows[0]).toEqual(['Lead officer', 'Agreed action', 'Agency', 'Status', 'Rating'])
    // Evenly spaced lines: nothing here says whether the banner's two lines are one row or two.
    const bannerRows = rows.slice(1, -3).map((r) => r.join(' ').trim()).join(' ')
    expect(bannerRows).toBe("Ensure that complaints from children and families are used to improve services Underpinned by: The Children and Young People's Plan")
    expect(rows.slice(-3).map((r) => r[0])).toEqual(['Amanda Hughes', 'Owen Fletcher', 'Rachel Clarke'])
  })

  it('the same lines with no header above them still cut the table as prose', () => {
    const found = texts(borderlessTables(groupLines([...banner, ...body], 0.8), [], frame, 1))
    expect(found.flat().flat().join(' ')).not.toContain('Ensure that complaints')
  })
})
