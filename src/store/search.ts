import type { Database } from 'better-sqlite3'

/**
 * Full-text search over recommendation and action text, milestones and progress notes (FTS5,
 * Porter stemming), best matches first, with a snippet whose hits are wrapped in `mark`. Like the
 * export, it looks at the latest revision of each plan unless asked for every revision, and takes
 * the export's authority and theme filters.
 */

export interface SearchHit {
  kind: 'recommendation' | 'action'
  recordId: string
  planId: string
  planTitle: string | null
  revision: number
  /** The record's own ref (R2, 1.1); for an action without one, null. */
  ref: string | null
  /** The ref of the recommendation the record is or stands under. */
  recommendationRef: string | null
  snippet: string
  path: string
  page: number | null
  authority: string | null
}

export interface SearchOptions {
  limit?: number
  mark?: [string, string]
  allRevisions?: boolean
  /** An authority's name (any part of it, any case) or its GSS code, as `export --authority`. */
  authority?: string
  /** A theme id of the record or of its recommendation, as `export --theme`. */
  theme?: string
}

export function searchRecords(db: Database, words: string, options: SearchOptions = {}): SearchHit[] {
  const terms = words.match(/[\p{L}\p{N}][\p{L}\p{N}'&-]*/gu) ?? []
  if (terms.length === 0) return []
  // Each word quoted: the user's text is never FTS5 syntax, so no query can fail to parse.
  const query = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ')
  const [open, close] = options.mark ?? ['[', ']']
  const where = ['search MATCH @query']
  const params: Record<string, string | number> = { open, close, query, limit: options.limit ?? 20 }
  if (!options.allRevisions) where.push('p.revision = (SELECT MAX(q.revision) FROM plans q WHERE q.plan_key = p.plan_key)')
  if (options.authority) {
    params.authority = options.authority.trim().toLowerCase()
    where.push(`EXISTS (SELECT 1 FROM json_each(p.authorities) j WHERE lower(json_extract(j.value, '$.code')) = @authority
      OR instr(lower(json_extract(j.value, '$.name')), @authority) > 0)`)
  }
  if (options.theme) {
    params.theme = options.theme
    where.push(`EXISTS (SELECT 1 FROM record_themes t WHERE t.plan_id = s.plan_id AND t.theme = @theme
      AND t.record_id IN (s.record_id, COALESCE(a.recommendation_id, s.record_id)))`)
  }
  const rows = db
    .prepare(
      `SELECT s.kind, s.record_id AS recordId, s.plan_id AS planId, p.title AS planTitle, p.revision,
        COALESCE(a.ref, r.ref) AS ref, COALESCE(ar.ref, r.ref) AS recommendationRef,
        snippet(search, -1, @open, @close, '…', 14) AS snippet,
        COALESCE(a.provenance, r.provenance) AS provenance, src.path AS path, p.authority_name AS authority
      FROM search s
      JOIN plans p ON p.id = s.plan_id
      JOIN sources src ON src.sha256 = p.source_sha256
      LEFT JOIN actions a ON s.kind = 'action' AND a.id = s.record_id
      LEFT JOIN recommendations ar ON ar.id = a.recommendation_id
      LEFT JOIN recommendations r ON s.kind = 'recommendation' AND r.id = s.record_id
      WHERE ${where.join(' AND ')} ORDER BY bm25(search), s.plan_id, s.record_id LIMIT @limit`,
    )
    .all(params) as (Omit<SearchHit, 'page'> & { provenance: string })[]
  return rows.map(({ provenance, ...hit }) => ({ ...hit, page: (JSON.parse(provenance) as { page: number | null }).page }))
}
