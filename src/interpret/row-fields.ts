import type { Action, Diagnostic, Milestone, Provenance } from '../../schemas/index.js'
import type { GridSlot } from '../assemble/grid.js'
import type { ColumnRole } from './column-roles.js'
import { expandWithKey, type KeyEntry } from './document-keys.js'
import { cleanRef, splitLabelledParts, splitOrganisationPrefix } from './packed-cells.js'
import { parseUkDate } from './parse-date.js'
import { leadingStatus, parseStatus, ragFromFill } from './parse-status.js'
import { splitPeople } from './split-people.js'

/** An action before it has an id: what one table row says. */
/** An action as a row gives it; also_answers is set where the row answers several recommendations, the status_* fields once the plan's key is known. */
export type ActionDraft = Omit<Action, 'id' | 'themes' | 'also_answers' | 'status_effective' | 'status_source'> & { also_answers?: string[] }

export interface RowContext {
  roles: readonly ColumnRole[]
  slots: readonly (GridSlot | null)[]
  provenance: Provenance
  personnel: readonly KeyEntry[]
  organisations: readonly KeyEntry[]
  /** The outline milestone (a Milestones column left of the action column) this row stands under. */
  outlineMilestone: string | null
  /** Text to use when the row's action cell is empty (Darlington: the recommendation is the action). */
  fallbackText: string | null
  /** Organisation named in the recommendation cell of this row ("IMMEDIATE DBC"). */
  rowOrganisation: string | null
  diagnostics: Diagnostic[]
}

const fold = (t: string): string => t.replace(/\s+/g, ' ').trim()
const join = (parts: string[], sep = ' '): string | null => (parts.length ? parts.join(sep) : null)

function firstIndex(roles: readonly ColumnRole[], role: string): number {
  return roles.findIndex((r) => r.role === role)
}

/** True when a milestone column stands left of the action column: it outlines the actions under it. */
export function isOutlineMilestone(roles: readonly ColumnRole[]): boolean {
  const m = firstIndex(roles, 'milestone')
  const a = firstIndex(roles, 'action')
  return m >= 0 && a >= 0 && m < a
}

function milestone(text: string, provenance: Provenance): Milestone {
  // A step may close with its own date ("Baseline of current evaluations 2/3/12").
  const trailing = text.match(/\s((?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}))$/)
  const due = trailing ? parseUkDate(trailing[1]) : null
  return {
    text,
    due_date: due?.iso ?? null,
    due_raw: trailing ? trailing[1]! : null,
    status: null,
    rag: null,
    provenance,
  }
}

/**
 * Reads the fields of one action from one row, column by column, by role. Cells no role takes go
 * to `extra` under their header. Returns the cells it counted as mapped and as extra (coverage).
 */
export function actionFromRow(ctx: RowContext): { action: ActionDraft; mapped: number; unmapped: number } {
  const texts: string[] = []
  const actionLines: string[] = []
  const leads: string[] = []
  const leadRaw: string[] = []
  const organisations: string[] = []
  const milestones: Milestone[] = []
  const progress: string[] = []
  const success: string[] = []
  const evidence: string[] = []
  const impact: string[] = []
  const extra: Record<string, string> = {}
  let ref: string | null = null
  let dueRaw: string | null = null
  let dueLines: string[] = []
  let statusRaw: string | null = null
  let timeframe: string | null = null
  let status: Action['status'] = null
  let rag: Action['rag'] = null
  let ragSource: Action['rag_source'] = null
  let mapped = 0
  let unmapped = 0
  const leadColumns = ctx.roles.filter((r) => r.role === 'lead').length
  const outline = isOutlineMilestone(ctx.roles)

  if (ctx.outlineMilestone) milestones.push(milestone(ctx.outlineMilestone, ctx.provenance))

  ctx.slots.forEach((slot, col) => {
    const role = ctx.roles[col] ?? { role: null, header: '', kind: null, matched: null }
    if (!slot || !slot.cell.text.trim()) return
    // A merged cell is read once, at its origin; outline milestones come in through ctx.
    if (!slot.origin) return
    const cell = slot.cell
    const text = fold(cell.text)
    texts.push(text)
    if (role.role === null) {
      unmapped += 1
      const key = role.header || `column ${col + 1}`
      extra[key] = extra[key] ? `${extra[key]} ${text}` : text
      return
    }
    mapped += 1
    switch (role.role) {
      case 'ref':
        ref = cleanRef(text)
        break
      case 'recommendation':
      case 'theme':
        // Read by the plan builder: they name the recommendation and section, not the action.
        break
      case 'action':
        // An action cell may carry its own labelled lists ("Milestones:", "Evidence:") after its text.
        for (const part of splitLabelledParts(cell.lines.map(fold))) {
          if (part.label === null || part.target === null) actionLines.push(...part.lines)
          else if (part.target === 'milestone') for (const line of part.lines) milestones.push(milestone(line, ctx.provenance))
          else if (part.target === 'success') success.push(`${part.label}: ${part.lines.join(' ')}`)
          else if (part.target === 'evidence') evidence.push(`${part.label}: ${part.lines.join(' ')}`)
          else if (part.target === 'progress') progress.push(`${part.label}: ${part.lines.join(' ')}`)
          else if (part.target === 'due' && !dueRaw) {
            dueRaw = part.lines.join(' ')
            dueLines = [dueRaw]
          } else actionLines.push(...part.lines)
        }
        break
      case 'lead': {
        const { organisation, rest } = splitOrganisationPrefix(text)
        if (organisation) organisations.push(expandWithKey(organisation, ctx.organisations))
        const lines = organisation ? [rest, ...cell.lines.slice(1)] : cell.lines
        for (const person of splitPeople(lines)) {
          const expanded = expandWithKey(person, ctx.personnel)
          if (!leads.includes(expanded)) leads.push(expanded)
        }
        leadRaw.push(leadColumns > 1 && role.header ? `${role.header}: ${text}` : text)
        break
      }
      case 'organisation':
        for (const org of text.split(/\s*[/,;]\s*|\s+and\s+/).filter(Boolean)) organisations.push(expandWithKey(org, ctx.organisations))
        break
      case 'due':
        dueRaw = dueRaw ? `${dueRaw}; ${text}` : text
        dueLines = cell.lines.map(fold)
        break
      case 'timeframe':
        timeframe = text
        break
      case 'status': {
        // A status column and a RAG column: each gives what it states, neither erases the other.
        statusRaw = statusRaw ? `${statusRaw}; ${text}` : text
        const parsed = parseStatus(text)
        status = parsed.status ?? status
        if (parsed.rag) {
          rag = parsed.rag
          ragSource = parsed.ragSource
        }
        break
      }
      case 'progress': {
        // A progress cell that is a status word, maybe with a short note after a dash, states the status.
        const word = status === null && text.length < 60 ? leadingStatus(text) : null
        const rest = word ? text.slice(word.word.length).trim() : ''
        if (word && (!rest || /^[–—-]\s/.test(rest))) {
          status = word.status
          // The note stays in status_raw.
          statusRaw = statusRaw ?? text
        } else progress.push(text)
        break
      }
      case 'success':
        success.push(text)
        break
      case 'evidence':
        evidence.push(text)
        break
      case 'impact':
        impact.push(text)
        break
      case 'milestone': {
        if (outline) break
        for (const part of splitLabelledParts(cell.lines.map(fold))) {
          const body = part.lines.join(' ')
          if (!body) continue
          const labelled = part.label && part.target !== 'milestone' ? `${part.label}: ${body}` : body
          if (part.target === 'success') success.push(labelled)
          else if (part.target === 'evidence') evidence.push(labelled)
          else if (part.target === 'progress') progress.push(labelled)
          else if (part.target === 'due') extra[part.label!] = body
          else for (const line of part.lines) milestones.push(milestone(line, ctx.provenance))
        }
        break
      }
      default: {
        const key = role.header || role.role
        extra[key] = extra[key] ? `${extra[key]} ${text}` : text
      }
    }
  })

  // A status cell left without a rating may be coloured (RAG by fill only).
  for (const [col, role] of ctx.roles.entries()) {
    const fill = role.role === 'status' ? ctx.slots[col]?.cell.fill : null
    if (rag || !fill) continue
    rag = ragFromFill(fill)
    if (rag) ragSource = 'fill'
  }
  // A note opening with a bold status word ("Completed …") states the status.
  const progressSlot = ctx.slots[firstIndex(ctx.roles, 'progress')]
  let progressText = join(progress)
  if (status === null && progressSlot?.cell.boldLead) {
    const lead = leadingStatus(progressSlot.cell.boldLead)
    if (lead) {
      status = lead.status
      statusRaw = statusRaw ?? fold(progressSlot.cell.boldLead)
      progressText = fold((progressText ?? '').slice(fold(progressSlot.cell.boldLead).length)) || null
    }
  } else if (status === null && progressText) {
    // A note that is only a status word ("Completed") states the status.
    const lead = leadingStatus(progressText)
    if (lead && fold(progressText).length === lead.word.length) {
      status = lead.status
      statusRaw = statusRaw ?? progressText
      progressText = null
    }
  }
  if (!rag && progressText) {
    const tail = parseStatus(progressText.match(/(?:RED|AMBER|GREEN|BLUE)\.?$/)?.[0] ?? '')
    if (tail.rag) {
      rag = tail.rag
      ragSource = 'text'
    }
  }
  if (ctx.rowOrganisation && organisations.length === 0) organisations.push(expandWithKey(ctx.rowOrganisation, ctx.organisations))

  let due = parseUkDate(dueRaw)
  // One date per sub-action (the action cell's lines): each step becomes a milestone with its own
  // date, and the action is due when its last step is. Counts that differ keep the raw text only.
  if (actionLines.length >= 2 && dueLines.length === actionLines.length) {
    const dates = dueLines.map((l) => parseUkDate(l))
    if (dates.every((d) => d.iso)) {
      actionLines.forEach((line, i) => milestones.push({ ...milestone(line, ctx.provenance), due_date: dates[i]!.iso, due_raw: dueLines[i]! }))
      due = { iso: [...dates.map((d) => d.iso!)].sort().at(-1)!, problem: null }
    }
  }
  if (due.problem) {
    ctx.diagnostics.push({ level: 'warning', code: 'IMPOSSIBLE_DATE', message: `${due.problem}; kept as written`, page: ctx.provenance.page })
  }
  const text = join(actionLines) ?? (outline && ctx.outlineMilestone ? ctx.outlineMilestone : null) ?? ctx.fallbackText ?? ''
  return {
    action: {
      ref,
      text,
      leads,
      lead_raw: join(leadRaw, '; '),
      organisations: [...new Set(organisations)],
      due_date: due.iso,
      due_raw: dueRaw,
      status,
      rag,
      rag_source: ragSource,
      status_raw: statusRaw,
      progress: progressText,
      success_criteria: join(success, '; '),
      evidence: join(evidence, '; '),
      impact: join(impact, '; '),
      timeframe,
      extra,
      provenance: ctx.provenance,
      milestones,
    },
    mapped,
    unmapped,
  }
}
