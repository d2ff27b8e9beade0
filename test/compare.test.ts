import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../schemas/index.js'
import { comparePlans, renderCompareTable } from '../src/compare.js'
import { readPlan } from '../src/ingest.js'
import { dueEnd, filterPlan } from '../src/store/plan-filter.js'
import { classifyText } from '../src/themes/classify.js'

const root = join(import.meta.dirname, '..')
async function plan(format: string, name: string, ext: string): Promise<Plan> {
  const path = `fixtures/${format}/${name}/input.${ext}`
  return (await readPlan(path, readFileSync(join(root, path)))).interpretation.plan
}

describe('themes', () => {
  it('classifies by the words of the text and keeps the words that matched', () => {
    expect(classifyText('Review the effectiveness of supervision')).toEqual([{ theme: 'supervision', words: ['supervision'] }])
    const themes = classifyText('End the reliance on bed and breakfast accommodation to meet the needs of care leavers')
    expect(themes.map((t) => t.theme)).toEqual(['care-leavers'])
    expect(themes[0]!.words).toEqual(['care leavers', 'bed and breakfast'])
    expect(classifyText('Improve access to CAMHS for looked after children').map((t) => t.theme)).toEqual(['looked-after-children', 'mental-health'])
    expect(classifyText('School Health Advisors to attend')).toEqual([])
  })
})

describe('compare', () => {
  // Counted by hand from the Dudley plan: 13 actions, RAG letters G ×3, R ×1, A ×9; no status words;
  // due dates 29/02/12 ×3, 31/01/12 ×2, 31/03/12, 30/04/12 ×2, 31/05/12, 30/06/12 ×2 and the impossible 31/04/12 ×2.
  it('counts an authority’s actions, their RAG and the share overdue on a date, as counted by hand', async () => {
    const [row] = comparePlans([await plan('docx', 'dudley', 'docx')], 'authority', '2012-04-01')
    expect(row).toMatchObject({ group: 'Dudley Metropolitan Borough Council', plans: 1, recommendations: 1, actions: 13, red: 1, amber: 9, green: 3, blue: 0, dated: 11 })
    // No status words and no key: the RAG letters read through the default, so nothing is "no status".
    expect(row).toMatchObject({ no_status: 0, on_track: 3, in_progress: 9, behind: 1, complete: 0 })
    expect(row!.overdue).toBeCloseTo(6 / 11)
    // From the plan's date (8 March 2012) to each dated action's due date, those not before it: 23, 53, 53, 84, 114, 114 days.
    expect(row!.median_days).toBe(68.5)
  })

  it('counts a shared action once, and both councils of a joint board', async () => {
    // Telford's 57 action rows: the blocks under R2/R3 and R7/R20 are stored once.
    const rows = comparePlans([await plan('docx', 'bournemouth-poole', 'docx'), await plan('docx', 'telford', 'docx')], 'authority', '2013-01-01')
    expect(rows.find((r) => r.group.startsWith('Telford'))!.actions).toBe(57)
    expect(rows.filter((r) => r.actions === 44).map((r) => r.group).sort()).toEqual(['Borough of Poole', 'Bournemouth Borough Council'])
  })

  it('groups by theme, an action under its own themes and its recommendation’s', async () => {
    const rows = comparePlans([await plan('docx', 'dudley', 'docx')], 'theme', '2012-04-01')
    expect(rows.find((r) => r.group === 'supervision')!.actions).toBe(13)
    const table = renderCompareTable(rows, 'theme', '2012-04-01')
    expect(table.split('\n')[0]).toMatch(/^theme\s+plans\s+recs\s+actions\s+complete/)
    expect(table).toMatch(/^Supervision\s+1\s+1\s+13\s/m)
  })
})

describe('export filters', () => {
  it('reads a due month as its last day', () => {
    expect(dueEnd('2012-02')).toBe('2012-02-29')
    expect(dueEnd('2013')).toBe('2013-12-31')
    expect(dueEnd('2013-04-30')).toBe('2013-04-30')
  })

  it('keeps only the actions that pass, and drops what is left empty', async () => {
    const p = await plan('docx', 'dudley', 'docx')
    const count = (q: Plan | null): number => q?.recommendations.flatMap((r) => r.actions).length ?? 0
    expect(count(filterPlan(p, { dueBefore: '2012-03-01' }))).toBe(5)
    expect(count(filterPlan(p, { dueAfter: '2012-05-01' }))).toBe(3)
    expect(count(filterPlan(p, { overdueAsOf: '2012-04-01' }))).toBe(6)
    expect(count(filterPlan(p, { theme: 'training' }))).toBeGreaterThan(0)
    expect(filterPlan(p, { theme: 'care-leavers' })).toBeNull()
    expect(filterPlan(p, { authority: 'Telford' })).toBeNull()
  })
})
