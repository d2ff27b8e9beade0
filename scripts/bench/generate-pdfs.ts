import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plan } from '../../schemas/index.js'
import { writeBenchPdf, type BenchTable, type TableStyle } from './pdf-writer.js'

/**
 * A generated set of action-plan PDFs for benchmarks: the recommendations and actions of the
 * fixture plans (their reviewed text goldens), re-laid into `count` files of 1 to about 12 pages,
 * each a different slice, so sizes vary as a folder of real council PDFs does. Deterministic.
 * Two files in three are ruled; every third is borderless, in turn with no lines at all, rules
 * between rows only, or a shaded header band (untagged, as all of them are). The style is in the
 * file name (plan-0002-none.pdf) so a bench can report each kind apart.
 */
const root = join(import.meta.dirname, '..', '..')
const FILL: Record<string, string> = { complete: '#0070c0', on_track: '#00b050', in_progress: '#ffc000', behind: '#ff0000', not_started: '#ff0000' }

function sourcePlans(): Plan[] {
  const dir = join(root, 'fixtures', 'text')
  return readdirSync(dir).sort().map((name) => JSON.parse(readFileSync(join(dir, name, 'plan.json'), 'utf8')) as Plan)
}

const BORDERLESS: TableStyle[] = ['none', 'rows', 'band']

/** The style of the i-th generated file. */
export function styleOf(i: number): TableStyle {
  return i % 3 === 2 ? BORDERLESS[Math.floor(i / 3) % BORDERLESS.length]! : 'ruled'
}

/** The style a generated file's name says. */
export function styleOfPath(path: string): TableStyle {
  return (/-(ruled|none|rows|band)\.pdf$/u.exec(path)?.[1] as TableStyle | undefined) ?? 'ruled'
}

function tableOf(plan: Plan, i: number): BenchTable {
  const recs = plan.recommendations
  // Between a fifth of the plan and three times it, starting at a different place each time.
  const take = Math.max(1, Math.round(recs.length * (0.2 + ((i * 37) % 100) / 35)))
  const rows: BenchTable['rows'] = []
  for (let k = 0; k < take; k += 1) {
    const rec = recs[(i + k) % recs.length]!
    rows.push({ cells: [rec.ref ?? String(k + 1), rec.text, '', '', '', '', ''], bold: true })
    for (const a of rec.actions) {
      const status = a.status_raw ?? ''
      rows.push({
        cells: ['', '', a.text, a.leads.join(', '), a.due_raw ?? '', status, a.progress ?? ''],
        fills: [null, null, null, null, null, a.status ? (FILL[a.status] ?? null) : null, null],
      })
    }
  }
  return {
    title: `${plan.authority?.name ?? 'Council'}: improvement plan (${i + 1})`,
    style: styleOf(i),
    headers: ['Ref', 'Recommendation', 'Action', 'Lead Officer', 'Target Date', 'Status', 'Progress'],
    widths: [30, 150, 170, 90, 60, 50, 219],
    rows,
  }
}

export function generatePdfs(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true })
  const plans = sourcePlans()
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `plan-${String(i).padStart(4, '0')}-${styleOf(i)}.pdf`)
    writeFileSync(path, writeBenchPdf(tableOf(plans[i % plans.length]!, i)))
    return path
  })
}
