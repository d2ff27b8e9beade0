import type { SearchHit } from '../store/index.js'

/** How a hit's words are marked: bold yellow on a terminal, [brackets] in a pipe or a file. */
export const searchMark = (terminal: boolean): [string, string] => (terminal ? ['\x1b[1;33m', '\x1b[0m'] : ['[', ']'])

/** Two lines a hit: where (file, page, authority, plan, record), then the snippet on one line. */
export function renderSearchHits(hits: readonly SearchHit[]): string[] {
  return hits.map((h) => {
    const ref = h.kind === 'action' ? [h.recommendationRef, h.ref].filter(Boolean).join(' › ') : h.ref
    return `${h.path}${h.page ? `:p${h.page}` : ''}  ${h.authority ?? ''}  ${h.planTitle ?? '(untitled)'}  ${h.kind} ${ref || h.recordId}\n    ${h.snippet.replace(/\s+/g, ' ')}`
  })
}
