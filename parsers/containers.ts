/**
 * What a file's bytes prove about its format when it comes in a container several formats share:
 * a zip (Word, Excel, OpenDocument) is told by its part names, an OLE compound file (legacy Word,
 * legacy Excel, a password-protected Office file) by its stream names. The registry uses these as
 * content signatures, which beat a file's name.
 */

export type Container = 'zip' | 'ole'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)

const buffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

export function containerOf(bytes: Uint8Array): Container | null {
  if (startsWith(bytes, ZIP_MAGIC)) return 'zip'
  if (startsWith(bytes, OLE_MAGIC)) return 'ole'
  return null
}

/**
 * True when the bytes are a zip with an entry of this name. Entry names are stored uncompressed (in
 * the local headers and the central directory), so a byte search finds them even in an archive the
 * zip reader would refuse (truncated, a zip bomb): that file still goes to its own reader, which
 * says what is wrong with it.
 */
export const zipHasEntry = (bytes: Uint8Array, name: string): boolean => containerOf(bytes) === 'zip' && buffer(bytes).includes(name)

/**
 * The OpenDocument type: its first entry is an uncompressed `mimetype` holding the media type, with
 * no extra field, so the type follows the name at the start of the file (ODF 1.2 part 3, 3.3).
 */
export function openDocumentType(bytes: Uint8Array): 'text' | 'spreadsheet' | null {
  if (containerOf(bytes) !== 'zip') return null
  const head = buffer(bytes.subarray(0, 256)).toString('latin1')
  return (head.match(/mimetypeapplication\/vnd\.oasis\.opendocument\.(text|spreadsheet)/)?.[1] as 'text' | 'spreadsheet' | undefined) ?? null
}

/** Directory entries are 128 bytes, in sectors that start on a multiple of 512 after the 512-byte header (MS-CFB 2.6). */
const ENTRY = 128

/**
 * True when an OLE file has a storage or stream of this name. The name is found where a directory
 * entry stores it (UTF-16LE at the start of a 128-byte entry, its length with the terminator at
 * offset 64), so the same words in a document's body text do not count.
 */
export function oleHasStream(bytes: Uint8Array, name: string): boolean {
  if (containerOf(bytes) !== 'ole') return false
  const data = buffer(bytes)
  const wanted = Buffer.from(`${name}\0`, 'utf16le')
  for (let at = data.indexOf(wanted, 512); at >= 0; at = data.indexOf(wanted, at + 2)) {
    if (at % ENTRY === 0 && at + 66 <= data.length && data.readUInt16LE(at + 64) === wanted.length) return true
  }
  return false
}

/** RTF opens with its group and control word, nothing before it (RTF 1.9.1, "RTF Syntax"). */
export const isRtf = (bytes: Uint8Array): boolean => buffer(bytes.subarray(0, 5)).toString('latin1') === '{\\rtf'
