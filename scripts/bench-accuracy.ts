/**
 * Scores every fixture's export against its ground truth (fixtures/truth/<case>.json): precision
 * and recall of recommendations and actions (matched by text), and the accuracy of lead, due
 * date, status and RAG over matched actions; per fixture and in total, as a table.
 *
 *   npx tsx scripts/bench-accuracy.ts [--json]
 *   npx tsx scripts/bench-accuracy.ts --random N [--seed S] [--formats docx,html,text,pdf,pdf-untagged] [--all-traits] [--json]
 *   npx tsx scripts/bench-accuracy.ts --show SEED [--formats …]
 *
 * `--random N` scores N templates made by the template-family generator (scripts/fixtures/random)
 * instead of the fixtures: fresh seeds each run unless `--seed S` repeats a run; figures in total,
 * per format and by trait value. `--show SEED` prints one template's truth against what was read.
 * The PDF formats (tagged `pdf`, `pdf-untagged`) are converted from the Word rendering by LibreOffice
 * (soffice, a batch per call); they are for scripts only and skipped, with a message, without it.
 *
 * Ground truth: for designed templates, the content the fixture script rendered (it writes the
 * truth file); for the three sample plans, a file made once from the golden of the pasted text
 * after it was checked row by row, and kept by hand since (fixtures/README.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Plan } from '../schemas/index.js'
import { readPlan } from '../src/ingest.js'
import { scorePlan, type Score, type Truth } from './accuracy/score.js'
import { mainRandom } from './fixtures/random/bench-random.js'
import type { BenchFormat } from './fixtures/random/render.js'
import { showSeed } from './fixtures/random/show.js'

const args = process.argv.slice(2)
if (args.includes('--random')) {
  await mainRandom(args)
  process.exit(0)
}
if (args.includes('--show')) {
  const formats = args.includes('--formats') ? (args[args.indexOf('--formats') + 1]!.split(',') as BenchFormat[]) : undefined
  await showSeed(Number(args[args.indexOf('--show') + 1]), formats)
  process.exit(0)
}

const root = join(import.meta.dirname, '..')
const truthDir = join(root, 'fixtures', 'truth')
const FORMATS = ['text', 'docx', 'pdf', 'html', 'xlsx', 'csv']

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`)
const rows: { name: string; format: string; score: Score }[] = []
for (const name of existsSync(truthDir) ? readdirSync(truthDir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort() : []) {
  const truth = JSON.parse(readFileSync(join(truthDir, `${name}.json`), 'utf8')) as Truth
  // Untagged PDFs of some plans sit beside the tagged ones: the layout-only reading is scored too.
  const variants = FORMATS.flatMap((f) => (f === 'pdf' ? [[f, name, f], [f, `${name}-untagged`, 'pdf-untagged']] : [[f, name, f]]))
  for (const [dirFormat, dirName, format] of variants as [string, string, string][]) {
    const dir = join(root, 'fixtures', dirFormat, dirName)
    const input = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith('input.')) : undefined
    if (!input) continue
    const path = join(dir, input)
    try {
      const { interpretation } = await readPlan(relative(root, path), readFileSync(path))
      rows.push({ name, format, score: scorePlan(truth, interpretation.plan) })
    } catch (error) {
      console.error(`${relative(root, path)}: ${(error as Error).message}`)
      rows.push({ name, format, score: scorePlan(truth, { recommendations: [] } as unknown as Plan) })
    }
  }
}

const total: Score = {
  recommendations: { truth: 0, found: 0, matched: 0 },
  actions: { truth: 0, found: 0, matched: 0 },
  fields: { lead: { correct: 0, total: 0 }, due_date: { correct: 0, total: 0 }, status: { correct: 0, total: 0 }, rag: { correct: 0, total: 0 } },
}
for (const { score } of rows) {
  for (const k of ['recommendations', 'actions'] as const) for (const f of ['truth', 'found', 'matched'] as const) total[k][f] += score[k][f]
  for (const k of ['lead', 'due_date', 'status', 'rag'] as const) {
    total.fields[k].correct += score.fields[k].correct
    total.fields[k].total += score.fields[k].total
  }
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ rows, total }, null, 2))
} else {
  const width = Math.max(7, ...rows.map((r) => `${r.name} (${r.format})`.length))
  const line = (name: string, s: Score): string =>
    `| ${name.padEnd(width)} | ${pct(s.recommendations.matched, s.recommendations.found)} | ${pct(s.recommendations.matched, s.recommendations.truth)} | ${pct(s.actions.matched, s.actions.found)} | ${pct(s.actions.matched, s.actions.truth)} | ${pct(s.fields.lead.correct, s.fields.lead.total)} | ${pct(s.fields.due_date.correct, s.fields.due_date.total)} | ${pct(s.fields.status.correct, s.fields.status.total)} | ${pct(s.fields.rag.correct, s.fields.rag.total)} |`
  console.log(`| ${'fixture'.padEnd(width)} | rec P  | rec R  | act P  | act R  | lead   | due    | status | RAG    |`)
  console.log(`|${'-'.repeat(width + 2)}|--------|--------|--------|--------|--------|--------|--------|--------|`)
  for (const r of rows) console.log(line(`${r.name} (${r.format})`, r.score))
  console.log(line('total', total))
  console.log(`\n${rows.length} fixture files; ${total.recommendations.truth} true recommendations, ${total.actions.truth} true actions`)
}
