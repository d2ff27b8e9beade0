/**
 * Batch import speed and memory: files/s, pages/s and peak RSS of `actionplan ingest` over a
 * generated set of PDFs at --jobs 1 and --jobs 2, and peak RSS with 100 and with 300 files (it
 * must not grow with the number of files: files are streamed through, not held); then files/s and
 * peak RSS over 100 generated spreadsheet trackers (.xlsx) at --jobs 2; then files/s into SQLite
 * and into PostgreSQL (a throwaway local cluster) for the same 100 generated PDFs, by one process
 * and by two splitting them with --shard (scripts/bench/store-bench.ts). --stores runs only that.
 *
 *   npm run build && npx tsx scripts/bench-batch.ts [--count 300] [--stores]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { generatePdfs } from './bench/generate-pdfs.js'
import { generateTrackers } from './bench/generate-trackers.js'
import { measure } from './bench/measure.js'
import { benchStores } from './bench/store-bench.js'

const root = join(import.meta.dirname, '..')
const i = process.argv.indexOf('--count')
const count = i >= 0 ? Number(process.argv[i + 1]) : 300
const work = mkdtempSync(join(tmpdir(), 'bench-batch-'))

function ingest(dir: string, jobs: number, tag: string) {
  const db = join(work, `${tag}.sqlite`)
  const run = measure(process.execPath, [join(root, 'bin', 'actionplan.js'), 'ingest', dir, '--db', db, '--jobs', String(jobs)])
  const m = run.stderr.match(/(\d+) imported, (\d+) skipped, (\d+) failed in [\d.]+ s(?: \((\d+) pages\))?/)
  if (!m) throw new Error(`no summary from ingest:\n${run.stderr.slice(-2000)}`)
  return { files: Number(m[1]) + Number(m[3]), failed: Number(m[3]), pages: Number(m[4] ?? 0), seconds: run.seconds, peakMb: run.peakMb }
}

try {
  if (process.argv.includes('--stores')) {
    const hundred = join(work, 'first-100')
    generatePdfs(hundred, 100)
    await benchStores(hundred, work)
  } else await everything()
} finally {
  rmSync(work, { recursive: true, force: true })
}

async function everything(): Promise<void> {
  const all = join(work, 'all')
  const files = generatePdfs(all, count)
  const small = join(work, 'first-100')
  generatePdfs(small, Math.min(100, count))
  console.log(`| files | --jobs | files/s | pages/s | peak RSS MB | failed |`)
  console.log(`|---|---|---|---|---|---|`)
  for (const jobs of [1, 2]) {
    const r = ingest(all, jobs, `all-${jobs}`)
    console.log(`| ${r.files} | ${jobs} | ${(r.files / r.seconds).toFixed(1)} | ${(r.pages / r.seconds).toFixed(1)} | ${r.peakMb.toFixed(0)} | ${r.failed} |`)
  }
  const hundred = ingest(small, 2, 'small')
  console.log(`| ${hundred.files} | 2 | ${(hundred.files / hundred.seconds).toFixed(1)} | ${(hundred.pages / hundred.seconds).toFixed(1)} | ${hundred.peakMb.toFixed(0)} | ${hundred.failed} |`)
  const trackers = await generateTrackers(join(work, 'trackers'), 100)
  const xlsx = ingest(join(work, 'trackers'), 2, 'trackers')
  console.log(`\n| trackers (.xlsx) | --jobs | files/s | peak RSS MB | failed |`)
  console.log(`|---|---|---|---|---|`)
  console.log(`| ${xlsx.files} | 2 | ${(xlsx.files / xlsx.seconds).toFixed(1)} | ${xlsx.peakMb.toFixed(0)} | ${xlsx.failed} |`)
  console.log('\nThe same 100 PDFs into each store:\n')
  await benchStores(small, work)
  console.log(`\n${files.length} generated PDFs and ${trackers.length} generated trackers; wall time with Node start-up; peak RSS of the whole process (workers are threads). Node ${process.version}, ${availableParallelism()} cores.`)
}
