import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { OcrResult } from '../../../parsers/pdf/ocr/engine.js'

describe('OCR engine', () => {
  it('reads a line of print offline: the model comes from node_modules, nothing is fetched or cached', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ocr-engine-'))
    try {
      const root = resolve('.')
      const stdout = execFileSync(
        process.execPath,
        ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, '--import', pathToFileURL(join(root, 'test/parsers/ocr/no-network.mjs')).href, join(root, 'test/parsers/ocr/read-words.ts'), join(root, 'fixtures/scan/words.pgm')],
        { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      )
      const result = JSON.parse(stdout) as OcrResult
      expect(result.words.map((w) => w.text).join(' ')).toBe('Review supervision by March 2013')
      expect(result.confidence).toBeGreaterThan(85)
      // Words come left to right on one line, with boxes inside the 640 × 72 image.
      const xs = result.words.map((w) => w.box.x0)
      expect(xs).toEqual([...xs].sort((a, b) => a - b))
      for (const w of result.words) {
        expect(w.box.x1).toBeLessThanOrEqual(640)
        expect(w.box.y1).toBeLessThanOrEqual(72)
        expect(w.baseline).toBeGreaterThan(w.box.y0)
      }
      // tesseract.js writes the model it fetched into the working folder unless told not to.
      expect(readdirSync(cwd)).toEqual([])
    } finally {
      rmSync(cwd, { recursive: true, force: true })
    }
  }, 60_000)
})
