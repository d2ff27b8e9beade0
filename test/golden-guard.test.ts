import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const load = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "await import('./test/golden.ts')"], {
    encoding: 'utf8',
    env: { ...process.env, CI: '', UPDATE_GOLDENS: '', ...env },
  })

describe('golden files', () => {
  it('refuses to rewrite goldens when CI is set', () => {
    const refused = load({ CI: 'true', UPDATE_GOLDENS: '1' })
    expect(refused.status).not.toBe(0)
    expect(refused.stderr).toContain('UPDATE_GOLDENS is refused when CI is set')
  })

  it('loads when only one of the two is set', () => {
    expect(load({ CI: 'true' }).status).toBe(0)
    expect(load({ UPDATE_GOLDENS: '1' }).status).toBe(0)
  })
})
