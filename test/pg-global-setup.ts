import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

/**
 * A throwaway PostgreSQL cluster for the store tests: Debian's postgresql (installed by
 * scripts/ensure-postgres.sh when missing and possible), initdb into a temporary folder, started on
 * a free port with a random password, stopped and deleted after the run. As root, it runs as the
 * `postgres` user (initdb refuses root). Tests get its URL by `inject('pgUrl')`; where PostgreSQL
 * cannot be had they get `inject('pgUnavailable')`, the reason, and skip saying it.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null
    pgUnavailable: string | null
  }
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })

const said = (result: SpawnSyncReturns<string>): string => `${result.stderr ?? ''}${result.stdout ?? ''}${result.error?.message ?? ''}`.trim().split('\n').slice(-3).join(' ')

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  project.provide('pgUrl', null)
  project.provide('pgUnavailable', null)
  const root = fileURLToPath(new URL('..', import.meta.url))
  const found = spawnSync('bash', [join(root, 'scripts', 'ensure-postgres.sh')], { encoding: 'utf8' })
  if (found.status !== 0) {
    project.provide('pgUnavailable', said(found) || 'scripts/ensure-postgres.sh failed')
    return undefined
  }
  const bin = found.stdout.trim()
  const asRoot = process.getuid?.() === 0
  const run = (program: string, args: string[]): SpawnSyncReturns<string> =>
    asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { encoding: 'utf8' }) : spawnSync(join(bin, program), args, { encoding: 'utf8' })
  const folder = mkdtempSync(join(tmpdir(), 'actionplan-pg-'))
  const data = join(folder, 'data')
  const password = randomBytes(12).toString('hex')
  writeFileSync(join(folder, 'password'), `${password}\n`, { mode: 0o600 })
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim())
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim())
    for (const path of [folder, join(folder, 'password')]) chownSync(path, uid, gid)
  }
  const cleanUp = (): void => rmSync(folder, { recursive: true, force: true })
  const init = run('initdb', ['-D', data, '-U', 'postgres', `--pwfile=${join(folder, 'password')}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8'])
  if (init.status !== 0) {
    cleanUp()
    project.provide('pgUnavailable', `initdb failed: ${said(init)}`)
    return undefined
  }
  const port = await freePort()
  // fsync off: a throwaway cluster need not survive a power cut, and the tests write a lot.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`
  const start = run('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'log'), '-w', '-t', '60', 'start'])
  if (start.status !== 0) {
    cleanUp()
    project.provide('pgUnavailable', `pg_ctl start failed: ${said(start)}`)
    return undefined
  }
  project.provide('pgUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`)
  return () => {
    run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
    cleanUp()
  }
}
