/**
 * PDF speed and memory: `actionplan ingest` against the floor of pdfjs-dist's bare getTextContent
 * over the same files, measured in the same run (each in its own process, wall time and peak RSS
 * from GNU time). Two sets: the fixture PDFs, and a generated set of plans (scripts/bench).
 *
 *   npm run build && npx tsx scripts/bench-pdf.ts [--count 120] [--jobs 1,2]
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { generatePdfs } from './bench/generate-pdfs.js'
import { measure } from './bench/measure.js'

const root = join(import.meta.dirname, '..')
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] ?? fallback : fallback
}
const count = Number(arg('--count', '120'))
const jobsList = arg('--jobs', `1,${availableParallelism()}`).split(',').map(Number)
const work = mkdtempSync(join(tmpdir(), 'bench-pdf-'))

function fixtureSet(): string {
  const dir = join(work, 'fixtures')
  mkdirSync(dir)
  for (const name of readdirSync(join(root, 'fixtures', 'pdf'))) copyFileSync(join(root, 'fixtures', 'pdf', name, 'input.pdf'), join(dir, `${name}.pdf`))
  return dir
}

interface Row { set: string; files: number; pages: number; floor: { s: number; mb: number }; nativeFloor: { s: number }; runs: { jobs: number; s: number; mb: number; failed: number }[] }

function bench(set: string, dir: string): Row {
  const floor = measure(process.execPath, [join(root, 'scripts', 'bench', 'floor-text-content.mjs'), dir])
  const nativeFloor = measure(process.execPath, [join(root, 'scripts', 'bench', 'floor-text-content.mjs'), '--native', dir])
  const { files, pages } = JSON.parse(floor.stdout) as { files: number; pages: number }
  const runs = jobsList.map((jobs) => {
    const db = join(work, `${set}-${jobs}.sqlite`)
    const run = measure(process.execPath, [join(root, 'bin', 'actionplan.js'), 'ingest', dir, '--db', db, '--jobs', String(jobs)])
    const failed = Number(run.stderr.match(/(\d+) failed/)?.[1] ?? 0)
    return { jobs, s: run.seconds, mb: run.peakMb, failed }
  })
  return { set, files, pages, floor: { s: floor.seconds, mb: floor.peakMb }, nativeFloor: { s: nativeFloor.seconds }, runs }
}

try {
  const rows = [bench('fixtures', fixtureSet()), bench(`generated`, (generatePdfs(join(work, 'generated'), count), join(work, 'generated')))]
  const f = (n: number, d = 1): string => n.toFixed(d)
  console.log(`| set | files | pages | floor pages/s | floor peak MB | ingest --jobs | ingest pages/s | ingest peak MB | time ÷ floor | time ÷ native floor | failed |`)
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|`)
  for (const r of rows) {
    for (const run of r.runs) {
      console.log(
        `| ${r.set} | ${r.files} | ${r.pages} | ${f(r.pages / r.floor.s)} | ${f(r.floor.mb, 0)} | ${run.jobs} | ${f(r.pages / run.s)} | ${f(run.mb, 0)} | ${f(run.s / r.floor.s, 2)} | ${f(run.s / r.nativeFloor.s, 2)} | ${run.failed} |`,
      )
    }
  }
  console.log(`\nFloor: pdfjs-dist's getTextContent over the same files, as the package loads. Native floor: the same with the built-ins`)
  console.log(`pdf.js's legacy build replaces restored, as the reader loads it (parsers/pdf/load-pdfjs.ts): ${rows.map((r) => `${r.set} ${f(r.pages / r.nativeFloor.s)} pages/s`).join(', ')}.`)
  console.log(`Wall time of each process, Node start-up included; peak RSS of the whole process (workers are threads). Node ${process.version}, ${availableParallelism()} cores.`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
