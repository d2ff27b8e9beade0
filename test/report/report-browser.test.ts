import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * The HTML report in a real browser (Debian's chromium, driven by playwright-core): it loads with
 * no console error, its three charts have drawn, and its table filters. The screenshot goes to a
 * temporary folder, or to REPORT_SCREENSHOT when set (the README's picture is made that way).
 */
const root = join(import.meta.dirname, '..', '..')
const bin = join(root, 'bin', 'actionplan.js')
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

describe('HTML report in a browser', () => {
  let browser: Browser
  let report: string
  const dir = mkdtempSync(join(tmpdir(), 'ap-report-'))

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: npm test installs it (scripts/ensure-chromium.sh), or set CHROMIUM`)
    const db = join(dir, 'report.sqlite')
    const ingest = spawnSync(process.execPath, [bin, 'ingest', ...readdirSync(join(root, 'fixtures', 'pdf')).filter((n) => !n.startsWith('random-')).sort().map((n) => join(root, 'fixtures', 'pdf', n)), join(root, 'fixtures', 'docx', 'wakefield'), '--db', db], { encoding: 'utf8' })
    expect(ingest.status, ingest.stderr).toBe(0)
    report = join(dir, 'report.html')
    const made = spawnSync(process.execPath, [bin, 'report', '--db', db, '--out', report, '--as-of', '2013-03-31'], { encoding: 'utf8' })
    expect(made.status, made.stderr).toBe(0)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('loads offline with no console errors, draws its charts and filters its table', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(e.message))
    // Any request leaving the page would mean the report is not self-contained.
    const requests: string[] = []
    page.on('request', (r) => r.url().startsWith('file:') || requests.push(r.url()))
    await page.goto(pathToFileURL(report).href)
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 })
    expect(errors).toEqual([])
    expect(requests).toEqual([])

    // Status by authority: one row of bars per authority: six, as Bournemouth and Poole share one
    // board's plan (the Word copy of Wakefield's plan is its second revision, not a new plan).
    expect(await page.locator('#chart-status text.label').count()).toBe(6)
    expect(await page.locator('#chart-status rect.bar').count()).toBeGreaterThan(6)
    // Heat map: one cell per theme and authority.
    const labels = await page.locator('#chart-themes text.label').count()
    expect(await page.locator('#chart-themes rect.heat').count()).toBe((labels - 6) * 6)
    // Overdue over time: a line with one point per month.
    const points = (await page.locator('#chart-overdue polyline').getAttribute('points')) ?? ''
    expect(points.split(' ').length).toBeGreaterThan(6)

    const rows = page.locator('#actions tbody tr')
    const total = await rows.count()
    expect(total).toBeGreaterThan(150)
    await page.fill('#filter', 'supervision')
    const visible = page.locator('#actions tbody tr:not([hidden])')
    const found = await visible.count()
    expect(found).toBeGreaterThan(0)
    expect(found).toBeLessThan(total)
    for (const text of await visible.allInnerTexts()) expect(text.toLowerCase()).toContain('supervision')
    await page.selectOption('#authority', 'Dudley Metropolitan Borough Council')
    expect(await visible.count()).toBe(13)
    expect(await page.locator('#shown').innerText()).toBe(`13 of ${total} actions`)
    // Each row links to its source file and page.
    expect(await visible.first().locator('a').getAttribute('href')).toMatch(/fixtures\/pdf\/dudley\/input\.pdf#page=\d$/)

    await page.fill('#filter', '')
    await page.selectOption('#authority', '')
    await page.evaluate(() => window.scrollTo(0, 0))
    const shot = process.env.REPORT_SCREENSHOT ?? join(dir, 'report.png')
    await page.screenshot({ path: shot, fullPage: false })
    expect(statSync(shot).size).toBeGreaterThan(10_000)
  }, 60_000)
})
