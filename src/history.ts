import type { Action, Plan } from '../schemas/index.js'
import { matchByText } from './match-text.js'

/**
 * How a plan's actions changed between its revisions: each action of one revision is matched to
 * the next revision's by its text (the ids differ, as each file has its own), and the fields a
 * reader follows over time are compared.
 */

export const TRACKED = ['status', 'rag', 'due_date', 'progress'] as const
type Tracked = (typeof TRACKED)[number]

export interface ActionChange {
  from: number
  to: number
  recommendation: string | null
  action: string
  field: Tracked | 'added' | 'removed'
  before: string | null
  after: string | null
}

interface Located {
  action: Action
  recommendation: string | null
}

function actionsOf(plan: Plan): Located[] {
  const seen = new Set<string>()
  const out: Located[] = []
  for (const rec of plan.recommendations) {
    for (const action of rec.actions) {
      // Shared actions are listed under each recommendation they answer: follow each once.
      const key = `${action.provenance.table}:${action.provenance.row}:${action.text}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ action, recommendation: rec.ref ?? rec.text })
    }
  }
  return out
}

export function planHistory(revisions: readonly Plan[]): ActionChange[] {
  const changes: ActionChange[] = []
  for (let i = 1; i < revisions.length; i += 1) {
    const before = revisions[i - 1]!
    const after = revisions[i]!
    const old = actionsOf(before)
    const now = actionsOf(after)
    const pairs = matchByText(old, now, (a) => a.action.text, (a) => a.action.text, 0.7)
    const at = { from: before.revision, to: after.revision }
    for (const [a, b] of pairs) {
      for (const field of TRACKED) {
        if ((a.action[field] ?? null) !== (b.action[field] ?? null)) {
          changes.push({ ...at, recommendation: b.recommendation, action: b.action.text, field, before: a.action[field] ?? null, after: b.action[field] ?? null })
        }
      }
    }
    const matchedOld = new Set(pairs.map(([a]) => a))
    const matchedNew = new Set(pairs.map(([, b]) => b))
    for (const a of old) if (!matchedOld.has(a)) changes.push({ ...at, recommendation: a.recommendation, action: a.action.text, field: 'removed', before: a.action.text, after: null })
    for (const b of now) if (!matchedNew.has(b)) changes.push({ ...at, recommendation: b.recommendation, action: b.action.text, field: 'added', before: null, after: b.action.text })
  }
  return changes
}

const clip = (t: string | null, n: number): string => (t === null ? '—' : t.length > n ? `${t.slice(0, n - 1)}…` : t)

export function renderHistory(revisions: readonly Plan[], changes: readonly ActionChange[]): string {
  const lines = revisions.map((p) => `revision ${p.revision}: ${p.id}  ${p.source.path}`)
  if (revisions.length < 2) lines.push('', 'only one revision so far: nothing to compare')
  let current = ''
  for (const c of changes) {
    const head = `revision ${c.from} → ${c.to}`
    if (head !== current) lines.push('', head)
    current = head
    const where = `${c.recommendation ? `${clip(c.recommendation, 12)} ` : ''}${clip(c.action, 60)}`
    if (c.field === 'added' || c.field === 'removed') lines.push(`  ${c.field.padEnd(9)} ${where}`)
    else lines.push(`  ${c.field.padEnd(9)} ${where}: ${clip(c.before, 40)} → ${clip(c.after, 40)}`)
  }
  return lines.join('\n')
}

/** `history --json`: each revision's number, id and source, then the changes. */
export function historyJson(revisions: readonly Plan[], changes: readonly ActionChange[]): string {
  return JSON.stringify({ revisions: revisions.map((p) => ({ revision: p.revision, id: p.id, source: p.source })), changes }, null, 2)
}
