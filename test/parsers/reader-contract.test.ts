import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { detectReader, READER_ENTRIES, READERS, type Reader } from '../../parsers/index.js'
import { Diagnostic, ReadError, SourceDocument } from '../../schemas/index.js'

/**
 * One suite that every registered reader runs, as unstorage runs one suite over every driver: a
 * reader joins it by its one line in the registry (READER_ENTRIES) and a fixture under fixtures/<format>/.
 */

/** The smallest committed input of the reader's format, so the suite stays quick. */
function sample(reader: Reader): { path: string; bytes: Uint8Array } {
  const root = join('fixtures', reader.format)
  if (!existsSync(root)) throw new Error(`${reader.format}: no fixtures/${reader.format}/ folder; the contract suite needs one real input`)
  const inputs = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => f.startsWith('input.')).map((f) => join(root, d.name, f)))
    .map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }))
    .sort((a, b) => a.bytes.length - b.bytes.length || a.path.localeCompare(b.path))
  const first = inputs[0]
  if (!first) throw new Error(`${reader.format}: no input.* under fixtures/${reader.format}/`)
  return first
}

/** Bytes from a fixed seed (a 32-bit LCG), so a failure can be repeated. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length)
  let s = seed >>> 0
  for (let i = 0; i < length; i += 1) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    out[i] = s >>> 24
  }
  return out
}

/** Reading either refuses the file with a ReadError that names it, or gives a valid document. */
async function readOrRefuse(reader: Reader, path: string, bytes: Uint8Array): Promise<SourceDocument | ReadError> {
  try {
    const { document, diagnostics } = await reader.read({ bytes, path })
    SourceDocument.parse(document)
    for (const d of diagnostics) Diagnostic.parse(d)
    return document
  } catch (error) {
    if (!(error instanceof ReadError)) throw error
    expect(error.file).toBe(path)
    expect(error.message.startsWith(`${path}: `)).toBe(true)
    return error
  }
}

describe.each(READERS.map((r) => [r.format, r] as const))('the %s reader keeps the reader contract', (_format, reader) => {
  const printed: string[] = []
  beforeEach(() => {
    printed.length = 0
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        printed.push(String(chunk))
        return true
      })
    }
    for (const method of ['log', 'warn', 'error', 'info'] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')))
  })
  afterEach(() => {
    vi.restoreAllMocks()
    // Warnings come back as data beside the document; a reader never prints.
    expect(printed).toEqual([])
  })

  it('is the reader the registry picks for its sample: by each of its extensions, and whatever the name when its entry declares a signature', () => {
    const { bytes } = sample(reader)
    for (const ext of reader.extensions) expect(detectReader(`plan${ext}`, bytes)).toBe(reader)
    const entry = READER_ENTRIES.find((e) => e.reader === reader)
    if (!entry?.signature) return
    expect(entry.signature(bytes)).toBe(true)
    for (const other of READERS) for (const ext of other.extensions) expect(detectReader(`plan${ext}`, bytes)).toBe(reader)
  })

  it('refuses an empty file as EMPTY_FILE, naming it', async () => {
    const result = await readOrRefuse(reader, `empty${reader.extensions[0]}`, new Uint8Array(0))
    expect(result).toBeInstanceOf(ReadError)
    expect((result as ReadError).code).toBe('EMPTY_FILE')
  })

  it('refuses random bytes with a ReadError, or reads them as a valid document, and never crashes', async () => {
    for (const seed of [1, 2, 3]) await readOrRefuse(reader, `noise-${seed}${reader.extensions[0]}`, noise(4096, seed))
  })

  it('refuses a truncated file with a ReadError, or reads what is there as a valid document', async () => {
    const { path, bytes } = sample(reader)
    for (const share of [0.25, 0.5, 0.9]) await readOrRefuse(reader, path, bytes.subarray(0, Math.floor(bytes.length * share)))
  })

  it('gives the same document for the same bytes', async () => {
    const { path, bytes } = sample(reader)
    const first = await reader.read({ bytes, path })
    const second = await reader.read({ bytes: bytes.slice(), path })
    expect(second).toEqual(first)
  })

  it('gives every non-empty cell its provenance, and no row wider than its grid', async () => {
    const { path, bytes } = sample(reader)
    const { document } = await reader.read({ bytes, path })
    const tables = document.blocks.filter((b) => b.kind === 'table')
    expect(tables.length).toBeGreaterThan(0)
    for (const table of tables) {
      table.rows.forEach((row, r) => {
        let end = 0
        for (const cell of row.cells) {
          expect(cell.col).toBeGreaterThanOrEqual(end)
          end = cell.col + cell.colSpan
          expect(end).toBeLessThanOrEqual(table.columns)
          if (cell.text.trim() === '') continue
          expect(cell.provenance).toMatchObject({ table: table.index, row: r, col: cell.col })
          if (document.pages !== null) expect(cell.provenance.page).toBeGreaterThan(0)
        }
      })
    }
  })
})
