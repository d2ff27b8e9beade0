import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Plan } from '../../schemas/index.js'
import { reportData } from '../../src/report/report-data.js'

/** The rows the report draws, from the Wakefield Word golden (RAG stated, its key mapping it to status). */
const root = join(import.meta.dirname, '..', '..')
const golden = (): Plan => Plan.parse(JSON.parse(readFileSync(join(root, 'fixtures', 'docx', 'wakefield', 'plan.json'), 'utf8')))
const reportPath = join(root, 'out', 'report.html')

describe('report data', () => {
  it('counts status_effective where the store has it, the stated status where it has not', () => {
    const plan = golden()
    const first = plan.recommendations[0]!.actions[0]!
    expect(reportData([plan], '2013-03-31', reportPath).actions[0]).toMatchObject({ status_stated: first.status, status: first.status })
    // As the data model of issue 15 stores it: no status stated, one derived from the RAG.
    const derived = { ...plan, recommendations: plan.recommendations.map((r, i) => (i === 0 ? { ...r, actions: r.actions.map((a, j) => (j === 0 ? { ...a, status: null, status_effective: 'behind' as const } : a)) } : r)) }
    expect(reportData([derived], '2013-03-31', reportPath).actions[0]).toMatchObject({ status_stated: '', status: 'behind', complete: false })
  })

  it('links a Word record to its row of the rendition, or to the Word file when there is none', () => {
    const plan = golden()
    const { table, row } = plan.recommendations[0]!.actions[0]!.provenance
    const renditions = new Map([[plan.source.sha256, join(root, 'out', 'report-sources', 'input-881def13.html')]])
    expect(reportData([plan], '2013-03-31', reportPath, renditions).actions[0]).toMatchObject({
      href: `report-sources/input-881def13.html#t${table}-r${row}`,
      where: `fixtures/docx/wakefield/input.docx, table ${table! + 1} row ${row! + 1}`,
    })
    expect(reportData([plan], '2013-03-31', reportPath).actions[0]!.href).toBe('../fixtures/docx/wakefield/input.docx')
    expect(resolve(root, 'out', '../fixtures/docx/wakefield/input.docx')).toBe(resolve(root, plan.source.path))
  })

  it('gives the plans own period: first date to the last due date', () => {
    const plan = golden()
    const dues = plan.recommendations.flatMap((r) => r.actions.flatMap((a) => (a.due_date ? [a.due_date] : []))).sort()
    const data = reportData([plan], '2030-01-01', reportPath)
    expect(dues[0]).toBe('2013-02')
    expect(data.period).toEqual({ start: '2013-02-01', end: '2013-09-30' })
  })
})
