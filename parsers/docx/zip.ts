import { crc32, inflateRawSync } from 'node:zlib'

/**
 * Just enough of a zip reader for Office packages: the central directory, stored and deflated
 * entries, and limits so that a hostile archive cannot make us inflate gigabytes.
 */

export const MAX_TOTAL_BYTES = 200 * 1024 * 1024
/** Deflated XML reaches ~100:1 at most; a run of zeros deflates ~1000:1. */
const MAX_RATIO = 200
const RATIO_FLOOR = 10 * 1024 * 1024

export type ZipProblem = 'NOT_ZIP' | 'CORRUPT' | 'TOO_LARGE' | 'ENCRYPTED'

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message)
  }
}

interface Entry {
  name: string
  method: number
  flags: number
  compressedSize: number
  size: number
  /** CRC-32 of the uncompressed bytes, from the central directory. */
  crc: number
  localOffset: number
}

export interface Zip {
  names(): string[]
  has(name: string): boolean
  /** The entry's bytes, or null when the archive has no such entry. */
  read(name: string): Uint8Array | null
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

function findEocd(view: DataView): number {
  // The end record is 22 bytes plus a comment of up to 65535 bytes.
  const stop = Math.max(0, view.byteLength - 22 - 65535)
  for (let at = view.byteLength - 22; at >= stop; at -= 1) if (view.getUint32(at, true) === EOCD) return at
  return -1
}

function centralDirectory(bytes: Uint8Array, view: DataView): Entry[] {
  const eocd = findEocd(view)
  if (eocd < 0) throw new ZipError(bytes.length >= 4 && view.getUint32(0, true) === LOCAL ? 'CORRUPT' : 'NOT_ZIP', 'no end of central directory; truncated?')
  const count = view.getUint16(eocd + 10, true)
  const offset = view.getUint32(eocd + 16, true)
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('CORRUPT', 'zip64 archives are not supported')
  const entries: Entry[] = []
  const decoder = new TextDecoder()
  let at = offset
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipError('CORRUPT', 'broken central directory')
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Refuses archives whose declared sizes already give them away, before inflating anything. */
function checkSizes(entries: readonly Entry[]): void {
  let total = 0
  for (const e of entries) {
    total += e.size
    if (total > MAX_TOTAL_BYTES) throw new ZipError('TOO_LARGE', `more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB uncompressed`)
    if (e.size > RATIO_FLOOR && e.size > MAX_RATIO * Math.max(1, e.compressedSize)) {
      throw new ZipError('TOO_LARGE', `${e.name} inflates ${Math.round(e.size / Math.max(1, e.compressedSize))}:1`)
    }
  }
}

export function openZip(bytes: Uint8Array): Zip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length < 22) throw new ZipError('NOT_ZIP', 'too short for a zip archive')
  const entries = centralDirectory(bytes, view)
  checkSizes(entries)
  // Part names are case-insensitive in OPC (ECMA-376 Part 2 §9.1.1.1).
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]))
  let inflated = 0
  return {
    names: () => entries.map((e) => e.name),
    has: (name) => byName.has(name.toLowerCase()),
    read(name) {
      const e = byName.get(name.toLowerCase())
      if (!e) return null
      if (e.flags & 1) throw new ZipError('ENCRYPTED', `${e.name} is encrypted`)
      const at = e.localOffset
      if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipError('CORRUPT', `broken local header for ${e.name}`)
      const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
      const data = bytes.subarray(start, start + e.compressedSize)
      if (data.length < e.compressedSize) throw new ZipError('CORRUPT', `${e.name} is truncated`)
      const out = inflate(e, data, MAX_TOTAL_BYTES - inflated)
      // A flipped bit inside deflated data often still inflates, to wrong XML; the CRC catches it.
      if (crc32(out) !== e.crc) throw new ZipError('CORRUPT', `${e.name} fails its CRC-32 check`)
      inflated += out.length
      return out
    },
  }
}

function inflate(e: Entry, data: Uint8Array, budget: number): Uint8Array {
  if (e.method === 0) return data
  if (e.method !== 8) throw new ZipError('CORRUPT', `${e.name} uses compression method ${e.method}`)
  try {
    // The declared size may lie; the output cap holds whatever it says.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(budget, e.size + 1)) })
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipError('TOO_LARGE', `${e.name} inflates beyond its declared size`)
    }
    throw new ZipError('CORRUPT', `${e.name} does not inflate (${(error as Error).message})`)
  }
}
