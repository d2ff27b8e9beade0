import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../../cli/run-cli.js'

/** `--ocr` on the real binary. */
describe('actionplan ingest --ocr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actionplan-ocr-'))
  const scan = (name: string): string => join('fixtures', 'scan', name, 'input.pdf')

  it('reads a scan by default, and says how many records it found', () => {
    const r = run(['ingest', '--db', join(dir, 'auto.sqlite'), '--json', scan('kingsmere-turned')])
    expect(r.code).toBe(0)
    const file = JSON.parse(r.stdout.split('\n')[0]!) as { status: string; actions: number; diagnostics: { code: string }[] }
    expect(file).toMatchObject({ status: 'imported', actions: 5 })
    expect(file.diagnostics.map((d) => d.code)).toContain('OCR')
  }, 120_000)

  it('with --ocr off refuses the scan and says how to read it', () => {
    const r = run(['ingest', '--db', join(dir, 'off.sqlite'), '--ocr', 'off', scan('low-resolution')])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/no text layer \(scanned\?\); read it with --ocr auto/)
  })

  it('rejects an unknown --ocr value as a usage error', () => {
    const r = run(['ingest', '--db', join(dir, 'bad.sqlite'), '--ocr', 'sometimes', scan('low-resolution')])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/auto, off, force/)
  })
})
