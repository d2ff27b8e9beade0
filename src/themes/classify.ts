import { TAXONOMY, type Theme } from './taxonomy.js'

export interface ThemeMatch {
  theme: string
  /** The words of the text that matched, in order of first appearance, lower case. */
  words: string[]
}

/**
 * The themes of one text, in taxonomy order, each with the words that matched. Pure and
 * explainable: the same text always gives the same themes, and the words say why.
 */
const GLOBAL = new WeakMap<RegExp, RegExp>()
const globalOf = (pattern: RegExp): RegExp => {
  let g = GLOBAL.get(pattern)
  if (!g) GLOBAL.set(pattern, (g = new RegExp(pattern.source, 'gi')))
  return g
}

// Any pattern of a theme, in one expression: most texts match few themes, and one scan that finds
// nothing spares a scan per pattern (classifying took a tenth of reading a PDF plan).
const ANY = new WeakMap<Theme, RegExp>()
const anyOf = (theme: Theme): RegExp => {
  let any = ANY.get(theme)
  if (!any) ANY.set(theme, (any = new RegExp(theme.patterns.map((p) => `(?:${p.source})`).join('|'), 'i')))
  return any
}

export function classifyText(text: string, taxonomy: readonly Theme[] = TAXONOMY): ThemeMatch[] {
  const out: ThemeMatch[] = []
  for (const theme of taxonomy) {
    if (theme.patterns.length === 0 || !anyOf(theme).test(text)) continue
    const words: string[] = []
    for (const pattern of theme.patterns) {
      // An exec loop over the kept global expression, as matchAll would walk it: matchAll clones
      // the expression on every call, and this runs for every pattern of every matched theme.
      const g = globalOf(pattern)
      g.lastIndex = 0
      for (let m = g.exec(text); m !== null; m = g.exec(text)) {
        if (m[0] === '') g.lastIndex += 1
        const word = m[0].toLowerCase()
        if (!words.includes(word)) words.push(word)
      }
    }
    if (words.length > 0) out.push({ theme: theme.id, words })
  }
  return out
}
