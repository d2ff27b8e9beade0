import type { Diagnostic, Paragraph, Provenance, Recommendation, Table } from '../../schemas/index.js'
import { gridOf, slotTexts, type GridSlot } from '../assemble/grid.js'
import { continuesHeader, isHeaderRow, roleOfHeader, type ColumnRole } from './column-roles.js'
import { combineHeaderRows, isGroupRow, isSubHeaderRow, type HeaderColumn } from './header-groups.js'
import { rolesOfTable } from './table-roles.js'
import { loneRecommendation } from './rec-row.js'
import { splitAlignedRow } from './aligned-lists.js'
import { leadingKeyRows } from './key-rows.js'
import { isCardTable, labelledLine, recommendationHeading, sectionHeading } from './layouts.js'
import { parseOrganisationKey, parsePersonnelKey, parseRagKeyRows, parseRagKeyText, type KeyEntry } from './document-keys.js'
import { cleanRef, parseRecommendationCell, REF_ONLY, splitOrganisations } from './packed-cells.js'
import { parseUkDate } from './parse-date.js'
import { parseStatus } from './parse-status.js'
import { actionFromRow, isOutlineMilestone, type ActionDraft } from './row-fields.js'
import { filledCells, fitScore, isSectionRow, recommendationRow, shiftedRoles } from './row-class.js'

export type RowClass = 'empty' | 'header' | 'repeat' | 'section' | 'recommendation' | 'action' | 'milestone' | 'continuation' | 'note' | 'key'

export interface RowTrace {
  table: number
  row: number
  page: number | null
  class: RowClass
  detail: string
}

type RecDraft = Omit<Recommendation, 'id' | 'actions' | 'themes'> & { actions: ActionDraft[]; key: string }

/** A cell that is data, not a header word: a date, a status or RAG, a reference. */
const looksLikeData = (text: string): boolean => {
  const status = parseStatus(text)
  return Boolean(parseUkDate(text).iso || status.status || status.rag || REF_ONLY.test(text))
}

const fold = (t: string): string => t.replace(/\s+/g, ' ').trim()
/** Recommendation identity across rows: case, punctuation and spacing aside. */
const recKey = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()

/**
 * Walks the document's blocks in order and builds recommendations → actions → milestones. One
 * instance per document; state is the current column roles, section, recommendation group and
 * the last action (for continuation rows).
 */
export class PlanBuilder {
  readonly recommendations: RecDraft[] = []
  readonly notes: { label: string | null; text: string }[] = []
  readonly personnel: KeyEntry[] = []
  readonly organisationKey: KeyEntry[] = []
  readonly ragKey: KeyEntry[] = []
  readonly diagnostics: Diagnostic[] = []
  readonly trace: RowTrace[] = []
  readonly columnTrace: { table: number; roles: ColumnRole[] }[] = []
  /** Bold or heading paragraphs before the first table: the title is drawn from them (plan-title.ts). */
  titleLines: string[] = []
  /** A heading row above the first table header: the title when the plan has no title paragraph. */
  firstSection: string | null = null
  cells = { mapped: 0, unmapped: 0 }

  private roles: ColumnRole[] | null = null
  private theme: string | null = null
  private group: RecDraft[] = []
  private groupHasActions = false
  private lastActions: ActionDraft[] = []
  private outlineMilestone: string | null = null
  private seenMeta = new Set<string>()
  private expectRagKey = false
  private sawTable = false
  /** The recommendation a heading paragraph opened, while labelled lines may still follow it. */
  private headingRec: RecDraft | null = null
  /** A heading that named a recommendation ("Finding 2") whose text is the next paragraph. */
  private pendingHeading: string | null = null

  paragraph(p: Paragraph): void {
    const text = fold(p.text)
    if (!text) return
    if (/^(?:key\s+to\s+rag|rag\s+key|rag\s+rating\s+key|key\s+to\s+rating)/i.test(text)) {
      // The key is either in this paragraph ("RAG key: red – …; green – …") or in the table below it.
      const inline = parseRagKeyText(text)
      this.ragKey.push(...inline)
      this.expectRagKey = inline.length === 0
      this.notes.push({ label: null, text })
      return
    }
    if (this.headingParagraph(p, text)) return
    if (!this.sawTable && (p.bold || p.heading !== null) && this.titleLines.length < 6) {
      this.titleLines.push(text)
    }
    this.notes.push({ label: null, text })
  }

  /**
   * A recommendation written outside the tables: "Recommendation 3: …" (or its label, then its
   * text in the next paragraph), then labelled lines ("Agency: …") that belong to it. The table
   * after it holds its actions.
   */
  private headingParagraph(p: Paragraph, text: string): boolean {
    const provenance: Provenance = { page: p.provenance.page, table: null, row: null }
    const heading = p.listItem ? null : recommendationHeading(text)
    if (heading) {
      this.headingRec = null
      this.pendingHeading = heading.text ? null : heading.ref
      if (heading.text) this.headingRec = this.startRecommendation(heading.ref, heading.text, null, provenance)
      return true
    }
    if (this.pendingHeading !== null) {
      this.headingRec = this.startRecommendation(this.pendingHeading, text, null, provenance)
      this.pendingHeading = null
      return true
    }
    const labelled = this.headingRec ? labelledLine(text) : null
    if (labelled && this.headingRec) {
      const parsed = parseRecommendationCell(`x ${labelled.label}: ${labelled.value}`)
      for (const org of splitOrganisations(parsed.organisation ?? '')) if (!this.headingRec.organisations.includes(org)) this.headingRec.organisations.push(org)
      this.headingRec.timeframe ??= parsed.timeframe
      if (!parsed.organisation && !parsed.timeframe) this.headingRec.extra[labelled.label] = labelled.value
      return true
    }
    const section = sectionHeading(text)
    if (section && (p.heading !== null || p.bold)) {
      this.theme = section
      this.headingRec = null
      // Before the first table it may still be part of the title block.
      return this.sawTable
    }
    this.headingRec = null
    return false
  }

  table(table: Table): void {
    this.sawTable = true
    let grid = gridOf(table)
    // A small key table and the plan after it, joined into one table when nothing stood between.
    const keyRows = this.expectRagKey ? leadingKeyRows(grid) : 0
    if (keyRows > 0 && keyRows < grid.length) {
      this.ragKey.push(...parseRagKeyRows(grid.slice(0, keyRows).map((slots) => ({ texts: slotTexts(slots), fills: slots.map((s) => s?.cell.fill ?? null) }))))
      this.cells.mapped += grid.slice(0, keyRows).flatMap((s) => filledCells(s)).length
      this.record(table, 0, 'key', `RAG key (${keyRows} rows)`)
      this.expectRagKey = false
      grid = grid.slice(keyRows)
    }
    // A key is a small table; anything larger after the key's heading is the plan itself.
    if (this.expectRagKey && table.columns <= 3 && grid.length <= 8) {
      this.expectRagKey = false
      this.ragKey.push(...parseRagKeyRows(grid.map((slots) => ({ texts: slotTexts(slots), fills: slots.map((s) => s?.cell.fill ?? null) }))))
      this.cells.mapped += grid.flatMap((s) => filledCells(s)).length
      return
    }
    this.expectRagKey = false
    this.headingRec = null
    this.pendingHeading = null
    if (isCardTable(grid)) return this.cardTable(table, grid)
    for (let r = 0; r < grid.length; r += 1) {
      const slots = grid[r]!
      const next = grid[r + 1]
      const texts = slotTexts(slots)
      if (next && (isGroupRow(slots, next) || isSubHeaderRow(slots, next))) {
        // A two-level header: group names over sub-headers.
        this.setHeader(table, r, combineHeaderRows(slots, next), filledCells(slots).length + filledCells(next).length, grid.slice(r + 2, r + 32))
        this.record(table, r + 1, 'header', 'sub-headers under the group row above')
        r += 1
        continue
      }
      // One cell across the table repeats its text in every slot: a banner, never a header.
      const headerLike = filledCells(slots).length >= 2 && isHeaderRow(texts)
      if (next && headerLike && continuesHeader(texts, slotTexts(next), looksLikeData)) {
        // A header wrapped over two rows: read them as one.
        this.setHeader(table, r, texts.map((t, i) => ({ header: `${t} ${slotTexts(next)[i] ?? ''}`.trim(), group: null })), filledCells(slots).length + filledCells(next).length, grid.slice(r + 2, r + 32))
        this.record(table, r + 1, 'header', 'second line of the header above')
        r += 1
        continue
      }
      // A header wrapped over two rows whose first row alone names too few roles to pass.
      const combined = next ? texts.map((t, i) => `${t} ${slotTexts(next)[i] ?? ''}`.trim()) : []
      if (next && !headerLike && filledCells(slots).length >= 2 && isHeaderRow(combined) && continuesHeader(texts, slotTexts(next), looksLikeData)) {
        this.setHeader(table, r, combined.map((header) => ({ header, group: null })), filledCells(slots).length + filledCells(next).length, grid.slice(r + 2, r + 32))
        this.record(table, r + 1, 'header', 'second line of the header above')
        r += 1
        continue
      }
      if (headerLike) {
        this.setHeader(table, r, texts.map((header) => ({ header, group: null })), filledCells(slots).length, grid.slice(r + 1, r + 31))
        continue
      }
      this.row(table, r, slots)
    }
  }

  /**
   * Cards: each card's labels are its header and its values one action. Cards that follow each
   * other closely may come as one table; a card starts again where its first label comes back.
   */
  private cardTable(table: Table, grid: (GridSlot | null)[][]): void {
    const label = (row: (GridSlot | null)[]): string => (row[0]?.cell.text ?? '').replace(/:\s*$/, '').trim()
    // A card starts again where a label comes back (its first row may have been taken as a repeated header).
    const starts: number[] = []
    let seen = new Set<string>()
    grid.forEach((row, r) => {
      if (r === 0 || seen.has(label(row))) {
        starts.push(r)
        seen = new Set()
      }
      seen.add(label(row))
    })
    const cards = starts.map((s, i) => grid.slice(s, starts[i + 1] ?? grid.length))
    // The same label across the cards is one column: its values together are its content evidence.
    const samples = new Map<string, (GridSlot | null)[][]>()
    for (const card of cards) for (const row of card) samples.set(label(row), [...(samples.get(label(row)) ?? []), [row[1] ? { cell: { ...row[1].cell, col: 0 }, origin: true } : null]])
    cards.forEach((card, i) => {
      const labels = card.map((row) => ({ header: label(row), group: null }))
      this.roles = rolesOfTable(labels, []).map((role, c) => {
        const evidence = rolesOfTable([labels[c]!], samples.get(labels[c]!.header) ?? [])[0]!
        return { ...evidence, group: role.group ?? null, agency: role.agency ?? null }
      })
      this.columnTrace.push({ table: table.index, roles: this.roles })
      this.cells.mapped += labels.length
      this.record(table, starts[i]!, 'header', `card: ${this.roles.map((c) => c.role ?? `extra:${c.header}`).join(' | ')}`)
      this.dataRow(table, starts[i]!, card.map((row) => (row[1] ? { ...row[1], origin: true } : null)))
    })
    // A card's roles describe that card only.
    this.roles = null
  }

  private setHeader(table: Table, r: number, columns: HeaderColumn[], cells: number, below: (GridSlot | null)[][] = []): void {
    // The rows beneath up to the next header-like row are the content the columns are judged by.
    const end = below.findIndex((slots) => isHeaderRow(slotTexts(slots)))
    this.roles = rolesOfTable(columns, end >= 0 ? below.slice(0, end) : below)
    this.columnTrace.push({ table: table.index, roles: this.roles })
    this.cells.mapped += cells
    this.record(table, r, 'header', this.roles.map((c) => c.role ?? `extra:${c.header}`).join(' | '))
  }

  private record(table: Table, r: number, cls: RowClass, detail: string): void {
    const page = table.rows[r]?.cells[0]?.provenance.page ?? table.provenance.page
    this.trace.push({ table: table.index, row: r, page, class: cls, detail })
  }

  private provenance(table: Table, r: number): Provenance {
    const cells = table.rows[r]?.cells ?? []
    const cell = cells[0]
    const page = cell?.provenance.page ?? table.provenance.page
    const where: Provenance = { page, table: cell?.provenance.table ?? table.index, row: cell?.provenance.row ?? r }
    // PDF: the row's box on its page, the union of its cells' boxes (a row folded from two pages keeps its first page's).
    const boxes = cells.filter((c) => c.provenance.page === page).flatMap((c) => (c.provenance.bbox ? [c.provenance.bbox] : []))
    if (boxes.length === 0) return where
    const round = (n: number): number => Math.round(n * 10) / 10
    return { ...where, bbox: [round(Math.min(...boxes.map((b) => b[0]))), round(Math.min(...boxes.map((b) => b[1]))), round(Math.max(...boxes.map((b) => b[2]))), round(Math.max(...boxes.map((b) => b[3])))] }
  }

  private row(table: Table, r: number, slots: (GridSlot | null)[]): void {
    const texts = slotTexts(slots)
    const filled = filledCells(slots)
    if (filled.length === 0) return this.record(table, r, 'empty', '')
    const signature = texts.map(fold).join('\t')
    if (this.seenMeta.has(signature)) {
      this.cells.mapped += filled.length
      return this.record(table, r, 'repeat', 'same as an earlier title or key row')
    }
    if (isSectionRow(slots, table.columns)) {
      this.theme = fold(filled[0]!.slot.cell.text)
      if (!this.roles) {
        this.seenMeta.add(signature)
        this.firstSection ??= this.theme
      }
      this.cells.mapped += 1
      return this.record(table, r, 'section', this.theme)
    }
    const rec = recommendationRow(slots)
    if (rec) {
      this.cells.mapped += filled.length
      const draft = this.startRecommendation(rec.ref, rec.text, rec.boldLead, this.provenance(table, r))
      return this.record(table, r, 'recommendation', `${draft.ref ?? ''} ${draft.text.slice(0, 60)}`.trim())
    }
    if (!this.roles) return this.preTableRow(table, r, slots, signature)
    const lone = loneRecommendation(slots, this.roles, table.columns)
    if (lone) {
      this.cells.mapped += 1
      const draft = this.startRecommendation(null, lone.text, lone.boldLead, this.provenance(table, r))
      return this.record(table, r, 'recommendation', `${draft.ref ?? ''} ${draft.text.slice(0, 60)} ← ${lone.because.join('; ')}`.trim())
    }
    this.dataRow(table, r, slots)
  }

  /** Rows before any header: key/value blocks, keys, labelled notes, an AREA FOR IMPROVEMENT. */
  private preTableRow(table: Table, r: number, slots: (GridSlot | null)[], signature: string): void {
    const filled = filledCells(slots).map((f) => fold(f.slot.cell.text))
    this.seenMeta.add(signature)
    this.cells.mapped += filled.length
    for (const text of filled) {
      if (/^personnel\s+key\b/i.test(text)) {
        this.personnel.push(...parsePersonnelKey(text))
        this.record(table, r, 'key', 'personnel key')
      } else if (/^organi[sz]ations?\s+key\b/i.test(text)) {
        this.organisationKey.push(...parseOrganisationKey(text))
        this.record(table, r, 'key', 'organisation key')
      }
    }
    if (filled.some((t) => /^(?:personnel|organi[sz]ations?)\s+key\b/i.test(t))) return
    const [label, ...rest] = filled
    const value = rest.join(' ')
    if (filled.length >= 2 && label && label.length <= 60 && roleOfHeader(label).role === 'recommendation') {
      const draft = this.startRecommendation(null, value, null, this.provenance(table, r))
      return this.record(table, r, 'recommendation', `${draft.ref ?? ''} ${draft.text.slice(0, 60)}`.trim())
    }
    if (filled.length >= 2 && label && label.length <= 60 && !/[.]$/.test(label)) {
      this.notes.push({ label: label.replace(/:$/, ''), text: value })
      return this.record(table, r, 'note', label)
    }
    for (const text of filled) {
      const labelled = text.match(/^([^:]{2,60}):\s*(.+)$/)
      this.notes.push(labelled ? { label: labelled[1]!.trim(), text: labelled[2]!.trim() } : { label: null, text })
    }
    this.record(table, r, 'note', filled[0]!.slice(0, 60))
  }

  private startRecommendation(ref: string | null, text: string, boldLead: string | null, provenance: Provenance): RecDraft {
    const parsed = parseRecommendationCell(text, boldLead)
    const key = recKey(parsed.text)
    const existing = key ? this.findRecommendation(key) : null
    if (existing) {
      for (const org of splitOrganisations(parsed.organisation ?? '')) if (!existing.organisations.includes(org)) existing.organisations.push(org)
      if (!this.group.includes(existing)) this.newGroup(existing)
      return existing
    }
    const draft: RecDraft = {
      ref: ref ? ref.replace(/[.:)]+$/, '') : parsed.ref,
      text: parsed.text,
      theme: this.theme,
      timeframe: parsed.timeframe,
      organisations: splitOrganisations(parsed.organisation ?? ''),
      shares_actions_with: [],
      extra: { ...parsed.labelled },
      provenance,
      actions: [],
      key,
    }
    this.recommendations.push(draft)
    if (this.groupHasActions || this.group.length === 0) this.newGroup(draft)
    else this.group.push(draft)
    this.outlineMilestone = null
    return draft
  }

  private newGroup(first: RecDraft): void {
    this.group = [first]
    this.groupHasActions = first.actions.length > 0
    this.outlineMilestone = null
  }

  /** The same recommendation repeated on several rows (Darlington), possibly with a word more or less. */
  private findRecommendation(key: string): RecDraft | null {
    for (const rec of this.recommendations) {
      if (rec.key === key) return rec
      const [short, long] = rec.key.length < key.length ? [rec.key, key] : [key, rec.key]
      if (short.length >= 60 && long.startsWith(short)) return rec
    }
    return null
  }

  private dataRow(table: Table, r: number, slots: (GridSlot | null)[]): void {
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
    const themeSlot = at('theme')
    if (themeSlot?.cell.text.trim()) this.theme = fold(themeSlot.cell.text)

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
        for (const rec of this.group) {
          const copy = structuredClone(action)
          rec.actions.push(copy)
          this.lastActions.push(copy)
        }
        this.record(table, r, 'action', action.text.slice(0, 60))
      })
    }
    if (this.group.length > 1) {
      for (const rec of this.group) rec.shares_actions_with = this.group.filter((o) => o !== rec).map((o) => o.ref ?? o.text.slice(0, 40))
    }
    this.groupHasActions = true
  }

  /** A row with only notes-like columns filled belongs to the action above (a cell broken over a page). */
  private continuation(table: Table, r: number, slots: (GridSlot | null)[], roles: ColumnRole[]): void {
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
