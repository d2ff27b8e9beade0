import { readFileSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { RAGS, STATUSES, type Authority } from '../schemas/index.js'
import { authorityMatches, normaliseStatus } from './store/plan-filter.js'
import { TAXONOMY } from './themes/taxonomy.js'

/**
 * Checks of the values people type after a flag. A value that cannot match anything is a mistake
 * to point out (exit 2), never a quiet empty answer: an empty file with exit 0 looks like "no
 * actions of that kind" to a cron job.
 */

/** A mistake in the command: one line on stderr and exit code 2. */
export class UsageError extends Error {}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date as YYYY-MM-DD; 2012-13-45 and 2012-02-30 are refused. */
export function isoDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined
  const m = ISO_DATE.exec(value)
  if (!m) throw new UsageError(`${flag} takes a date as YYYY-MM-DD, not "${value}"`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw new UsageError(`${flag}: ${value} is not a date on the calendar`)
  return value
}

/** The Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i]
    for (let j = 1; j <= b.length; j += 1) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)))
    row = next
  }
  return row[b.length]!
}

/** The candidate nearest to `value` (any case), when it is near enough to be a slip of the keys. */
export function closest(value: string, candidates: readonly string[]): string | null {
  const v = value.toLowerCase()
  let best: { c: string; d: number } | null = null
  for (const c of candidates) {
    const d = editDistance(v, c.toLowerCase())
    if (!best || d < best.d) best = { c, d }
  }
  return best && best.d <= Math.max(2, Math.floor(v.length / 3)) ? best.c : null
}

const STATUS_VALUES: readonly string[] = [...STATUSES, ...RAGS]

/** --status values: statuses or RAG colours, in any case, with spaces or hyphens for underscores. */
export function statuses(given: readonly string[]): string[] {
  return given.map((value) => {
    const status = normaliseStatus(value)
    if (STATUS_VALUES.includes(status)) return status
    const near = closest(status, STATUS_VALUES)
    throw new UsageError(`unknown --status "${value}"${near ? ` (did you mean ${near}?)` : ''}; statuses are ${STATUSES.join(', ')}; RAG colours are ${RAGS.join(', ')}`)
  })
}

const themeKey = (s: string): string => s.trim().toLowerCase().replace(/[\s_]+/g, '-')

/** --theme values: the slug (care-leavers) or the label `compare` prints (Care leavers), in any case. */
export function themes(given: readonly string[]): string[] {
  return given.map((value) => {
    const key = themeKey(value)
    const theme = TAXONOMY.find((t) => t.id === key || themeKey(t.label) === key)
    if (theme) return theme.id
    const near = closest(key, TAXONOMY.map((t) => t.id))
    throw new UsageError(`unknown --theme "${value}"${near ? ` (did you mean ${near}?)` : ''}; themes are ${TAXONOMY.map((t) => t.id).join(', ')}`)
  })
}

/**
 * --authority values: each must name some stored plan's authority (part of a name, or a GSS code).
 * One that names none is refused with the nearest name, or the names when there are few.
 */
export function authorities(given: readonly string[], known: readonly Authority[]): string[] {
  for (const value of given) {
    if (authorityMatches(known, value)) continue
    const near = nearestAuthority(value, known)
    const hint = near ? `did you mean "${near}"?` : known.length === 0 ? 'no plans are stored yet' : known.length <= 8 ? `the stored plans are of ${known.map((a) => a.name).join(', ')}` : '`actionplan list` shows the stored plans'
    throw new UsageError(`no stored plan is of authority "${value}"; ${hint}`)
  }
  return [...given]
}

/** The authority whose name, or one word of it, or its code, is nearest to what was typed ("Telfrod" → Telford & Wrekin Council). */
function nearestAuthority(value: string, known: readonly Authority[]): string | null {
  const words = known.flatMap((a) => [a.name, ...(a.code ? [a.code] : []), ...a.name.split(/[\s&,()-]+/).filter((w) => w.length > 3)].map((w) => ({ w, name: a.name })))
  const near = closest(value, words.map((x) => x.w))
  return near === null ? null : words.find((x) => x.w === near)!.name
}

/** A flag that counts something (--limit, --jobs): a whole number of at least `min`. */
export const positiveInt = (value: string, flag: string, min = 1): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, not "${value}"`)
  return n
}

/** --out must go into a folder that exists: we never create folders behind the user's back. */
export function checkOut(path: string): string {
  const folder = dirname(path)
  const stat = statSync(folder, { throwIfNoEntry: false })
  if (!stat?.isDirectory()) throw new UsageError(`--out ${path}: no such folder ${folder}/`)
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out ${path}: is a folder; name a file`)
  return path
}

/** The one file `tables` and `explain` read (- is standard input): a missing path or a folder is a usage error. */
export function readBytes(path: string, command: string): Uint8Array {
  if (path === '-') return readFileSync(0)
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) throw new UsageError(`${path}: no such file`)
  if (stat.isDirectory()) throw new UsageError(`${path}: is a folder; \`actionplan ${command}\` reads one file`)
  return readFileSync(path)
}

/** Today as YYYY-MM-DD, the default of --as-of. */
export const today = (): string => new Date().toISOString().slice(0, 10)
