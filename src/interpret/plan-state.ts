import type { Diagnostic, Provenance, Recommendation, Table } from '../../schemas/index.js'
import type { ColumnRole } from './column-roles.js'
import type { KeyEntry } from './document-keys.js'
import { parseRecommendationCell, splitOrganisations } from './packed-cells.js'
import type { ActionDraft } from './row-fields.js'

/**
 * The state of one document's walk (plan-builder.ts): what has been read so far, the current
 * column roles, section and recommendation group, and the recommendation bookkeeping shared by
 * every kind of row.
 */

export type RowClass = 'empty' | 'header' | 'repeat' | 'section' | 'recommendation' | 'action' | 'milestone' | 'note' | 'key'

export interface RowTrace {
  table: number
  row: number
  page: number | null
  class: RowClass
  detail: string
}

export type RecDraft = Omit<Recommendation, 'id' | 'actions' | 'themes'> & { actions: ActionDraft[]; key: string }

export const fold = (t: string): string => t.replace(/\s+/g, ' ').trim()
/** Recommendation identity across rows: case, punctuation and spacing aside. */
const recKey = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()

export class PlanState {
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

  protected roles: ColumnRole[] | null = null
  protected theme: string | null = null
  protected group: RecDraft[] = []
  protected groupHasActions = false
  protected lastActions: ActionDraft[] = []
  protected outlineMilestone: string | null = null
  protected seenMeta = new Set<string>()
  protected expectRagKey = false
  protected sawTable = false
  /** The recommendation a heading paragraph opened, while labelled lines may still follow it. */
  protected headingRec: RecDraft | null = null
  /** A heading that named a recommendation ("Finding 2") whose text is the next paragraph. */
  protected pendingHeading: string | null = null


  protected record(table: Table, r: number, cls: RowClass, detail: string): void {
    // Numbered as the reader numbered it (as `tables` and each record's provenance are), not by the
    // row's place in a table that assembly joined over pages. Every row is traced, so the trace
    // takes only the row's place, not the box provenance() works out.
    const { page, table: t, row } = this.place(table, r)
    this.trace.push({ table: t ?? table.index, row: row ?? r, page, class: cls, detail })
  }

  private place(table: Table, r: number): Provenance {
    const cell = table.rows[r]?.cells[0]
    const page = cell?.provenance.page ?? table.provenance.page
    return { page, table: cell?.provenance.table ?? table.index, row: cell?.provenance.row ?? r }
  }

  protected provenance(table: Table, r: number): Provenance {
    const cells = table.rows[r]?.cells ?? []
    const where = this.place(table, r)
    // PDF: the row's box on its page, the union of its cells' boxes (a row folded from two pages keeps its first page's).
    let box: [number, number, number, number] | null = null
    for (const c of cells) {
      const b = c.provenance.bbox
      if (c.provenance.page !== where.page || !b) continue
      box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : [b[0], b[1], b[2], b[3]]
    }
    if (!box) return where
    const round = (n: number): number => Math.round(n * 10) / 10
    // A scan read by OCR: the row's confidence, the mean of its cells'.
    const read = cells.flatMap((c) => (c.provenance.confidence === undefined ? [] : [c.provenance.confidence]))
    if (read.length > 0) where.confidence = Math.round((read.reduce((a, b) => a + b, 0) / read.length) * 100) / 100
    return { ...where, bbox: [round(box[0]), round(box[1]), round(box[2]), round(box[3])] }
  }


  protected startRecommendation(ref: string | null, text: string, boldLead: string | null, provenance: Provenance): RecDraft {
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


  protected newGroup(first: RecDraft): void {
    this.group = [first]
    this.groupHasActions = first.actions.length > 0
    this.outlineMilestone = null
  }


  /** The same recommendation repeated on several rows (Darlington), possibly with a word more or less. */
  protected findRecommendation(key: string): RecDraft | null {
    for (const rec of this.recommendations) {
      if (rec.key === key) return rec
      const [short, long] = rec.key.length < key.length ? [rec.key, key] : [key, rec.key]
      if (short.length >= 60 && long.startsWith(short)) return rec
    }
    return null
  }
}
