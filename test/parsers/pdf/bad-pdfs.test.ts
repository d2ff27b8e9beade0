import { existsSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { ReadError } from '../../../schemas/index.js'
import { pdfReader } from '../../../parsers/pdf/index.js'
import type { PdfOptions } from '../../../parsers/reader.js'
import { makeBadPdfs } from '../../../scripts/fixtures/make-bad-pdfs.js'

/** Each bad PDF in fixtures/bad is refused with its own code, the file named first in the message. */

const refusal = async (name: string, pdf: PdfOptions = {}): Promise<ReadError> => {
  const path = `fixtures/bad/${name}`
  try {
    await pdfReader.read({ bytes: new Uint8Array(readFileSync(path)), path, options: { pdf } })
  } catch (error) {
    if (error instanceof ReadError) return error
    throw error
  }
  throw new Error(`${name} was read`)
}

describe('PDF reader on bad files', () => {
  beforeAll(() => {
    // The fixtures are committed; rebuild them only where qpdf can (a fresh checkout without them).
    if (!existsSync('fixtures/bad/encrypted.pdf')) makeBadPdfs('fixtures')
  })

  it('refuses an empty file', async () => {
    expect(await refusal('empty.pdf')).toMatchObject({ code: 'EMPTY_FILE', file: 'fixtures/bad/empty.pdf', message: expect.stringMatching(/^fixtures\/bad\/empty\.pdf: file is empty/) })
  })

  it('refuses a truncated file as corrupt', async () => {
    expect(await refusal('truncated.pdf')).toMatchObject({ code: 'CORRUPT', file: 'fixtures/bad/truncated.pdf', problem: expect.stringMatching(/corrupt or truncated PDF/) })
  })

  it('refuses a text file named .pdf as corrupt', async () => {
    expect(await refusal('not-a-pdf.pdf')).toMatchObject({ code: 'CORRUPT', file: 'fixtures/bad/not-a-pdf.pdf' })
  })

  it('asks for the password of an encrypted file, says when the one given is wrong, and reads it with the right one', async () => {
    const missing = await refusal('encrypted.pdf')
    expect(missing).toMatchObject({ code: 'ENCRYPTED', file: 'fixtures/bad/encrypted.pdf' })
    expect(missing.message).toBe('fixtures/bad/encrypted.pdf: encrypted PDF; pass --password')
    expect((await refusal('encrypted.pdf', { password: 'nope' })).problem).toMatch(/password given is wrong/)
    const path = 'fixtures/bad/encrypted.pdf'
    const { document } = await pdfReader.read({ bytes: new Uint8Array(readFileSync(path)), path, options: { pdf: { password: 'user' } } })
    expect(document.blocks.filter((b) => b.kind === 'table').map((t) => t.kind === 'table' && t.columns)).toEqual([2, 10, 10])
  })

  it('refuses a scan without a text layer', async () => {
    expect(await refusal('image-only.pdf')).toMatchObject({ code: 'IMAGE_ONLY', file: 'fixtures/bad/image-only.pdf', message: expect.stringMatching(/no text layer, and OCR found no text in it; it is scanned at \d+ dpi, too coarse to read; /) })
  })

  it('stops with TIMEOUT when the signal is aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const path = 'fixtures/pdf/telford/input.pdf'
    await expect(pdfReader.read({ bytes: new Uint8Array(readFileSync(path)), path, signal: controller.signal })).rejects.toMatchObject({ code: 'TIMEOUT' })
    const late = new AbortController()
    const reading = pdfReader.read({ bytes: new Uint8Array(readFileSync(path)), path, signal: late.signal })
    setTimeout(() => late.abort(), 5)
    await expect(reading).rejects.toMatchObject({ code: 'TIMEOUT', file: path })
  })

  it('refuses a PDF over the page limit rather than store part of it', async () => {
    const error = await refusal('../pdf/telford/input.pdf', { maxPages: 2 })
    expect(error).toMatchObject({ code: 'TOO_LARGE' })
    expect(error.message).toMatch(/10 pages, over the limit of 2/)
    expect(error.message).toMatch(/--max-pages/)
    const path = 'fixtures/pdf/telford/input.pdf'
    const { document } = await pdfReader.read({ bytes: new Uint8Array(readFileSync(path)), path, options: { pdf: { maxPages: 10 } } })
    expect(document.pages).toBe(10)
  })

  it('sniffs %PDF- in the first 1024 bytes only', () => {
    const enc = new TextEncoder()
    expect(pdfReader.sniff(enc.encode('%PDF-1.7\n'))).toBe(true)
    expect(pdfReader.sniff(enc.encode(`${' '.repeat(500)}%PDF-1.4`))).toBe(true)
    expect(pdfReader.sniff(enc.encode(`${' '.repeat(1100)}%PDF-1.4`))).toBe(false)
    expect(pdfReader.sniff(enc.encode('plain text'))).toBe(false)
  })
})
