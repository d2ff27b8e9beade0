import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseString } from 'fast-csv'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchTokens } from '../../src/report/porter.js'

/**
 * The HTML report in a real browser (Debian's chromium, driven by playwright-core), one test per
 * control. The screenshot goes to a temporary folder, or to REPORT_SCREENSHOT when set (the
 * README's picture is made that way).
 */
const root = join(import.meta.dirname, '..', '..')
const bin = join(root, 'bin', 'actionplan.js')
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const DUDLEY = 'Dudley Metropolitan Borough Council'

function run(args: string[]): void {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
}

/** The downloaded CSV read back with fast-csv, the parser the project already has (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks). */
function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = []
    parseString<string[], string[]>(text)
      .on('error', reject)
      .on('data', (row: string[]) => rows.push(row))
      .on('end', () => resolve(rows))
  })
}

/** RAG counts of a plan's actions in the accuracy bench's ground truth (fixtures/truth). */
function truthRag(name: string): Record<string, number> {
  const truth = JSON.parse(readFileSync(join(root, 'fixtures', 'truth', `${name}.json`), 'utf8')) as { recommendations: { actions: { rag: string | null }[] }[] }
  const out: Record<string, number> = {}
  for (const r of truth.recommendations) for (const a of r.actions) out[a.rag ?? ''] = (out[a.rag ?? ''] ?? 0) + 1
  return out
}

describe('HTML report in a browser', () => {
  let browser: Browser
  let report: string
  let wordReport: string
  const dir = mkdtempSync(join(tmpdir(), 'ap-report-'))

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: npm test installs it (scripts/ensure-chromium.sh), or set CHROMIUM`)
    // The real plans only: the generated random-* fixtures would shift the hand-checked counts.
    run(['ingest', ...readdirSync(join(root, 'fixtures', 'pdf')).filter((n) => !n.startsWith('random-')).sort().map((n) => join(root, 'fixtures', 'pdf', n)), join(root, 'fixtures', 'docx', 'wakefield'), '--db', join(dir, 'report.sqlite')])
    report = join(dir, 'report.html')
    run(['report', '--db', join(dir, 'report.sqlite'), '--out', report, '--as-of', '2013-03-31'])
    // Word sources only, so that every row of this report links to an HTML rendition.
    run(['ingest', join(root, 'fixtures', 'docx', 'wakefield'), join(root, 'fixtures', 'docx', 'darlington'), '--db', join(dir, 'word.sqlite')])
    wordReport = join(dir, 'out', 'word.html')
    spawnSync('mkdir', ['-p', join(dir, 'out')])
    run(['report', '--db', join(dir, 'word.sqlite'), '--out', wordReport, '--as-of', '2013-03-31'])
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
  })

  async function open(file: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true })
    await page.goto(pathToFileURL(file).href)
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 })
    return page
  }
  const shown = (page: Page) => page.locator('#actions tbody tr:not([hidden])')

  it('loads offline with no console errors and no request leaving the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(e.message))
    const requests: string[] = []
    page.on('request', (r) => r.url().startsWith('file:') || requests.push(r.url()))
    await page.goto(pathToFileURL(report).href)
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 })
    expect(errors).toEqual([])
    expect(requests).toEqual([])
    // One bar per authority in the status and RAG charts: six, as Bournemouth and Poole share one board's plan.
    expect(await page.locator('#chart-status text.total').count()).toBe(6)
    expect(await page.locator('#chart-rag text.total').count()).toBe(6)

    const shot = process.env.REPORT_SCREENSHOT ?? join(dir, 'report.png')
    await page.screenshot({ path: shot, fullPage: false })
    expect(statSync(shot).size).toBeGreaterThan(10_000)
  })

  it('RAG chart: counts on the bars agree with the table and with the plans as read by hand', async () => {
    const page = await open(report)
    const bars = await page.locator('#chart-rag rect.bar').evaluateAll((rects) => rects.map((r) => ({ authority: r.getAttribute('data-authority')!, key: r.getAttribute('data-key')!, n: Number(r.getAttribute('data-count')) })))
    const ofAuthority = (name: string) => Object.fromEntries(bars.filter((b) => b.authority === name).map((b) => [b.key, b.n]))
    expect(ofAuthority(DUDLEY)).toEqual(truthRag('dudley'))
    expect(ofAuthority('Bath and North East Somerset Council')).toEqual(truthRag('banes'))
    // Every authority's bar adds up to its rows in the table, colour by colour.
    for (const name of new Set(bars.map((b) => b.authority))) {
      await page.selectOption('#authority', name)
      const rags = await shown(page).locator('td.col-rag').allInnerTexts()
      const counted: Record<string, number> = {}
      for (const r of rags) counted[r.trim()] = (counted[r.trim()] ?? 0) + 1
      expect(ofAuthority(name), name).toEqual(counted)
    }
    // The count written on a part is the part's own, and inside it.
    const labels = await page.locator('#chart-rag text.count').evaluateAll((texts) =>
      texts.map((t) => {
        const rect = t.parentElement!.querySelector(`rect[data-authority="${t.getAttribute('data-authority')}"][data-key="${t.getAttribute('data-key')}"]`)!
        const a = t.getBoundingClientRect(), b = rect.getBoundingClientRect()
        return { text: t.textContent, n: rect.getAttribute('data-count'), inside: a.left >= b.left && a.right <= b.right }
      }),
    )
    expect(labels.length).toBeGreaterThan(10)
    for (const l of labels) expect(l).toEqual({ text: l.n, n: l.n, inside: true })
  })

  it('status chart: counts on the bars, and each bar adds up to its authority in the table', async () => {
    const page = await open(report)
    const totals = await page.locator('#chart-status text.total').allTextContents()
    const names = await page.locator('#chart-status text.label:not(.total)').allTextContents()
    for (const [i, name] of names.entries()) {
      await page.selectOption('#authority', name)
      expect(await page.locator('#shown').innerText()).toMatch(new RegExp(`^${totals[i]} of `))
      const parts = await page.locator(`#chart-status rect.bar[data-authority="${name}"]`).evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-count'))))
      expect(parts.reduce((a, b) => a + b, 0)).toBe(Number(totals[i]))
    }
    expect(await page.locator('#chart-status text.count').count()).toBeGreaterThan(10)
  })

  it('heat map: a colour legend whose swatches are the shades of the cells with that count', async () => {
    const page = await open(report)
    const cells = await page.locator('#chart-themes rect.heat').evaluateAll((r) => r.map((x) => ({ n: Number(x.getAttribute('data-count')), fill: x.getAttribute('fill') })))
    const swatches = await page.locator('#chart-themes .heat-legend rect.legend-swatch').evaluateAll((r) => r.map((x) => ({ n: Number(x.getAttribute('data-count')), fill: x.getAttribute('fill') })))
    const max = Math.max(...cells.map((c) => c.n))
    expect(swatches[0]!.n).toBe(0)
    expect(swatches[swatches.length - 1]!.n).toBe(max)
    for (const s of swatches) {
      const cell = cells.find((c) => c.n === s.n)
      if (cell) expect(cell.fill).toBe(s.fill)
    }
    expect(await page.locator('#chart-themes .heat-legend text').allTextContents()).toEqual(['Actions per cell:', ...swatches.map((s) => String(s.n))])
  })

  for (const width of [1280, 800]) {
    it(`no chart label is cut at ${width} px`, async () => {
      const page = await open(report, width)
      const cut = await page.locator('svg').evaluateAll((svgs) =>
        svgs.flatMap((svg) => {
          const box = svg.getBoundingClientRect()
          return [...svg.querySelectorAll('text')].flatMap((t) => {
            const r = t.getBoundingClientRect()
            return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1 ? [`${svg.id}: ${t.textContent}`] : []
          })
        }),
      )
      expect(cut).toEqual([])
    })
  }

  it('overdue chart: one point per month of the plans own period, not up to today', async () => {
    const page = await open(report)
    const months = await page.locator('#chart-overdue circle.dot').evaluateAll((d) => d.map((x) => x.getAttribute('data-month')!))
    const dues = await page.locator('#actions tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dueBy!).filter(Boolean).sort())
    expect(months[months.length - 1]!.slice(0, 7)).toBe(dues[dues.length - 1]!.slice(0, 7))
    expect(months[0]! <= dues[0]!).toBe(true)
    expect(months.length).toBeLessThan(60)
  })

  it('sorts by a column heading, and reverses on a second click', async () => {
    const page = await open(report)
    const dueBys = () => shown(page).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.dueBy!))
    await page.click('th[data-key="due"] button')
    expect(await page.getAttribute('th[data-key="due"]', 'aria-sort')).toBe('ascending')
    const up = await dueBys()
    const dated = up.filter(Boolean)
    expect(dated).toEqual([...dated].sort())
    expect(up.slice(dated.length).every((d) => d === '')).toBe(true)
    await page.click('th[data-key="due"] button')
    expect(await page.getAttribute('th[data-key="due"]', 'aria-sort')).toBe('descending')
    const down = (await dueBys()).filter(Boolean)
    expect(down).toEqual([...dated].reverse())
    // Refs sort as numbers: 1.10 after 1.9.
    await page.selectOption('#authority', DUDLEY)
    await page.click('th[data-key="ref"] button')
    const refs = await shown(page).locator('td.col-ref').allInnerTexts()
    expect(refs).toEqual([...refs].sort(new Intl.Collator('en', { numeric: true }).compare))
    expect(await page.getAttribute('th[data-key="due"]', 'aria-sort')).toBe('none')
  })

  it('filters by stemmed words as the CLI search does, and by authority and status', async () => {
    const page = await open(report)
    const total = await page.locator('#actions tbody tr').count()
    await page.fill('#filter', 'supervise')
    const found = await shown(page).count()
    expect(found).toBeGreaterThan(0)
    expect(found).toBeLessThan(total)
    // Exactly the rows whose searched text (shown or not: recommendation, progress) holds a word
    // of that stem, most of them without "supervise" itself.
    type Row = { authority: string; ref: string; recommendation: string; action: string; leads: string; due: string; progress: string; where: string }
    const data = await page.evaluate(() => (JSON.parse(document.getElementById('report-data')!.textContent!) as { actions: Row[] }).actions)
    const stemmed = data.flatMap((a, i) => (searchTokens([a.authority, a.ref, a.recommendation, a.action, a.leads, a.due, a.progress, a.where].join(' ')).includes('supervis') ? [String(i)] : []))
    const indexes = () => shown(page).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.index!))
    expect(await indexes()).toEqual(stemmed)
    const literal = data.filter((a) => /supervise\b/i.test([a.recommendation, a.action, a.progress].join(' '))).length
    expect(literal).toBeLessThan(found)
    await page.fill('#filter', 'supervision')
    expect(await indexes()).toEqual(stemmed)
    await page.selectOption('#authority', DUDLEY)
    expect(await shown(page).count()).toBe(13)
    expect(await page.locator('#shown').innerText()).toBe(`13 of ${total} actions`)
    await page.fill('#filter', '')
    await page.selectOption('#authority', '')
    await page.selectOption('#status', 'overdue')
    const overdue = await shown(page).count()
    expect(overdue).toBeGreaterThan(0)
    expect(await page.locator('#actions tbody tr.overdue').count()).toBe(overdue)
    // Each PDF row links to its source file and page.
    await page.selectOption('#status', '')
    await page.selectOption('#authority', DUDLEY)
    expect(await shown(page).first().locator('a').getAttribute('href')).toMatch(/fixtures\/pdf\/dudley\/input\.pdf#page=\d$/)
  })

  it('downloads the rows shown, in the order shown, as CSV', async () => {
    const page = await open(report)
    await page.selectOption('#authority', DUDLEY)
    await page.fill('#filter', 'supervision')
    await page.click('th[data-key="ref"] button')
    await page.click('th[data-key="ref"] button')
    const refs = await shown(page).locator('td.col-ref').allInnerTexts()
    const actions = await shown(page).locator('td.col-action').allInnerTexts()
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')])
    expect(download.suggestedFilename()).toBe('actions.csv')
    const text = readFileSync((await download.path())!, 'utf8')
    expect(text.startsWith('\ufeff')).toBe(true)
    const [header, ...rows] = await parseCsv(text.slice(1))
    expect(header).toEqual(['authority', 'plan', 'ref', 'recommendation', 'action', 'leads', 'due', 'due_by', 'status', 'status_effective', 'rag', 'overdue', 'progress', 'themes', 'source', 'link'])
    expect(rows.length).toBe(refs.length)
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.map((r) => r[2])).toEqual(refs)
    expect(rows.map((r) => r[4])).toEqual(actions)
    for (const r of rows) {
      expect(r).toHaveLength(header!.length)
      expect(r[0]).toBe(DUDLEY)
      expect(r[15]).toMatch(/input\.pdf#page=\d+$/)
    }
  })

  it('fits an 800 px window: no sideways scrolling, the two bar charts one above the other', async () => {
    const page = await open(report, 800)
    const { scroll, client, table } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, table: document.getElementById('actions')!.getBoundingClientRect().right }))
    expect(scroll).toBeLessThanOrEqual(client)
    expect(table).toBeLessThanOrEqual(800)
    const status = await page.locator('#chart-status').boundingBox()
    const rag = await page.locator('#chart-rag').boundingBox()
    expect(rag!.y).toBeGreaterThan(status!.y + status!.height)
    // At 1280 px they stand side by side.
    const wide = await open(report, 1280)
    const [a, b] = [await wide.locator('#chart-status').boundingBox(), await wide.locator('#chart-rag').boundingBox()]
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2)
  })

  it('a Word-source record links to its own row of the HTML rendition, highlighted', async () => {
    const page = await open(wordReport)
    const rows = await page.evaluate(() => (JSON.parse(document.getElementById('report-data')!.textContent!) as { actions: { action: string; href: string }[] }).actions)
    expect(rows.length).toBeGreaterThan(20)
    for (const r of rows) expect(r.href).toMatch(/^word-sources\/input-[0-9a-f]{8}\.html#t\d+-r\d+$/)
    // Darlington's plan has five tables: pick a record from a later one.
    const index = rows.findIndex((r) => /#t[1-9]\d*-r/.test(r.href))
    expect(index).toBeGreaterThanOrEqual(0)
    const row = page.locator('#actions tbody tr').nth(index)
    await row.locator('a').click()
    await page.waitForLoadState('load')
    expect(page.url()).toContain('word-sources/input-')
    const target = await page.evaluate(() => {
      const tr = document.querySelector(':target')!
      const box = tr.getBoundingClientRect()
      return { id: tr.id, tag: tr.tagName, text: tr.textContent ?? '', background: getComputedStyle(tr).backgroundColor, visible: box.top >= 0 && box.top < window.innerHeight }
    })
    expect(target.id).toBe(rows[index]!.href.split('#')[1])
    expect(target.tag).toBe('TR')
    expect(target.background).toBe('rgb(255, 243, 176)')
    expect(target.visible).toBe(true)
    const letters = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, '')
    expect(letters(target.text)).toContain(letters(rows[index]!.action).slice(0, 60))
  })
})
