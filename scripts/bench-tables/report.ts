import { add, prf, ZERO, type Counts, type Grid, type Prf } from './relations.js'
import type { SetName } from './manifest.js'

/** What the bench found for one expected table. */
export interface TableResult extends Prf {
  expected: string
  ruled: boolean
  streamSplit: boolean
  partial: string | null
  counts: Counts
  matched: { index: number; detector: string | null; rows: number; columns: number } | null
}

/** One PDF: its expected tables summed. */
export interface DocResult extends Prf {
  id: string
  set: SetName
  pdf: string
  ruled: boolean
  streamSplit: boolean
  counts: Counts
  /** The reader found no table at all on the page(s) of the answer. */
  noTable: boolean
  /** Tables on those pages that no answer matched (not scored). */
  extraTables: number
  error: string | null
  ms: number
  tables: TableResult[]
}

export interface BenchResult {
  folder: string
  documents: DocResult[]
  missingSets: string[]
}

const f3 = (n: number): string => n.toFixed(3)
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

export function formatGrid(grid: Grid, width = 22): string {
  return grid.map((row, i) => `${String(i).padStart(3)} | ${row.map((c) => cut(c.replace(/\s+/gu, ' ').trim(), width).padEnd(Math.min(width, 8))).join(' | ')}`).join('\n')
}

function line(label: string, c: Counts, docs: number, noTable: number): string {
  const p = prf(c)
  return `${label.padEnd(28)} P ${f3(p.precision)}  R ${f3(p.recall)}  F1 ${f3(p.f1)}   relations ${c.correct}/${c.detected} found, ${c.expected} expected   docs ${docs}, no table ${noTable}`
}

interface Totals {
  counts: Counts
  docs: number
  noTable: number
}

/** Tables summed by a key; a document counts once per key it has a table in. */
function totals(docs: DocResult[], pick: (t: DocResult['tables'][number]) => boolean): Totals {
  let counts = ZERO
  let n = 0
  let noTable = 0
  for (const d of docs) {
    const tables = d.tables.filter(pick)
    if (!tables.length) continue
    counts = tables.reduce((s, t) => add(s, t.counts), counts)
    n += 1
    if (d.noTable) noTable += 1
  }
  return { counts, docs: n, noTable }
}

export const SETS: SetName[] = ['tabula', 'camelot', 'pdfplumber']

/** Per-set and total figures, main answers and stream-split answers apart, and all together. */
export function summary(result: BenchResult): Record<string, Totals> {
  const out: Record<string, Totals> = {}
  const docs = result.documents
  for (const s of SETS) out[s] = totals(docs.filter((d) => d.set === s), (t) => !t.streamSplit)
  out.total = totals(docs, (t) => !t.streamSplit)
  out['total ruled'] = totals(docs, (t) => !t.streamSplit && t.ruled)
  out['total borderless'] = totals(docs, (t) => !t.streamSplit && !t.ruled)
  for (const s of SETS) out[`stream-split ${s}`] = totals(docs.filter((d) => d.set === s), (t) => t.streamSplit)
  out['stream-split total'] = totals(docs, (t) => t.streamSplit)
  out['all answers'] = totals(docs, () => true)
  return out
}

export function printReport(result: BenchResult): void {
  if (result.missingSets.length) console.log(`not found under ${result.folder}: ${result.missingSets.join(', ')}`)
  console.log('set        document                                          kind        P      R      F1     found/detected/expected  tables: detector(rows×cols)  ms')
  for (const d of result.documents) {
    const kind = `${d.ruled ? 'ruled' : 'bless'}${d.streamSplit ? ' split' : ''}`
    const name = cut(d.pdf.split('/').pop() ?? d.pdf, 48)
    const tables = d.tables.map((t) => (t.matched ? `${t.matched.detector ?? '-'}(${t.matched.rows}×${t.matched.columns})` : 'none')).join(', ')
    const extra = d.extraTables ? ` +${d.extraTables} unmatched` : ''
    const flags = `${d.noTable ? ' NO TABLE' : ''}${d.error ? ` ERROR ${cut(d.error, 60)}` : ''}`
    console.log(
      `${d.set.padEnd(10)} ${name.padEnd(48)}  ${kind.padEnd(11)} ${f3(d.precision)}  ${f3(d.recall)}  ${f3(d.f1)}  ${`${d.counts.correct}/${d.counts.detected}/${d.counts.expected}`.padEnd(24)} ${tables}${extra}  ${d.ms}${flags}`,
    )
  }
  console.log('')
  const s = summary(result)
  for (const [label, t] of Object.entries(s)) {
    if (label === 'stream-split tabula') console.log('\nStream-split answers (one row per line of a multi-line cell), apart:')
    if (label === 'all answers') console.log('')
    if (t.docs) console.log(line(label, t.counts, t.docs, t.noTable))
  }
}

/** Documents whose F1 fell since an earlier run; ruled ones marked, since those must not get worse. */
export function compareBaseline(before: BenchResult, after: BenchResult): string {
  const old = new Map(before.documents.map((d) => [d.id, d]))
  const worse = after.documents.filter((d) => old.has(d.id) && d.f1 < old.get(d.id)!.f1 - 1e-9)
  const better = after.documents.filter((d) => old.has(d.id) && d.f1 > old.get(d.id)!.f1 + 1e-9)
  const lines = [`\nAgainst the baseline: ${better.length} documents better, ${worse.length} worse, ${after.documents.length - better.length - worse.length} the same or new.`]
  for (const d of worse) lines.push(`  WORSE ${d.ruled ? '[RULED] ' : ''}${d.id}  F1 ${f3(old.get(d.id)!.f1)} -> ${f3(d.f1)}`)
  for (const d of better) lines.push(`  better ${d.id}  F1 ${f3(old.get(d.id)!.f1)} -> ${f3(d.f1)}`)
  const ruledWorse = worse.filter((d) => d.ruled).length
  lines.push(ruledWorse ? `${ruledWorse} ruled-table document(s) worse than the baseline.` : 'No ruled-table document worse than the baseline.')
  return lines.join('\n')
}
