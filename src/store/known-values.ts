import type Database from 'better-sqlite3'
import type { Authority } from '../../schemas/index.js'

/** Every authority named by a stored plan, once each, by name: what an --authority filter can match. */
export function knownAuthorities(db: Database.Database): Authority[] {
  const byName = new Map<string, Authority>()
  for (const row of db.prepare('SELECT authorities FROM plans').all() as { authorities: string }[]) {
    for (const a of JSON.parse(row.authorities) as Authority[]) byName.set(a.name, a)
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name))
}
