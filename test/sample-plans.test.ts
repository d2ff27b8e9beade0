import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../schemas/index.js'
import { readPlan } from '../src/ingest.js'

/**
 * What a person reading the three real plans row by row finds in them. The goldens hold every
 * field; these facts say why the goldens are right, and fail loudly if a change breaks one.
 */
const root = join(import.meta.dirname, '..')
async function plan(name: string): Promise<Plan> {
  const path = `fixtures/text/${name}/input.txt`
  return (await readPlan(path, readFileSync(join(root, path)))).interpretation.plan
}
const actionsOf = (p: Plan) => p.recommendations.flatMap((r) => r.actions)

describe('Telford improvement plan', () => {
  it('has every R-numbered recommendation, R1 to R29 but R5 (which the plan omits)', async () => {
    const p = await plan('telford')
    const refs = p.recommendations.map((r) => Number(r.ref?.slice(1))).sort((a, b) => a - b)
    expect(refs).toEqual(Array.from({ length: 29 }, (_, i) => i + 1).filter((n) => n !== 5))
    expect(p.authority).toEqual({ name: expect.stringMatching(/Telford/), code: 'E06000020' })
  })

  it('keeps both recommendations of R2/R3 and R7/R20, the shared block of actions once, under the one it follows', async () => {
    const p = await plan('telford')
    const byRef = new Map(p.recommendations.map((r) => [r.ref, r]))
    // R2 and R3 stand on consecutive rows above three action rows; R7 and R20 above four.
    expect(byRef.get('R2')!.shares_actions_with).toEqual(['R3'])
    expect(byRef.get('R3')!.shares_actions_with).toEqual(['R2'])
    expect(byRef.get('R2')!.actions).toEqual([])
    expect(byRef.get('R3')!.actions.map((a) => a.also_answers)).toEqual([['R2'], ['R2'], ['R2']])
    expect(byRef.get('R7')!.actions).toEqual([])
    expect(byRef.get('R20')!.actions.map((a) => a.also_answers)).toEqual([['R7'], ['R7'], ['R7'], ['R7']])
    // Every source action row once: 57 rows, no two actions from one row.
    const rows = actionsOf(p).map((a) => `${a.provenance.table}:${a.provenance.row}`)
    expect(rows).toHaveLength(57)
    expect(new Set(rows).size).toBe(57)
  })

  it('reads each action row with its Who, date, RAG word and progress', async () => {
    const p = await plan('telford')
    const distinct = new Map(actionsOf(p).map((a) => [a.provenance.row! * 1000 + a.provenance.table!, a]))
    expect(distinct.size).toBe(57)
    const r1 = p.recommendations.find((r) => r.ref === 'R1')!.actions[0]!
    expect(r1.due_raw).toBe('Aug-12')
    expect(r1.due_date).toBe('2012-08')
    expect(r1.status_raw).toBe('Complete')
    expect(r1.status).toBe('complete')
    expect(r1.leads).toContain('Maria White')
    const r15 = p.recommendations.find((r) => r.ref === 'R15')!.actions[0]!
    expect(r15.leads).toEqual(['Emma Wilcock'])
    // "Response to" names the inspection report, a column no field takes: kept in extra.
    expect(r1.extra['Response to']).toMatch(/Ofsted 2012 unannounced report/)
  })
})

describe('Darlington LSCB action plan', () => {
  it('has each distinct recommendation once, under its section, with its timeframe and organisation', async () => {
    const p = await plan('darlington')
    const texts = p.recommendations.map((r) => r.text)
    expect(new Set(texts).size).toBe(texts.length)
    expect(p.recommendations).toHaveLength(20)
    expect(p.recommendations.filter((r) => r.theme === 'SAFEGUARDING')).toHaveLength(10)
    const cddft = p.recommendations[1]!
    expect(cddft.timeframe).toBe('IMMEDIATE')
    expect(cddft.organisations).toEqual(['CDDFT'])
    expect(cddft.actions).toHaveLength(3)
  })

  it('keeps the milestone lists inside cells as milestones, and the labelled parts as fields', async () => {
    const p = await plan('darlington')
    const first = p.recommendations[0]!.actions[0]!
    expect(first.milestones.map((m) => m.text)).toEqual(['Core Group Guidance drafted', 'LSCB Policy and Procedures Group to agree', 'Dissemination of guidance'])
    expect(first.due_date).toBe('2012-06-14')
    expect(first.status).toBe('complete')
    const kpi = p.recommendations[1]!.actions[0]!
    expect(kpi.evidence).toMatch(/Monthly audits August and September/)
    // Labels stay with the text they label, so parts joined into one field remain readable.
    expect(kpi.success_criteria).toBe('Measure of success: Arrangements are in place to monitor and quality assures safeguarding children practice within CDDFT.')
    expect(kpi.evidence).toMatch(/^Outcome measure: .*; Evidence: Performance scorecard$/)
  })
})

describe('Dudley health supervision plan', () => {
  it('has the area for improvement as the one recommendation, with 13 actions', async () => {
    const p = await plan('dudley')
    expect(p.recommendations).toHaveLength(1)
    expect(p.recommendations[0]!.text).toBe('Review the effectiveness of supervision')
    expect(actionsOf(p)).toHaveLength(13)
  })

  it('gives each action its organisation, completion date, leads and RAG letter, and the merged milestone', async () => {
    const p = await plan('dudley')
    for (const a of actionsOf(p)) {
      expect(a.organisations).toHaveLength(1)
      expect(a.due_raw).toMatch(/^\d\d\/\d\d\/12$/)
      expect(a.leads.length).toBeGreaterThanOrEqual(2)
      expect(['R', 'A', 'G']).toContain(a.status_raw)
      expect(a.rag_source).toBe('letter')
      expect(a.milestones).toHaveLength(1)
    }
    const audit = actionsOf(p).find((a) => a.text.startsWith('Conduct monthly audit'))!
    // Its Specific Actions cell is empty: the text comes from the Milestones cell.
    expect(audit.milestones[0]!.text).toBe(audit.text)
    const impossible = actionsOf(p).find((a) => a.due_raw === '31/04/12')!
    expect(impossible.due_date).toBeNull()
  })

  it('keeps the key blocks above the table with the plan', async () => {
    const p = await plan('dudley')
    expect(p.keys.personnel).toContainEqual({ key: 'SM', value: 'Susan Marshall' })
    expect(p.keys.organisations).toContainEqual({ key: 'NHSD', value: 'NHS Dudley' })
    expect(p.notes.map((n) => n.label)).toEqual(expect.arrayContaining(['ACTION REQUIRED', 'ORGANISATIONS INVOLVED']))
    expect(p.authority?.code).toBe('E08000027')
  })
})
