import type { Provenance, Table } from '../../schemas/index.js'
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
 * action listed in one cell), under the current recommendation group; a row of a milestone only
 * is a step of the action above. Rows are never folded here: assembly folds cut rows.
 */
const slotOf = (roles: readonly ColumnRole[], slots: readonly (GridSlot | null)[], role: string): GridSlot | null => {
  const i = roles.findIndex((c) => c.role === role)
  return i >= 0 ? (slots[i] ?? null) : null
}

export class ActionRows extends PlanState {

  protected dataRow(table: Table, r: number, rowSlots: (GridSlot | null)[]): void {
    const roles = this.rolesForRow(table, rowSlots)
    const provenance = this.provenance(table, r)
    // A theme column (a tracker's "Priority") names the theme of this row's recommendation: read it first.
    const themeSlot = slotOf(roles, rowSlots, 'theme')
    if (themeSlot?.cell.text.trim()) this.theme = fold(themeSlot.cell.text)
    const { slots, fallbackText, organisation, hasRecommendation } = this.rowRecommendation(roles, rowSlots, provenance)
    const at = (role: string): GridSlot | null => slotOf(roles, slots, role)

    const outline = isOutlineMilestone(roles)
    const milestoneSlot = at('milestone')
    if (outline && milestoneSlot?.cell.text.trim()) this.outlineMilestone = fold(milestoneSlot.cell.text)
    // A step of the action above: a milestone cell (and maybe its date), no action, no lead.
    const milestoneText = milestoneSlot?.origin ? fold(milestoneSlot.cell.text) : ''
    if (!outline && milestoneText && !at('action')?.cell.text.trim() && !at('lead')?.cell.text.trim() && !hasRecommendation && this.lastActions.length > 0) {
      return this.milestoneRow(table, r, milestoneText, at, filledCells(slots).length, provenance)
    }
    const owned = ['action', 'lead', 'due', 'status', 'organisation'].some((role) => at(role)?.cell.text.trim())
    const hasOwnText = Boolean(at('action')?.cell.text.trim()) || (outline && Boolean(milestoneSlot?.origin && milestoneSlot.cell.text.trim()))
    if (!owned && !hasOwnText && !hasRecommendation && this.lastActions.length > 0) {
      return this.rowWithoutAction(table, r, slots, roles)
    }
    this.actionsOfRow(table, r, roles, slots, { provenance, outline, fallbackText, organisation })
  }


  /** The roles for this row: the header's, or the header's shifted one column when the row fits that clearly better (a page whose columns moved). */
  private rolesForRow(table: Table, slots: readonly (GridSlot | null)[]): ColumnRole[] {
    const roles = this.roles!
    const candidates = shiftedRoles(roles, slots.length)
    const scores = candidates.map((c) => fitScore(c, slots))
    const best = scores.indexOf(Math.max(...scores))
    if (scores[best]! >= scores[0]! + 2) {
      this.roles = candidates[best]!
      this.columnTrace.push({ table: table.index, roles: this.roles })
      return this.roles
    }
    return roles.length !== slots.length ? candidates[0]! : roles
  }


  /**
   * A recommendation column on every row (Darlington): the row's recommendation, maybe repeated,
   * opened or found again. Returns the row's slots (a ref column that numbered the recommendation
   * taken out), the text an empty action cell falls back to, and the agency the cell names.
   */
  private rowRecommendation(roles: readonly ColumnRole[], slots: (GridSlot | null)[], provenance: Provenance): { slots: (GridSlot | null)[]; fallbackText: string | null; organisation: string | null; hasRecommendation: boolean } {
    const recSlot = slotOf(roles, slots, 'recommendation')
    if (!recSlot?.cell.text.trim()) return { slots, fallbackText: null, organisation: null, hasRecommendation: false }
    const parsed = parseRecommendationCell(recSlot.cell.text, recSlot.cell.boldLead)
    const actionText = slotOf(roles, slots, 'action')?.cell.text.trim() ?? ''
    // "IMMEDIATE DBC" alone: the recommendation itself stands in the action column.
    const recText = parsed.text || actionText
    // A ref column beside the recommendation column numbers the recommendation, not its first action.
    const refIndex = roles.findIndex((c) => c.role === 'ref')
    const refSlot = refIndex >= 0 ? slots[refIndex] : null
    const columnRef = refSlot?.origin && refSlot.cell.text.trim() ? cleanRef(refSlot.cell.text) : null
    const ownSlots = columnRef && !parsed.ref ? slots.map((s, i) => (i === refIndex ? null : s)) : slots
    if (columnRef && !parsed.ref) this.cells.mapped += 1
    const draft = this.startRecommendation(parsed.ref ?? columnRef, recText, null, provenance)
    if (!draft.timeframe && parsed.timeframe) draft.timeframe = parsed.timeframe
    for (const [label, value] of Object.entries(parsed.labelled)) draft.extra[label] ??= value
    for (const org of splitOrganisations(parsed.organisation ?? '')) if (!draft.organisations.includes(org)) draft.organisations.push(org)
    return { slots: ownSlots, fallbackText: parsed.text ? null : actionText, organisation: parsed.organisation, hasRecommendation: true }
  }


  /** A milestone row: a step of each action of the row above, with its own date and status. */
  private milestoneRow(table: Table, r: number, text: string, at: (role: string) => GridSlot | null, cells: number, provenance: Provenance): void {
    const dueText = at('due')?.cell.text.trim() || null
    const due = parseUkDate(dueText)
    const status = parseStatus(at('status')?.cell.text)
    for (const target of this.lastActions) {
      target.milestones.push({ text, due_date: due.iso, due_raw: dueText, status: status.status, rag: status.rag, provenance })
    }
    this.cells.mapped += cells
    this.record(table, r, 'milestone', text.slice(0, 60))
  }


  /** The actions of an action row: one per column group (one agency each), and per action listed in one cell. */
  private actionsOfRow(table: Table, r: number, roles: ColumnRole[], slots: (GridSlot | null)[], row: { provenance: Provenance; outline: boolean; fallbackText: string | null; organisation: string | null }): void {
    const { provenance, outline, fallbackText } = row
    const groups = [...new Set(roles.map((c) => c.group ?? null).filter((g): g is number => g !== null))]
    const views = groups.length < 2
      ? [{ slots, organisation: row.organisation }]
      : groups
          .map((g) => ({
            slots: slots.map((s, i) => (roles[i]?.group === g || roles[i]?.group == null ? s : null)),
            organisation: roles[g]?.agency ?? row.organisation,
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


  /**
   * A row with no action, lead, date, status, organisation, recommendation or milestone of its
   * own. Rows that a break cut are folded back in assembly (src/assemble/fold-rows.ts), the one
   * stage that folds rows; what is left here starts afresh, so it is not joined to the action
   * above (in pasted text it was most often a recommendation on a row of its own). Nor does it go
   * to the plan's notes, where a "Date updated" or "Position" cell would pass for the plan's date:
   * a warning quotes it (stored with the run, shown by `explain`), and its cells count as unmapped.
   */
  protected rowWithoutAction(table: Table, r: number, slots: (GridSlot | null)[], roles: ColumnRole[]): void {
    const cells = filledCells(slots).filter((f) => f.slot.origin)
    // Only cells merged down from the row above: nothing new on this row.
    if (cells.length === 0) return this.record(table, r, 'empty', 'only cells merged from above')
    this.cells.unmapped += cells.length
    const quoted = cells.map(({ col, slot }) => `${roles[col]?.header || `column ${col + 1}`}: "${fold(slot.cell.text)}"`).join('; ')
    const where = `table ${table.index + 1}, row ${r + 1}`
    this.diagnostics.push({ level: 'warning', code: 'ROW_WITHOUT_ACTION', message: `a row with no action of its own (${where}) left out, not joined to the action above: ${quoted}`, page: this.provenance(table, r).page })
    this.record(table, r, 'note', `no action of its own: ${fold(cells[0]!.slot.cell.text).slice(0, 60)}`)
  }

}
