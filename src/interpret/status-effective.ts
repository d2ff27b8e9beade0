import type { Action, Rag, Status } from '../../schemas/index.js'
import type { KeyEntry } from './document-keys.js'
import { parseStatus, ragFromFill } from './parse-status.js'

/**
 * `status_effective`: a status that can be compared across plans. `status` stays as the document
 * states it; where a plan rates its actions only by RAG (B&NES letters, Dudley letters, Wakefield
 * cell colours) the colour is read through the plan's own key, or, when it has none, through the
 * default below. `status_source` says which (README, "Status comparable across plans").
 */

type Known = NonNullable<Status>
type Colour = NonNullable<Rag>

/**
 * The default reading of a RAG colour, used only when the plan gives no key: the most common
 * legend in published plans (Telford's and Wakefield's keys say the same: red behind schedule,
 * amber in progress, green on track / on schedule, blue complete).
 */
export const DEFAULT_RAG_STATUS: Readonly<Record<Colour, Known>> = { red: 'behind', amber: 'in_progress', green: 'on_track', blue: 'complete' }

/** Status phrases anywhere in a key's meaning; the earliest in the text wins ("on track or complete" is on track). */
const MEANINGS: [RegExp, Known][] = [
  [/\bnot\s+(?:yet\s+)?(?:started|commenced)\b|\byet\s+to\s+start\b/i, 'not_started'],
  [/\bnot\s+on\s+(?:track|target|schedule)\b|\boff[\s-]track\b|\bbehind\b|\bdelay(?:ed|s)?\b|\boverdue\b|\bslipp(?:age|ed|ing)\b|\bnot\s+(?:be\s+)?(?:achieved|met)\b/i, 'behind'],
  [/\bon[\s-](?:track|target|schedule)\b/i, 'on_track'],
  [/\bcomplete[ds]?\b|\bachieved\b|\bdone\b|\bclosed\b|\bfinished\b|\bimplemented\b/i, 'complete'],
  [/\bin\s+progress\b|\bon-?\s?going\b|\bunder\s?way\b|\bstarted\b|\bprogressing\b/i, 'in_progress'],
]

export function statusOfMeaning(text: string): Status {
  let best: { at: number; length: number; status: Known } | null = null
  for (const [pattern, status] of MEANINGS) {
    const m = pattern.exec(text)
    if (!m) continue
    // Earliest first; at the same place the longer phrase ("not on track" before "on track" cannot tie, but "not started" might).
    if (!best || m.index < best.at || (m.index === best.at && m[0].length > best.length)) best = { at: m.index, length: m[0].length, status }
  }
  return best?.status ?? null
}

const COLOUR = /^(red|amber|green|blue|[RAGB])$/i

/**
 * A RAG legend written in running text, as B&NES writes it at the end of its cover note: "RAG: G on
 * track or complete, A some slippage, R off track." Pairs of a colour (word or letter) and its
 * meaning after "RAG" (or "RAG key", "RAG rating") and a colon; fewer than two pairs is not a key.
 */
export function parseProseRagKey(text: string): KeyEntry[] {
  const start = text.match(/\bRAG(?:\s+(?:key|rating|status|ratings))?\s*[:–—]\s*/i)
  if (!start) return []
  const body = text.slice(start.index! + start[0].length)
  const entries: KeyEntry[] = []
  for (const part of body.split(/[;,]\s*|\.\s+|\.$/)) {
    const m = part.trim().match(/^(red|amber|green|blue|[RAGB])\b\s*(?:[–—:=-]\s*|\s+)(.+?)\.?$/i)
    if (!m) {
      // The legend ends where the pairs end.
      if (entries.length > 0) break
      continue
    }
    entries.push({ key: m[1]!, value: m[2]!.trim() })
  }
  return entries.length >= 2 ? entries : []
}

/**
 * What each colour means in the plan's own key: a word on a coloured cell (Telford: "Complete" on
 * blue), a colour beside its meaning (Wakefield: "red – behind schedule"), or, when the plan has no
 * key table or paragraph, a legend in prose in its notes (B&NES).
 */
export function ragStatusKey(ragKey: readonly KeyEntry[], notes: readonly { text: string }[]): Map<Colour, Known> {
  const out = new Map<Colour, Known>()
  const add = (rag: Rag, status: Status): void => {
    if (rag && status && !out.has(rag)) out.set(rag, status)
  }
  for (const { key, value } of ragKey) {
    if (/^#[0-9a-f]{6}$/i.test(value)) add(ragFromFill(value), statusOfMeaning(key))
    else if (COLOUR.test(key.trim())) add(parseStatus(key.trim()).rag, statusOfMeaning(value))
  }
  if (out.size > 0) return out
  for (const note of notes) {
    for (const { key, value } of parseProseRagKey(note.text)) add(parseStatus(key).rag, statusOfMeaning(value))
    if (out.size > 0) break
  }
  return out
}

/** The comparable status of one action, and where it came from. */
export function statusEffective(action: Pick<Action, 'status' | 'rag'>, key: ReadonlyMap<Colour, Known>): Pick<Action, 'status_effective' | 'status_source'> {
  if (action.status) return { status_effective: action.status, status_source: 'stated' }
  if (!action.rag) return { status_effective: null, status_source: null }
  const fromKey = key.get(action.rag)
  if (fromKey) return { status_effective: fromKey, status_source: 'key' }
  return { status_effective: DEFAULT_RAG_STATUS[action.rag], status_source: 'default' }
}
