import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Plan } from '../../schemas/index.js'
import { writeReport } from '../../src/report/write-report.js'

/** The report and its Word renditions on disk: made only from the bytes that were ingested. */
const root = join(import.meta.dirname, '..', '..')
const golden = (): Plan => {
  const plan = Plan.parse(JSON.parse(readFileSync(join(root, 'fixtures', 'docx', 'wakefield', 'plan.json'), 'utf8')))
  return { ...plan, source: { ...plan.source, path: join(root, plan.source.path) } }
}

describe('writeReport', () => {
  it('writes the HTML copy of a Word source beside the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-write-report-'))
    const { files, warnings } = await writeReport([golden()], { asOf: '2013-03-31', reportPath: join(dir, 'plans.html') })
    expect(warnings).toEqual([])
    expect(files).toEqual([join(dir, 'plans.html'), join(dir, 'plans-sources', 'input-881def13.html')])
    expect(readFileSync(files[1]!, 'utf8')).toContain('id="t0-r4"')
    expect(readFileSync(files[0]!, 'utf8')).toContain('"href":"plans-sources/input-881def13.html#t0-r4"')
  })

  it('makes none from a file changed since it was ingested, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ap-write-report-'))
    const plan = golden()
    const changed = { ...plan, source: { ...plan.source, sha256: '0'.repeat(64) } }
    const { files, warnings } = await writeReport([changed], { asOf: '2013-03-31', reportPath: join(dir, 'plans.html') })
    expect(files).toEqual([join(dir, 'plans.html')])
    expect(warnings).toEqual([`${plan.source.path}: changed since it was ingested, so no HTML copy of it; its rows link to the Word file`])
    expect(existsSync(join(dir, 'plans-sources'))).toBe(false)
    expect(readdirSync(dir)).toEqual(['plans.html'])
  })
})
