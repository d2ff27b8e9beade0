/**
 * The search words of the report, made as SQLite's FTS5 `porter unicode61` tokenizer makes them
 * for the CLI's `search`, so that a word finds in the report what it finds on the command line.
 * Both functions are self-contained (no imports, no outer names): the report inlines their source
 * text into its page (see client-script.ts), and test/report/porter.test.ts checks them against
 * SQLite itself. The stemmer follows ext/fts5/fts5_tokenize.c, step for step: Porter's 1980
 * algorithm with its later "logi" and "bli" rules, applied to tokens of 3 to 64 bytes.
 */

/** Lower-case tokens of letters and digits, diacritics removed (unicode61 with remove_diacritics 1). */
export function searchTokens(text: string): string[] {
  const out: string[] = []
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}\p{Co}\p{M}]+/gu) ?? []) {
    const token = raw.normalize('NFD').replace(/\p{M}/gu, '')
    if (token) out.push(porterStem(token))
  }
  return out
}

export function porterStem(word: string): string {
  const bytes = new TextEncoder().encode(word).length
  if (bytes < 3 || bytes > 64) return word
  const isVowel = (c: string | undefined, yIsVowel: boolean): boolean => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || (yIsVowel && c === 'y')
  // The index after the first vowel-consonant run of s, or 0 when it has none.
  const gobbleVC = (s: string, prevCons: boolean): number => {
    let cons = prevCons
    let i = 0
    for (; i < s.length; i++) if (!(cons = !isVowel(s[i], cons))) break
    for (i++; i < s.length; i++) if ((cons = !isVowel(s[i], cons))) return i + 1
    return 0
  }
  const mGt0 = (s: string): boolean => gobbleVC(s, false) > 0
  const mGt1 = (s: string): boolean => {
    const n = gobbleVC(s, false)
    return n > 0 && gobbleVC(s.slice(n), true) > 0
  }
  const mEq1 = (s: string): boolean => {
    const n = gobbleVC(s, false)
    return n > 0 && gobbleVC(s.slice(n), true) === 0
  }
  const oStar = (s: string): boolean => {
    const last = s[s.length - 1]
    if (last === 'w' || last === 'x' || last === 'y') return false
    let mask = 0
    let cons = false
    for (const c of s) {
      cons = !isVowel(c, cons)
      mask = ((mask << 1) + (cons ? 1 : 0)) & 7
    }
    return mask === 5
  }
  const hasVowel = (s: string): boolean => [...s].some((c, i) => isVowel(c, i > 0))
  const mGt1ST = (s: string): boolean => (s.endsWith('s') || s.endsWith('t')) && mGt1(s)
  type Rule = [suffix: string, test: ((stem: string) => boolean) | null, output: string]
  // The first rule whose suffix ends the word (leaving a stem) is the only one tried, as in SQLite.
  const apply = (s: string, rules: Rule[]): [string, boolean] => {
    for (const [suffix, test, output] of rules) {
      if (s.length <= suffix.length || !s.endsWith(suffix)) continue
      const stem = s.slice(0, -suffix.length)
      return test === null || test(stem) ? [stem + output, true] : [s, false]
    }
    return [s, false]
  }
  const STEP2: Rule[] = [
    ['ational', mGt0, 'ate'], ['tional', mGt0, 'tion'], ['enci', mGt0, 'ence'], ['anci', mGt0, 'ance'], ['izer', mGt0, 'ize'],
    ['logi', mGt0, 'log'], ['bli', mGt0, 'ble'], ['alli', mGt0, 'al'], ['entli', mGt0, 'ent'], ['eli', mGt0, 'e'], ['ousli', mGt0, 'ous'],
    ['ization', mGt0, 'ize'], ['ation', mGt0, 'ate'], ['ator', mGt0, 'ate'], ['alism', mGt0, 'al'], ['iveness', mGt0, 'ive'],
    ['fulness', mGt0, 'ful'], ['ousness', mGt0, 'ous'], ['aliti', mGt0, 'al'], ['iviti', mGt0, 'ive'], ['biliti', mGt0, 'ble'],
  ]
  const STEP3: Rule[] = [['ical', mGt0, 'ic'], ['ness', mGt0, ''], ['icate', mGt0, 'ic'], ['iciti', mGt0, 'ic'], ['ful', mGt0, ''], ['ative', mGt0, ''], ['alize', mGt0, 'al']]
  const STEP4: Rule[] = [
    ['al', mGt1, ''], ['ance', mGt1, ''], ['ence', mGt1, ''], ['er', mGt1, ''], ['ic', mGt1, ''], ['able', mGt1, ''], ['ible', mGt1, ''],
    ['ant', mGt1, ''], ['ement', mGt1, ''], ['ment', mGt1, ''], ['ent', mGt1, ''], ['ion', mGt1ST, ''], ['ou', mGt1, ''], ['ism', mGt1, ''],
    ['ate', mGt1, ''], ['iti', mGt1, ''], ['ous', mGt1, ''], ['ive', mGt1, ''], ['ize', mGt1, ''],
  ]
  // Each step's rules are grouped by the word's next-to-last letter in SQLite; a rule of one group
  // cannot match a word of another, so one ordered list per step picks the same rule.
  let s = word
  // Step 1a.
  if (s.endsWith('s')) {
    if (s[s.length - 2] === 'e') s = (s.length > 4 && s.endsWith('sses')) || (s.length > 3 && s.endsWith('ies')) ? s.slice(0, -2) : s.slice(0, -1)
    else if (s[s.length - 2] !== 's') s = s.slice(0, -1)
  }
  // Step 1b.
  let stepped = false
  if (s.length > 3 && s.endsWith('eed')) {
    if (mGt0(s.slice(0, -3))) s = s.slice(0, -1)
  } else if (s.length > 2 && s.endsWith('ed')) {
    if (hasVowel(s.slice(0, -2))) [s, stepped] = [s.slice(0, -2), true]
  } else if (s.length > 3 && s.endsWith('ing')) {
    if (hasVowel(s.slice(0, -3))) [s, stepped] = [s.slice(0, -3), true]
  }
  if (stepped) {
    const [next, changed] = apply(s, [['at', null, 'ate'], ['bl', null, 'ble'], ['iz', null, 'ize']])
    s = next
    if (!changed) {
      const c = s[s.length - 1]
      if (!isVowel(c, false) && c !== 'l' && c !== 's' && c !== 'z' && c === s[s.length - 2]) s = s.slice(0, -1)
      else if (mEq1(s) && oStar(s)) s += 'e'
    }
  }
  // Step 1c.
  if (s.endsWith('y') && hasVowel(s.slice(0, -1))) s = `${s.slice(0, -1)}i`
  s = apply(s, STEP2)[0]
  s = apply(s, STEP3)[0]
  s = apply(s, STEP4)[0]
  // Step 5a.
  if (s.endsWith('e')) {
    const stem = s.slice(0, -1)
    if (mGt1(stem) || (mEq1(stem) && !oStar(stem))) s = stem
  }
  // Step 5b.
  if (s.length > 1 && s.endsWith('ll') && mGt1(s.slice(0, -1))) s = s.slice(0, -1)
  return s
}
