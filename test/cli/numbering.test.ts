import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixture, run, tempDir } from './run-cli.js'

/**
 * `tables`, `explain` and each record's provenance number tables (and rows) the same way, so a
 * row named by one can be found in the others. Telford's PDF has 11 tables, most of them pages of
 * one table that assembly joins: numbering by the joined table would drift from the reader's.
 */
describe('table numbering', () => {
  it('is the same in tables, explain and provenance', () => {
    const pdf = fixture('pdf', 'telford')
    const tables = JSON.parse(run(['tables', pdf]).stdout) as { index: number; rows: unknown[] }[]
    expect(tables.map((t) => t.index)).toEqual(tables.map((_, i) => i))
    const rowsOf = new Map(tables.map((t) => [t.index, t.rows.length]))

    const explained = run(['explain', pdf]).stdout
    const rowLines = [...explained.matchAll(/^ {2}table (\d+) row (\d+) (?:p\d+)?\s+(\S+)/gm)].map((m) => ({ table: Number(m[1]), row: Number(m[2]), cls: m[3]! }))
    expect(rowLines.length).toBeGreaterThan(100)
    // Every row explain names is a row `tables` printed.
    for (const r of rowLines) expect(r.row, `table ${r.table} row ${r.row}`).toBeLessThan(rowsOf.get(r.table) ?? -1)
    // Rows from every page's table, not only the first's.
    expect(new Set(rowLines.map((r) => r.table)).size).toBeGreaterThan(5)
    for (const m of explained.matchAll(/^ {2}table (\d+):$/gm)) expect(rowsOf.has(Number(m[1]))).toBe(true)

    const db = join(tempDir('numbering'), 'n.sqlite')
    expect(run(['ingest', pdf, '--db', db]).code).toBe(0)
    const plan = (JSON.parse(run(['export', '--db', db, '--format', 'json']).stdout) as { plans: { recommendations: { provenance: Where; actions: { provenance: Where }[] }[] }[] }).plans[0]!
    type Where = { table: number | null; row: number | null }
    const explainedAt = new Map(rowLines.map((r) => [`${r.table}/${r.row}`, r.cls]))
    for (const rec of plan.recommendations) {
      for (const action of rec.actions) expect(explainedAt.get(`${action.provenance.table}/${action.provenance.row}`), JSON.stringify(action.provenance)).toBe('action')
    }
  })
})
