/**
 * PDF speed and memory: `actionplan ingest` against the floor of pdfjs-dist's bare getTextContent
 * over the same files, measured in the same run (each in its own process, wall time and peak RSS
 * from GNU time). Sets: the fixture PDFs, and a generated set of plans (scripts/bench) reported by
 * kind: ruled, and the borderless third (no lines, rules between rows only, shaded header band).
 * Per set: files read and failed (a file with no table found fails), pages/s, and ingest time ÷
 * floor (wall time, and CPU time of all threads, which a busy machine disturbs less); the
 * single-worker row is the one to compare with the floor. The reader's pdf.js pass alone is timed
 * too, so the ratio splits into pdf.js's share and the rest.
 *
 *   npm run build && npx tsx scripts/bench-pdf.ts [--count 120] [--jobs 1,2]
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { generatePdfs, styleOfPath } from './bench/generate-pdfs.js'
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

interface Run { jobs: number; s: number; cpu: number; mb: number; read: number; failed: number }
interface Row { set: string; files: number; pages: number; floor: { s: number; cpu: number; mb: number }; nativeFloor: { s: number }; pdfjsPass: { cpu: number }; runs: Run[] }

/** The generated set, one folder per kind of table. */
function generatedSets(): [string, string][] {
  const all = join(work, 'generated')
  const kinds = new Map<string, string>()
  for (const path of generatePdfs(all, count)) {
    const kind = styleOfPath(path)
    const dir = join(work, `generated-${kind}`)
    if (!kinds.has(kind)) mkdirSync(dir)
    kinds.set(kind, dir)
    renameSync(path, join(dir, basename(path)))
  }
  return [...kinds].map(([kind, dir]) => [kind === 'ruled' ? 'generated ruled' : `generated borderless: ${kind}`, dir])
}

function bench(set: string, dir: string): Row {
  const floor = measure(process.execPath, [join(root, 'scripts', 'bench', 'floor-text-content.mjs'), dir])
  const nativeFloor = measure(process.execPath, [join(root, 'scripts', 'bench', 'floor-text-content.mjs'), '--native', dir])
  const pdfjsPass = measure(process.execPath, [join(root, 'scripts', 'bench', 'reader-pdfjs-pass.mjs'), dir])
  const { files, pages } = JSON.parse(floor.stdout) as { files: number; pages: number }
  const runs = jobsList.map((jobs) => {
    const db = join(work, `${set.replace(/\W+/gu, '-')}-${jobs}.sqlite`)
    const run = measure(process.execPath, [join(root, 'bin', 'actionplan.js'), 'ingest', dir, '--db', db, '--jobs', String(jobs)])
    const m = run.stderr.match(/(\d+) imported, (\d+) skipped, (\d+) failed/)
    return { jobs, s: run.seconds, cpu: run.cpuSeconds, mb: run.peakMb, read: Number(m?.[1] ?? 0) + Number(m?.[2] ?? 0), failed: Number(m?.[3] ?? files) }
  })
  return { set, files, pages, floor: { s: floor.seconds, cpu: floor.cpuSeconds, mb: floor.peakMb }, nativeFloor: { s: nativeFloor.seconds }, pdfjsPass: { cpu: pdfjsPass.cpuSeconds }, runs }
}

/** The generated kinds summed: one row per --jobs, times and files added up (each kind is its own process). */
function sumOf(set: string, rows: Row[]): Row {
  const runs = jobsList.map((jobs) => {
    const rs = rows.map((r) => r.runs.find((x) => x.jobs === jobs)!)
    return { jobs, s: rs.reduce((a, r) => a + r.s, 0), cpu: rs.reduce((a, r) => a + r.cpu, 0), mb: Math.max(...rs.map((r) => r.mb)), read: rs.reduce((a, r) => a + r.read, 0), failed: rs.reduce((a, r) => a + r.failed, 0) }
  })
  const total = (f: (r: Row) => number): number => rows.reduce((a, r) => a + f(r), 0)
  return { set, files: total((r) => r.files), pages: total((r) => r.pages), floor: { s: total((r) => r.floor.s), cpu: total((r) => r.floor.cpu), mb: Math.max(...rows.map((r) => r.floor.mb)) }, nativeFloor: { s: total((r) => r.nativeFloor.s) }, pdfjsPass: { cpu: total((r) => r.pdfjsPass.cpu) }, runs }
}

// Wall times mean little on a busy machine: the load before and after is printed with them.
const load = (): string => loadavg().map((n) => n.toFixed(2)).join(' ')
const loadBefore = load()

try {
  const generated = generatedSets().map(([set, dir]) => bench(set, dir))
  const rows = [bench('fixtures', fixtureSet()), ...generated, sumOf('generated, all kinds (sum)', generated)]
  const f = (n: number, d = 1): string => n.toFixed(d)
  console.log(`| set | files | pages | floor pages/s | floor peak MB | ingest --jobs | read | failed | ingest pages/s | ingest peak MB | time ÷ floor | time ÷ native floor | CPU ÷ floor CPU | pdf.js pass CPU ÷ floor CPU |`)
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`)
  for (const r of rows) {
    for (const run of r.runs) {
      console.log(
        `| ${r.set} | ${r.files} | ${r.pages} | ${f(r.pages / r.floor.s)} | ${f(r.floor.mb, 0)} | ${run.jobs} | ${run.read} | ${run.failed} | ${f(r.pages / run.s)} | ${f(run.mb, 0)} | ${f(run.s / r.floor.s, 2)} | ${f(run.s / r.nativeFloor.s, 2)} | ${f(run.cpu / r.floor.cpu, 2)} | ${f(r.pdfjsPass.cpu / r.floor.cpu, 2)} |`,
      )
    }
  }
  console.log(`\nFloor: pdfjs-dist's getTextContent over the same files, as the package loads. Native floor: the same with the built-ins`)
  console.log(`pdf.js's legacy build replaces restored, as the reader loads it (parsers/pdf/load-pdfjs.ts): ${rows.map((r) => `${r.set} ${f(r.pages / r.nativeFloor.s)} pages/s`).join(', ')}.`)
  console.log(`Wall time of each process, Node start-up included; peak RSS of the whole process (workers are threads). Node ${process.version}, ${availableParallelism()} cores.`)
  console.log(`CPU: user + system seconds of each process, all its threads (GNU time); steadier than wall time when other work shares the cores.`)
  console.log(`pdf.js pass: the reader's own pdf.js work alone (scripts/bench/reader-pdfjs-pass.mjs: operator list and the text rebuilt from it), in its own process; the rest of the ingest's CPU is layout, interpretation and the store.`)
  console.log(`Load average (1, 5, 15 min) before: ${loadBefore}; after: ${load()}.`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
