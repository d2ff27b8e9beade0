import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A throwaway PostgreSQL cluster, for the store tests (test/pg-global-setup.ts) and the batch
 * benchmark: Debian's postgresql (installed by scripts/ensure-postgres.sh when missing and
 * possible), initdb into a temporary folder, started on a free port with a random password;
 * `stop` stops it and deletes the folder. As root it runs as the `postgres` user (initdb refuses
 * root). Where PostgreSQL cannot be had, the reason instead.
 */

export type Cluster = { url: string; stop: () => void } | { unavailable: string }

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))))
    })
  })

const said = (result: SpawnSyncReturns<string>): string =>
  `${result.stderr ?? ''}${result.stdout ?? ''}${result.error?.message ?? ''}`.trim().split('\n').slice(-3).join(' ')

export async function startCluster(): Promise<Cluster> {
  const found = spawnSync('bash', [join(import.meta.dirname, 'ensure-postgres.sh')], { encoding: 'utf8' })
  if (found.status !== 0) return { unavailable: said(found) || 'scripts/ensure-postgres.sh failed' }
  const bin = found.stdout.trim()
  const asRoot = process.getuid?.() === 0
  const run = (program: string, args: string[]): SpawnSyncReturns<string> =>
    asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { encoding: 'utf8' }) : spawnSync(join(bin, program), args, { encoding: 'utf8' })
  const folder = mkdtempSync(join(tmpdir(), 'actionplan-pg-'))
  const data = join(folder, 'data')
  const passwordFile = join(folder, 'password')
  const password = randomBytes(12).toString('hex')
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 })
  if (asRoot) {
    const id = (flag: string): number => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim())
    for (const path of [folder, passwordFile]) chownSync(path, id('-u'), id('-g'))
  }
  const cleanUp = (): void => rmSync(folder, { recursive: true, force: true })
  const init = run('initdb', ['-D', data, '-U', 'postgres', `--pwfile=${passwordFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8'])
  if (init.status !== 0) {
    cleanUp()
    return { unavailable: `initdb failed: ${said(init)}` }
  }
  const port = await freePort()
  // fsync off: a throwaway cluster need not survive a power cut.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`
  const start = run('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'log'), '-w', '-t', '60', 'start'])
  if (start.status !== 0) {
    cleanUp()
    return { unavailable: `pg_ctl start failed: ${said(start)}` }
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      cleanUp()
    },
  }
}
