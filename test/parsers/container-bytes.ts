/**
 * The smallest bytes that carry a container's signature, for detection tests: an OLE compound file
 * with one directory entry per stream name, and an OpenDocument zip head. Not readable files.
 */

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** An OLE header then one directory sector whose 128-byte entries carry these names (MS-CFB 2.6.1). */
export function oleWithStreams(...names: string[]): Uint8Array {
  const bytes = Buffer.alloc(512 + 512)
  Buffer.from(OLE_MAGIC).copy(bytes, 0)
  ;['Root Entry', ...names].forEach((name, i) => {
    const at = 512 + i * 128
    const encoded = Buffer.from(`${name}\0`, 'utf16le')
    encoded.copy(bytes, at)
    bytes.writeUInt16LE(encoded.length, at + 64)
    bytes[at + 66] = i === 0 ? 5 : 2
  })
  return new Uint8Array(bytes)
}

/** An OLE file that names a stream only in its body text, where a directory entry would not be. */
export function oleMentioning(text: string): Uint8Array {
  const bytes = Buffer.alloc(2048)
  Buffer.from(OLE_MAGIC).copy(bytes, 0)
  Buffer.from(`  ${text}\0`, 'utf16le').copy(bytes, 1024 + 6)
  return new Uint8Array(bytes)
}

/** The head of an OpenDocument file: a zip whose first entry is the uncompressed mimetype. */
export const openDocumentHead = (type: 'text' | 'spreadsheet'): Uint8Array => new Uint8Array(Buffer.from(`PK\x03\x04${'\0'.repeat(26)}mimetypeapplication/vnd.oasis.opendocument.${type}PK\x03\x04`, 'latin1'))
