import type { Action, Rag } from '../../schemas/index.js'
import type { KeyEntry } from './document-keys.js'
import { parseStatus, ragFromFill } from './parse-status.js'

type Mapping = { word: string; rag: NonNullable<Rag> }

/**
 * The document's own "Key to RAG rating" says how its words and colours map, and overrides the
 * defaults (DESIGN.md: status and RAG are derived from each other only through such a key). A key
 * row is a word beside a coloured cell ("Complete" on blue), or a colour word beside its meaning
 * ("Green – on track").
 */
export function ragKeyMappings(key: readonly KeyEntry[]): Mapping[] {
  const out: Mapping[] = []
  for (const { key: word, value } of key) {
    const fromFill = /^#[0-9a-f]{6}$/i.test(value) ? ragFromFill(value) : null
    if (fromFill) {
      out.push({ word, rag: fromFill })
      continue
    }
    const colour = parseStatus(word).rag
    if (colour && value) out.push({ word: value, rag: colour })
  }
  return out
}

const norm = (t: string): string => t.toLowerCase().replace(/[^a-z]+/g, ' ').trim()

/** Fills the side (status or RAG) the document left empty, where its key says how. */
export function applyRagKey(action: Action, mappings: readonly Mapping[]): void {
  if (mappings.length === 0) return
  if (!action.rag && action.status_raw) {
    const hit = mappings.find((m) => norm(m.word) === norm(action.status_raw!))
    if (hit) {
      action.rag = hit.rag
      action.rag_source = 'key'
    }
  }
  if (!action.status && action.rag) {
    const meanings = mappings.filter((m) => m.rag === action.rag).map((m) => parseStatus(m.word).status).filter(Boolean)
    if (meanings.length === 1) action.status = meanings[0]!
  }
}
