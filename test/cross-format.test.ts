import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../schemas/index.js'
import { READERS } from '../parsers/index.js'
import { readPlan } from '../src/ingest.js'
import { TEMPLATES } from '../scripts/fixtures/templates/index.js'

/**
 * The same plan in every format gives the same records: Word, web page and PDF carry everything;
 * pasted text loses cell colours, so RAG (and a status the document's key gives a colour) is compared
 * only among the formats that keep them.
 */
const root = join(import.meta.dirname, '..')
const EXT: Record<string, string> = { text: 'txt', docx: 'docx', html: 'html', pdf: 'pdf', xlsx: 'xlsx', csv: 'csv' }
// A CSV keeps no colours, like pasted text; a workbook keeps its fills.
const COLOURED = new Set(['docx', 'html', 'pdf', 'xlsx'])

/**
 * A PDF keeps no space after a hyphen that ends a line: "oversight- " / "ensure" and "sub-" /
 * "group" look the same, and the reader keeps the hyphen and joins without a space. So a PDF's text
 * is compared with "- " read as "-". Paragraph breaks are compared exactly: the fixtures are tagged
 * PDFs, whose structure tree marks every paragraph (test/parsers/pdf/untagged.test.ts covers the
 * layout-only reading).
 */
function loosely(records: ReturnType<typeof recordsOf>): unknown {
  const text = (t: string | null | undefined): string | null | undefined => t?.replace(/-\s+/g, '-')
  return records.map((r) => ({
    ...r,
    actions: r.actions.map((a) => ({
      ...a, text: text(a.text), progress: text(a.progress), success_criteria: text(a.success_criteria), evidence: text(a.evidence),
      leads: a.leads.map(text), milestones: a.milestones.map(text),
    })),
  }))
}

const records = (plan: Plan, withRag: boolean, pdf = false): unknown => (pdf ? loosely(recordsOf(plan, withRag)) : recordsOf(plan, withRag))

function recordsOf(plan: Plan, withRag: boolean) {
  return plan.recommendations.map((r) => ({
    ref: r.ref, text: r.text, theme: r.theme, timeframe: r.timeframe, organisations: r.organisations,
    actions: r.actions.map((a) => ({
      // "14<sup>th</sup>" in Word is "14 th" once pasted: the raw date is compared without spaces.
      text: a.text, leads: a.leads, organisations: a.organisations, due_raw: a.due_raw?.replace(/\s+/g, ''), due_date: a.due_date,
      // Without colours, only a status the cell states in words can be compared (not one a key gives a colour).
      status: withRag || a.status_raw ? a.status : null,
      progress: a.progress, success_criteria: a.success_criteria, evidence: a.evidence, impact: a.impact,
      milestones: a.milestones.map((m) => m.text), ...(withRag ? { rag: a.rag } : {}),
    })),
  }))
}

const SHEETS = new Set(['xlsx', 'csv'])

describe('one plan, every format', () => {
  const formats = READERS.map((r) => r.format)
  for (const name of Object.keys(TEMPLATES)) {
    it(`${name}: ${formats.join(', ')} give the same records`, async () => {
      const plans = new Map<string, Plan>()
      for (const format of formats) {
        const path = join(root, 'fixtures', format, name, `input.${EXT[format]}`)
        if (!existsSync(path)) continue
        plans.set(format, (await readPlan(relative(root, path), readFileSync(path))).interpretation.plan)
      }
      expect(plans.size).toBeGreaterThanOrEqual(2)
      const [first, ...rest] = [...plans.entries()]
      // A tracker with a sheet per priority heads each sheet with a title ("Priority 1 of the
      // improvement plan") that the Word plan does not have: there the spreadsheet names a section
      // the others cannot, and only that is let go.
      const withoutAddedSections = (format: string, plan: Plan): Plan =>
        SHEETS.has(format) ? { ...plan, recommendations: plan.recommendations.map((r, i) => (first![1].recommendations[i]?.theme === null ? { ...r, theme: null } : r)) } : plan
      for (const [format, tracked] of rest) {
        const plan = withoutAddedSections(format, tracked)
        const withRag = COLOURED.has(format) && COLOURED.has(first![0])
        const pdf = format === 'pdf' || first![0] === 'pdf'
        expect({ format, records: records(plan, withRag, pdf) }).toEqual({ format, records: records(first![1], withRag, pdf) })
      }
      const coloured = [...plans.entries()].filter(([f]) => COLOURED.has(f))
      for (const [format, tracked] of coloured.slice(1)) {
        const plan = withoutAddedSections(format, tracked)
        const pdf = format === 'pdf' || coloured[0]![0] === 'pdf'
        expect({ format, records: records(plan, true, pdf) }).toEqual({ format, records: records(coloured[0]![1], true, pdf) })
      }
    })
  }
})

describe('provenance', () => {
  it('carries the page and bounding box of its row to every record read from a PDF', async () => {
    const path = 'fixtures/pdf/telford/input.pdf'
    const { plan } = (await readPlan(path, readFileSync(join(root, path)))).interpretation
    const records = [...plan.recommendations, ...plan.recommendations.flatMap((r) => r.actions)]
    for (const { provenance } of records) {
      expect(provenance.page).toBeGreaterThanOrEqual(1)
      const [x0, y0, x1, y1] = provenance.bbox!
      // Inside a landscape A4 page, in PDF points.
      expect(0 <= x0 && x0 < x1 && x1 <= 842 && 0 <= y0 && y0 < y1 && y1 <= 596).toBe(true)
    }
    // R4 stands at the top of page 2 in the PDF (the seed's own page break).
    expect(plan.recommendations.find((r) => r.ref === 'R4')!.provenance.page).toBe(2)
  })
})
