import type { Evidence } from './column-evidence.js'
/**
 * Column roles from header text. Every authority names its columns differently ("Who",
 * "Responsible officer(s)", "Lead Officer"); a synonym table with whole-phrase and contained-phrase
 * matching, plus a small edit distance for typos, maps them to one set of roles. A header no role
 * takes keeps its text and its cells land in `extra`.
 */

export const ROLES = [
  'ref',
  'recommendation',
  'theme',
  'timeframe',
  'action',
  'milestone',
  'lead',
  'organisation',
  'due',
  'status',
  'progress',
  'success',
  'evidence',
  'impact',
  'review',
] as const
export type Role = (typeof ROLES)[number]

export interface ColumnRole {
  role: Role | null
  /** The header as written, used as the key in `extra` for an unmapped column. */
  header: string
  /** Lead kind for lead columns ("executive", "local", "health"), else null. */
  kind: string | null
  /** Why: the synonym that matched, for `explain`. */
  matched: string | null
  /**
   * Column group, when a template has one block of columns per agency ("Action LA | Lead Officer |
   * Actions Health | Health Lead"): the index of the action column that opens the group; null for
   * columns shared by every group (reference, recommendation) and in one-group templates.
   */
  group?: number | null
  /** The agency a group's action column names ("LA", "Health"), used as the action's organisation. */
  agency?: string | null
  /** The winning evidence and the runner-up, for `explain` (column-evidence.ts). */
  evidence?: Evidence[]
}

const SYNONYMS: Record<Role, string[]> = {
  ref: ['ref', 'ref no', 'reference', 'no', 'number', 'rec no', 'recommendation number', 'recommendation no', 'item', 'id'],
  recommendation: [
    'recommendation', 'recommendations', 'area for improvement', 'areas for improvement', 'area for development',
    'areas for development', 'inspection recommendation', 'ofsted recommendation', 'recommendation from inspection',
    'details theme timescale', 'finding', 'findings', 'key issue', 'issue', 'issues', 'what we need to improve',
    'area of concern', 'requirement', 'improvement required',
    // Misleading ones: a column of inspectors' recommendations headed as if it held actions.
    'recommended action', 'recommended actions', 'ofsted recommended action', 'ofsted recommended actions',
    'what the inspectors said', 'inspection finding', 'inspection findings', 'improvement area', 'improvement areas',
    'what needs to improve', 'what needs to be better', 'areas for improvement identified', 'recommendation from report',
    'inspection recommendations', 'ofsted recommendations', 'recommendations from inspection', 'key findings',
  ],
  theme: ['theme', 'priority', 'priority area', 'objective', 'strategic objective', 'outcome area', 'section', 'workstream'],
  timeframe: ['timescale', 'timescales', 'timeframe', 'time frame', 'time scale', 'priority timescale'],
  action: [
    'action', 'actions', 'actions required', 'action required', 'specific actions', 'specific action', 'key actions',
    'what we will do', 'what will we do', 'action to be taken', 'actions to be taken', 'proposed action', 'proposed actions',
    'tasks', 'task', 'how', 'action la', 'actions la', 'action health', 'actions health', 'planned action', 'activity',
  ],
  milestone: ['milestone', 'milestones', 'key milestones', 'steps', 'key steps', 'sub actions'],
  lead: [
    'who', 'lead', 'leads', 'lead officer', 'lead officers', 'responsible officer', 'responsible officers', 'responsible person',
    'lead person', 'owner', 'action owner', 'accountable officer', 'executive lead', 'local lead', 'health lead', 'by whom',
    'responsibility', 'responsible', 'named lead', 'lead manager', 'monitoring lead', 'operational lead', 'strategic lead',
  ],
  organisation: [
    'org', 'organisation', 'organisations', 'organization', 'agency', 'agencies', 'lead agency', 'partner', 'partners', 'provider',
    'responsible agency', 'responsible organisation', 'lead organisation', 'responsible body', 'agency responsible',
    'service', 'lead service', 'partner agency', 'partner agencies', 'service area',
  ],
  due: [
    'date', 'due date', 'due', 'target date', 'completion date', 'date to be delivered by', 'date to be delivered', 'deadline',
    'by when', 'when', 'date for completion', 'target completion date', 'delivery date', 'timescale for completion', 'end date',
  ],
  status: ['rag', 'status', 'status rag', 'rag status', 'rag rating', 'rating', 'brag', 'rag rated', 'current rag'],
  progress: [
    'progress', 'position statement', 'update', 'progress update', 'comments', 'monitoring status notes', 'current position',
    'progress to date', 'status notes', 'commentary', 'notes', 'progress notes', 'latest update', 'progress comments',
  ],
  success: [
    'success criteria', 'desired outcome', 'desired outcomes', 'outcome', 'outcomes', 'measure of success', 'measures of success',
    'expected outcome', 'expected outcomes', 'success measures', 'what will success look like', 'intended outcome', 'intended outcomes',
  ],
  evidence: [
    'evidence', 'measures', 'measure', 'monitoring and evaluation', 'monitoring', 'how will we know', 'evidence of impact',
    'assurance', 'performance measures', 'outcome measure', 'outcome measures', 'evidence of completion', 'how will progress be measured',
    'how will we measure', 'sources of evidence',
  ],
  impact: ['impact', 'impact on children', 'impact on outcomes', 'difference made'],
  review: ['next review date', 'review date', 'next review', 'date of review'],
}

const LEAD_KINDS: [RegExp, string][] = [
  [/\bexecutive\b|\bexec\b|\bstrategic\b/, 'executive'],
  [/\blocal\b|\boperational\b/, 'local'],
  [/\bmonitoring\b/, 'monitoring'],
  [/\bhealth\b/, 'health'],
]

export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\(s\)/g, 's')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

const ALL = (Object.entries(SYNONYMS) as [Role, string[]][]).flatMap(([role, words]) => words.map((w) => ({ role, w })))
// Longest phrase first, so "monitoring status notes" beats "monitoring" and "status".
const BY_LENGTH = [...ALL].sort((a, b) => b.w.length - a.w.length)

/** Maps one header cell to a role; null role when nothing fits. */
// Every row of every table is tried as a header, so the same short texts (names, dates, RAG
// words) come back again and again: remember the answers.
const ROLE_CACHE = new Map<string, ColumnRole>()

export function roleOfHeader(header: string): ColumnRole {
  const cached = ROLE_CACHE.get(header)
  if (cached) return { ...cached }
  const role = findRole(header)
  if (ROLE_CACHE.size > 20_000) ROLE_CACHE.clear()
  ROLE_CACHE.set(header, role)
  return { ...role }
}

function findRole(header: string): ColumnRole {
  const h = normaliseHeader(header)
  const make = (role: Role | null, matched: string | null): ColumnRole => ({
    role,
    header: header.replace(/\s+/g, ' ').trim(),
    kind: role === 'lead' ? (LEAD_KINDS.find(([re]) => re.test(h))?.[1] ?? null) : null,
    matched,
  })
  if (!h) return make(null, null)
  const exact = ALL.find(({ w }) => w === h)
  if (exact) return make(exact.role, exact.w)
  // A short header containing a known phrase ("Date to be delivered", "Lead Officer LA").
  if (h.split(' ').length <= 7) {
    const contained = BY_LENGTH.find(({ w }) => w.length >= 3 && ` ${h} `.includes(` ${w} `))
    if (contained) return make(contained.role, contained.w)
  }
  if (h.length >= 6) {
    const near = ALL.find(({ w }) => w.length >= 6 && Math.abs(w.length - h.length) <= 2 && editDistance(h, w) <= (w.length >= 12 ? 2 : 1))
    if (near) return make(near.role, `${near.w} (spelling)`)
  }
  return make(null, null)
}

/**
 * A header row: at least two short cells, most of which name a role, and none reading like data
 * ("Label: value" or a sentence).
 */
export function isHeaderRow(texts: readonly string[]): boolean {
  const filled = texts.filter((t) => t.trim())
  if (filled.length < 2) return false
  if (filled.some((t) => t.length > 60 || /:\s*\S/.test(t))) return false
  const known = filled.filter((t) => roleOfHeader(t).role !== null).length
  return known >= 2 && known / filled.length >= 0.6
}

/** Roles for a header row; an empty header before the first role column is a reference column. */
export function rolesOfHeaderRow(texts: readonly string[]): ColumnRole[] {
  return assignGroups(plainRoles(texts))
}

/** Roles from the header words alone, before content and groups are weighed. */
export function plainRoles(texts: readonly string[]): ColumnRole[] {
  const roles = texts.map(roleOfHeader)
  const first = roles.findIndex((r) => r.role !== null)
  for (let i = 0; i < first; i += 1) {
    if (!texts[i]!.trim()) roles[i] = { role: 'ref', header: '', kind: null, matched: '(empty header before the first column)' }
  }
  return roles
}

/**
 * Two or more action columns: each opens a group that runs to the next one, so each agency's lead,
 * date and status stay with its action. Columns before the first action column are shared.
 */
export function assignGroups(roles: ColumnRole[]): ColumnRole[] {
  const starts = roles.flatMap((r, i) => (r.role === 'action' ? [i] : []))
  if (starts.length < 2) return roles
  let group: number | null = null
  let agency: string | null = null
  const grouped = roles.map((r, i) => {
    if (starts.includes(i)) {
      group = i
      const named = r.header.replace(/\b(?:actions?|required|to\s+be\s+taken|specific|key|proposed)\b/gi, '').replace(/[:()\-–]/g, ' ').replace(/\s+/g, ' ').trim()
      agency = named || null
    }
    return { ...r, group, agency: group === null ? null : agency }
  })
  // A role that not every group has (one date, status and progress after the last agency's
  // columns) is shared by all groups, not owned by the last one.
  const groupsWith = (role: Role | null): number => new Set(grouped.filter((r) => r.role === role && r.group !== null).map((r) => r.group)).size
  return grouped.map((r, i) => (r.group !== null && !starts.includes(i) && groupsWith(r.role) < starts.length ? { ...r, group: null, agency: null } : r))
}

/**
 * A header that wraps over two rows ("Date to be" / "delivered by"): the next row holds only a few
 * short words in two or more columns, none of them data (a date, a status, a reference), and
 * reading the two rows together names more roles (or the same, when the words are lower case).
 */
export function continuesHeader(header: readonly string[], next: readonly string[], isData: (text: string) => boolean): boolean {
  const filled = next.filter((t) => t.trim())
  // One word alone continues the header only as the lower-case tail of a phrase ("RAG" / "status").
  if (filled.length === 0 || (filled.length === 1 && !/^[a-z(]/.test(filled[0]!.trim()))) return false
  if (filled.some((t) => t.trim().split(/\s+/).length > 4 || isData(t.trim()))) return false
  const combined = header.map((h, i) => `${h} ${next[i] ?? ''}`.trim())
  const count = (texts: readonly string[]): number => texts.filter((t) => roleOfHeader(t).role !== null).length
  // Short data rows look like this too, so the second line must name a role the first did not,
  // or read as the tail of a phrase (all lower case).
  return count(combined) > count(header) || (count(combined) === count(header) && filled.every((t) => /^[a-z(]/.test(t.trim())))
}
