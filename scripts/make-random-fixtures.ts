/**
 * Writes generated templates (scripts/fixtures/random) as committed fixture cases:
 * fixtures/docx|html|text/random-<seed>/input.*, fixtures/pdf/random-<seed>/input.pdf (LibreOffice,
 * tagged, from the Word file) and fixtures/truth/random-<seed>.json, the generator's truth.
 *
 *   npx tsx scripts/make-random-fixtures.ts SEED… [--no-pdf]
 *
 * The HTML is the bench's own rendering (html-writer.ts), so that a committed case is read exactly
 * as the random bench reads it. The truth is the full one (as for Word): in pasted text a RAG shown
 * only as a fill is lost, as for the designed fixtures (fixtures/README.md). Goldens (plan.json,
 * plan.tree) are then written by `npm run test:update` and must be reviewed row by row.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { convert } from './make-fixtures.js'
import { generate, truthFor } from './fixtures/random/generate.js'
import { EXTENSION, MEMORY_FORMATS, render } from './fixtures/random/render.js'
import { ROOT } from './fixtures/seeds.js'

export async function writeRandomCase(seed: number, pdf: boolean): Promise<void> {
  const g = generate(seed)
  const name = `random-${seed}`
  for (const format of MEMORY_FORMATS) {
    const dir = join(ROOT, 'fixtures', format, name)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `input.${EXTENSION[format]}`), await render(g, format))
  }
  if (pdf) {
    const work = mkdtempSync(join(tmpdir(), `fixture-${name}-`))
    try {
      convert(join(ROOT, 'fixtures', 'docx', name, 'input.docx'), work, 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}')
      mkdirSync(join(ROOT, 'fixtures', 'pdf', name), { recursive: true })
      copyFileSync(join(work, 'input.pdf'), join(ROOT, 'fixtures', 'pdf', name, 'input.pdf'))
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }
  mkdirSync(join(ROOT, 'fixtures', 'truth'), { recursive: true })
  writeFileSync(join(ROOT, 'fixtures', 'truth', `${name}.json`), `${JSON.stringify(truthFor(g, 'docx'), null, 2)}\n`)
  process.stderr.write(`${name}: ${Object.entries(g.traits).filter(([, v]) => v !== 'n/a').map(([k, v]) => `${k}=${v}`).join(' ')}\n`)
}

if (process.argv[1]?.endsWith('make-random-fixtures.ts')) {
  const args = process.argv.slice(2)
  const seeds = args.filter((a) => /^\d+$/.test(a)).map(Number)
  if (seeds.length === 0) {
    console.error('usage: npx tsx scripts/make-random-fixtures.ts SEED… [--no-pdf]')
    process.exit(2)
  }
  process.env.TZ = 'UTC'
  for (const seed of seeds) await writeRandomCase(seed, !args.includes('--no-pdf'))
}
