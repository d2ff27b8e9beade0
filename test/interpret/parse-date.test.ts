import { describe, expect, it } from 'vitest'
import { parseUkDate, splitDateList } from '../../src/interpret/parse-date.js'

describe('parseUkDate', () => {
  it.each([
    ['29/02/12', '2012-02-29'],
    ['1/2/2013', '2013-02-01'],
    ['01/02/2013', '2013-02-01'],
    ['26.10.12', '2012-10-26'],
    ['Aug-12', '2012-08'],
    ['Nov-11', '2011-11'],
    ['August 2012', '2012-08'],
    ['Sept 2012', '2012-09'],
    ['31st January 2012', '2012-01-31'],
    ['14 th June 2012', '2012-06-14'],
    ['25 th February 2012', '2012-02-25'],
    ['1st June 2012', '2012-06-01'],
    ['Q3 2012/13', '2012-12'],
    ['Q4 2012/13', '2013-03'],
    ['end of December 2012', '2012-12'],
    ['From June 2012', '2012-06'],
    ['2013', '2013'],
    ['August 2011 Monthly audits August and September, moved to quarterly.', '2011-08'],
  ])('reads %s as %s', (raw, iso) => {
    expect(parseUkDate(raw)).toEqual({ iso, problem: null })
  })

  it.each(['Immediate', '3 months', 'Within 6 months', 'On-going', 'Henceforth', 'Complete', '', 'R1'])('does not read %j as a date', (raw) => {
    expect(parseUkDate(raw)).toEqual({ iso: null, problem: null })
  })

  it('turns an impossible day into null with a problem that quotes the text', () => {
    const parsed = parseUkDate('31/04/12')
    expect(parsed.iso).toBeNull()
    expect(parsed.problem).toContain('31/04/12')
  })

  it.each([
    ['March 31st 2012', '2012-03-31'],
    ['Sept 30 2012', '2012-09-30'],
    ['June 12th 2012', '2012-06-12'],
    ['December 1st, 2012', '2012-12-01'],
    ['Aug 12 2012', '2012-08-12'],
  ])('reads the month-first date %s as %s, not the day as a year', (raw, iso) => {
    expect(parseUkDate(raw)).toEqual({ iso, problem: null })
  })

  it('does not take a day written after its month for a year', () => {
    expect(parseUkDate('March 31st').iso).toBeNull()
    expect(parseUkDate('February 30th 2012')).toMatchObject({ iso: null, problem: expect.stringContaining('February 30th 2012') })
  })

  it('knows 2012 was a leap year and 2013 was not', () => {
    expect(parseUkDate('29/02/12').iso).toBe('2012-02-29')
    expect(parseUkDate('29/02/13').iso).toBeNull()
  })
})

describe('splitDateList', () => {
  it('cuts dates written one after another, one per action, whose line breaks were lost', () => {
    expect(splitDateList('31/12/13 31/03/14 30/04/12')).toEqual(['31/12/13', '31/03/14', '30/04/12'])
    expect(splitDateList('Sep-12, Jun-13 and Mar-14')).toEqual(['Sep-12', 'Jun-13', 'Mar-14'])
    expect(splitDateList('March 2013 / June 2013')).toEqual(['March 2013', 'June 2013'])
  })
  it('gives null for one date or for a date with words after it', () => {
    expect(splitDateList('31/12/13')).toBeNull()
    expect(splitDateList('31/12/13 then review')).toBeNull()
    expect(splitDateList('Ongoing 31/12/13')).toBeNull()
  })
})
