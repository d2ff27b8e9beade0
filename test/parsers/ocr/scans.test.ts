import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { Plan, ReadError, SourceDocument } from '../../../schemas/index.js'
import { interpretFile, type ReadPlanResult } from '../../../src/ingest.js'
import { scorePlan, truthFromPlan } from '../../../scripts/accuracy/score.js'
import { ANNOTATION } from '../../../scripts/make-scan-fixtures.js'

/**
 * Scans made by scripts/make-scan-fixtures.ts from born-digital fixtures: each must give the
 * actions its born-digital golden has (action F1 ≥ 0.95). OCR is slow, so every scan is one page
 * and all are read at once in beforeAll.
 */

// kingsmere-stamped has a line of text stamped under its scan: next to no text layer is read as none.
// kingsmere-annotated has a typed note and a vector stamp drawn over its scan: the page is rendered.
const SCANS = ['banes-skewed', 'wakefield-ruled', 'kingsmere-turned', 'kingsmere-stamped', 'banes-upside-down', 'kingsmere-annotated'] as const
type Outcome = (ReadPlanResult & { tables: number }) | ReadError

const read = async (name: string, mode: 'auto' | 'off' = 'auto'): Promise<Outcome> => {
  const path = `fixtures/scan/${name}/input.pdf`
  try {
    return await interpretFile(path, new Uint8Array(readFileSync(path)), { pdf: { ocr: { mode, jobs: 1 } }, timeoutMs: 300_000 })
  } catch (error) {
    if (error instanceof ReadError) return error
    throw error
  }
}

const read_ = (o: Outcome): ReadPlanResult => {
  if (o instanceof ReadError) throw o
  return o
}

const actionF1 = (name: string, plan: Plan): number => {
  const golden = Plan.parse(JSON.parse(readFileSync(`fixtures/scan/${name}/golden.json`, 'utf8')))
  const { actions } = scorePlan(truthFromPlan(golden), plan)
  return (2 * actions.matched) / (actions.truth + actions.found)
}

describe('scanned PDFs read by OCR', () => {
  const outcomes = new Map<string, Outcome>()
  beforeAll(async () => {
    const names = [...SCANS, 'low-resolution']
    const results = await Promise.all(names.map((n) => read(n)))
    names.forEach((n, i) => outcomes.set(n, results[i]!))
  }, 360_000)

  it.each(SCANS)('%s gives the actions of its born-digital golden (action F1 ≥ 0.95)', (name) => {
    const { interpretation } = read_(outcomes.get(name)!)
    expect(actionF1(name, interpretation.plan)).toBeGreaterThanOrEqual(0.95)
  })

  it.each(SCANS)('%s is marked as read by OCR, with its confidence per page and per record', (name) => {
    const { document, interpretation, diagnostics } = read_(outcomes.get(name)!)
    expect(SourceDocument.parse(document)).toEqual(document)
    expect(document.ocr).toEqual([{ page: 1, confidence: expect.any(Number) }])
    expect(document.ocr![0]!.confidence).toBeGreaterThan(0.85)
    const plan = Plan.parse(interpretation.plan)
    expect(plan.source.ocr).toBe(true)
    const actions = plan.recommendations.flatMap((r) => r.actions)
    expect(actions.length).toBeGreaterThan(0)
    for (const action of actions) expect(action.provenance.confidence).toBeGreaterThan(0.5)
    expect(diagnostics.find((d) => d.code === 'OCR')?.page).toBe(1)
    expect(diagnostics.filter((d) => d.code.startsWith('OCR_'))).toEqual([])
  })

  it('straightens the skewed scan and turns the sideways and the upside-down ones upright', () => {
    const note = (name: string): string => read_(outcomes.get(name)!).diagnostics.find((d) => d.code === 'OCR')!.message
    expect(note('banes-skewed')).toMatch(/straightened 1\.[3-7]°/)
    expect(note('kingsmere-turned')).toMatch(/turned 270°/)
    expect(note('banes-upside-down')).toMatch(/turned 180°/)
    expect(note('kingsmere-stamped')).not.toMatch(/turned|straightened/)
    expect(note('wakefield-ruled')).not.toMatch(/turned|straightened/)
  })

  it('renders a page that draws over its scan, and reads what is drawn in its place beside the scan', () => {
    const { document, diagnostics } = read_(outcomes.get('kingsmere-annotated')!)
    expect(diagnostics.find((d) => d.code === 'OCR')!.message).toMatch(/rendered with what is drawn over the scan/)
    // The note and the stamp are in the text layer only, not in the scan's image: the rendering has them.
    const after = document.blocks.slice(document.blocks.findIndex((b) => b.kind === 'table') + 1).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
    expect(after.join(' ')).toMatch(/Note from the Kingsmere Safeguarding Children Board, 4 March 2014/)
    expect(after.join(' ')).toMatch(new RegExp(ANNOTATION.stamp))
    // A page that draws nothing but its scan is read from the image as pdf.js decodes it.
    expect(read_(outcomes.get('wakefield-ruled')!).diagnostics.find((d) => d.code === 'OCR')!.message).not.toMatch(/rendered/)
  })

  it('reads the ruled scan as a ruled table and the others with the borderless detector', () => {
    const detectors = (name: string): (string | undefined)[] => read_(outcomes.get(name)!).document.blocks.flatMap((b) => (b.kind === 'table' ? [b.detector] : []))
    expect(detectors('wakefield-ruled')).toEqual(['ruled'])
    expect(detectors('banes-skewed')).toEqual(['borderless'])
    expect(detectors('kingsmere-turned')).toEqual(['borderless'])
  })

  it('refuses a scan too coarse to read, saying so, instead of giving an empty plan', () => {
    const outcome = outcomes.get('low-resolution')!
    expect(outcome).toBeInstanceOf(ReadError)
    expect(outcome).toMatchObject({ code: 'IMAGE_ONLY', message: expect.stringMatching(/scanned at 40 dpi, too coarse to read/) })
  })

  it('with OCR off, a scan is refused with a hint to turn it on', async () => {
    const outcome = await read('low-resolution', 'off')
    expect(outcome).toMatchObject({ code: 'IMAGE_ONLY', message: expect.stringMatching(/no text layer \(scanned\?\); read it with --ocr auto$/) })
  })
})

describe('OCR under the per-file time limit', () => {
  it('stops a scan that takes too long with TIMEOUT, without waiting for the page to be read', async () => {
    const path = 'fixtures/scan/banes-skewed/input.pdf'
    const started = performance.now()
    const outcome = await interpretFile(path, new Uint8Array(readFileSync(path)), { pdf: { ocr: { jobs: 1 } }, timeoutMs: 1500 }).catch((e: unknown) => e)
    expect(outcome).toBeInstanceOf(ReadError)
    expect(outcome).toMatchObject({ code: 'TIMEOUT' })
    // Reading the page takes 10–25 s on a busy machine; the limit cut it short.
    expect(performance.now() - started).toBeLessThan(9000)
  }, 30_000)
})
