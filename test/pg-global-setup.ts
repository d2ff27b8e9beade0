import type { TestProject } from 'vitest/node'
import { startCluster } from '../scripts/pg-cluster.js'

/**
 * A throwaway PostgreSQL cluster for the store tests (scripts/pg-cluster.ts), stopped and deleted
 * after the run. Tests get its URL by `inject('pgUrl')`; where PostgreSQL cannot be had they get
 * `inject('pgUnavailable')`, the reason, and skip saying it (test/store/drivers.ts).
 */

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null
    pgUnavailable: string | null
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  // Whatever goes wrong starting PostgreSQL skips its tests, saying why; it never stops the other tests.
  const cluster = await startCluster().catch((error: unknown) => ({ unavailable: `starting a cluster failed: ${error instanceof Error ? error.message : String(error)}` }))
  if ('unavailable' in cluster) {
    project.provide('pgUrl', null)
    project.provide('pgUnavailable', cluster.unavailable)
    process.stderr.write(`PostgreSQL store tests will be SKIPPED: ${cluster.unavailable}\n`)
    return undefined
  }
  project.provide('pgUrl', cluster.url)
  project.provide('pgUnavailable', null)
  return cluster.stop
}
