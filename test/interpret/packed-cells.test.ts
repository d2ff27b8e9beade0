import { describe, expect, it } from 'vitest'
import { parseRecommendationCell, splitLabelledParts, splitOrganisationPrefix } from '../../src/interpret/packed-cells.js'

describe('parseRecommendationCell', () => {
  it('takes the ref and drops a RECOMMENDATION prefix', () => {
    expect(parseRecommendationCell('R14 RECOMMENDATION: Ensure that assessments reflect diversity')).toEqual({
      ref: 'R14', text: 'Ensure that assessments reflect diversity', timeframe: null, organisation: null, labelled: {},
    })
    expect(parseRecommendationCell('RECOMMENDATION : Ensure the outcomes are recorded').text).toBe('Ensure the outcomes are recorded')
  })

  it.each([
    ['1.1 Improve supervision', '1.1'],
    ['2.2.1 Improve supervision', '2.2.1'],
    ['6. Review the effectiveness of supervision', '6'],
    ['Recommendation 4: Improve supervision', 'Recommendation 4'],
    ['1A Improve supervision', '1A'],
    ['Improve supervision', null],
  ])('reads the ref of %j as %j', (text, ref) => {
    expect(parseRecommendationCell(text).ref).toBe(ref)
  })

  it('splits a timeframe and an addressee from the start of the cell (Darlington)', () => {
    expect(parseRecommendationCell('IMMEDIATE CDDFT Ensure arrangements are in place', 'IMMEDIATE CDDFT')).toEqual({
      ref: null, text: 'Ensure arrangements are in place', timeframe: 'IMMEDIATE', organisation: 'CDDFT', labelled: {},
    })
    expect(parseRecommendationCell('Within 3 Months DBC', 'Within 3 Months DBC')).toEqual({ ref: null, text: '', timeframe: 'Within 3 Months', organisation: 'DBC', labelled: {} })
  })

  it('takes a timeframe in brackets out of the text', () => {
    expect(parseRecommendationCell('Improve case recording (Within 3 months)')).toEqual({ ref: null, text: 'Improve case recording', timeframe: 'Within 3 months', organisation: null, labelled: {} })
  })
})

describe('a recommendation cell with labelled trailing text', () => {
  it('splits the ref, the timeframe in brackets, the agency and the practice standards into fields', () => {
    expect(parseRecommendationCell('2.1 Ensure that supervision is regular and recorded (Within 3 months) Practice standards: Supervision policy 2012 Agency: LA')).toEqual({
      ref: '2.1',
      text: 'Ensure that supervision is regular and recorded',
      timeframe: 'Within 3 months',
      organisation: 'LA',
      labelled: { 'Practice standards': 'Supervision policy 2012' },
    })
  })
})

describe('splitOrganisationPrefix', () => {
  it('reads the organisation opening a lead cell', () => {
    expect(splitOrganisationPrefix('DBC – Nik Flavell (Service Manager)')).toEqual({ organisation: 'DBC', rest: 'Nik Flavell (Service Manager)' })
    expect(splitOrganisationPrefix('Maureen Grieveson')).toEqual({ organisation: null, rest: 'Maureen Grieveson' })
  })
})

describe('splitLabelledParts', () => {
  it('splits a milestones cell into its labelled parts', () => {
    const parts = splitLabelledParts(['Outcome Measure Minutes of meetings. Measure of Success Representation of all services. Evidence Minutes'])
    expect(parts).toEqual([
      { label: 'Outcome Measure', target: 'evidence', lines: ['Minutes of meetings.'] },
      { label: 'Measure of Success', target: 'success', lines: ['Representation of all services.'] },
      { label: 'Evidence', target: 'evidence', lines: ['Minutes'] },
    ])
  })

  it('keeps one milestone per line after a Milestones label', () => {
    expect(splitLabelledParts(['Milestones Core Group Guidance drafted', 'LSCB Policy and Procedures Group to agree'])).toEqual([
      { label: 'Milestones', target: 'milestone', lines: ['Core Group Guidance drafted', 'LSCB Policy and Procedures Group to agree'] },
    ])
  })

  it('does not split at a label word inside a sentence', () => {
    expect(splitLabelledParts(['Collect evidence of impact from audits'])).toEqual([{ label: null, target: null, lines: ['Collect evidence of impact from audits'] }])
  })

  it('reads a dated update as progress', () => {
    expect(splitLabelledParts(['Audit tool drafted Update June 12: tool piloted in two teams'])).toEqual([
      { label: null, target: null, lines: ['Audit tool drafted'] },
      { label: 'Update June 12', target: 'progress', lines: ['tool piloted in two teams'] },
    ])
  })

  it('reads Underpinned by and Supplemented by lists as milestones', () => {
    const parts = splitLabelledParts(['Underpinned by:-', 'Audit programme', 'Supplemented by:-', 'Training'])
    expect(parts.map((p) => [p.target, p.lines])).toEqual([
      ['milestone', ['Audit programme']],
      ['milestone', ['Training']],
    ])
  })
})
