import { describe, expect, it } from 'vitest'
import { cellText, dateText, dayFirstFormat } from '../../../parsers/xlsx/cell-value.js'
import { parseUkDate } from '../../../src/interpret/parse-date.js'

const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day))

describe('spreadsheet dates', () => {
  it('keeps the displayed text when the day-first date parser reads it as the same date', () => {
    for (const [fmt, shown, iso] of [
      ['dd/mm/yy', '31/03/13', '2013-03-31'],
      ['d mmmm yyyy', '30 April 2013', '2013-04-30'],
      ['d"th" mmmm yyyy', '30th April 2013', '2013-04-30'],
      ['[$-809]dd/mm/yyyy;@', '31/03/2013', '2013-03-31'],
      ['mmm-yy', 'Feb-13', '2013-02'],
      ['mmmm yyyy', 'June 2013', '2013-06'],
      ['yyyy-mm-dd', '2013-03-31', '2013-03-31'],
    ] as const) {
      const date = new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`)
      expect(dateText(date, fmt), fmt).toEqual({ text: shown, displayed: null })
      expect(parseUkDate(shown).iso).toBe(iso)
    }
  })

  it('writes the ISO date where the display would be read wrongly or not at all, keeping the display beside it', () => {
    // Excel's built-in short date (id 14) as exceljs names it, US order: 03-31-13 is no day-first date.
    expect(dateText(d(2013, 3, 31), 'mm-dd-yy')).toEqual({ text: '2013-03-31', displayed: '03-31-13' })
    // 04/05/2013 in US order is 5 April: read day-first it would be 4 May.
    expect(dateText(d(2013, 4, 5), 'mm/dd/yyyy')).toEqual({ text: '2013-04-05', displayed: '04/05/2013' })
    expect(dateText(d(2013, 3, 31), 'dddd, d mmmm yyyy')).toEqual({ text: '2013-03-31', displayed: 'Sunday, 31 March 2013' })
    // A two-digit year outside this century.
    expect(dateText(d(1998, 3, 31), 'dd/mm/yy').text).toBe('1998-03-31')
    expect(dateText(d(2013, 3, 31), undefined)).toEqual({ text: '2013-03-31', displayed: null })
  })

  it('tells minutes from months in a date-time format', () => {
    expect(dayFirstFormat('dd/mm/yyyy hh:mm', 2013)).toBe(true)
    expect(dayFirstFormat('hh:mm', 2013)).toBe(false)
  })
})

describe('spreadsheet cell text', () => {
  it('reads a formula by its cached result, and says when there is none', () => {
    expect(cellText({ formula: 'C5', result: 'Improve timeliness' }, false, undefined)).toMatchObject({ text: 'Improve timeliness', uncachedFormula: false })
    expect(cellText({ formula: 'NOW()', result: d(2013, 1, 31) } as never, false, 'dd/mm/yyyy').text).toBe('31/01/2013')
    expect(cellText({ formula: 'A1+1' } as never, false, undefined)).toMatchObject({ text: '', uncachedFormula: true })
  })

  it('keeps line breaks as lines and rich text as text, with a bold lead', () => {
    const rich = cellText({ richText: [{ text: 'Recommendation 1: ', font: { bold: true } }, { text: 'Ensure GPs\nattend' }] }, false, undefined)
    expect(rich).toMatchObject({ text: 'Recommendation 1: Ensure GPs attend', lines: ['Recommendation 1: Ensure GPs', 'attend'], bold: false, boldLead: 'Recommendation 1:' })
    expect(cellText('Sally Churchyard /\r\nRichard Baldwin', true, undefined)).toMatchObject({ lines: ['Sally Churchyard /', 'Richard Baldwin'], bold: true, boldLead: null })
  })

  it('shows numbers through their format, errors and booleans as Excel does', () => {
    expect(cellText(0.41, false, '0%').text).toBe('41%')
    expect(cellText(3, false, 'General').text).toBe('3')
    expect(cellText({ error: '#N/A' } as never, false, undefined).text).toBe('#N/A')
    expect(cellText(true, false, undefined).text).toBe('TRUE')
    expect(cellText({ text: 'Ofsted report', hyperlink: 'https://example.org' }, false, undefined).text).toBe('Ofsted report')
  })
})
