import type { Paragraph, Provenance, Table } from '../../schemas/index.js'
import { gridOf, slotTexts, type GridSlot } from '../assemble/grid.js'
import { continuesHeader, isHeaderRow, roleOfHeader } from './column-roles.js'
import { combineHeaderRows, isGroupRow, isSubHeaderRow, type HeaderColumn } from './header-groups.js'
import { rolesOfTable } from './table-roles.js'
import { headRows, headsOpenRuns, loneRecommendation } from './rec-row.js'
import { leadingKeyRows } from './key-rows.js'
import { isCardTable, labelledLine, recommendationHeading, sectionHeading } from './layouts.js'
import { parseOrganisationKey, parsePersonnelKey, parseRagKeyRows, parseRagKeyText } from './document-keys.js'
import { parseRecommendationCell, REF_ONLY, splitOrganisations } from './packed-cells.js'
import { parseUkDate } from './parse-date.js'
import { parseStatus } from './parse-status.js'
import { ActionRows } from './action-rows.js'
import { fold } from './plan-state.js'
import { filledCells, isSectionRow, recommendationRow } from './row-class.js'

export type { RowClass, RowTrace } from './plan-state.js'

/** A cell that is data, not a header word: a date, a status or RAG, a reference. */
const looksLikeData = (text: string): boolean => {
  const status = parseStatus(text)
  return Boolean(parseUkDate(text).iso || status.status || status.rag || REF_ONLY.test(text))
}

/**
 * Walks the document's blocks in order and builds recommendations → actions → milestones. One
 * instance per document; state is the current column roles, section, recommendation group and
 * the last action (for milestone rows).
 */
export class PlanBuilder extends ActionRows {
  /** Rows of the current table shaped as a recommendation over its actions (rec-row.ts). */
  private heads = new Set<number>()
  private headsOpen = false

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
    this.heads = headRows(grid)
    this.headsOpen = headsOpenRuns(grid, this.heads)
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
    const lone = loneRecommendation(slots, this.roles, table.columns, this.heads.has(r) ? this.heads.size : 0, this.headsOpen)
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
}
