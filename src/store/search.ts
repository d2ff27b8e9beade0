import type { Param, Sql } from './sql.js'

/**
 * Full-text search over recommendation and action text, milestones and progress notes, best
 * matches first, with a snippet whose hits are wrapped in `mark`. Like the export, it looks at the
 * latest revision of each plan unless asked for every revision, and takes the export's authority
 * and theme filters. SQLite: FTS5 with Porter stemming, bm25; PostgreSQL: a tsvector of the
 * English configuration (Snowball stemming, English stop words dropped), ts_rank_cd and ts_headline.
 * Each word the user gives must be found (a hyphenated one as a phrase); no word is query syntax.
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

/** The engine's pieces of the query: what matches, how it ranks, how a snippet is cut, how JSON is read. */
function engine(sql: Sql, terms: string[], open: string, close: string) {
  if (sql.dialect === 'sqlite') {
    // Each word quoted: the user's text is never FTS5 syntax, so no query can fail to parse.
    const query = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ')
    return {
      match: { text: 'search MATCH ?', params: [query] },
      snippet: { text: "snippet(search, -1, ?, ?, '…', 14)", params: [open, close] },
      rank: 'bm25(search)',
      rankParams: [] as string[],
      authority: `EXISTS (SELECT 1 FROM json_each(p.authorities) j WHERE lower(json_extract(j.value, '$.code')) = ?
        OR instr(lower(json_extract(j.value, '$.name')), ?) > 0)`,
    }
  }
  // A word is cut where FTS5's tokenizer cuts it (multi-agency: multi, agency), and its pieces
  // sought as a phrase, so "multi agency" is found as FTS5 finds it.
  const phrases = terms.map((t) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).join(' '))
  const query = terms.map(() => "phraseto_tsquery('english', CAST(? AS TEXT))").join(' && ')
  const options = `StartSel="${open}", StopSel="${close}", MaxWords=14, MinWords=6, MaxFragments=1, FragmentDelimiter="…"`
  return {
    match: { text: `s.document @@ (${query})`, params: phrases },
    snippet: { text: `ts_headline('english', s.text || E'\\n' || COALESCE(s.progress, ''), (${query}), CAST(? AS TEXT))`, params: [...phrases, options] },
    rank: `-ts_rank_cd(s.document, (${query}))`,
    rankParams: phrases,
    authority: `EXISTS (SELECT 1 FROM json_array_elements(CAST(p.authorities AS JSON)) j WHERE lower(j.value->>'code') = CAST(? AS TEXT)
        OR strpos(lower(j.value->>'name'), CAST(? AS TEXT)) > 0)`,
  }
}

export async function searchRecords(sql: Sql, words: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const terms = words.match(/[\p{L}\p{N}][\p{L}\p{N}'&-]*/gu) ?? []
  if (terms.length === 0) return []
  const [open, close] = options.mark ?? ['[', ']']
  const pieces = engine(sql, terms, open, close)
  const where = [pieces.match.text]
  const whereParams: Param[] = [...pieces.match.params]
  if (!options.allRevisions) where.push('p.revision = (SELECT MAX(q.revision) FROM plans q WHERE q.plan_key = p.plan_key)')
  if (options.authority) {
    const authority = options.authority.trim().toLowerCase()
    where.push(pieces.authority)
    whereParams.push(authority, authority)
  }
  if (options.theme) {
    where.push(`EXISTS (SELECT 1 FROM record_themes t WHERE t.plan_id = s.plan_id AND t.theme = ?
      AND t.record_id IN (s.record_id, COALESCE(a.recommendation_id, s.record_id)))`)
    whereParams.push(options.theme)
  }
  const rows = await sql.all<Omit<SearchHit, 'page'> & { provenance: string }>(
    `SELECT s.kind, s.record_id AS "recordId", s.plan_id AS "planId", p.title AS "planTitle", p.revision,
        COALESCE(a.ref, r.ref) AS ref, COALESCE(ar.ref, r.ref) AS "recommendationRef",
        ${pieces.snippet.text} AS snippet,
        COALESCE(a.provenance, r.provenance) AS provenance, src.path AS path, p.authority_name AS authority
      FROM search s
      JOIN plans p ON p.id = s.plan_id
      JOIN sources src ON src.sha256 = p.source_sha256
      LEFT JOIN actions a ON s.kind = 'action' AND a.id = s.record_id
      LEFT JOIN recommendations ar ON ar.id = a.recommendation_id
      LEFT JOIN recommendations r ON s.kind = 'recommendation' AND r.id = s.record_id
      WHERE ${where.join(' AND ')} ORDER BY ${pieces.rank}, s.plan_id, s.record_id LIMIT ?`,
    [...pieces.snippet.params, ...whereParams, ...(pieces.rankParams ?? []), options.limit ?? 20],
  )
  return rows.map(({ provenance, ...hit }) => ({ ...hit, page: (JSON.parse(provenance) as { page: number | null }).page }))
}
