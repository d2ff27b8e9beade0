import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ReadError } from '../../../schemas/index.js'
import { docxReader } from '../../../parsers/docx/index.js'

const refusal = async (name: string): Promise<ReadError> => {
  const path = `fixtures/unit/docx/${name}`
  const error = await docxReader.read({ bytes: readFileSync(path), path }).then(
    () => new Error(`${name} was accepted`),
    (e: unknown) => e,
  )
  if (!(error instanceof ReadError)) throw error
  // Every message names the file first.
  expect(error.file).toBe(path)
  expect(error.message.startsWith(`${path}: `)).toBe(true)
  return error
}

describe('Word reader: bad files', () => {
  it.each([
    ['empty.docx', 'EMPTY_FILE', /empty/],
    ['not-a-zip.docx', 'CORRUPT', /not a Word file \(not a zip archive\)/],
    ['no-document.docx', 'CORRUPT', /without word\/document\.xml/],
    ['truncated.docx', 'CORRUPT', /damaged Word file/],
    ['encrypted.docx', 'ENCRYPTED', /password-protected Word file; remove the password in Word and save again/],
    ['legacy.docx', 'UNSUPPORTED_FORMAT', /save it as \.docx/],
    ['bomb.docx', 'TOO_LARGE', /zip bomb\?/],
    ['bomb-lying.docx', 'TOO_LARGE', /zip bomb\?/],
    ['bad-crc.docx', 'CORRUPT', /damaged Word file.*CRC-32/],
    ['no-text.docx', 'EMPTY_FILE', /no text/],
  ])('%s → %s', async (name, code, message) => {
    const error = await refusal(name)
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
  })
})
