import type { Authority } from '../../../schemas/index.js'
import { AUTHORITIES, type AuthorityRecord } from './authorities-data.js'

/**
 * Finds the local authorities a plan names and matches them to ONS GSS codes. A name is resolved
 * against the authorities that existed on the plan's date, because 2012 plans name councils that
 * have since merged (Bournemouth, Poole; ended 2019-03-31).
 */

/** Variants plans use that the reference data lacks. */
const OWN_VARIANTS: Record<string, string> = {
  banes: 'BAS',
  'b&nes': 'BAS',
  'b and nes': 'BAS',
  'dudley mbc': 'DUD',
  't&w': 'TFW',
  't and w': 'TFW',
  'telford & wrekin': 'TFW',
  'telford and wrekin': 'TFW',
  'tower hamlets': 'TWH',
}

/** Single words that are also ordinary English: they count only when capitalised mid-sentence. */
const COMMON_WORDS = new Set(['reading', 'rugby', 'hart', 'eden', 'wells', 'bath', 'halton', 'mole valley', 'derby', 'york', 'wealden', 'preston', 'christchurch'])

const MAX_WORDS = 8

function normalise(text: string): string {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9']+/g, ' ').trim()
}

interface Index {
  byName: Map<string, AuthorityRecord[]>
  /**
   * The first word of every name, with the most words a name starting with it has: most words of a
   * plan start none and are passed over at once, and no longer phrase is looked up for the rest.
   */
  firstWords: Map<string, number>
}

let index: Index | null = null

function buildIndex(): Index {
  const byName = new Map<string, AuthorityRecord[]>()
  const add = (name: string, record: AuthorityRecord): void => {
    const key = normalise(name)
    if (key.length < 4) return
    const list = byName.get(key) ?? []
    if (!list.includes(record)) list.push(record)
    byName.set(key, list)
  }
  const byCode = new Map(AUTHORITIES.map((a) => [a[0], a]))
  for (const record of AUTHORITIES) for (const name of record[7]) add(name, record)
  for (const [variant, code] of Object.entries(OWN_VARIANTS)) {
    const record = byCode.get(code)
    if (record) add(variant, record)
  }
  const firstWords = new Map<string, number>()
  for (const key of byName.keys()) {
    const parts = key.split(' ')
    firstWords.set(parts[0]!, Math.max(firstWords.get(parts[0]!) ?? 0, parts.length))
  }
  return { byName, firstWords }
}

function existedOn(record: AuthorityRecord, date: string | null): boolean {
  if (!date) return record[5] === null
  const start = record[4]
  const end = record[5]
  return (!start || start.slice(0, date.length) <= date) && (!end || end.slice(0, date.length) >= date)
}

/** Among authorities sharing a name, the one that existed on the date, else the current one. */
function pick(records: readonly AuthorityRecord[], date: string | null): AuthorityRecord | null {
  return records.find((r) => existedOn(r, date)) ?? records.find((r) => r[5] === null) ?? records[0] ?? null
}

/**
 * "NHS Dudley", "County Durham and Darlington Foundation Trust": a place named inside a health
 * body's name says less about which council the plan belongs to than the place named alone.
 */
function inHealthBodyName(parts: readonly string[], start: number, length: number): boolean {
  if (parts[start - 1] === 'nhs') return true
  const after = parts.slice(start + length, start + length + 7)
  const end = after.findIndex((w) => ['council', 'borough', 'lscb', 'safeguarding', 'children'].includes(w))
  const health = after.findIndex((w) => ['trust', 'pct', 'ccg', 'nhs', 'hospital', 'hospitals', 'icb'].includes(w))
  return health >= 0 && (end < 0 || health < end)
}

/**
 * The text's words normalised as names are (`parts`), each with the word it came from (`raws`); a
 * word holding "&" ("T&W") yields several parts. A plan's whole text passes through here, so a word
 * without "&", which normalising only lower-cases, is not run through normalise's expressions.
 */
function wordsOf(text: string): { parts: string[]; raws: string[] } {
  const parts: string[] = []
  const raws: string[] = []
  for (const raw of text.split(/[^A-Za-z0-9'&]+/)) {
    if (raw === '') continue
    if (!raw.includes('&')) {
      parts.push(raw.toLowerCase())
      raws.push(raw)
      continue
    }
    for (const part of normalise(raw).split(' ')) {
      parts.push(part)
      raws.push(raw)
    }
  }
  return { parts, raws }
}

export interface AuthorityMention {
  authority: Authority
  mentions: number
}

/**
 * Scores mentions of each authority in the text (longest name wins at each position; a mention
 * inside a health body's name counts a quarter) and keeps those scoring at least 60% of the top score,
 * highest first.
 */
export function resolveAuthorities(text: string, date: string | null): AuthorityMention[] {
  index ??= buildIndex()
  const { parts, raws } = wordsOf(text)
  const counts = new Map<string, { record: AuthorityRecord; mentions: number }>()
  let i = 0
  while (i < parts.length) {
    let matched = 0
    const longest = index.firstWords.get(parts[i]!)
    if (longest === undefined) {
      i += 1
      continue
    }
    // The phrases starting here, built word by word once rather than sliced and joined for each length.
    const phrases: string[] = []
    for (let n = 1; n <= Math.min(MAX_WORDS, longest, parts.length - i); n += 1) phrases.push(n === 1 ? parts[i]! : `${phrases[n - 2]!} ${parts[i + n - 1]!}`)
    for (let n = phrases.length; n >= 1; n -= 1) {
      const phrase = phrases[n - 1]!
      const records = index.byName.get(phrase)
      if (!records) continue
      if (n === 1 && !/^[A-Z]/.test(raws[i]!)) continue
      if (COMMON_WORDS.has(phrase) && !/^[A-Z][a-z]/.test(raws[i]!)) continue
      const record = pick(records, date)
      if (!record) continue
      const entry = counts.get(record[0]) ?? { record, mentions: 0 }
      entry.mentions += inHealthBodyName(parts, i, n) ? 0.5 : 2
      counts.set(record[0], entry)
      matched = n
      break
    }
    i += Math.max(1, matched)
  }
  const ranked = [...counts.values()].sort((a, b) => b.mentions - a.mentions || a.record[1].localeCompare(b.record[1]))
  const top = ranked[0]?.mentions ?? 0
  return ranked
    .filter((r) => r.mentions >= Math.max(1, top * 0.6))
    .map((r) => ({ authority: { name: r.record[1], code: r.record[3] }, mentions: r.mentions }))
}
