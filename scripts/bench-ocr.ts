import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * OCR speed and memory on the scan fixtures (fixtures/scan, 150–200 dpi), each setting in its own
 * process so that its peak memory (resident set sampled every 20 ms; tesseract's workers are
 * threads of that process) is its own:
 *   - jobs 1: the three one-page scans and the two-page scan read one after another, one worker;
 *   - jobs 2, one file: the two-page scan with two OCR workers (its pages recognised side by side);
 *   - jobs 2, batch: the four files two at a time, one worker each, as `ingest --jobs 2` reads a folder.
 * Prints seconds per page and peak MB. Worker start-up is counted: it is paid once per file.
 *
 *   npx tsx scripts/bench-ocr.ts
 */

const ONE_PAGE = ['banes-skewed', 'wakefield-ruled', 'kingsmere-turned'].map((n) => `fixtures/scan/${n}/input.pdf`)
const TWO_PAGES = 'fixtures/scan/banes-portrait-two-pages/input.pdf'

type Setting = 'jobs1' | 'jobs2-file' | 'jobs2-batch'

interface Figures {
  pages: number
  seconds: number
  peakMb: number
}

async function measure(setting: Setting): Promise<Figures> {
  const { readDocument } = await import('../src/ingest.js')
  let peak = process.memoryUsage.rss()
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 20)
  let pages = 0
  const read = async (path: string, jobs: number): Promise<void> => {
    const { document } = await readDocument(path, new Uint8Array(readFileSync(path)), { pdf: { ocr: { jobs } }, timeoutMs: 600_000 })
    pages += document.ocr?.length ?? 0
  }
  const started = performance.now()
  if (setting === 'jobs1') for (const path of [...ONE_PAGE, TWO_PAGES]) await read(path, 1)
  else if (setting === 'jobs2-file') await read(TWO_PAGES, 2)
  else {
    const queue = [TWO_PAGES, ...ONE_PAGE]
    const lane = async (): Promise<void> => {
      for (let path = queue.shift(); path; path = queue.shift()) await read(path, 1)
    }
    await Promise.all([lane(), lane()])
  }
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  return { pages, seconds, peakMb: Math.round(Math.max(peak, process.memoryUsage.rss()) / 2 ** 20) }
}

const at = process.argv.indexOf('--setting')
if (at >= 0) process.stdout.write(JSON.stringify(await measure(process.argv[at + 1] as Setting)))
else {
  const self = fileURLToPath(import.meta.url)
  const labels: Record<Setting, string> = { jobs1: 'jobs 1, 4 files', 'jobs2-file': 'jobs 2, one 2-page file', 'jobs2-batch': 'jobs 2, 4 files two at a time' }
  for (const setting of Object.keys(labels) as Setting[]) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--setting', setting], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    const f = JSON.parse(out) as Figures
    console.log(`${labels[setting].padEnd(30)} ${f.pages} pages in ${f.seconds.toFixed(1)} s = ${(f.seconds / f.pages).toFixed(1)} s/page, peak RSS ${f.peakMb} MB`)
  }
}
