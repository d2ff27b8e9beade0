/**
 * A lead or date cell beside a list of several actions, read as fewer lines than the list has
 * items: its visual line ends are looked at again for the entries (one per action) whose breaks
 * the wrap test took for wraps. A name that would only just have fitted, or did not fit either
 * way, looks wrapped; where the line ends leave a choice, the cut that makes whole entries wins.
 */

// A line that can open an entry of its own: a name, a title, a date or a number, not a sentence's next word.
const ENTRY_START = /^[\p{Lu}\p{N}]/u
// A line closing a bracket (a lead's title: "Bridget Khan (Head of Safeguarding)") ends an entry.
const ENTRY_END = /\)$/
// A line ending in a joining word or an open bracket goes on in the next ("Head of" / "Looked After Children").
const GOES_ON = /(?:\b(?:of|and|for|the|to|in|with)|[&(,/–-])$/i

/** How unlike a list of whole entries the pieces are: lower is better. */
function strain(entries: readonly string[], cutAfter: readonly string[]): number {
  let s = 0
  for (const e of entries) {
    // One word alone is rarely a lead ("Manager", "Doctor"), unless it is initials or a body's acronym.
    if (!/\s/.test(e) && !/^[\p{Lu}\d]{2,}$/u.test(e)) s += 2
    if ((e.match(/\(/g) ?? []).length !== (e.match(/\)/g) ?? []).length) s += 3
  }
  for (const line of cutAfter) {
    if (GOES_ON.test(line)) s += 3
    if (ENTRY_END.test(line)) s -= 1
  }
  return s
}

function* choose(k: number, from: number, to: number): Generator<number[]> {
  if (k === 0) {
    yield []
    return
  }
  for (let i = from; i <= to - k; i++) for (const rest of choose(k - 1, i + 1, to)) yield [i, ...rest]
}

/** Cuts the lines at the given line ends (indices into the flattened lines) as well as between paragraphs. */
function cutAt(visual: readonly (readonly string[])[], cuts: ReadonlySet<number>): { entries: string[]; cutAfter: string[] } {
  const entries: string[] = []
  const cutAfter: string[] = []
  let at = 0
  for (const lines of visual) {
    let entry = lines[0]!
    for (let i = 1; i < lines.length; i++) {
      at += 1
      if (cuts.has(at)) {
        entries.push(entry)
        cutAfter.push(lines[i - 1]!)
        entry = lines[i]!
      } else entry = `${entry} ${lines[i]}`
    }
    at += 1
    entries.push(entry)
  }
  return { entries, cutAfter }
}

/**
 * The cell's lines cut again at visual line ends where a new entry can start, so that there are
 * `n` of them: every such end, else only those that close a bracket, else the fewest cuts that
 * leave the least broken entries (one clear best, or null).
 */
export function entries(visual: readonly (readonly string[])[], n: number): string[] | null {
  const candidates: number[] = []
  const strictCandidates: number[] = []
  let at = 0
  for (const lines of visual) {
    let open = 0
    for (let i = 1; i < lines.length; i++) {
      at += 1
      // Inside a bracket the entry goes on ("Sarah Green (Head of Early" / "Help)").
      open = Math.max(0, open + (lines[i - 1]!.match(/\(/g) ?? []).length - (lines[i - 1]!.match(/\)/g) ?? []).length)
      if (ENTRY_START.test(lines[i]!) && open === 0) {
        candidates.push(at)
        if (ENTRY_END.test(lines[i - 1]!)) strictCandidates.push(at)
      }
    }
    at += 1
  }
  for (const cuts of [candidates, strictCandidates]) {
    const out = cutAt(visual, new Set(cuts)).entries
    if (out.length === n) return out
  }
  const extra = n - visual.length
  // Past a handful of choices the guess is no longer a reading.
  if (extra < 1 || candidates.length > 12 || extra > 4) return null
  let best: { entries: string[]; score: number; spread: number } | null = null
  let tie = false
  for (const pick of choose(extra, 0, candidates.length)) {
    const cut = cutAt(visual, new Set(pick.map((i) => candidates[i]!)))
    const score = strain(cut.entries, cut.cutAfter)
    // Between cuts that leave entries equally whole, the one whose entries are most alike in
    // length: the people of one list are named alike ("Head of Safeguarding", "Assistant Director
    // Children's Services"), and a wrong cut leaves a long entry beside a short one.
    const spread = cut.entries.reduce((sum, e) => sum + e.length ** 2, 0)
    if (!best || score < best.score || (score === best.score && spread < best.spread)) {
      best = { entries: cut.entries, score, spread }
      tie = false
    } else if (score === best.score && spread === best.spread) tie = true
  }
  return best && !tie ? best.entries : null
}
