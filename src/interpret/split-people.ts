/**
 * Splits a lead cell into people or roles. Plans separate leads with "/", ",", ";", "&", "and",
 * new lines, or nothing at all: Telford's "Maria White Di Partridge RS Angela Yapp" is five leads
 * run together because the cell's line breaks were lost.
 */

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'prof', 'cllr', 'rev'])

/** Words that make a phrase a role or a body, not a person's name: such a phrase is kept whole. */
const ROLE_WORDS =
  /\b(?:lead|leads|nurse|nurses|manager|managers|director|officer|officers|group|team|head|chair|board|service|services|commissioner|commissioners|commissioning|doctor|doctors|midwife|midwives|designated|named|deputy|executive|exec|provider|sub|hr|lscb|partnership|trust|council|health|safeguarding|all|professionals|coordinator|co-ordinator|panel|unit|dept|department|staff|heads|administrator|governors|schools?)\b/i

function isInitials(word: string): boolean {
  return /^[A-Z]{2,4}$/.test(word)
}

function isNameWord(word: string): boolean {
  return /^[A-Z][a-z'’-]+$/.test(word) || /^(?:Mc|Mac|O')[A-Z][a-z]+$/.test(word)
}

/**
 * "Maria White Di Partridge RS Angela Yapp" → ["Maria White", "Di Partridge", "RS", "Angela Yapp"].
 * Only when every word is a capitalised name word, initials or an honorific; otherwise null.
 */
function splitRunTogetherNames(phrase: string): string[] | null {
  const words = phrase.split(' ').filter(Boolean)
  if (words.length < 3 || ROLE_WORDS.test(phrase)) return null
  if (!words.every((w) => isNameWord(w) || isInitials(w) || HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')))) return null
  const people: string[] = []
  let i = 0
  while (i < words.length) {
    const w = words[i]!
    if (isInitials(w)) {
      people.push(w)
      i += 1
    } else if (HONORIFICS.has(w.toLowerCase().replace(/\.$/, ''))) {
      people.push(words.slice(i, i + 3).join(' '))
      i += 3
    } else {
      const next = words[i + 1]
      // A first name needs a surname after it; a lone trailing word cannot be split honestly.
      if (!next || isInitials(next)) return null
      people.push(`${w} ${next}`)
      i += 2
    }
  }
  return people
}

/** "Kath Vasey and Anne Holt" splits; "Director of Nursing and Transformation" does not. */
function splitOnAnd(phrase: string): string[] {
  const parts = phrase.split(/\s+(?:and|&)\s+/)
  if (parts.length < 2) return [phrase]
  // People on every side ("Ann Lee", "Dr Ann Lee (Named GP)"), or posts on every side ("Head of
  // Safeguarding and Performance Manager"); a mix is more likely one post run into a name.
  const bare = (p: string): string => p.replace(/\s*\([^)]*\)\s*$/, '').replace(/^(?:Dr|Mr|Mrs|Ms|Miss|Prof|Cllr)\.?\s+/, '').trim()
  // A name has a surname: one capitalised word alone ("Transformation") is not a person.
  const person = (p: string): boolean => /^(?:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}|[A-Z]{2,4})$/.test(bare(p)) && !ROLE_WORDS.test(bare(p))
  const post = (p: string): boolean => POST_WORDS.test(bare(p)) && /^[A-Z]/.test(bare(p)) && bare(p).split(/\s+/).length <= 7
  // A mix splits only when its person is a plain two-word name: "Sian Marsh and Performance Manager".
  const plainName = (p: string): boolean => /^[A-Z][a-z'’-]+\s[A-Z][a-z'’-]+$/.test(bare(p)) && !ROLE_WORDS.test(bare(p))
  const personLike = (p: string): boolean => parts.every(person) || parts.every(post) || parts.every((q) => post(q) || plainName(q))
  return parts.every(personLike) ? parts.map((p) => p.trim()) : [phrase]
}

function clean(part: string): string {
  return part.replace(/\s+/g, ' ').replace(/^[\s,;:/–-]+|[\s,;:/–-]+$/g, '').trim()
}

/** Words that make a phrase a post a person holds ("Detective Inspector"), as against a team or body. */
const POST_WORDS =
  /\b(?:lead|nurse|manager|director|officer|head|chair|commissioner|doctor|midwife|coordinator|co-ordinator|inspector|administrator|principal|consultant|adviser|advisor|gp|chief|deputy|assistant|worker|champion|superintendent|sergeant|constable)\b/i

/**
 * "Service Manager, Safeguarding", "Detective Inspector, Public Protection Unit": a comma piece
 * naming no post and no person qualifies the post before it, so it stays with it.
 */
function joinQualifiers(pieces: string[]): string[] {
  const out: string[] = []
  for (const piece of pieces) {
    const previous = out[out.length - 1]
    const person = /^(?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s)?[A-Z][a-z'’-]+\s[A-Z][a-z'’-]+$/.test(piece) || /^[A-Z]{2,4}$/.test(piece)
    if (previous && POST_WORDS.test(previous) && !POST_WORDS.test(piece) && !person && piece.split(/\s+/).length <= 5) out[out.length - 1] = `${previous}, ${piece}`
    else out.push(piece)
  }
  return out
}

/** Splits the lines of a lead cell into distinct people/roles, in order, without duplicates. */
export function splitPeople(lines: readonly string[]): string[] {
  const out: string[] = []
  for (const line of lines) {
    // Brackets hold a job title ("Nik Flavell (Service Manager)"): never split inside them.
    const pieces = line.split(/\s*(?:\/|;)\s*(?![^(]*\))/).flatMap((p) => joinQualifiers(p.split(/\s*,(?![^(]*\))\s*/)))
    for (const piece of pieces) {
      const cleaned = clean(piece)
      if (!cleaned) continue
      for (const part of splitOnAnd(cleaned)) {
        const names = splitRunTogetherNames(part)
        for (const name of names ?? [part]) {
          const person = clean(name)
          if (person && !out.includes(person)) out.push(person)
        }
      }
    }
  }
  return out
}
