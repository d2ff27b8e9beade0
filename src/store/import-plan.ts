import type { Database } from 'better-sqlite3'
import type { Plan } from '../../schemas/index.js'
import {
  authorityKey, colourSignature, contentFingerprint, inspectionDate, normaliseTitle, planKey, planVersion, preferredRendition, recommendationOverlap,
  sameInspection,
} from './plan-key.js'
import { PlanWriter, type IdentityFacts } from './write-plan.js'

/**
 * Where a new file goes (DESIGN.md, "Identity over time"):
 * - the same content as a stored revision of the same authority (fingerprint, colours agreeing) is
 *   a rendition of it: its file is listed with the revision, and its records are stored only if
 *   its format keeps the plan better than the one stored (so the result never depends on order);
 * - otherwise it is a new revision of the plan it belongs to (a title any of the plan's files had,
 *   else most of the same recommendations), or the first revision of a new plan;
 * - a plan's revisions are renumbered by the plan's own date, then version, then file time.
 */

export interface ImportResult {
  outcome: 'imported' | 'unchanged'
  planId: string
  revision: number
  /** Set when the file holds the same content as a stored revision: the id of that revision. */
  renditionOf?: string
}

export interface ImportOptions {
  /** The file's modification time (ISO 8601), the last tie-breaker between revisions. */
  modifiedAt?: string | null
  importedAt?: string
  /** The plan is interpretPlan's own output, validated as it was made: not validated again (it took a third of storing it). */
  validated?: boolean
}

interface StoredRevision {
  id: string
  plan_key: string
  revision: number
  inspectorate: string | null
  colours: string | null
  format: string
  coverage: number
  path: string
}

/** Two inspectorates tell plans apart only when both are named and differ. */
const sameInspectorate = (a: string | null, b: string | null): boolean => a === null || b === null || a === b

export class PlanImporter {
  private readonly writer: PlanWriter

  constructor(private readonly db: Database) {
    this.writer = new PlanWriter(db)
  }

  /** The caller holds the transaction. */
  import(plan: Plan, options: ImportOptions = {}): ImportResult {
    const existing = this.db.prepare('SELECT plan_id AS planId FROM sources WHERE sha256 = ?').get(plan.source.sha256) as { planId: string } | undefined
    if (existing) {
      this.notePath(plan.source.sha256, plan.source.path)
      const revision = (this.db.prepare('SELECT revision FROM plans WHERE id = ?').get(existing.planId) as { revision: number } | undefined)?.revision ?? 1
      return { outcome: 'unchanged', planId: existing.planId, revision }
    }
    const importedAt = options.importedAt ?? new Date().toISOString()
    const facts = {
      authority_key: authorityKey(plan),
      fingerprint: contentFingerprint(plan),
      colours: colourSignature(plan),
      version: planVersion(plan),
      inspection_date: inspectionDate(plan),
      title_key: normaliseTitle(plan.title),
      modified_at: options.modifiedAt ?? null,
    }
    const twin = this.rendition(plan, facts)
    if (twin) return this.addRendition(plan, twin, facts, importedAt)
    const key = this.identity(plan, facts)
    this.writer.write({ ...plan, revision: this.nextFree(key) }, key, importedAt, facts)
    const revision = this.renumber(key).get(plan.id)!
    return { outcome: 'imported', planId: plan.id, revision }
  }

  /** Byte-identical copies: the file keeps the first of its names in sort order. */
  notePath(sha256: string, path: string): void {
    if (path === '-') return
    this.db.prepare('UPDATE sources SET path = ? WHERE sha256 = ? AND path > ?').run(path, sha256, path)
  }

  private rendition(plan: Plan, facts: { authority_key: string; fingerprint: string; colours: string | null }): StoredRevision | null {
    const candidates = this.db
      .prepare(`SELECT p.id, p.plan_key, p.revision, p.inspectorate, p.colours, s.format, p.coverage, s.path FROM plans p
        JOIN sources s ON s.sha256 = p.source_sha256 WHERE p.authority_key = ? AND p.fingerprint = ? ORDER BY p.plan_key, p.revision`)
      .all(facts.authority_key, facts.fingerprint) as StoredRevision[]
    return candidates.find((c) => sameInspectorate(c.inspectorate, plan.inspectorate) && (c.colours === null || facts.colours === null || c.colours === facts.colours)) ?? null
  }

  private addRendition(plan: Plan, twin: StoredRevision, facts: IdentityFacts, importedAt: string): ImportResult {
    const better = preferredRendition({ format: plan.source.format, coverage: plan.coverage, path: plan.source.path }, twin) < 0
    if (!better) {
      this.writer.writeSource(plan, twin.id, importedAt, facts)
      // An older copy of the file moves the revision's file time: the order may change.
      return { outcome: 'imported', planId: twin.id, revision: this.renumber(twin.plan_key).get(twin.id)!, renditionOf: twin.id }
    }
    // The new file keeps the plan better: its records replace the stored ones, in the same revision.
    const sources = this.db.prepare('SELECT sha256 FROM sources WHERE plan_id = ?').all(twin.id) as { sha256: string }[]
    this.deleteRevision(twin.id)
    this.writer.write({ ...plan, revision: twin.revision }, twin.plan_key, importedAt, facts)
    const repoint = this.db.prepare('UPDATE sources SET plan_id = ? WHERE sha256 = ?')
    for (const { sha256 } of sources) repoint.run(plan.id, sha256)
    // A colourless copy stored first takes the colours of the better file.
    this.db.prepare('UPDATE plans SET colours = ? WHERE id = ?').run(facts.colours, plan.id)
    // The better file may read the plan's date or version where the other did not.
    return { outcome: 'imported', planId: plan.id, revision: this.renumber(twin.plan_key).get(plan.id)!, renditionOf: twin.id }
  }

  /** Removes a revision's records (its source rows stay: they are renditions of what replaces it). */
  private deleteRevision(id: string): void {
    this.db.prepare('DELETE FROM search WHERE plan_id = ?').run(id)
    this.db.prepare('DELETE FROM record_themes WHERE plan_id = ?').run(id)
    this.db.prepare('DELETE FROM plans WHERE id = ?').run(id)
  }

  /**
   * The plan a new revision belongs to: one whose files had this title (any rendition's), else one
   * of the same authority answering mostly the same recommendations (a retitled update). The
   * inspectorate and the inspection date break ties, and tell apart two plans of one authority with
   * one title (the 2012 and the 2015 inspection's "Improvement Plan"). A new plan otherwise.
   */
  private identity(plan: Plan, facts: IdentityFacts): string {
    const fresh = planKey(plan)
    if (fresh.startsWith('sha:')) return fresh
    const fits = (c: { inspectorate: string | null; inspection_date: string | null }): boolean =>
      sameInspectorate(c.inspectorate, plan.inspectorate) && sameInspection(c.inspection_date, facts.inspection_date)
    const byTitle = this.db
      .prepare(`SELECT DISTINCT p.plan_key AS key, p.inspectorate, p.inspection_date FROM sources s JOIN plans p ON p.id = s.plan_id
        WHERE p.authority_key = ? AND s.title_key = ? ORDER BY p.plan_key`)
      .all(facts.authority_key, facts.title_key) as { key: string; inspectorate: string | null; inspection_date: string | null }[]
    const titled = byTitle.filter(fits)
    const exact = titled.find((c) => c.inspectorate === plan.inspectorate && c.inspection_date === facts.inspection_date) ?? titled[0]
    if (exact) return exact.key
    const texts = plan.recommendations.map((r) => r.text)
    const latest = this.db
      .prepare(`SELECT p.id, p.plan_key AS key, p.inspectorate, p.inspection_date FROM plans p WHERE p.authority_key = ?
        AND p.revision = (SELECT MAX(q.revision) FROM plans q WHERE q.plan_key = p.plan_key) ORDER BY p.plan_key`)
      .all(facts.authority_key) as { id: string; key: string; inspectorate: string | null; inspection_date: string | null }[]
    const recTexts = this.db.prepare('SELECT text FROM recommendations WHERE plan_id = ?')
    for (const candidate of latest) {
      if (!fits(candidate)) continue
      const theirs = (recTexts.all(candidate.id) as { text: string }[]).map((r) => r.text)
      if (recommendationOverlap(texts, theirs) >= 0.8) return candidate.key
    }
    // Same authority and title but another inspectorate or inspection: another plan, keyed apart.
    const taken = this.db.prepare('SELECT 1 FROM plans WHERE plan_key = ?').get(fresh) !== undefined
    return taken ? `${fresh}|${(plan.inspectorate ?? '').toLowerCase()}|${facts.inspection_date ?? ''}` : fresh
  }

  /** A revision number no row of the plan holds yet (renumbering follows at once). */
  private nextFree(key: string): number {
    const row = this.db.prepare('SELECT MAX(revision) AS n FROM plans WHERE plan_key = ?').get(key) as { n: number | null }
    return (row.n ?? 0) + 1
  }

  /**
   * Numbers a plan's revisions 1, 2, … by the plan's own date, then its version, then the earliest
   * modification time of its files, then (all else equal) its fingerprint: never by import order.
   */
  renumber(key: string): Map<string, number> {
    const rows = this.db
      .prepare(`SELECT p.id FROM plans p WHERE p.plan_key = ?
        ORDER BY COALESCE(p.plan_date, ''), COALESCE(p.version, -1),
          COALESCE((SELECT MIN(s.modified_at) FROM sources s WHERE s.plan_id = p.id), ''), p.fingerprint, p.id`)
      .all(key) as { id: string }[]
    const order = new Map(rows.map((r, i) => [r.id, i + 1]))
    // Through negative numbers, so UNIQUE (plan_key, revision) holds at every step.
    const set = this.db.prepare('UPDATE plans SET revision = ? WHERE id = ?')
    for (const [id, n] of order) set.run(-n, id)
    for (const [id, n] of order) set.run(n, id)
    return order
  }
}
