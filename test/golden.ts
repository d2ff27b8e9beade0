import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { expect } from 'vitest'

/**
 * Golden files: the expected output sits beside its input as a file a person can read and review.
 * `UPDATE_GOLDENS=1` (npm run test:update) rewrites them; a missing golden fails the test rather
 * than being written silently, so a test can never pass by creating its own expectation.
 */
const UPDATE = process.env.UPDATE_GOLDENS === '1'
// CI checks goldens; it never writes them, or a run could pass by rewriting its own expectations.
if (UPDATE && process.env.CI) throw new Error('UPDATE_GOLDENS is refused when CI is set: goldens are rewritten by a person, reviewed, and committed')

export function expectGoldenText(path: string, actual: string): void {
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, actual)
    return
  }
  if (!existsSync(path)) throw new Error(`${path}: no golden file; run \`npm run test:update\` and review the file it writes`)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

export function expectGolden(path: string, actual: unknown): void {
  expectGoldenText(path, `${JSON.stringify(actual, null, 2)}\n`)
}
