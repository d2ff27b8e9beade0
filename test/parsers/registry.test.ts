import { describe, expect, it } from 'vitest'
import { ReadError } from '../../schemas/index.js'
import { readFileSync } from 'node:fs'
import { detectFormat, detectReader, isKnownExtension, LEGACY_FORMATS, READERS, SUPPORTED } from '../../parsers/index.js'
import { oleMentioning, oleWithStreams, openDocumentHead } from './container-bytes.js'

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
    expect(refusal('old.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]))).toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringMatching(/^old\.doc: legacy Word \.doc file \(not \.docx\); .*save it as \.docx/) })
    const unknown = refusal('blob.bin', Uint8Array.from([0, 159, 146, 150, 0, 1]))
    expect(unknown.code).toBe('UNSUPPORTED_FORMAT')
    expect(unknown.message).toContain(SUPPORTED)
    expect(unknown.message).toContain('--format')
  })

  it('uses the reader --format names, whatever the file looks like', () => {
    expect(detectReader('blob.bin', Uint8Array.from([0, 1, 2]), 'text').format).toBe('text')
  })

  it('knows the legacy formats as registry entries: picked up by a folder walk, converted to their modern format', () => {
    for (const ext of ['.doc', '.odt', '.rtf', '.xls', '.ods']) expect(isKnownExtension(`plan${ext.toUpperCase()}`)).toBe(true)
    expect(isKnownExtension('plan.xyz')).toBe(false)
    expect(LEGACY_FORMATS.map((l) => [l.extensions[0], l.convertTo])).toEqual([['.doc', 'docx'], ['.xls', 'xlsx'], ['.odt', 'docx'], ['.ods', 'xlsx'], ['.rtf', 'docx']])
    expect(detectFormat('plan.rtf', bytes('{\\rtf1\\ansi Plan}'))).toEqual({ legacy: expect.objectContaining({ convertTo: 'docx' }) })
    expect(detectFormat('plan.docx', fixture('docx/banes/input.docx'))).toEqual({ reader: expect.objectContaining({ format: 'docx' }) })
  })
})

const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(`fixtures/${path}`))
const formatOf = (path: string, content: Uint8Array): string => {
  const found = detectFormat(path, content)
  return 'reader' in found ? found.reader.format : `legacy ${found.legacy.extensions[0]}`
}

describe('detection by content before the name', () => {
  it('reads each format for what its bytes prove, whatever the file is called', () => {
    expect(formatOf('plan.txt', fixture('pdf/telford/input.pdf'))).toBe('pdf')
    expect(formatOf('plan.docx', fixture('pdf/telford/input.pdf'))).toBe('pdf')
    expect(formatOf('tracker.docx', fixture('xlsx/banes/input.xlsx'))).toBe('xlsx')
    expect(formatOf('plan.xlsx', fixture('docx/banes/input.docx'))).toBe('docx')
    expect(formatOf('plan.html', fixture('docx/banes/input.docx'))).toBe('docx')
    expect(formatOf('plan.odt', fixture('docx/banes/input.docx'))).toBe('docx')
    expect(formatOf('plan.txt', bytes('{\\rtf1\\ansi Plan}'))).toBe('legacy .rtf')
    expect(formatOf('plan.docx', openDocumentHead('text'))).toBe('legacy .odt')
    expect(formatOf('plan.xlsx', openDocumentHead('spreadsheet'))).toBe('legacy .ods')
  })

  it('tells a legacy Excel file from a legacy Word file by its streams, never by its name', () => {
    expect(formatOf('tracker.doc', oleWithStreams('Workbook', 'SummaryInformation'))).toBe('legacy .xls')
    expect(formatOf('tracker.doc', oleWithStreams('Book'))).toBe('legacy .xls')
    expect(formatOf('plan.xls', oleWithStreams('WordDocument', '1Table'))).toBe('legacy .doc')
    expect(refusal('tracker.doc', oleWithStreams('Workbook'))).toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringMatching(/^tracker\.doc: legacy Excel \.xls workbook \(not \.xlsx\)/) })
    // A stream name in body text, outside a directory entry, proves nothing.
    expect(formatOf('plan.doc', oleMentioning('Workbook'))).toBe('legacy .doc')
  })

  it('takes a container whose parts prove nothing at its name, else gives it to the Word reader to explain', () => {
    // Password-protected Office files are OLE files with an EncryptedPackage stream, whichever they are.
    const encrypted = oleWithStreams('EncryptedPackage', 'EncryptionInfo')
    expect(formatOf('tracker.xlsx', encrypted)).toBe('xlsx')
    expect(formatOf('plan.docx', encrypted)).toBe('docx')
    expect(formatOf('old.xls', oleWithStreams())).toBe('legacy .xls')
    const damagedZip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])
    expect(formatOf('tracker.xlsx', damagedZip)).toBe('xlsx')
    expect(formatOf('tracker.ods', damagedZip)).toBe('legacy .ods')
    expect(formatOf('plan.txt', damagedZip)).toBe('docx')
    expect(formatOf('-', damagedZip)).toBe('docx')
  })

  it('lets the name decide between formats without a signature, and the content only for standard input', () => {
    expect(formatOf('plan.txt', bytes('<html><table><tr><td>a</td></tr></table></html>'))).toBe('text')
    expect(formatOf('-', bytes('<html><table><tr><td>a</td></tr></table></html>'))).toBe('html')
    expect(formatOf('plan.html', bytes('Action\tLead\n'))).toBe('html')
  })
})
