/**
 * Builds the Word, PDF and pasted-text fixtures from the templates in scripts/fixtures/templates,
 * and the bad PDFs in fixtures/bad (scripts/fixtures/make-bad-pdfs.ts).
 *
 *   npx tsx scripts/make-fixtures.ts [case…] [--no-bad]
 *
 * For each case: fixtures/docx/<case>/input.docx (written here), fixtures/pdf/<case>/input.pdf
 * and fixtures/html/<case>/input.html (LibreOffice: soffice --headless --convert-to pdf / html),
 * fixtures/text/<case>/input.txt (text-writer.ts)
 * except for the three cases whose text is the real seed. For a few cases also an untagged PDF,
 * fixtures/pdf/<case>-untagged/input.pdf, as older writers and "Print to PDF" make: it is read from
 * the layout alone (`--untagged` makes only these, from the committed Word files). And one plan
 * altered with qpdf (`--derived` makes only these, from the committed PDF): `<case>-rotated`,
 * whose content is drawn turned and its /Rotate turns it back upright, as some writers make
 * landscape pages; `<case>-sideways`, displayed a quarter turn off, as a landscape table printed
 * on a portrait page; `<case>-broken-tags`, whose structure tree has a row that is not a TR, so
 * the page must be read from the layout. Needs LibreOffice, poppler-utils, qpdf and
 * fonts-liberation on the machine that makes fixtures; the product and the tests never do.
 * Deterministic except for the dates LibreOffice writes into each PDF.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DocSpec } from './fixtures/doc-model.js'
import { writeDocx } from './fixtures/docx-writer.js'
import { makeBadPdfs } from './fixtures/make-bad-pdfs.js'
import { ROOT } from './fixtures/seeds.js'
import { writeText } from './fixtures/text-writer.js'
import { TEMPLATES } from './fixtures/templates/index.js'
import { truthOf } from './fixtures/designed/content.js'
import { DESIGNED } from './fixtures/designed/index.js'

process.env.TZ = 'UTC'

/** These cases' pasted text is the real seed, copied to fixtures/text by hand: never overwrite it. */
const SEEDED = new Set(['telford', 'darlington', 'dudley'])

/** Converts with a private LibreOffice profile so that a running soffice elsewhere does not interfere. */
export function convert(docx: string, outDir: string, to: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'))
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, docx], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 180_000,
    })
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

/** Cases also exported without tags: a borderless table, paragraph-heavy cells, rows cut by page breaks. */
const UNTAGGED = ['banes', 'banes-portrait', 'banes-rowrules', 'banes-shaded', 'banes-beside-prose', 'darlington', 'bournemouth-poole']

function makeUntagged(name: string): void {
  const dir = join(ROOT, 'fixtures', 'pdf', `${name}-untagged`)
  const work = mkdtempSync(join(tmpdir(), `fixture-${name}-`))
  try {
    convert(join(ROOT, 'fixtures', 'docx', name, 'input.docx'), work, 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"false"}}')
    mkdirSync(dir, { recursive: true })
    copyFileSync(join(work, 'input.pdf'), join(dir, 'input.pdf'))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const DERIVED = ['wakefield']

function makeDerived(name: string): void {
  const source = join(ROOT, 'fixtures', 'pdf', name, 'input.pdf')
  const work = mkdtempSync(join(tmpdir(), `fixture-${name}-`))
  const qpdf = (...args: string[]): void => {
    // A deterministic /ID: the same input makes the same bytes.
    execFileSync('qpdf', ['--deterministic-id', ...args], { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  try {
    for (const variant of ['rotated', 'sideways', 'broken-tags']) mkdirSync(join(ROOT, 'fixtures', 'pdf', `${name}-${variant}`), { recursive: true })
    qpdf('--rotate=-90', source, join(work, 'turned.pdf'))
    qpdf('--flatten-rotation', join(work, 'turned.pdf'), join(work, 'flat.pdf'))
    qpdf('--rotate=+90', join(work, 'flat.pdf'), join(ROOT, 'fixtures', 'pdf', `${name}-rotated`, 'input.pdf'))
    qpdf('--rotate=+90', source, join(ROOT, 'fixtures', 'pdf', `${name}-sideways`, 'input.pdf'))
    // QDF mode writes each object as editable text; fix-qdf mends the offsets after the edit.
    qpdf('--qdf', '--object-streams=disable', source, join(work, 'qdf.pdf'))
    const qdf = readFileSync(join(work, 'qdf.pdf'), 'latin1')
    let rows = 0
    const broken = qdf.replace(/\/S \/TR\b/g, (tr) => (++rows === 3 ? '/S /Sect' : tr))
    writeFileSync(join(work, 'broken.pdf'), broken, 'latin1')
    writeFileSync(join(ROOT, 'fixtures', 'pdf', `${name}-broken-tags`, 'input.pdf'), execFileSync('fix-qdf', [join(work, 'broken.pdf')]))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export async function makeCase(name: string, spec: DocSpec): Promise<void> {
  const docxDir = join(ROOT, 'fixtures', 'docx', name)
  const pdfDir = join(ROOT, 'fixtures', 'pdf', name)
  const htmlDir = join(ROOT, 'fixtures', 'html', name)
  mkdirSync(docxDir, { recursive: true })
  mkdirSync(pdfDir, { recursive: true })
  const docx = join(docxDir, 'input.docx')
  writeFileSync(docx, await writeDocx(spec))
  const work = mkdtempSync(join(tmpdir(), `fixture-${name}-`))
  try {
    // Tagged PDF, as Word's "Save as PDF" writes by default; HTML as Word's "Save as web page" would.
    convert(docx, work, 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}')
    copyFileSync(join(work, 'input.pdf'), join(pdfDir, 'input.pdf'))
    convert(docx, work, 'html:HTML (StarWriter):EmbedImages')
    mkdirSync(htmlDir, { recursive: true })
    copyFileSync(join(work, 'input.html'), join(htmlDir, 'input.html'))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  if (!SEEDED.has(name)) {
    const textDir = join(ROOT, 'fixtures', 'text', name)
    mkdirSync(textDir, { recursive: true })
    writeFileSync(join(textDir, 'input.txt'), writeText(spec))
  }
  const designed = DESIGNED[name]
  if (designed) {
    mkdirSync(join(ROOT, 'fixtures', 'truth'), { recursive: true })
    writeFileSync(join(ROOT, 'fixtures', 'truth', `${name}.json`), `${JSON.stringify(truthOf(designed), null, 2)}\n`)
  }
  const pages = execFileSync('pdfinfo', [join(pdfDir, 'input.pdf')], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]
  process.stderr.write(`${name}: ${pages} pages\n`)
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const wanted = args.filter((a) => !a.startsWith('--'))
  const untaggedOnly = args.includes('--untagged')
  const derivedOnly = args.includes('--derived')
  for (const [name, template] of Object.entries(TEMPLATES)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue
    if (!untaggedOnly && !derivedOnly) await makeCase(name, template())
    if (UNTAGGED.includes(name) && !derivedOnly) makeUntagged(name)
    if (DERIVED.includes(name) && !untaggedOnly) makeDerived(name)
  }
  if (untaggedOnly || derivedOnly) return
  if (!args.includes('--no-bad') && wanted.length === 0) makeBadPdfs(join(ROOT, 'fixtures'))
}

if (process.argv[1]?.endsWith('make-fixtures.ts')) await main()
