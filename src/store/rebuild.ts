import type { Plan } from '../../schemas/index.js'
import { ragStatusKey, statusEffective } from '../interpret/status-effective.js'
import { PlanImporter } from './import-plan.js'
import { PLAN_COLUMNS, PlanReader, type PlanRow } from './read-plan.js'
import type { Sql } from './sql.js'

/**
 * Brings a database written before renditions, shared actions and status_effective (schema 3) up
 * to date: every stored plan is read back, upgraded in memory and imported again through the
 * importer, so files of one content fold into one revision and revisions are renumbered by date.
 * The old import time stands in for the file time, which was not recorded, so the old order holds
 * wherever the plans' own dates do not decide.
 */

const nameOf = (rec: Plan['recommendations'][number]): string => rec.ref ?? rec.text.slice(0, 40)

/** One source row stored once: copies of a shared action kept under the last recommendation they stood under, the others named. */
export function foldSharedActions(plan: Plan): Plan {
  const owners = new Map<string, number>()
  const answers = new Map<string, string[]>()
  const keyOf = (a: Plan['recommendations'][number]['actions'][number]): string => `${JSON.stringify(a.provenance)}\n${a.text}`
  plan.recommendations.forEach((rec, r) => {
    for (const action of rec.actions) {
      const key = keyOf(action)
      const before = owners.get(key)
      if (before !== undefined && before !== r) answers.set(key, [...(answers.get(key) ?? []), nameOf(plan.recommendations[before]!)])
      owners.set(key, r)
    }
  })
  const recommendations = plan.recommendations.map((rec, r) => ({
    ...rec,
    actions: rec.actions.filter((a) => owners.get(keyOf(a)) === r).map((a) => ({ ...a, also_answers: a.also_answers.length ? a.also_answers : (answers.get(keyOf(a)) ?? []) })),
  }))
  return { ...plan, recommendations }
}

export function upgradePlan(plan: Plan): Plan {
  const folded = foldSharedActions(plan)
  const key = ragStatusKey(folded.keys.rag, folded.notes)
  const { renditions: _renditions, ...rest } = folded
  return {
    ...rest,
    recommendations: rest.recommendations.map((rec) => ({
      ...rec,
      actions: rec.actions.map((a) => (a.status_source ? a : { ...a, ...statusEffective(a, key) })),
    })),
  }
}

/** The caller holds the transaction (a migration's). */
export async function rebuildIdentity(db: Sql): Promise<void> {
  const rows = await db.all<PlanRow & { imported_at: string }>(
    `SELECT ${PLAN_COLUMNS}, s.imported_at AS imported_at FROM plans p JOIN sources s ON s.sha256 = p.source_sha256 ORDER BY p.plan_key, p.revision`,
  )
  if (rows.length === 0) return
  const reader = new PlanReader(db)
  const plans: { plan: Plan; importedAt: string }[] = []
  for (const row of rows) plans.push({ plan: upgradePlan(await reader.read(row)), importedAt: row.imported_at })
  for (const table of ['search', 'record_themes', 'milestones', 'actions', 'recommendations', 'plans', 'sources']) await db.run(`DELETE FROM ${table}`)
  const importer = new PlanImporter(db)
  for (const { plan, importedAt } of plans) await importer.import(plan, { importedAt, modifiedAt: importedAt })
}
