/**
 * Matching records by their text, where ids cannot help: an action in two revisions of a plan, or
 * an action and its ground truth. Word overlap, not character edit distance, because plans are
 * re-flowed and re-punctuated between versions far more than they are reworded.
 */

const words = (t: string): string[] => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean)

/** Word-multiset overlap (Dice): robust to spacing, punctuation and a line broken differently. */
export function similarity(a: string, b: string): number {
  const wa = words(a)
  const wb = words(b)
  if (wa.length === 0 && wb.length === 0) return 1
  const counts = new Map<string, number>()
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1)
  let shared = 0
  for (const w of wb) {
    const n = counts.get(w) ?? 0
    if (n > 0) {
      shared += 1
      counts.set(w, n - 1)
    }
  }
  return (2 * shared) / (wa.length + wb.length)
}

/** Greedy one-to-one matching of items by text similarity ≥ threshold, best pairs first. */
export function matchByText<T, U>(truth: readonly T[], found: readonly U[], textT: (t: T) => string, textU: (u: U) => string, threshold = 0.8): [T, U][] {
  const pairs: { i: number; j: number; s: number }[] = []
  truth.forEach((t, i) => found.forEach((u, j) => {
    const s = similarity(textT(t), textU(u))
    if (s >= threshold) pairs.push({ i, j, s })
  }))
  pairs.sort((a, b) => b.s - a.s)
  const usedT = new Set<number>()
  const usedU = new Set<number>()
  const out: [T, U][] = []
  for (const { i, j } of pairs) {
    if (usedT.has(i) || usedU.has(j)) continue
    usedT.add(i)
    usedU.add(j)
    out.push([truth[i]!, found[j]!])
  }
  return out
}
