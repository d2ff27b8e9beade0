import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pdfOf } from './fixtures/pdf-objects.js'

/**
 * Scanned plans made from born-digital fixtures: each page rasterised in grey (pdftoppm), put
 * through what a scanner or a careless person does to it (a slight skew, a quarter or half turn, JPEG, a
 * very low resolution), and wrapped back into an image-only PDF (img2pdf), one image per page.
 * Each scan keeps the born-digital fixture's reviewed plan.json as its golden: OCR must read the
 * same actions. Also writes words.pgm, a line of print for the OCR engine's own test.
 *
 * Needs poppler-utils, img2pdf and ImageMagick (apt-get install -y poppler-utils img2pdf imagemagick),
 * and fonts-dejavu for words.pgm. Only to make these files: the reader and `npm test` need none of them.
 *
 *   npx tsx scripts/make-scan-fixtures.ts
 */

interface Scan {
  name: string
  /** The born-digital fixture under fixtures/pdf. */
  from: string
  dpi: number
  pages: number
  /** Degrees clockwise: a small skew, a quarter turn as a page fed sideways, or a half turn as one fed upside down. */
  rotate: number
  encoding: 'png' | 'jpeg'
  why: string
}

export const SCANS: readonly Scan[] = [
  { name: 'banes-skewed', from: 'banes', dpi: 200, pages: 1, rotate: 1.5, encoding: 'jpeg', why: 'borderless landscape table, skewed 1.5°, JPEG' },
  { name: 'wakefield-ruled', from: 'wakefield', dpi: 200, pages: 1, rotate: 0, encoding: 'png', why: 'ruled portrait table with RAG fills, straight, PNG' },
  { name: 'kingsmere-turned', from: 'random-7004', dpi: 150, pages: 1, rotate: 90, encoding: 'jpeg', why: 'borderless table with shaded bands, fed a quarter turn, JPEG' },
  { name: 'banes-upside-down', from: 'banes-shaded', dpi: 200, pages: 1, rotate: 180, encoding: 'jpeg', why: 'borderless table with a shaded header, fed upside down (180°), JPEG' },
]

/** Two pages in one file, for scripts/bench-ocr.ts: pages recognised side by side with --jobs 2. */
export const BENCH: Scan = { name: 'banes-portrait-two-pages', from: 'banes-portrait', dpi: 200, pages: 2, rotate: 0, encoding: 'jpeg', why: 'two portrait pages, JPEG; for the OCR bench' }

/** Too coarse to read: small print is two or three pixels high. The reader must say so. */
export const LOW_RES: Scan = { name: 'low-resolution', from: 'banes', dpi: 40, pages: 1, rotate: 0, encoding: 'png', why: 'banes at 40 dpi' }

const run = (cmd: string, args: string[]): void => {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] })
}

function makeScan(scan: Scan, fixtures: string, out: string): void {
  const work = mkdtempSync(join(tmpdir(), 'scan-'))
  try {
    run('pdftoppm', ['-r', String(scan.dpi), '-gray', '-png', '-f', '1', '-l', String(scan.pages), join(fixtures, 'pdf', scan.from, 'input.pdf'), join(work, 'page')])
    const pages = readdirSync(work).filter((f) => f.startsWith('page')).sort()
    const images = pages.map((page, i) => {
      const target = join(work, `scan-${i}.${scan.encoding === 'jpeg' ? 'jpg' : 'png'}`)
      const args = [join(work, page), '-strip', '-colorspace', 'Gray', '-background', 'white']
      if (scan.rotate !== 0) args.push('-rotate', String(scan.rotate), '+repage')
      if (scan.encoding === 'jpeg') args.push('-quality', '75')
      run('convert', [...args, target])
      return target
    })
    const dir = join(out, scan.name)
    mkdirSync(dir, { recursive: true })
    // The page is the image at its resolution (img2pdf misses the resolution ImageMagick writes
    // into a PNG); no timestamps, so the file is the same each time it is made.
    const [w, h] = execFileSync('identify', ['-format', '%w %h', images[0]!], { encoding: 'utf8' }).split(' ').map(Number) as [number, number]
    const size = `${(w / scan.dpi).toFixed(4)}inx${(h / scan.dpi).toFixed(4)}in`
    run('img2pdf', ['--nodate', '--imgsize', size, '--output', join(dir, 'input.pdf'), ...images])
    copyFileSync(join(fixtures, 'pdf', scan.from, 'plan.json'), join(dir, 'golden.json'))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}


/**
 * A scan of random-7004 (150 dpi JPEG, the image as it is) with `overlay` drawn over it as real
 * text or vectors, in a hand-written PDF: what a website or a council adds to a scan afterwards.
 * The overlay is PDF content drawn on the page of `width` × `height` points, with Helvetica as /F1.
 */
function makeOverlaid(fixtures: string, out: string, name: string, overlay: (width: number, height: number) => string): void {
  const work = mkdtempSync(join(tmpdir(), 'scan-'))
  try {
    const dpi = 150
    run('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', '1', '-l', '1', join(fixtures, 'pdf', 'random-7004', 'input.pdf'), join(work, 'page')])
    const jpeg = join(work, 'page.jpg')
    run('convert', [join(work, readdirSync(work).find((f) => f.endsWith('.png'))!), '-strip', '-colorspace', 'Gray', '-quality', '75', jpeg])
    const [w, h] = execFileSync('identify', ['-format', '%w %h', jpeg], { encoding: 'utf8' }).split(' ').map(Number) as [number, number]
    const [pw, ph] = [(w * 72) / dpi, (h * 72) / dpi].map((v) => Math.round(v * 100) / 100) as [number, number]
    const bytes = readFileSync(jpeg)
    const content = `q ${pw} 0 0 ${ph} 0 0 cm /Im0 Do Q\n${overlay(pw, ph)}`
    const pdf = pdfOf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw} ${ph}] /Resources << /XObject << /Im0 5 0 R >> /Font << /F1 6 0 R >> >> /Contents 4 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}endstream`,
      Buffer.concat([
        Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${bytes.length} >>\nstream\n`, 'latin1'),
        bytes,
        Buffer.from('\nendstream', 'latin1'),
      ]),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ])
    const dir = join(out, name)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'input.pdf'), pdf)
    copyFileSync(join(fixtures, 'pdf', 'random-7004', 'plan.json'), join(dir, 'golden.json'))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** A line stamped under the scan ("page 1 of 3"): a text layer of next to nothing. */
const STAMPED = (): string => 'BT /F1 8 Tf 36 12 Td (Printed from the council website, page 1 of 1) Tj ET\n'

/** Words only the overlay holds, so a reading of the scan's image alone cannot find them. */
export const ANNOTATION = {
  note: [
    'Note from the Kingsmere Safeguarding Children Board, 4 March 2014: the board reviewed this plan and asked',
    'every lead to report progress against each action at its next meeting. Ratings are as reported in February;',
    'the plan will be published again when every action is complete.',
  ],
  stamp: 'RECEIVED 4 MAR 2014',
}

/**
 * A typed note over the blank lower part of the scan (more text than a stamp: the page has a text
 * layer, over a small part of it) and a received stamp drawn as a red vector box with its words.
 */
const ANNOTATED = (width: number): string => {
  const note = ANNOTATION.note.map((line, i) => `BT /F1 10 Tf 36 ${150 - i * 14} Td (${line}) Tj ET`).join('\n')
  const box = `q 0.8 0 0 RG 0.8 0 0 rg 2 w ${width - 230} 40 180 40 re S BT /F1 14 Tf ${width - 218} 54 Td (${ANNOTATION.stamp}) Tj ET Q`
  return `${note}\n${box}\n`
}

export function makeScanFixtures(fixtures = 'fixtures'): void {
  const out = join(fixtures, 'scan')
  mkdirSync(out, { recursive: true })
  for (const scan of [...SCANS, LOW_RES, BENCH]) makeScan(scan, fixtures, out)
  makeOverlaid(fixtures, out, 'kingsmere-stamped', STAMPED)
  makeOverlaid(fixtures, out, 'kingsmere-annotated', ANNOTATED)
  const words = join(out, 'words.pgm')
  run('convert', ['-size', '640x72', 'xc:white', '-font', 'DejaVu-Sans', '-pointsize', '28', '-fill', 'black', '-annotate', '+12+46', 'Review supervision by March 2013', '-depth', '8', `pgm:${words}`])
  writeFileSync(
    join(out, 'README.md'),
    [
      '# Scanned plans',
      '',
      'Made by `npx tsx scripts/make-scan-fixtures.ts` from the born-digital fixtures under ../pdf: each page',
      'rasterised in grey, changed as below, and wrapped back into an image-only PDF. `golden.json` is the',
      "born-digital fixture's reviewed plan.json: OCR must find the same actions.",
      '',
      ...[...SCANS, LOW_RES, BENCH].map((s) => `- ${s.name}: ${s.from}, ${s.dpi} dpi, ${s.why}`),
      '- kingsmere-stamped: random-7004, 150 dpi JPEG, upright, with a line of text stamped under the scan (a text layer of next to nothing)',
      '- kingsmere-annotated: random-7004, 150 dpi JPEG, upright, with a typed note (three lines of text) and a received stamp (a red vector box and its words) drawn over the blank lower part of the scan: read from the rendered page',
      '- words.pgm: one line of print for the OCR engine test',
      '',
    ].join('\n'),
  )
}

if (import.meta.url === `file://${process.argv[1]}`) makeScanFixtures()
