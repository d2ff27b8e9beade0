import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { parse } from 'fast-csv'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../schemas/index.js'
import { guardFormula, writeCsv } from '../../src/export/csv.js'
import { csvHeaders } from '../../src/export/csv-rows.js'
import { writeJson } from '../../src/export/json.js'
import { readPlan } from '../../src/ingest.js'

const root = join(import.meta.dirname, '..', '..')
async function interpret(name: string): Promise<Plan> {
  const path = `fixtures/text/${name}/input.txt`
  return (await readPlan(path, readFileSync(join(root, path)))).interpretation.plan
}

async function collect(write: (stream: NodeJS.WritableStream) => Promise<void>): Promise<string> {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  await write(stream)
  stream.end()
  return Buffer.concat(chunks).toString('utf8')
}

async function parseCsv(text: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = []
  await new Promise<void>((resolve, reject) => {
    const parser = parse({ headers: true }).on('data', (r: Record<string, string>) => rows.push(r)).on('end', () => resolve()).on('error', reject)
    parser.end(text)
  })
  return rows
}

describe('JSON export', () => {
  it('streams exactly JSON.stringify({ plans }, null, 2) and a newline', async () => {
    const plans = [await interpret('dudley'), await interpret('darlington')]
    expect(await collect((s) => writeJson(plans, s))).toBe(`${JSON.stringify({ plans }, null, 2)}\n`)
    expect(await collect((s) => writeJson([], s))).toBe(`${JSON.stringify({ plans: [] }, null, 2)}\n`)
  })
})

describe('CSV export', () => {
  it('writes one row per action with its recommendation and plan fields, CRLF line ends', async () => {
    const plan = await interpret('dudley')
    const text = await collect((s) => writeCsv([plan], s))
    expect(text.endsWith('\r\n')).toBe(true)
    const rows = await parseCsv(text)
    expect(rows).toHaveLength(13)
    expect(Object.keys(rows[0]!)).toEqual(csvHeaders('actions'))
    expect(rows[0]).toMatchObject({ authority_code: 'E08000027', recommendation_ref: '6', action: 'Named Nurse to undertake review', due_date: '2012-02-29', rag: 'green' })
    // Dudley rates by RAG letter only and gives no key: the documented default reading.
    expect(rows[0]).toMatchObject({ status: '', status_effective: 'on_track', status_source: 'default' })
  })

  it('writes one row per source action row: Telford has 57, and R2/R3 name each other', async () => {
    const plan = await interpret('telford')
    const rows = await parseCsv(await collect((s) => writeCsv([plan], s)))
    expect(rows).toHaveLength(57)
    expect(new Set(rows.map((r) => `${r.table}:${r.row}`)).size).toBe(57)
    // R2's actions are the rows under R3, which name R2; R2 has no row of its own.
    expect(rows.filter((r) => r.recommendation_ref === 'R2')).toEqual([])
    const r3 = rows.filter((r) => r.recommendation_ref === 'R3')
    expect(r3.map((r) => [r.shares_actions_with, r.also_answers])).toEqual([['R2', 'R2'], ['R2', 'R2'], ['R2', 'R2']])
    const recs = await parseCsv(await collect((s) => writeCsv([plan], s, 'recommendations')))
    expect(recs.filter((r) => ['R2', 'R3'].includes(r.recommendation_ref!)).map((r) => [r.recommendation_ref, r.shares_actions_with, r.actions])).toEqual([['R2', 'R3', '0'], ['R3', 'R2', '3']])
    expect(rows[0]).toMatchObject({ section: 'PRIORITY 1: ENSURE THERE IS A TIMELY AND EFFECTIVE RESPONSE TO SOCIAL CARE ENQUIRIES', due_date: '2012-08', due_by: '2012-08-31', due_raw: 'Aug-12' })
  })

  it('starts with a byte order mark with --bom, and quotes refs so a spreadsheet can keep "1.10" as text', async () => {
    const plan = await interpret('dudley')
    const tenth: Plan = { ...plan, recommendations: [{ ...plan.recommendations[0]!, ref: '1.10' }] }
    const plain = await collect((s) => writeCsv([tenth], s))
    expect(plain.charCodeAt(0)).not.toBe(0xfeff)
    expect(plain.split('\r\n')[1]).toContain(',"1.10",')
    const excel = await collect((s) => writeCsv([tenth], s, 'actions', { bom: true }))
    expect(excel.charCodeAt(0)).toBe(0xfeff)
    expect(excel.slice(1)).toBe(plain)
    expect((await parseCsv(plain))[0]!.recommendation_ref).toBe('1.10')
  })

  it('writes one row per recommendation or per milestone with --level', async () => {
    const plan = await interpret('darlington')
    const recs = await parseCsv(await collect((s) => writeCsv([plan], s, 'recommendations')))
    expect(recs).toHaveLength(plan.recommendations.length)
    const milestones = await parseCsv(await collect((s) => writeCsv([plan], s, 'milestones')))
    const expected = plan.recommendations.flatMap((r) => r.actions).reduce((n, a) => n + a.milestones.length, 0)
    expect(milestones).toHaveLength(expected)
    expect(milestones[0]).toMatchObject({ milestone_position: '1', milestone: 'Core Group Guidance drafted' })
  })

  it('writes the header even when there is nothing to export', async () => {
    expect(await collect((s) => writeCsv([], s))).toBe(`${csvHeaders('actions').join(',')}\r\n`)
  })

  it('keeps a recommendation without actions as a row with empty action fields', async () => {
    const plan = await interpret('dudley')
    const bare: Plan = { ...plan, recommendations: [{ ...plan.recommendations[0]!, actions: [] }] }
    const rows = await parseCsv(await collect((s) => writeCsv([bare], s)))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ recommendation: 'Review the effectiveness of supervision', action: '' })
  })

  it('defuses cells a spreadsheet would run as formulas', async () => {
    expect(guardFormula('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`)
    for (const lead of ['+', '-', '@', '\t', '\r']) expect(guardFormula(`${lead}1`)).toBe(`'${lead}1`)
    expect(guardFormula('Review complete')).toBe('Review complete')
    const plan = await interpret('dudley')
    const evil: Plan = { ...plan, recommendations: [{ ...plan.recommendations[0]!, text: '=cmd|" /C calc"!A0' }] }
    const rows = await parseCsv(await collect((s) => writeCsv([evil], s)))
    expect(rows[0]!.recommendation).toBe(`'=cmd|" /C calc"!A0`)
  })
})
