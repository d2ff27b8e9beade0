import { describe, expect, it } from 'vitest'
import { isHeaderRow, roleOfHeader, rolesOfHeaderRow } from '../../src/interpret/column-roles.js'

describe('roleOfHeader', () => {
  it.each([
    ['Action', 'action'],
    ['Specific Actions', 'action'],
    ['Actions Required', 'action'],
    ['Who', 'lead'],
    ['Responsible officer(s)', 'lead'],
    ['Lead Officer', 'lead'],
    ['Date to be delivered by', 'due'],
    ['Date to be delivered', 'due'],
    ['Completion Date', 'due'],
    ['Target date', 'due'],
    ['RAG', 'status'],
    ['Status (RAG)', 'status'],
    ['Progress', 'progress'],
    ['Position Statement', 'progress'],
    ['Monitoring/ Status Notes', 'progress'],
    ['Success criteria', 'success'],
    ['Desired outcome', 'success'],
    ['Monitoring and evaluation', 'evidence'],
    ['Measures', 'evidence'],
    ['Impact', 'impact'],
    ['Milestones', 'milestone'],
    ['Org', 'organisation'],
    ['Timescale', 'timeframe'],
    ['Details Theme/Timescale', 'recommendation'],
    ['Area for improvement', 'recommendation'],
    ['Next review date', 'review'],
    ['Sucess criteria', 'success'],
  ])('maps "%s" to %s', (header, role) => {
    expect(roleOfHeader(header).role).toBe(role)
  })

  it('leaves an unknown header without a role, keeping its text for extra', () => {
    expect(roleOfHeader('Response to')).toEqual({ role: null, header: 'Response to', kind: null, matched: null })
  })

  it('tells executive from local leads', () => {
    expect(roleOfHeader('Executive Lead').kind).toBe('executive')
    expect(roleOfHeader('Local Lead').kind).toBe('local')
  })
})

describe('header rows', () => {
  it('recognises a header row and not a row of data', () => {
    expect(isHeaderRow(['', 'Action', 'Success criteria', 'Response to', 'Who', 'RAG'])).toBe(true)
    expect(isHeaderRow(['Action Plan: Announced Inspection of Safeguarding and Looked after Children Services 2011', '', 'Date/Version: LSCB Composite Plan July 2012'])).toBe(false)
    expect(isHeaderRow(['Identify key personnel', '31/01/12', 'SM', 'G'])).toBe(false)
  })

  it('gives an empty header before the first named column the reference role', () => {
    expect(rolesOfHeaderRow(['', 'Action', 'Who']).map((r) => r.role)).toEqual(['ref', 'action', 'lead'])
  })
})

describe('column groups and head nouns', () => {
  it('shares the date, status and progress after the last agency group with every group', () => {
    const roles = rolesOfHeaderRow(['Ref', 'Recommendation', 'Action LA', 'Lead Officer', 'Actions Health', 'Health Lead', 'Target Date', 'Status', 'Progress'])
    expect(roles.map((r) => r.group ?? null)).toEqual([null, null, 2, 2, 4, 4, null, null, null])
    expect(roles.map((r) => r.agency ?? null)).toEqual([null, null, 'LA', 'LA', 'Health', 'Health', null, null, null])
  })

  it('keeps a role each group has (its own date) with its group', () => {
    const roles = rolesOfHeaderRow(['Action LA', 'Lead', 'Date', 'Action Health', 'Lead', 'Date'])
    expect(roles.map((r) => r.group)).toEqual([0, 0, 0, 3, 3, 3])
  })

  it('reads "Responsible Agency" as the organisation, "Responsible Officer" as the lead', () => {
    expect(roleOfHeader('Responsible Agency').role).toBe('organisation')
    expect(roleOfHeader('Responsible Officer').role).toBe('lead')
  })
})
