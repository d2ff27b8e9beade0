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
