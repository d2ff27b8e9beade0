import { describe, expect, it } from 'vitest'
import { interpretPlan } from '../../src/interpret/index.js'
import { documentOf, paragraph, SOURCE, table } from './doc-builder.js'

describe('interpretPlan', () => {
  it('keeps both of two consecutive recommendations that share one block of actions, the actions once under the second', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['', 'Action', 'Who', 'Date', 'RAG'],
      ['R2', 'RECOMMENDATION: End unsafe holding of contacts', '', '', ''],
      ['R3', 'RECOMMENDATION: Identify referrals promptly', '', '', ''],
      ['', 'Review the advisory team', 'Maria White', 'Aug-12', 'Complete'],
      ['R4', 'RECOMMENDATION: Accelerate edge of care plans', '', '', ''],
      ['', 'Seek user feedback', 'Jas Bedesha', 'Nov-12', 'On schedule'],
    ])]), SOURCE)
    expect(plan.recommendations.map((r) => [r.ref, r.actions.length, r.shares_actions_with])).toEqual([
      ['R2', 0, ['R3']],
      ['R3', 1, ['R2']],
      ['R4', 1, []],
    ])
    // The action row follows R3: stored there once, naming R2 as the other recommendation it answers.
    expect(plan.recommendations[1]!.actions[0]).toMatchObject({ text: 'Review the advisory team', leads: ['Maria White'], due_date: '2012-08', status: 'complete', also_answers: ['R2'] })
    expect(plan.recommendations[2]!.actions[0]!.also_answers).toEqual([])
  })

  it('reads a header wrapped over two rows as one header', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Ref', 'Recommendation', 'Action', 'Lead', 'Target', 'RAG'],
      ['', '', '', 'officer', 'date', 'rating'],
      ['1.1', 'Improve supervision', 'Audit supervision files', 'Ann Lee', '31/03/2013', 'G'],
    ])]), SOURCE)
    expect(plan.recommendations).toHaveLength(1)
    expect(plan.recommendations[0]!.actions[0]).toMatchObject({ text: 'Audit supervision files', due_date: '2013-03-31', rag: 'green', rag_source: 'letter' })
  })

  it('gives one action per agency when the template has a column group for each', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Ref', 'Recommendation', 'Action LA', 'Lead Officer', 'Actions Health', 'Health Lead', 'Date'],
      ['1', 'Improve health assessments', 'Send requests within 3 days', 'Ann Lee', 'Complete assessments within 20 days', 'Bob Ray', 'Mar-13'],
    ])]), SOURCE)
    const actions = plan.recommendations[0]!.actions
    expect(actions.map((a) => [a.text, a.leads, a.organisations, a.due_date])).toEqual([
      ['Send requests within 3 days', ['Ann Lee'], ['LA'], '2013-03'],
      ['Complete assessments within 20 days', ['Bob Ray'], ['Health'], '2013-03'],
    ])
    // The ref column beside the recommendation column numbers the recommendation.
    expect(plan.recommendations[0]!.ref).toBe('1')
    expect(actions.map((a) => a.ref)).toEqual([null, null])
  })

  it('takes milestones and labelled parts out of the action cell', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Lead'],
      ['Improve GP reports', 'Send a template with each invitation\nMilestones:\nTemplate agreed\nTemplate sent', 'Helen Reid'],
    ])]), SOURCE)
    const action = plan.recommendations[0]!.actions[0]!
    expect(action.text).toBe('Send a template with each invitation')
    expect(action.milestones.map((m) => m.text)).toEqual(['Template agreed', 'Template sent'])
  })

  it('reads a RAG key given in a paragraph, and the plan table after it as the plan', () => {
    const { plan } = interpretPlan(documentOf([
      paragraph('RAG key: red – behind schedule; green – on track; blue – complete'),
      table(0, [
        ['Action', 'Lead', 'RAG'],
        ['Audit files', 'Ann Lee', ''],
      ], (row, col) => (row === 1 && col === 2 ? { fill: '#0070c0' } : {})),
    ]), SOURCE)
    expect(plan.keys.rag).toHaveLength(3)
    expect(plan.recommendations[0]!.actions[0]).toMatchObject({ rag: 'blue', rag_source: 'fill', status: 'complete' })
  })

  it('puts a column no role takes into extra under its header, and counts it against coverage', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Response to', 'Lead'],
      ['Improve recording', 'Audit files', 'Ofsted 2012 report', 'Ann Lee'],
    ])]), SOURCE)
    expect(plan.recommendations[0]!.actions[0]!.extra).toEqual({ 'Response to': 'Ofsted 2012 report' })
    expect(plan.coverage).toBeLessThan(1)
  })

  it('reads RAG from the fill of an empty status cell', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'RAG'],
      ['Improve recording', 'Audit files', ''],
    ], (row, col) => (row === 1 && col === 2 ? { fill: '#ffc000' } : {}))]), SOURCE)
    expect(plan.recommendations[0]!.actions[0]).toMatchObject({ rag: 'amber', rag_source: 'fill', status: null })
  })

  it('warns about an impossible date and keeps the raw text', () => {
    const { plan, diagnostics } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Completion date'],
      ['Improve recording', 'Gather policies', '31/04/12'],
    ])]), SOURCE)
    expect(plan.recommendations[0]!.actions[0]).toMatchObject({ due_date: null, due_raw: '31/04/12' })
    expect(diagnostics.map((d) => d.code)).toContain('IMPOSSIBLE_DATE')
  })

  it('takes the title from the bold lines before the first table', () => {
    const { plan } = interpretPlan(documentOf([paragraph('Children’s Services', true), paragraph('Improvement Plan', true), paragraph('Summary', true), table(0, [['Recommendation', 'Action'], ['Improve', 'Audit']])]), SOURCE)
    expect(plan.title).toBe('Children’s Services Improvement Plan')
  })
})

describe('the document key to RAG rating', () => {
  const key = (fills: Record<number, string>) =>
    table(0, [['', 'Complete'], ['', 'On schedule'], ['', 'Behind schedule']], (row, col) => (col === 0 && fills[row] ? { fill: fills[row] } : {}))

  it('gives the RAG of a status word from the colour beside it in the key', () => {
    const { plan } = interpretPlan(documentOf([
      paragraph('Key to RAG rating'),
      key({ 0: '#0070c0', 1: '#00b050', 2: '#ff0000' }),
      table(1, [['Recommendation', 'Action', 'RAG'], ['Improve recording', 'Audit files', 'On schedule']]),
    ]), SOURCE)
    expect(plan.keys.rag).toEqual([{ key: 'Complete', value: '#0070c0' }, { key: 'On schedule', value: '#00b050' }, { key: 'Behind schedule', value: '#ff0000' }])
    expect(plan.recommendations[0]!.actions[0]).toMatchObject({ status: 'on_track', rag: 'green', rag_source: 'key' })
  })

  it('gives the status of a coloured cell from the meaning the key gives that colour', () => {
    const { plan } = interpretPlan(documentOf([
      paragraph('Key to RAG rating'),
      key({ 0: '#0070c0', 1: '#00b050', 2: '#ff0000' }),
      table(1, [['Recommendation', 'Action', 'RAG'], ['Improve recording', 'Audit files', '']], (row, col) => (row === 1 && col === 2 ? { fill: '#0070c0' } : {})),
    ]), SOURCE)
    expect(plan.recommendations[0]!.actions[0]).toMatchObject({ status: 'complete', rag: 'blue', rag_source: 'fill' })
  })

  it('leaves status and RAG apart when the key lost its colours (pasted text)', () => {
    const { plan } = interpretPlan(documentOf([
      paragraph('Key to RAG rating'),
      key({}),
      table(1, [['Recommendation', 'Action', 'RAG'], ['Improve recording', 'Audit files', 'On schedule']]),
    ]), SOURCE)
    expect(plan.recommendations[0]!.actions[0]).toMatchObject({ status: 'on_track', rag: null, rag_source: null })
  })
})

describe('column roles from content', () => {
  it('reads an unnamed column of dates as the due date', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Col X'],
      ['Improve recording', 'Audit files', '31/03/2013'],
      ['', 'Train staff', 'Apr-13'],
      ['', 'Review', '1st May 2013'],
    ])]), SOURCE)
    expect(plan.recommendations[0]!.actions.map((a) => a.due_date)).toEqual(['2013-03-31', '2013-04', '2013-05-01'])
  })
})

describe('cells with one value per sub-action', () => {
  it('keeps each step with its own date when only the dates line up with the steps', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Lead', 'Target date'],
      ['Improve recording', 'Draft the policy\nConsult staff\nLaunch', 'Ann Lee', '31/01/2013\n28/02/2013\nApr-13'],
    ])]), SOURCE)
    const action = plan.recommendations[0]!.actions[0]!
    expect(action.milestones.map((m) => [m.text, m.due_date])).toEqual([
      ['Draft the policy', '2013-01-31'],
      ['Consult staff', '2013-02-28'],
      ['Launch', '2013-04'],
    ])
    expect(action.due_date).toBe('2013-04')
    expect(action.leads).toEqual(['Ann Lee'])
  })

  it('splits paragraph-aligned columns into one action per line: action N beside lead N and date N', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Lead', 'Target date'],
      ['Improve recording', 'Draft the policy\nConsult staff\nLaunch', 'Ann Lee\nBob Ray\nAnn Lee', '31/01/2013\n28/02/2013\nApr-13'],
    ])]), SOURCE)
    expect(plan.recommendations[0]!.actions.map((a) => [a.text, a.leads, a.due_date])).toEqual([
      ['Draft the policy', ['Ann Lee'], '2013-01-31'],
      ['Consult staff', ['Bob Ray'], '2013-02-28'],
      ['Launch', ['Ann Lee'], '2013-04'],
    ])
  })

  it('splits numbered or lettered actions in one cell, sharing a lead given once', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Lead', 'Target date'],
      ['Improve recording', 'a) Draft the policy\nb) Consult staff on the draft\nand the unions', 'Ann Lee', '31/01/2013\n28/02/2013'],
    ])]), SOURCE)
    expect(plan.recommendations[0]!.actions.map((a) => [a.ref, a.text, a.leads, a.due_date])).toEqual([
      ['a', 'Draft the policy', ['Ann Lee'], '2013-01-31'],
      ['b', 'Consult staff on the draft and the unions', ['Ann Lee'], '2013-02-28'],
    ])
  })

  it('pairs a lead cell and a date cell whose line breaks were lost with the listed actions when their form gives one each', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Lead', 'Target date'],
      ['Improve recording', 'a) Draft the policy\nb) Consult staff\nc) Launch', 'Ian Khan (LSCB Business Manager) Alison Khan (Designated Doctor) Mark Collins (Named GP)', '31/12/13 31/03/14 30/04/12'],
      ['Improve audits', '1.1 Audit files\n1.2 Report findings', 'Deborah Wright Martin Wright', 'Sep-12 Jun-13'],
    ])]), SOURCE)
    expect(plan.recommendations.flatMap((r) => r.actions.map((a) => [a.text, a.due_date]))).toEqual([
      ['Draft the policy', '2013-12-31'],
      ['Consult staff', '2014-03-31'],
      ['Launch', '2012-04-30'],
      ['Audit files', '2012-09'],
      ['Report findings', '2013-06'],
    ])
    expect(plan.recommendations.flatMap((r) => r.actions.map((a) => a.lead_raw))).toEqual([
      'Ian Khan (LSCB Business Manager)', 'Alison Khan (Designated Doctor)', 'Mark Collins (Named GP)', 'Deborah Wright', 'Martin Wright',
    ])
  })

  it('leaves a lead cell shared when its form gives another count than the actions', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Lead', 'Target date'],
      ['Improve recording', 'a) Draft the policy\nb) Consult staff\nc) Launch', 'Ian Khan (LSCB Business Manager) Alison Khan (Designated Doctor)', '31/12/13 31/03/14'],
    ])]), SOURCE)
    const actions = plan.recommendations[0]!.actions
    expect(actions.map((a) => a.lead_raw)).toEqual(Array(3).fill('Ian Khan (LSCB Business Manager) Alison Khan (Designated Doctor)'))
    expect(actions.map((a) => a.due_date)).toEqual(['2013-12-31', '2013-12-31', '2013-12-31'])
  })

  it('splits plain lines with a date each when the lead cell names several people in fewer lines', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Lead', 'Target date'],
      ['Improve recording', 'Draft the policy\nConsult staff\nLaunch', 'LSCB Business Manager\nPriya Edwards Designated Doctor', 'Sep-12\nJun-13\nMar-14'],
    ])]), SOURCE)
    expect(plan.recommendations[0]!.actions.map((a) => [a.text, a.due_date])).toEqual([
      ['Draft the policy', '2012-09'],
      ['Consult staff', '2013-06'],
      ['Launch', '2014-03'],
    ])
  })

  it('keeps the raw text when the counts differ', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Target date'],
      ['Improve recording', 'Draft the policy\nConsult staff', '31/01/2013 then review'],
    ])]), SOURCE)
    const action = plan.recommendations[0]!.actions[0]!
    expect(action.milestones).toEqual([])
    expect(action.due_raw).toBe('31/01/2013 then review')
  })
})

describe('milestone rows', () => {
  it('puts a row with only a milestone and its date under the action above', () => {
    const { plan } = interpretPlan(documentOf([table(0, [
      ['Recommendation', 'Action', 'Lead', 'Milestone', 'Date', 'Status'],
      ['Improve recording', 'Revise the recording policy', 'Ann Lee', 'Draft agreed', '31/01/2013', 'Complete'],
      ['', '', '', 'Policy launched', '31/03/2013', 'On track'],
    ])]), SOURCE)
    const action = plan.recommendations[0]!.actions[0]!
    expect(plan.recommendations[0]!.actions).toHaveLength(1)
    expect(action.milestones.map((m) => [m.text, m.due_date, m.status])).toEqual([
      ['Draft agreed', null, null],
      ['Policy launched', '2013-03-31', 'on_track'],
    ])
  })
})
