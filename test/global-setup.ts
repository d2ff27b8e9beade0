import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * CLI tests run the real binary (bin/actionplan.js → dist/), so build it once before any test.
 * Type errors are reported by `tsc --noEmit` in `npm test`; here tsc still emits, so a type error
 * elsewhere does not hide every CLI test.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const result = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' })
  if (result.status !== 0) process.stderr.write(`build reported problems:\n${result.stdout}${result.stderr}\n`)
}
