import { describe, expect, it } from 'vitest'
import type { Cell, Table } from '../../schemas/index.js'
import { interpretPlan } from '../../src/interpret/index.js'
import { cell, documentOf, paragraph, SOURCE } from './doc-builder.js'

/**
 * Templates the fixtures were not built from. Each case is a small hand-made table with the trait
 * that broke the reading of a real plan (issue 13), in words of its own.
 */

/** A row of cells given as [text, colSpan?, rowSpan?]; null marks a slot covered by a merge. */
type Spec = ([string, number?, number?] | string | null)[]

function spanned(index: number, rows: Spec[], header = 0): Table {
  const columns = Math.max(...rows.map((r) => r.reduce((n, s) => n + (s === null ? 1 : typeof s === 'string' ? 1 : (s[1] ?? 1)), 0)))
  return {
    kind: 'table', index, columns, provenance: { page: 1, bbox: null },
    rows: rows.map((spec, ri) => {
      const cells: Cell[] = []
      let col = 0
      for (const s of spec) {
        if (s === null) { col += 1; continue }
        const [text, colSpan = 1, rowSpan = 1] = typeof s === 'string' ? [s] : s
        cells.push(cell(text, index, ri, col, { colSpan, rowSpan, bold: ri < header }))
        col += colSpan
      }
      return { header: ri < header, cells }
    }),
  }
}

describe('a two-level header with one column group per agency', () => {
  // Row 0: the recommendation column spans both header rows; "LA" and "Health" each span their
  // own Outcome / Action / Evidence / Lead. The recommendation column's header says "actions".
  const doc = documentOf([
    paragraph('Joint Improvement Plan: Ofsted and CQC inspection of safeguarding and looked after children', true),
    spanned(0, [
      [['OFSTED recommended actions', 1, 2], ['LA', 4], ['Health', 4]],
      [null, 'Outcome', 'Action', 'Evidence', 'Lead', 'Outcome', 'Action', 'Evidence', 'Lead'],
      [
        'Ensure that the LSCB monitors the quality of early help assessments across partner agencies',
        'Families are offered help before problems escalate', 'Audit a sample of early help assessments each quarter', 'Audit reports to the LSCB', 'Head of Early Help',
        'Children get help from health visitors early', 'Train health visitors in the early help pathway', 'Training records', 'Designated Nurse',
      ],
      [
        'Ensure that strategy discussions include health professionals in every case',
        'Decisions draw on all the information held', 'Revise the strategy discussion procedure', 'Procedure published', 'Service Manager, Safeguarding',
        'Health information is shared at every strategy discussion', 'Name a health lead for strategy discussions', 'Attendance figures', 'Named Doctor',
      ],
      [
        'Improve the timeliness of initial health assessments for looked after children',
        'Assessments take place within 20 working days', 'Notify health of every child who comes into care within 2 days', 'Notification log', 'Head of Children in Care',
        'Assessments are completed on time', 'Add clinic capacity for initial health assessments', 'Performance report', 'Designated Doctor LAC',
      ],
    ], 2),
  ])

  it('reads the "recommended actions" column as the recommendation, one per row', () => {
    const { plan } = interpretPlan(doc, SOURCE)
    expect(plan.recommendations.map((r) => r.text)).toEqual([
      'Ensure that the LSCB monitors the quality of early help assessments across partner agencies',
      'Ensure that strategy discussions include health professionals in every case',
      'Improve the timeliness of initial health assessments for looked after children',
    ])
  })

  it('gives each agency group its own action, with the group name as organisation and its own lead', () => {
    const { plan } = interpretPlan(doc, SOURCE)
    const first = plan.recommendations[0]!.actions
    expect(first.map((a) => [a.text, a.organisations, a.leads])).toEqual([
      ['Audit a sample of early help assessments each quarter', ['LA'], ['Head of Early Help']],
      ['Train health visitors in the early help pathway', ['Health'], ['Designated Nurse']],
    ])
    expect(first[0]).toMatchObject({ success_criteria: 'Families are offered help before problems escalate', evidence: 'Audit reports to the LSCB' })
    expect(plan.recommendations.every((r) => r.actions.length === 2)).toBe(true)
  })
})

describe('an area for improvement cell that packs its ref, timeframe, standards and agency', () => {
  const doc = documentOf([
    paragraph('Safeguarding Children Partnership', true),
    paragraph('Action plan in response to the joint targeted area inspection, January 2013 update', true),
    spanned(0, [
      ['Area for improvement', 'Actions', 'Responsible officer', 'By when', 'RAG'],
      [
        'AFI 1\nImprove the consistency of return home interviews for children who go missing.\nTimeframe: 3 months\nPractice standards: Missing children protocol, section 4\nAgency: Local authority and Police',
        'Commission an independent return interview service',
        'Head of Commissioning\nDetective Inspector, Public Protection Unit\nMissing Children Coordinator',
        '31/03/2013', 'A',
      ],
      [
        'AFI 2\nEnsure that managers record the rationale for decisions at the front door.\nTimeframe: 6 months\nPractice standards: Assessment standards 2 and 5\nAgency: Local authority',
        'Issue practice guidance on recording decisions',
        'Service Manager, Front Door',
        '30/04/2013', 'G',
      ],
    ], 1),
  ])

  it('keeps the recommendation text alone and puts each labelled part where it belongs', () => {
    const { plan } = interpretPlan(doc, SOURCE)
    expect(plan.recommendations).toHaveLength(2)
    const [first] = plan.recommendations
    expect(first).toMatchObject({
      ref: 'AFI 1',
      text: 'Improve the consistency of return home interviews for children who go missing.',
      timeframe: '3 months',
      organisations: ['Local authority', 'Police'],
      extra: { 'Practice standards': 'Missing children protocol, section 4' },
    })
  })

  it('reads a lead cell with one person per line as one lead each', () => {
    const { plan } = interpretPlan(doc, SOURCE)
    expect(plan.recommendations[0]!.actions[0]!.leads).toEqual(['Head of Commissioning', 'Detective Inspector, Public Protection Unit', 'Missing Children Coordinator'])
    expect(plan.recommendations[0]!.actions[0]).toMatchObject({ due_date: '2013-03-31', rag: 'amber' })
  })

  it('reads the plan date from the title ("January 2013 update")', () => {
    const { plan } = interpretPlan(doc, SOURCE)
    expect(plan.plan_date).toBe('2013-01')
  })
})
