/**
 * Table-structure accuracy of the PDF reader on public table sets with known answers (Tabula,
 * Camelot, pdfplumber test suites, checked out outside this repository), by the ICDAR 2013
 * cell-adjacency measure (scripts/bench-tables/relations.ts says exactly what is counted).
 *
 *   npx tsx scripts/bench-tables.ts <folder> [--json] [--baseline FILE] [--only NAME] [--show NAME] [--timeout MS]
 *
 * <folder> holds the checkouts (tabulapdf+tabula-java or tabula-java, camelot-dev+camelot or camelot,
 * jsvine+pdfplumber or pdfplumber). The list of PDFs, pages and answers is scripts/bench-tables/manifest.ts;
 * the ICDAR 2013 files in those checkouts are never read (a blind test kept back).
 *
 * Each expected table is matched with the table our reader found on the same page that gives the
 * best F1; no table there is recall 0. Precision is over matched tables (extra tables elsewhere on the
 * page are counted and shown, not scored). One detected table may be matched by two answers: a reader
 * that runs two tables together gets, for each answer, the precision of the merged table. Figures: micro precision / recall / F1 over relations, per
 * document, per set and in total, with the "stream-split" answers (one row per line of a multi-line
 * cell) totalled apart, and the number of documents that gave no table at all.
 *
 * --json          machine-readable result on stdout (save it to compare later)
 * --baseline FILE compare with an earlier --json result: list documents whose F1 fell (ruled ones marked)
 * --only NAME     only PDFs whose path contains NAME
 * --show NAME     print the expected and the matched detected grid of the tables of PDFs matching NAME
 *                 (and read only those, unless --only says otherwise)
 * --timeout MS    per-file time limit of the reader (default 120000: a long file on a loaded machine
 *                 takes tens of seconds, and a timed-out file would score 0)
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readTables, type Found } from './bench-tables/detected.js'
import { expectedGrid, setRoot } from './bench-tables/expected.js'
import { MANIFEST, type Entry, type SetName } from './bench-tables/manifest.js'
import { add, better, prf, scoreTable, ZERO, type Counts, type Grid } from './bench-tables/relations.js'
import { compareBaseline, formatGrid, printReport, type BenchResult, type DocResult, type TableResult } from './bench-tables/report.js'

const args = process.argv.slice(2)
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const valued = new Set(['--baseline', '--only', '--show', '--timeout'])
const folder = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''))
if (!folder) {
  console.error('usage: npx tsx scripts/bench-tables.ts <folder> [--json] [--baseline FILE] [--only NAME] [--show NAME] [--timeout MS]')
  process.exit(2)
}
// --show alone reads only the PDFs it shows.
const only = flag('--only') ?? flag('--show')
const show = flag('--show')
const timeoutMs = Number(flag('--timeout') ?? 120_000)

function bestMatch(expected: Grid, found: Found[], entry: Entry): { counts: Counts; table: Found | null } {
  let best: { counts: Counts; table: Found | null } = { counts: { ...ZERO, expected: scoreTable(expected, [], entry.partial).expected }, table: null }
  for (const table of found) {
    const counts = scoreTable(expected, table.grid, entry.partial)
    if (best.table === null || better(counts, best.counts)) best = { counts, table }
  }
  return best
}

const entries = MANIFEST.filter((e) => !only || e.pdf.includes(only) || e.set === only)
const docs = new Map<string, Entry[]>()
for (const e of entries) docs.set(`${e.set}:${e.pdf}`, [...(docs.get(`${e.set}:${e.pdf}`) ?? []), e])

const results: DocResult[] = []
const missingSets = new Set<SetName>()
for (const [id, group] of docs) {
  const first = group[0]!
  const root = setRoot(folder, first.set)
  if (!root) {
    missingSets.add(first.set)
    continue
  }
  const read = await readTables(join(root, first.pdf), timeoutMs)
  const tables: TableResult[] = []
  for (const entry of group) {
    const expected = expectedGrid(root, entry)
    const onPage = read.tables.filter((t) => t.page === entry.page)
    const { counts, table } = bestMatch(expected, onPage, entry)
    tables.push({
      expected: 'name' in entry.expected ? entry.expected.name : 'table' in entry.expected ? `${entry.expected.file}#${entry.expected.table}` : entry.expected.file,
      ruled: entry.ruled,
      streamSplit: entry.streamSplit ?? false,
      partial: entry.partial ?? null,
      counts,
      ...prf(counts),
      matched: table ? { index: table.index, detector: table.detector, rows: table.grid.length, columns: table.grid[0]?.length ?? 0 } : null,
    })
    if (show && first.pdf.includes(show)) {
      console.log(`\n=== ${id} p${entry.page} ${tables.at(-1)!.expected}  (${entry.ruled ? 'ruled' : 'borderless'}${entry.streamSplit ? ', stream-split' : ''})`)
      console.log(`--- expected (${expected.length} rows)\n${formatGrid(expected)}`)
      console.log(table ? `--- detected table ${table.index} (${table.detector ?? 'detector not said'}, ${table.grid.length} rows)\n${formatGrid(table.grid)}` : '--- no table detected on the page')
      const others = onPage.filter((t) => t !== table)
      for (const t of others) console.log(`--- other table ${t.index} on the page (${t.detector ?? '?'})\n${formatGrid(t.grid)}`)
    }
  }
  const pages = new Set(group.map((e) => e.page))
  const counts = tables.reduce((s, t) => add(s, t.counts), ZERO)
  results.push({
    id,
    set: first.set,
    pdf: first.pdf,
    ruled: group.some((e) => e.ruled),
    streamSplit: group.some((e) => e.streamSplit),
    counts,
    ...prf(counts),
    noTable: !read.tables.some((t) => t.page !== null && pages.has(t.page)),
    extraTables: read.tables.filter((t) => t.page !== null && pages.has(t.page) && !tables.some((r) => r.matched?.index === t.index)).length,
    error: read.error,
    ms: Math.round(read.ms),
    tables,
  })
}

const result: BenchResult = { folder, documents: results, missingSets: [...missingSets] }
if (args.includes('--json')) console.log(JSON.stringify(result, null, 1))
else printReport(result)
const baseline = flag('--baseline')
if (baseline) {
  const before = JSON.parse(readFileSync(baseline, 'utf8')) as BenchResult
  const out = compareBaseline(before, result)
  if (args.includes('--json')) console.error(out)
  else console.log(out)
}
