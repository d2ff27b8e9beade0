import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe, inject } from 'vitest'

/**
 * The two store drivers, for one contract suite run against both. SQLite opens a fresh in-memory
 * database; PostgreSQL a fresh database in the throwaway cluster of test/pg-global-setup.ts. Where
 * PostgreSQL could not be had, its half of each suite is registered as skipped, the reason in its name.
 */

export type DriverName = 'sqlite' | 'postgres'

export const PG_URL = inject('pgUrl')
export const PG_UNAVAILABLE = inject('pgUnavailable') ?? (PG_URL ? null : 'no PostgreSQL cluster was started')

/** A new, empty database in the test cluster; its URL (with the cluster's password). */
export async function freshPgDatabase(): Promise<string> {
  if (!PG_URL) throw new Error(`PostgreSQL unavailable: ${PG_UNAVAILABLE}`)
  const name = `ap_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  return url.toString()
}

/** Where a fresh store of this driver lives: an in-memory SQLite database, or a new PostgreSQL database. */
export const freshTarget = (driver: DriverName): Promise<string> => (driver === 'sqlite' ? Promise.resolve(':memory:') : freshPgDatabase())

let warned = false

/** Registers `body` once per driver; the PostgreSQL half is skipped, saying why, when there is no cluster. */
export function forEachDriver(title: string, body: (driver: DriverName) => void): void {
  describe(`${title} [sqlite]`, () => body('sqlite'))
  if (PG_UNAVAILABLE) {
    if (!warned) process.stderr.write(`PostgreSQL store tests SKIPPED: ${PG_UNAVAILABLE}\n`)
    warned = true
    describe.skip(`${title} [postgres: SKIPPED, ${PG_UNAVAILABLE}]`, () => body('postgres'))
  } else describe(`${title} [postgres]`, () => body('postgres'))
}

/** Every plan an async generator yields. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}
