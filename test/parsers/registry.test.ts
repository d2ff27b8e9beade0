import { describe, expect, it } from 'vitest'
import { ReadError } from '../../schemas/index.js'
import { detectReader, READERS, SUPPORTED } from '../../parsers/index.js'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const refusal = (path: string, content: Uint8Array): ReadError => {
  try {
    detectReader(path, content)
  } catch (error) {
    if (error instanceof ReadError) return error
    throw error
  }
  throw new Error(`${path} was accepted`)
}

describe('reader registry', () => {
  it('lists every registered reader with its extensions in the supported types', () => {
    for (const reader of READERS) for (const ext of reader.extensions) expect(SUPPORTED).toContain(ext)
  })

  it('picks the reader by extension, and by content only for standard input, which has no name', () => {
    expect(detectReader('plan.txt', bytes('a\tb\n')).format).toBe('text')
    expect(detectReader('-', bytes('a\tb\n')).format).toBe('text')
  })

  it('refuses an extension no reader claims even when the content would pass for text', () => {
    const refused = refusal('plan.csv.unknown', bytes('a\tb\n'))
    expect(refused.code).toBe('UNSUPPORTED_FORMAT')
    expect(refused.message).toBe(`plan.csv.unknown: unsupported file type (.unknown); supported types are ${SUPPORTED}; or name a reader with --format`)
  })

  it('refuses an empty file, a legacy format and an unknown binary, naming the file and what to do', () => {
    expect(refusal('empty.txt', new Uint8Array())).toMatchObject({ code: 'EMPTY_FILE', message: expect.stringMatching(/^empty\.txt: file is empty/) })
    expect(refusal('old.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]))).toMatchObject({ code: 'UNSUPPORTED_FORMAT', problem: expect.stringMatching(/save it as \.docx/) })
    const unknown = refusal('blob.bin', Uint8Array.from([0, 159, 146, 150, 0, 1]))
    expect(unknown.code).toBe('UNSUPPORTED_FORMAT')
    expect(unknown.message).toContain(SUPPORTED)
    expect(unknown.message).toContain('--format')
  })

  it('uses the reader --format names, whatever the file looks like', () => {
    expect(detectReader('blob.bin', Uint8Array.from([0, 1, 2]), 'text').format).toBe('text')
  })
})
