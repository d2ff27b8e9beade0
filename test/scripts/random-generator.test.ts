import { describe, expect, it } from 'vitest'
import { writeDocx } from '../../scripts/fixtures/docx-writer.js'
import { writeText } from '../../scripts/fixtures/text-writer.js'
import { parseUkDate } from '../../src/interpret/parse-date.js'
import { generate, truthFor } from '../../scripts/fixtures/random/generate.js'
import { writeHtml } from '../../scripts/fixtures/random/html-writer.js'
import { makeRng } from '../../scripts/fixtures/random/prng.js'
import { scoreSeeds } from '../../scripts/fixtures/random/score-seeds.js'
import { TRAIT_NAMES, TRAIT_VALUES } from '../../scripts/fixtures/random/traits.js'
import { runSeeds } from '../../scripts/fixtures/random/bench-random.js'

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1)
const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1
/** Text as the HTML writer escapes it. */
const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

describe('the template-family generator', () => {
  it('makes the same template, byte for byte, from the same seed', async () => {
    for (const seed of [1, 42, 977946]) {
      const [a, b] = [generate(seed), generate(seed)]
      expect(JSON.stringify(a.spec)).toBe(JSON.stringify(b.spec))
      expect(writeText(a.spec)).toBe(writeText(b.spec))
      expect(writeHtml(a.spec)).toBe(writeHtml(b.spec))
      expect((await writeDocx(a.spec)).equals(await writeDocx(b.spec))).toBe(true)
    }
    expect(JSON.stringify(generate(1).spec)).not.toBe(JSON.stringify(generate(2).spec))
  })

  it('seeds the PRNG: the same seed gives the same stream, forks are independent of draws made before', () => {
    const a = makeRng(7)
    const b = makeRng(7)
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()])
    const c = makeRng(7)
    c.next()
    expect(c.fork('x').next()).toBe(makeRng(7).fork('x').next())
    expect(runSeeds(5, 10)).toEqual(runSeeds(5, 10))
    expect(new Set(runSeeds(5, 50)).size).toBe(50)
  })

  it('reaches every value of every trait over 300 seeds', () => {
    const seen = new Map<string, Set<string>>(TRAIT_NAMES.map((n) => [n, new Set()]))
    for (const seed of SEEDS) {
      const { traits } = generate(seed)
      for (const n of TRAIT_NAMES) seen.get(n)!.add(String(traits[n]))
    }
    for (const n of TRAIT_NAMES) for (const v of TRAIT_VALUES[n]) expect(seen.get(n)!.has(v), `${n}=${v}`).toBe(true)
  })

  it('writes every true action once and every recommendation, lead and date it claims, in text and HTML', () => {
    for (const seed of SEEDS.slice(0, 120)) {
      const g = generate(seed)
      const truth = truthFor(g, 'docx')
      const text = writeText(g.spec)
      const html = writeHtml(g.spec)
      const actions = truth.recommendations.flatMap((r) => r.actions)
      expect(actions.length, `seed ${seed}`).toBe(g.plan.recs.reduce((n, r) => n + r.rows.flat().length, 0))
      expect(new Set(actions.map((a) => a.text)).size, `seed ${seed}: action texts are unique`).toBe(actions.length)
      for (const r of truth.recommendations) {
        expect(count(text, r.text), `seed ${seed}: ${r.text}`).toBeGreaterThan(0)
        expect(count(html, esc(r.text)), `seed ${seed}: ${r.text}`).toBeGreaterThan(0)
      }
      for (const a of actions) {
        expect(count(text, a.text), `seed ${seed}: ${a.text}`).toBe(1)
        expect(count(html, esc(a.text)), `seed ${seed}: ${a.text}`).toBe(1)
        for (const lead of a.leads) expect(text, `seed ${seed}`).toContain(lead)
      }
      for (const a of g.plan.recs.flatMap((r) => r.rows.flat())) {
        expect(text).toContain(a.due.raw)
        // The truth's date is what the project's own date rule reads from the date as written.
        expect(parseUkDate(a.due.raw).iso, a.due.raw).toBe(a.due.iso)
      }
    }
  })

  it('drops a RAG shown only as a fill from the truth of pasted text, which loses colours', () => {
    const seed = SEEDS.find((s) => generate(s).traits.rag === 'fill-key-para' && generate(s).traits.status === 'none')!
    const g = generate(seed)
    const docx = truthFor(g, 'docx').recommendations.flatMap((r) => r.actions)
    const text = truthFor(g, 'text').recommendations.flatMap((r) => r.actions)
    expect(docx.every((a) => a.rag !== null && a.status !== null)).toBe(true)
    expect(text.every((a) => a.rag === null && a.status === null)).toBe(true)
  })

  it('scores a seed list in memory through the real pipeline, in Word, HTML and text', async () => {
    const rows = await scoreSeeds([3, 4])
    expect(rows.map((r) => `${r.seed}:${r.format}`)).toEqual(['3:docx', '3:html', '3:text', '4:docx', '4:html', '4:text'])
    for (const r of rows) {
      const g = generate(r.seed)
      expect(r.score.recommendations.truth).toBe(g.plan.recs.length)
      expect(r.score.actions.truth).toBe(g.plan.recs.reduce((n, x) => n + x.rows.flat().length, 0))
    }
  })
})
