/**
 * Keys a plan defines for itself: a PERSONNEL KEY (initials → people), an ORGANISATION KEY
 * (abbreviations → bodies) and a "Key to RAG rating" legend. Leads and organisations written as
 * initials are expanded through them, keeping the initials beside the name.
 */

export interface KeyEntry {
  key: string
  value: string
}

const SMALL_WORDS = new Set(['of', 'and', 'for', 'the', '&', 'in', 'on'])

const KEEP_UPPER = new Set(['NHS', 'CCG', 'PCT', 'LSCB', 'CAMHS', 'GP', 'LA', 'UK', 'CQC', 'ICB'])

/** Keys are often typed in capitals; names read better in title case (acronyms kept). */
function titleCase(text: string): string {
  if (/[a-z]/.test(text)) return text
  return text
    .split(' ')
    .map((w) => (KEEP_UPPER.has(w) ? w : w.toLowerCase().replace(/(^|['’(-])([a-z])/g, (_, b: string, l: string) => b + l.toUpperCase())))
    .join(' ')
}

/**
 * "SUSAN MARSHALL – SM ANNA DODD – AD" or "SM – Susan Marshall, AD – Anna Dodd": pairs of a name
 * and its initials, in either order, separated by a dash.
 */
export function parsePersonnelKey(text: string): KeyEntry[] {
  const body = text.replace(/^\s*personnel\s+key\s*:?\s*/i, '')
  const entries: KeyEntry[] = []
  const nameThenInitials = /([A-Za-z][A-Za-z'’.-]*(?:\s+[A-Za-z][A-Za-z'’.-]*)*?)\s*[–—-]\s*([A-Z]{2,4})(?=\s|,|;|$)/g
  for (const m of body.matchAll(nameThenInitials)) {
    entries.push({ key: m[2]!, value: titleCase(m[1]!.trim()) })
  }
  if (entries.length > 0) return entries
  const initialsThenName = /\b([A-Z]{2,4})\s*[–—-]\s*([A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*)*)/g
  for (const m of body.matchAll(initialsThenName)) entries.push({ key: m[1]!, value: titleCase(m[2]!.trim()) })
  return entries
}

/**
 * An ORGANISATION KEY either pairs abbreviations with names ("BCPFT – Black Country Partnership
 * Foundation Trust") or lists the names alone (Dudley); then each name is keyed by its initials and
 * abbreviations are matched to names by `expandAbbreviation`.
 */
export function parseOrganisationKey(text: string): KeyEntry[] {
  const body = text.replace(/^\s*organi[sz]ation(?:s)?\s+key\s*:?\s*/i, '')
  const pairs = [...body.matchAll(/\b([A-Z][A-Z&]{1,7})\s*[–—=:-]\s*([A-Z][A-Za-z&'’ ]+?)(?=\s+[A-Z][A-Z&]{1,7}\s*[–—=:-]|$)/g)]
  if (pairs.length > 0) return pairs.map((m) => ({ key: m[1]!, value: titleCase(m[2]!.trim()) }))
  // Names alone, run together: a body's name ends with one of these words.
  const names = body
    .split(/(?<=\b(?:TRUST|Trust|COUNCIL|Council|CCG|PCT|NHS [A-Z]+|POLICE|Police|SERVICE|Service|BOARD|Board))\s+/)
    .map((n) => n.trim())
    .filter(Boolean)
  return names.map((name) => ({ key: initialsOf(name), value: titleCase(name) }))
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => (/^[A-Z]{2,4}$/.test(w) ? w : w[0]!.toUpperCase()))
    .join('')
}

/**
 * True when an abbreviation can be spelled by taking a prefix (maybe empty) of each significant
 * word of the name in order, the first word always contributing: NHSD ← NHS Dudley, BCFT ← Black
 * Country (Partnership) Foundation Trust, DWMH ← Dudley & Walsall Mental Health Partnership Trust.
 */
export function abbreviates(abbreviation: string, name: string): boolean {
  const words = name.toUpperCase().split(/\s+/).filter((w) => !SMALL_WORDS.has(w.toLowerCase()))
  const target = abbreviation.toUpperCase()
  const match = (wi: number, ti: number): boolean => {
    if (ti === target.length) return true
    if (wi === words.length) return false
    const word = words[wi]!
    for (let k = Math.min(word.length, target.length - ti); k >= 1; k -= 1) {
      if (word.slice(0, k) === target.slice(ti, ti + k) && match(wi + 1, ti + k)) return true
    }
    return wi > 0 && match(wi + 1, ti)
  }
  return target.length > 0 && words.length > 0 && words[0]![0] === target[0] && match(0, 0)
}

/** "SM" → "Susan Marshall (SM)" when the key has it; otherwise the text as written. */
export function expandWithKey(text: string, key: readonly KeyEntry[]): string {
  const exact = key.find((e) => e.key === text)
  if (exact) return `${exact.value} (${text})`
  if (/^[A-Z][A-Z&]{1,7}$/.test(text)) {
    const candidates = key.filter((e) => abbreviates(text, e.value))
    if (candidates.length === 1) return `${candidates[0]!.value} (${text})`
  }
  return text
}

/** A RAG legend: each row a word and the colour (or meaning) beside it. */
export function parseRagKeyRows(rows: readonly { texts: string[]; fills: (string | null)[] }[]): KeyEntry[] {
  const entries: KeyEntry[] = []
  for (const row of rows) {
    const words = row.texts.map((t) => t.trim()).filter(Boolean)
    if (words.length === 0) continue
    const fill = row.fills.find((f) => f !== null) ?? null
    if (words.length === 1) entries.push({ key: words[0]!, value: fill ?? '' })
    else entries.push({ key: words[0]!, value: words.slice(1).join(' ') })
  }
  return entries
}

/**
 * A RAG key written inline in a paragraph ("RAG key: red – behind schedule; amber – at risk;
 * green – on track; blue – complete"): colour words or letters, each with its meaning. Fewer than
 * two pairs is not a key.
 */
export function parseRagKeyText(text: string): KeyEntry[] {
  const body = text.replace(/^[^:]*\bkey[^:]*:\s*/i, '')
  const entries: KeyEntry[] = []
  for (const part of body.split(/[;,]\s*|\.\s+/)) {
    const m = part.trim().match(/^(red|amber|green|blue|black|[RAGB])\s*(?:[–—:=-]\s*|\s+)(.+?)\.?$/i)
    if (m) entries.push({ key: m[1]!, value: m[2]!.trim() })
  }
  return entries.length >= 2 ? entries : []
}
