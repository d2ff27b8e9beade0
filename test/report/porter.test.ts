import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { porterStem, searchTokens } from '../../src/report/porter.js'

/**
 * The report's search words against SQLite's own FTS5 `porter unicode61` tokenizer (the CLI's
 * search index): every term SQLite indexes for a text is the term the report makes of it.
 */
const root = join(import.meta.dirname, '..', '..')

/** What FTS5 indexes for each text, one list of terms per text, read back from fts5vocab. */
function sqliteTerms(texts: string[]): string[][] {
  const db = new Database(':memory:')
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')`)
  const insert = db.prepare('INSERT INTO t(rowid, x) VALUES (?, ?)')
  texts.forEach((text, i) => insert.run(i + 1, text))
  const rows = db.prepare('SELECT doc, term, offset FROM v ORDER BY doc, offset').all() as { doc: number; term: string }[]
  db.close()
  const out: string[][] = texts.map(() => [])
  for (const r of rows) out[r.doc - 1]!.push(r.term)
  return out
}

/** Every text of every golden plan of the fixtures: a few thousand words of real plans. */
function fixtureTexts(): string[] {
  const texts: string[] = []
  for (const format of readdirSync(join(root, 'fixtures')).filter((f) => ['text', 'html', 'docx'].includes(f))) {
    for (const name of readdirSync(join(root, 'fixtures', format))) {
      const plan = JSON.parse(readFileSync(join(root, 'fixtures', format, name, 'plan.json'), 'utf8')) as { recommendations: { text: string; actions: { text: string; progress: string | null; lead_raw: string | null }[] }[] }
      for (const r of plan.recommendations) {
        texts.push(r.text)
        for (const a of r.actions) texts.push([a.text, a.progress ?? '', a.lead_raw ?? ''].join(' '))
      }
    }
  }
  return texts
}

describe('report search words (Porter stemming as FTS5)', () => {
  it('makes the terms SQLite indexes for every text of the fixture plans', () => {
    const texts = fixtureTexts()
    expect(texts.length).toBeGreaterThan(300)
    const expected = sqliteTerms(texts)
    const mismatches = texts.map((t, i) => ({ t, ours: searchTokens(t), sqlite: expected[i]! })).filter((m) => m.ours.join(' ') !== m.sqlite.join(' '))
    expect(mismatches.slice(0, 3)).toEqual([])
  })

  it('agrees with SQLite on the words each Porter rule is about', () => {
    // One or more words per step and rule, the short-word guard and the y-as-vowel cases.
    const words = `caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping
      tanned falling hissing fizzed failing filing happy sky relational conditional rational valenci hesitanci digitizer
      conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism decisiveness
      hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical
      hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible irritant replacement
      adjustment dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate
      rate cease controll roll generalizations oscillators archaeology abbreviation safeguarding children's
      supervision supervise supervised supervisor yes eyes by dye ay oed abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz
      café naïve Ofsted LSCB 2012 1.10 3rd`.split(/\s+/)
    const expected = sqliteTerms(words)
    expect(words.map((w) => searchTokens(w).join(' '))).toEqual(expected.map((t) => t.join(' ')))
    expect(porterStem('supervision')).toBe(porterStem('supervised'))
  })
})
