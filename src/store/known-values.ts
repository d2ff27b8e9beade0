import type { Authority } from '../../schemas/index.js'
import type { Sql } from './sql.js'

/** Every authority named by a stored plan, once each, by name: what an --authority filter can match. */
export async function knownAuthorities(sql: Sql): Promise<Authority[]> {
  const byName = new Map<string, Authority>()
  for (const row of await sql.all<{ authorities: string }>('SELECT authorities FROM plans')) {
    for (const a of JSON.parse(row.authorities) as Authority[]) byName.set(a.name, a)
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name))
}
