import type { Table } from '../../schemas/index.js'
import type { GridSlot } from '../assemble/grid.js'
import type { ColumnRole } from './column-roles.js'
import { splitAlignedRow } from './aligned-lists.js'
import { cleanRef, parseRecommendationCell, splitOrganisations } from './packed-cells.js'
import { parseUkDate } from './parse-date.js'
import { parseStatus } from './parse-status.js'
import { fold, PlanState } from './plan-state.js'
import { filledCells, fitScore, shiftedRoles } from './row-class.js'
import { actionFromRow, isOutlineMilestone } from './row-fields.js'
import { attachToGroup } from './shared-actions.js'

/**
 * Rows under a header: a row of the action table becomes one action per column group (and per
 * action listed in one cell), under the current recommendation group; a row of notes only
 * continues the action above; a row of a milestone only is a step of it.
 */
export class ActionRows extends PlanState {

  protected dataRow(table: Table, r: number, slots: (GridSlot | null)[]): void {
    let roles = this.roles!
    // Columns shifted by one on this page? Keep the roles that fit the row clearly better.
    const candidates = shiftedRoles(roles, slots.length)
    const scores = candidates.map((c) => fitScore(c, slots))
    const best = scores.indexOf(Math.max(...scores))
    if (scores[best]! >= scores[0]! + 2) {
      roles = candidates[best]!
      this.roles = roles
      this.columnTrace.push({ table: table.index, roles })
    } else if (roles.length !== slots.length) roles = candidates[0]!
    const provenance = this.provenance(table, r)
    const at = (role: string): GridSlot | null => {
      const i = roles.findIndex((c) => c.role === role)
      return i >= 0 ? (slots[i] ?? null) : null
    }

    // A theme column (a tracker's "Priority") names the theme of this row's recommendation: read it first.
    const themeSlot = at('theme')
    if (themeSlot?.cell.text.trim()) this.theme = fold(themeSlot.cell.text)

    // A recommendation column on every row (Darlington): the row's recommendation, maybe repeated.
    let fallbackText: string | null = null
    let rowOrganisation: string | null = null
    const recSlot = at('recommendation')
    if (recSlot?.cell.text.trim()) {
      const parsed = parseRecommendationCell(recSlot.cell.text, recSlot.cell.boldLead)
      const actionText = at('action')?.cell.text.trim() ?? ''
      // "IMMEDIATE DBC" alone: the recommendation itself stands in the action column.
      const recText = parsed.text || actionText
      if (!parsed.text) fallbackText = actionText
      rowOrganisation = parsed.organisation
      // A ref column beside the recommendation column numbers the recommendation, not its first action.
      const refIndex = roles.findIndex((c) => c.role === 'ref')
      const refSlot = refIndex >= 0 ? slots[refIndex] : null
      const columnRef = refSlot?.origin && refSlot.cell.text.trim() ? cleanRef(refSlot.cell.text) : null
      if (columnRef && !parsed.ref) slots = slots.map((s, i) => (i === refIndex ? null : s))
      if (columnRef && !parsed.ref) this.cells.mapped += 1
      const draft = this.startRecommendation(parsed.ref ?? columnRef, recText, null, provenance)
      if (!draft.timeframe && parsed.timeframe) draft.timeframe = parsed.timeframe
      for (const [label, value] of Object.entries(parsed.labelled)) draft.extra[label] ??= value
      for (const org of splitOrganisations(parsed.organisation ?? '')) if (!draft.organisations.includes(org)) draft.organisations.push(org)
    }

    const outline = isOutlineMilestone(roles)
    const milestoneSlot = at('milestone')
    if (outline && milestoneSlot?.cell.text.trim()) this.outlineMilestone = fold(milestoneSlot.cell.text)

    // A step of the action above: a milestone cell (and maybe its date), no action, no lead.
    const milestoneText = milestoneSlot?.origin ? fold(milestoneSlot.cell.text) : ''
    if (!outline && milestoneText && !at('action')?.cell.text.trim() && !at('lead')?.cell.text.trim() && !recSlot?.cell.text.trim() && this.lastActions.length > 0) {
      const dueText = at('due')?.cell.text.trim() || null
      const due = parseUkDate(dueText)
      const status = parseStatus(at('status')?.cell.text)
      for (const target of this.lastActions) {
        target.milestones.push({ text: milestoneText, due_date: due.iso, due_raw: dueText, status: status.status, rag: status.rag, provenance })
      }
      this.cells.mapped += filledCells(slots).length
      return this.record(table, r, 'milestone', milestoneText.slice(0, 60))
    }
    const owned = ['action', 'lead', 'due', 'status', 'organisation'].some((role) => at(role)?.cell.text.trim())
    const hasOwnText = Boolean(at('action')?.cell.text.trim()) || (outline && Boolean(milestoneSlot?.origin && milestoneSlot.cell.text.trim()))
    if (!owned && !hasOwnText && !recSlot?.cell.text.trim() && this.lastActions.length > 0) {
      return this.continuation(table, r, slots, roles)
    }
    // One action per column group (one agency each); a one-group template has one view.
    const groups = [...new Set(roles.map((c) => c.group ?? null).filter((g): g is number => g !== null))]
    const views = groups.length < 2
      ? [{ slots, organisation: rowOrganisation }]
      : groups
          .map((g) => ({
            slots: slots.map((s, i) => (roles[i]?.group === g || roles[i]?.group == null ? s : null)),
            organisation: roles[g]?.agency ?? rowOrganisation,
            ownText: roles.some((c, i) => c.group === g && c.role === 'action' && Boolean(slots[i]?.cell.text.trim())),
          }))
          .filter((v) => v.ownText)
    if (this.group.length === 0) {
      this.diagnostics.push({ level: 'warning', code: 'ACTION_WITHOUT_RECOMMENDATION', message: `actions before any recommendation (table ${table.index + 1}, row ${r + 1}); kept under an unnamed recommendation`, page: provenance.page })
      this.startRecommendation(null, '', null, provenance)
    }
    this.lastActions = []
    for (const view of views) {
      // Several actions listed in one cell become one action each (aligned-lists.ts).
      const parts = splitAlignedRow(roles, view.slots) ?? [{ slots: view.slots, ref: null }]
      parts.forEach((part, k) => {
        const { action, mapped, unmapped } = actionFromRow({
          roles,
          slots: part.slots,
          provenance,
          personnel: this.personnel,
          organisations: this.organisationKey,
          outlineMilestone: outline ? this.outlineMilestone : null,
          fallbackText,
          rowOrganisation: view.organisation,
          diagnostics: this.diagnostics,
        })
        if (!action.ref && part.ref) action.ref = part.ref
        // The row's cells are counted once, with its first action.
        if (k === 0) {
          this.cells.mapped += mapped
          this.cells.unmapped += unmapped
        }
        this.lastActions.push(attachToGroup(this.group, action))
        this.record(table, r, 'action', action.text.slice(0, 60))
      })
    }
    this.groupHasActions = true
  }


  /** A row with only notes-like columns filled belongs to the action above (a cell broken over a page). */
  protected continuation(table: Table, r: number, slots: (GridSlot | null)[], roles: ColumnRole[]): void {
    const { action, mapped, unmapped } = actionFromRow({
      roles, slots, provenance: this.provenance(table, r), personnel: this.personnel, organisations: this.organisationKey,
      outlineMilestone: null, fallbackText: null, rowOrganisation: null, diagnostics: this.diagnostics,
    })
    this.cells.mapped += mapped
    this.cells.unmapped += unmapped
    const append = (a: string | null, b: string | null): string | null => (a && b ? `${a} ${b}` : a ?? b)
    for (const target of this.lastActions) {
      target.progress = append(target.progress, action.progress)
      target.success_criteria = append(target.success_criteria, action.success_criteria)
      target.evidence = append(target.evidence, action.evidence)
      target.impact = append(target.impact, action.impact)
      target.milestones.push(...action.milestones)
      for (const [k, v] of Object.entries(action.extra)) target.extra[k] = append(target.extra[k] ?? null, v)!
    }
    this.record(table, r, 'continuation', 'joined to the action above')
  }
}
