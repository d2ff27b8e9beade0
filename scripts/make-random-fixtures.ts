/**
 * Writes generated templates (scripts/fixtures/random) as committed fixture cases:
 * fixtures/docx|html|text/random-<seed>/input.*, fixtures/pdf/random-<seed>/input.pdf (LibreOffice,
 * tagged, from the Word file) and fixtures/truth/random-<seed>.json, the generator's truth. With
 * `--untagged`, also fixtures/pdf/random-<seed>-untagged/input.pdf, the same export without its
 * structure tree (read from the layout alone, as the blind check reads plans); bench-accuracy.ts
 * scores it against the same truth.
 *
 *   npx tsx scripts/make-random-fixtures.ts SEED… [--no-pdf] [--untagged]
 *
 * The HTML is the bench's own rendering (html-writer.ts), so that a committed case is read exactly
 * as the random bench reads it. The truth is the full one (as for Word): in pasted text a RAG shown
 * only as a fill is lost, as for the designed fixtures (fixtures/README.md). Goldens (plan.json,
 * plan.tree) are then written by `npm run test:update` and must be reviewed row by row.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { convert } from './make-fixtures.js'
import { generate, truthFor } from './fixtures/random/generate.js'
import { EXTENSION, MEMORY_FORMATS, render } from './fixtures/random/render.js'
import { ROOT } from './fixtures/seeds.js'

const EXPORT = (tagged: boolean): string => `pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"${tagged}"}}`

function writePdf(name: string, dirName: string, tagged: boolean): void {
  const work = mkdtempSync(join(tmpdir(), `fixture-${name}-`))
  try {
    convert(join(ROOT, 'fixtures', 'docx', name, 'input.docx'), work, EXPORT(tagged))
    const bytes = readFileSync(join(work, 'input.pdf'))
    if (!tagged && bytes.includes('/StructTreeRoot')) throw new Error(`${name}: the untagged export still has a structure tree`)
    mkdirSync(join(ROOT, 'fixtures', 'pdf', dirName), { recursive: true })
    copyFileSync(join(work, 'input.pdf'), join(ROOT, 'fixtures', 'pdf', dirName, 'input.pdf'))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export async function writeRandomCase(seed: number, pdf: boolean, untagged = false): Promise<void> {
  const g = generate(seed)
  const name = `random-${seed}`
  for (const format of MEMORY_FORMATS) {
    const dir = join(ROOT, 'fixtures', format, name)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `input.${EXTENSION[format]}`), await render(g, format))
  }
  if (pdf) writePdf(name, name, true)
  if (untagged) writePdf(name, `${name}-untagged`, false)
  mkdirSync(join(ROOT, 'fixtures', 'truth'), { recursive: true })
  writeFileSync(join(ROOT, 'fixtures', 'truth', `${name}.json`), `${JSON.stringify(truthFor(g, 'docx'), null, 2)}\n`)
  process.stderr.write(`${name}: ${Object.entries(g.traits).filter(([, v]) => v !== 'n/a').map(([k, v]) => `${k}=${v}`).join(' ')}\n`)
}

if (process.argv[1]?.endsWith('make-random-fixtures.ts')) {
  const args = process.argv.slice(2)
  const seeds = args.filter((a) => /^\d+$/.test(a)).map(Number)
  if (seeds.length === 0) {
    console.error('usage: npx tsx scripts/make-random-fixtures.ts SEED… [--no-pdf] [--untagged]')
    process.exit(2)
  }
  process.env.TZ = 'UTC'
  for (const seed of seeds) await writeRandomCase(seed, !args.includes('--no-pdf'), args.includes('--untagged'))
}
