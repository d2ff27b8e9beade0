import type { Rag, Status } from '../../schemas/index.js'

export type RagSource = 'text' | 'letter' | 'fill' | 'key' | null

export interface ParsedStatus {
  status: Status
  rag: Rag
  ragSource: RagSource
}

/** Ordered: longer phrases first, so "not started" is not read as "started". */
const STATUS_WORDS: [RegExp, NonNullable<Status>][] = [
  [/^(?:not\s+(?:yet\s+)?started|not\s+commenced|yet\s+to\s+start)\b/i, 'not_started'],
  [/^(?:behind\s+(?:schedule|target)|delayed|overdue|slipp(?:ed|ing)|off\s+track|at\s+risk)\b/i, 'behind'],
  [/^(?:on\s+(?:schedule|track|target)|on-track)\b/i, 'on_track'],
  [/^(?:complete[d]?|achieved|done|closed|finished|fully\s+implemented|implemented)\b/i, 'complete'],
  [/^(?:in\s+progress|on-?\s?going|underway|under\s+way|started|partially\s+(?:complete[d]?|achieved)|progressing)\b/i, 'in_progress'],
]

const RAG_WORDS: [RegExp, NonNullable<Rag>][] = [
  [/^red\b/i, 'red'],
  [/^(?:amber|yellow|orange)\b/i, 'amber'],
  [/^green\b/i, 'green'],
  [/^blue\b/i, 'blue'],
]

const RAG_LETTERS: Record<string, NonNullable<Rag>> = { R: 'red', A: 'amber', G: 'green', B: 'blue', Y: 'amber' }

function statusWord(text: string): Status {
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(text)) return status
  return null
}

function ragWord(text: string): Rag {
  for (const [pattern, rag] of RAG_WORDS) if (pattern.test(text)) return rag
  return null
}

/**
 * Reads a status/RAG cell as the document states it: a status word sets status, a RAG letter or
 * word sets rag; neither is derived from the other (DESIGN.md). Handles "G", "A/G", "Amber",
 * "Complete", "On schedule", a RAG word closing a note ("… AMBER").
 */
export function parseStatus(raw: string | null | undefined): ParsedStatus {
  const none: ParsedStatus = { status: null, rag: null, ragSource: null }
  if (!raw) return none
  const text = raw.replace(/\s+/g, ' ').trim()
  if (!text) return none
  const letter = text.match(/^([RAGBY])(?:\s*[/-]\s*([RAGB]))?\.?$/)
  if (letter) {
    // "A/G" is a rating moving from amber to green: the later letter is the current one.
    const current = letter[2] ?? letter[1]!
    return { status: null, rag: RAG_LETTERS[current] ?? null, ragSource: 'letter' }
  }
  const status = statusWord(text)
  let rag = ragWord(text)
  if (!rag) {
    // A RAG word at the very end of a note ("… remains on track. AMBER"): written in capitals or alone.
    const tail = text.match(/(?:^|[\s.;:(-])(RED|AMBER|GREEN|BLUE|Red|Amber|Green|Blue)\)?\.?$/)
    if (tail) rag = ragWord(tail[1]!)
  }
  return { status, rag, ragSource: rag ? 'text' : null }
}

/** Status from the first words of a note (a bold "Completed" opening a progress cell). */
export function leadingStatus(text: string | null | undefined): { status: Status; word: string } | null {
  if (!text) return null
  const trimmed = text.trim()
  for (const [pattern, status] of STATUS_WORDS) {
    const m = trimmed.match(pattern)
    if (m) return { status, word: m[0] }
  }
  return null
}

/** The usual RAG colours; a fill is read as the nearest of them, and greys/white mean nothing. */
const RAG_COLOURS: [NonNullable<Rag>, [number, number, number]][] = [
  ['red', [255, 0, 0]], ['red', [192, 0, 0]], ['red', [255, 80, 80]], ['red', [230, 124, 115]],
  ['amber', [255, 192, 0]], ['amber', [255, 255, 0]], ['amber', [255, 165, 0]], ['amber', [255, 217, 102]], ['amber', [247, 202, 172]],
  ['green', [0, 176, 80]], ['green', [0, 255, 0]], ['green', [146, 208, 80]], ['green', [0, 128, 0]], ['green', [198, 239, 206]],
  ['blue', [0, 112, 192]], ['blue', [0, 176, 240]], ['blue', [0, 0, 255]], ['blue', [155, 194, 230]],
]

export function ragFromFill(fill: string | null | undefined): Rag {
  if (!fill) return null
  const m = fill.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i)
  if (!m) return null
  const [r, g, b] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)]
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  // Greys and white (low saturation) are table styling, not ratings.
  if (max - min < 40) return null
  let best: Rag = null
  let bestDistance = Infinity
  for (const [rag, [cr, cg, cb]] of RAG_COLOURS) {
    const d = (r - cr) ** 2 + (g - cg) ** 2 + (b - cb) ** 2
    if (d < bestDistance) {
      bestDistance = d
      best = rag
    }
  }
  return best
}
