/**
 * Do refs that look like numbers ("1.10") survive a spreadsheet? Exports the B&NES plan with its
 * refs renumbered to the forms that a spreadsheet turns into numbers, opens the CSV in LibreOffice
 * Calc (headless) with and without "Format quoted field as text", saves it as .xlsx, saves that as
 * CSV again, and prints how many refs came back as written. Needs LibreOffice (`soffice`); the
 * tests do not.
 *
 *   npx tsx scripts/check-spreadsheet-refs.ts
 */
import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'fast-csv'
import type { Plan } from '../schemas/index.js'
import { writeCsv } from '../src/export/csv.js'
import { readPlan } from '../src/ingest.js'
import { findSoffice } from '../src/convert-legacy.js'

const root = join(import.meta.dirname, '..')
const soffice = findSoffice()
if (!soffice) {
  console.error('LibreOffice (soffice) is not installed; nothing to check')
  process.exit(1)
}
const work = mkdtempSync(join(tmpdir(), 'check-refs-'))
const profile = `file://${join(work, 'profile')}`

async function rows(text: string): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = []
  await new Promise<void>((resolve, reject) => {
    const parser = parse({ headers: true }).on('data', (r: Record<string, string>) => out.push(r)).on('end', () => resolve()).on('error', reject)
    parser.end(text)
  })
  return out
}

function convert(input: string, to: string, outdir: string, infilter?: string): void {
  mkdirSync(outdir, { recursive: true })
  const args = [`-env:UserInstallation=${profile}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', outdir, input]
  const r = spawnSync(soffice!, args, { encoding: 'utf8', timeout: 180_000 })
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`)
}

const path = 'fixtures/docx/banes/input.docx'
const plan = (await readPlan(path, readFileSync(join(root, path)))).interpretation.plan
// Refs as plans write them: 1.10 (a number to a spreadsheet), 2.1, 1.2.1, R3, 01 (a leading zero).
const REFS = ['1.10', '2.1', '1.2.1', 'R3', '01']
const renumbered: Plan = { ...plan, recommendations: plan.recommendations.map((r, i) => ({ ...r, ref: REFS[i % REFS.length]! })) }
const csv = join(work, 'refs.csv')
const file = createWriteStream(csv)
await writeCsv([renumbered], file, 'actions', { bom: true })
await new Promise<void>((resolve) => file.end(() => resolve()))
const written = (await rows(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''))).map((r) => r.recommendation_ref!)

// CSV filter tokens: separator 44 (,), text delimiter 34 ("), charset 76 (UTF-8), from line 1, no column formats,
// language 1033, then "quoted field as text" (true/false) and "detect special numbers" (false).
for (const quotedAsText of [true, false]) {
  const dir = join(work, String(quotedAsText))
  convert(csv, 'xlsx', dir, `CSV:44,34,76,1,,1033,${quotedAsText},false`)
  convert(join(dir, 'refs.xlsx'), 'csv', join(dir, 'back'))
  const back = (await rows(readFileSync(join(dir, 'back', 'refs.csv'), 'utf8').replace(/^\uFEFF/, ''))).map((r) => r.recommendation_ref!)
  const kept = back.filter((ref, n) => ref === written[n]).length
  const changed = [...new Set(written.flatMap((ref, n) => (back[n] === ref ? [] : [`${ref} → ${back[n] ?? '(missing)'}`])))]
  console.log(`quoted fields as text ${quotedAsText ? 'on ' : 'off'}: ${kept} of ${written.length} refs came back as written${changed.length ? `; changed: ${changed.join(', ')}` : ''}`)
}
