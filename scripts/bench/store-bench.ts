import { spawn } from 'node:child_process'
import { join } from 'node:path'
import pg from 'pg'
import { startCluster } from '../pg-cluster.js'

/**
 * Files per second into SQLite and into PostgreSQL (a throwaway local cluster) for one folder of
 * files: one process with --jobs 2, and two processes splitting the folder with --shard 1/2 and
 * 2/2 (--jobs 1 each, so both ways use the machine's two cores). Wall time of the whole run,
 * Node start-up included.
 */

const root = join(import.meta.dirname, '..', '..')

interface Outcome {
  imported: number
  failed: number
}

function ingest(dir: string, db: string, extra: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'actionplan.js'), 'ingest', dir, '--db', db, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    child.on('close', () => {
      const m = stderr.match(/(\d+) imported, (\d+) skipped, (\d+) failed in/)
      if (m) resolve({ imported: Number(m[1]), failed: Number(m[3]) })
      else reject(new Error(`no summary from ingest:\n${stderr.slice(-2000)}`))
    })
  })
}

async function timed(runs: Promise<Outcome>[]): Promise<{ files: number; failed: number; seconds: number }> {
  const started = performance.now()
  const outcomes = await Promise.all(runs)
  const seconds = (performance.now() - started) / 1000
  return { files: outcomes.reduce((n, o) => n + o.imported + o.failed, 0), failed: outcomes.reduce((n, o) => n + o.failed, 0), seconds }
}

async function freshDatabase(admin: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  return url.toString()
}

/** Prints a Markdown table; `work` is a scratch folder for the SQLite files. */
export async function benchStores(dir: string, work: string): Promise<void> {
  const cluster = await startCluster()
  try {
    const targets: { store: string; db: (tag: string) => Promise<string> }[] = [{ store: 'SQLite', db: async (tag) => join(work, `${tag}.sqlite`) }]
    if ('url' in cluster) targets.push({ store: 'PostgreSQL', db: (tag) => freshDatabase(cluster.url, tag) })
    console.log('| store | processes | files | files/s | seconds | failed |')
    console.log('|---|---|---|---|---|---|')
    for (const { store, db } of targets) {
      const one = await db('one_process')
      const single = await timed([ingest(dir, one, ['--jobs', '2'])])
      console.log(`| ${store} | 1 (--jobs 2) | ${single.files} | ${(single.files / single.seconds).toFixed(1)} | ${single.seconds.toFixed(1)} | ${single.failed} |`)
      const shared = await db('two_shards')
      const sharded = await timed(['1/2', '2/2'].map((shard) => ingest(dir, shared, ['--jobs', '1', '--shard', shard])))
      console.log(`| ${store} | 2 (--shard 1/2, 2/2; --jobs 1 each) | ${sharded.files} | ${(sharded.files / sharded.seconds).toFixed(1)} | ${sharded.seconds.toFixed(1)} | ${sharded.failed} |`)
    }
    if ('unavailable' in cluster) console.log(`\nPostgreSQL not measured: ${cluster.unavailable}`)
  } finally {
    if ('stop' in cluster) cluster.stop()
  }
}
