import type { Plan } from '../../schemas/index.js'
import {
  authorityKey, colourSignature, contentFingerprint, inspectionDate, normaliseTitle, planKey, planVersion, preferredRendition, recommendationOverlap,
  sameInspection,
} from './plan-key.js'
import type { Sql } from './sql.js'
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

  constructor(private readonly db: Sql) {
    this.writer = new PlanWriter(db)
  }

  /** The caller holds the transaction. */
  async import(plan: Plan, options: ImportOptions = {}): Promise<ImportResult> {
    const existing = await this.db.get<{ planId: string }>('SELECT plan_id AS "planId" FROM sources WHERE sha256 = ?', [plan.source.sha256])
    if (existing) {
      await this.notePath(plan.source.sha256, plan.source.path)
      const revision = (await this.db.get<{ revision: number }>('SELECT revision FROM plans WHERE id = ?', [existing.planId]))?.revision ?? 1
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
    const twin = await this.rendition(plan, facts)
    if (twin) return this.addRendition(plan, twin, facts, importedAt)
    const key = await this.identity(plan, facts)
    await this.writer.write({ ...plan, revision: await this.nextFree(key) }, key, importedAt, facts)
    const revision = (await this.renumber(key)).get(plan.id)!
    return { outcome: 'imported', planId: plan.id, revision }
  }

  /** Byte-identical copies: the file keeps the first of its names in sort order. */
  async notePath(sha256: string, path: string): Promise<void> {
    if (path === '-') return
    await this.db.run('UPDATE sources SET path = ? WHERE sha256 = ? AND path > ?', [path, sha256, path])
  }

  private async rendition(plan: Plan, facts: { authority_key: string; fingerprint: string; colours: string | null }): Promise<StoredRevision | null> {
    const candidates = await this.db.all<StoredRevision>(
      `SELECT p.id, p.plan_key, p.revision, p.inspectorate, p.colours, s.format, p.coverage, s.path FROM plans p
        JOIN sources s ON s.sha256 = p.source_sha256 WHERE p.authority_key = ? AND p.fingerprint = ? ORDER BY p.plan_key, p.revision`,
      [facts.authority_key, facts.fingerprint],
    )
    return candidates.find((c) => sameInspectorate(c.inspectorate, plan.inspectorate) && (c.colours === null || facts.colours === null || c.colours === facts.colours)) ?? null
  }

  private async addRendition(plan: Plan, twin: StoredRevision, facts: IdentityFacts, importedAt: string): Promise<ImportResult> {
    const better = preferredRendition({ format: plan.source.format, coverage: plan.coverage, path: plan.source.path }, twin) < 0
    if (!better) {
      await this.writer.writeSource(plan, twin.id, importedAt, facts)
      // An older copy of the file moves the revision's file time: the order may change.
      return { outcome: 'imported', planId: twin.id, revision: (await this.renumber(twin.plan_key)).get(twin.id)!, renditionOf: twin.id }
    }
    // The new file keeps the plan better: its records replace the stored ones, in the same revision.
    const sources = await this.db.all<{ sha256: string }>('SELECT sha256 FROM sources WHERE plan_id = ?', [twin.id])
    await this.deleteRevision(twin.id)
    await this.writer.write({ ...plan, revision: twin.revision }, twin.plan_key, importedAt, facts)
    for (const { sha256 } of sources) await this.db.run('UPDATE sources SET plan_id = ? WHERE sha256 = ?', [plan.id, sha256])
    // A colourless copy stored first takes the colours of the better file.
    await this.db.run('UPDATE plans SET colours = ? WHERE id = ?', [facts.colours, plan.id])
    // The better file may read the plan's date or version where the other did not.
    return { outcome: 'imported', planId: plan.id, revision: (await this.renumber(twin.plan_key)).get(plan.id)!, renditionOf: twin.id }
  }

  /** Removes a revision's records (its source rows stay: they are renditions of what replaces it). */
  private async deleteRevision(id: string): Promise<void> {
    await this.db.run('DELETE FROM search WHERE plan_id = ?', [id])
    await this.db.run('DELETE FROM record_themes WHERE plan_id = ?', [id])
    await this.db.run('DELETE FROM plans WHERE id = ?', [id])
  }

  /**
   * The plan a new revision belongs to: one whose files had this title (any rendition's), else one
   * of the same authority answering mostly the same recommendations (a retitled update). The
   * inspectorate and the inspection date break ties, and tell apart two plans of one authority with
   * one title (the 2012 and the 2015 inspection's "Improvement Plan"). A new plan otherwise.
   */
  private async identity(plan: Plan, facts: IdentityFacts): Promise<string> {
    const fresh = planKey(plan)
    if (fresh.startsWith('sha:')) return fresh
    const fits = (c: { inspectorate: string | null; inspection_date: string | null }): boolean =>
      sameInspectorate(c.inspectorate, plan.inspectorate) && sameInspection(c.inspection_date, facts.inspection_date)
    const byTitle = await this.db.all<{ key: string; inspectorate: string | null; inspection_date: string | null }>(
      `SELECT DISTINCT p.plan_key AS key, p.inspectorate, p.inspection_date FROM sources s JOIN plans p ON p.id = s.plan_id
        WHERE p.authority_key = ? AND s.title_key = ? ORDER BY p.plan_key`,
      [facts.authority_key, facts.title_key],
    )
    const titled = byTitle.filter(fits)
    const exact = titled.find((c) => c.inspectorate === plan.inspectorate && c.inspection_date === facts.inspection_date) ?? titled[0]
    if (exact) return exact.key
    const texts = plan.recommendations.map((r) => r.text)
    const latest = await this.db.all<{ id: string; key: string; inspectorate: string | null; inspection_date: string | null }>(
      `SELECT p.id, p.plan_key AS key, p.inspectorate, p.inspection_date FROM plans p WHERE p.authority_key = ?
        AND p.revision = (SELECT MAX(q.revision) FROM plans q WHERE q.plan_key = p.plan_key) ORDER BY p.plan_key`,
      [facts.authority_key],
    )
    for (const candidate of latest) {
      if (!fits(candidate)) continue
      const theirs = (await this.db.all<{ text: string }>('SELECT text FROM recommendations WHERE plan_id = ?', [candidate.id])).map((r) => r.text)
      if (recommendationOverlap(texts, theirs) >= 0.8) return candidate.key
    }
    // Same authority and title but another inspectorate or inspection: another plan, keyed apart.
    const taken = (await this.db.get('SELECT 1 FROM plans WHERE plan_key = ?', [fresh])) !== undefined
    return taken ? `${fresh}|${(plan.inspectorate ?? '').toLowerCase()}|${facts.inspection_date ?? ''}` : fresh
  }

  /** A revision number no row of the plan holds yet (renumbering follows at once). */
  private async nextFree(key: string): Promise<number> {
    const row = await this.db.get<{ n: number | null }>('SELECT MAX(revision) AS n FROM plans WHERE plan_key = ?', [key])
    return (row?.n ?? 0) + 1
  }

  /**
   * Numbers a plan's revisions 1, 2, … by the plan's own date, then its version, then the earliest
   * modification time of its files, then (all else equal) its fingerprint: never by import order.
   */
  async renumber(key: string): Promise<Map<string, number>> {
    const rows = await this.db.all<{ id: string }>(
      `SELECT p.id FROM plans p WHERE p.plan_key = ?
        ORDER BY COALESCE(p.plan_date, ''), COALESCE(p.version, -1),
          COALESCE((SELECT MIN(s.modified_at) FROM sources s WHERE s.plan_id = p.id), ''), p.fingerprint, p.id`,
      [key],
    )
    const order = new Map(rows.map((r, i) => [r.id, i + 1]))
    // Through negative numbers, so UNIQUE (plan_key, revision) holds at every step.
    for (const [id, n] of order) await this.db.run('UPDATE plans SET revision = ? WHERE id = ?', [-n, id])
    for (const [id, n] of order) await this.db.run('UPDATE plans SET revision = ? WHERE id = ?', [n, id])
    return order
  }
}
