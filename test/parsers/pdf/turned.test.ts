import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { pdfReader } from '../../../parsers/pdf/index.js'
import { readPlan } from '../../../src/ingest.js'
import type { Plan, SourceDocument } from '../../../schemas/index.js'

/**
 * One plan, turned (scripts/make-fixtures.ts --turned): `-rotated` draws its content turned and
 * sets /Rotate to show it upright; `-sideways` shows upright content a quarter turn off, as a
 * landscape table printed on a portrait page. Both read as the upright file does.
 */
const read = async (path: string): Promise<SourceDocument> => (await pdfReader.read({ bytes: new Uint8Array(readFileSync(path)), path })).document
const layout = (doc: SourceDocument): unknown =>
  doc.blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => [r.header, r.cells.map((c) => [c.col, c.rowSpan, c.colSpan, c.lines, c.fill, c.bold])]) : [b.text, b.bold]))
/** Records without what names the file (ids are derived from its bytes) or places them in it. */
const records = (plan: Plan): unknown =>
  plan.recommendations.map(({ provenance: _p, id: _i, actions, ...r }) => ({ ...r, actions: actions.map(({ provenance: _a, id: _j, milestones, ...a }) => ({ ...a, milestones: milestones.map((m) => m.text) })) }))

describe('turned pages', () => {
  for (const variant of ['rotated', 'sideways']) {
    it(`wakefield-${variant} gives the upright file's blocks and records`, async () => {
      const upright = 'fixtures/pdf/wakefield/input.pdf'
      const turned = `fixtures/pdf/wakefield-${variant}/input.pdf`
      expect(layout(await read(turned))).toEqual(layout(await read(upright)))
      const [a, b] = await Promise.all([readPlan(upright, readFileSync(upright)), readPlan(turned, readFileSync(turned))])
      expect(records(b.interpretation.plan)).toEqual(records(a.interpretation.plan))
      // Provenance stays in the turned file's own user space, inside its A4 page.
      for (const r of b.interpretation.plan.recommendations) {
        const [x0, y0, x1, y1] = r.provenance.bbox!
        expect(0 <= x0 && x0 < x1 && x1 <= 842 && 0 <= y0 && y0 < y1 && y1 <= 842).toBe(true)
      }
    })
  }
})
