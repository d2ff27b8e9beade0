import { describe, expect, it } from 'vitest'
import { gridOf } from '../../src/assemble/grid.js'
import { interpretPlan } from '../../src/interpret/index.js'
import { headRows } from '../../src/interpret/rec-row.js'
import { documentOf, paragraph, SOURCE, table } from './doc-builder.js'

/**
 * Pasted text keeps a merged recommendation row as its first cell and empty tabs: no span says
 * it crossed the table. The shape repeating over each group of actions says it instead.
 */
const HEADER = ['Outcome', 'Actions to address', 'Responsible officer', 'Completion date', 'Progress']
const pasted = (rows: string[][]) => documentOf([
  paragraph('Action plan in response to the inspection of services for children', true),
  table(0, [HEADER, ...rows], (r) => ({ bold: r === 0 })),
])

describe('a recommendation alone in the first column of pasted text', () => {
  const rows = [
    ['Review the thresholds document so that partners refer children at the right level', '', '', '', ''],
    ['Decisions are recorded on every file', 'Create a risk register for the improvement programme', 'Head of Early Help', 'Mar-14', 'Completed'],
    ['Fewer children wait for an assessment', 'Survey front-line staff after each training course', 'Designated Nurse', 'Sep-13', 'In progress'],
    ['Ensure that private fostering arrangements are identified and assessed promptly', '', '', '', ''],
    ['Children have plans they understand', 'Agree a protocol for attending conferences at short notice', 'Designated Doctor', 'Aug-13', 'Delayed'],
  ]

  it('counts the rows alone in the first column that stand over rows of actions', () => {
    expect([...headRows(gridOf(table(0, rows)))]).toEqual([0, 3])
  })

  it('reads each such row as the recommendation over the actions below it, with no row left out', () => {
    const { plan, diagnostics } = interpretPlan(pasted(rows), SOURCE)
    expect(plan.recommendations.map((r) => [r.text, r.actions.map((a) => a.text)])).toEqual([
      ['Review the thresholds document so that partners refer children at the right level', ['Create a risk register for the improvement programme', 'Survey front-line staff after each training course']],
      ['Ensure that private fostering arrangements are identified and assessed promptly', ['Agree a protocol for attending conferences at short notice']],
    ])
    expect(diagnostics.filter((d) => d.code === 'ROW_WITHOUT_ACTION')).toEqual([])
  })

  it('does not take a lone first-column row for a recommendation when the shape does not repeat', () => {
    const once = [rows[0]!, rows[1]!, rows[2]!, rows[4]!]
    const { plan } = interpretPlan(pasted(once), SOURCE)
    expect(plan.recommendations.map((r) => r.text)).not.toContain('Review the thresholds document so that partners refer children at the right level')
  })

  it('keeps lone cells in the action column as actions, repeated or not', () => {
    const header = ['Action', 'Lead', 'Due date', 'Status']
    const actionsFirst = [
      ['Review the thresholds document with partners', '', '', ''],
      ['Create a risk register for the improvement programme', 'Head of Early Help', 'Mar-14', 'Completed'],
      ['Publish the revised thresholds document to schools', '', '', ''],
      ['Survey front-line staff after each training course', 'Designated Nurse', 'Sep-13', 'In progress'],
    ]
    const { plan } = interpretPlan(documentOf([table(0, [header, ...actionsFirst], (r) => ({ bold: r === 0 }))]), SOURCE)
    const actions = plan.recommendations.flatMap((r) => r.actions.map((a) => a.text))
    expect(actions).toContain('Review the thresholds document with partners')
    expect(actions).toContain('Publish the revised thresholds document to schools')
  })

  it('reads recommendations alone in the action column when such rows open the data and each section', () => {
    const header = ['Action', 'By whom', 'Completion date', 'Status']
    const recRows = [
      ['<SECTION>', '', '', ''],
      ['Make sure that young carers are identified and offered an assessment of their needs', '', '', ''],
      ['1.1 Invite the police to every strategy discussion by telephone', 'Performance Manager', '31/1/2014', 'On track'],
      ['Reduce the number of children who go missing from care placements', '', '', ''],
      ['2.1 Give reviewing officers a dispute resolution procedure', 'LSCB Business Manager', '30/11/2013', 'Delayed'],
    ]
    const t = table(0, [header, ...recRows.map((r) => (r[0] === '<SECTION>' ? ['CHILD PROTECTION PRACTICE', '', '', ''] : r))], (r) => ({ bold: r <= 1 }))
    const { plan } = interpretPlan(documentOf([t]), SOURCE)
    expect(plan.recommendations.map((r) => [r.text, r.actions.length])).toEqual([
      ['Make sure that young carers are identified and offered an assessment of their needs', 1],
      ['Reduce the number of children who go missing from care placements', 1],
    ])
  })
})
