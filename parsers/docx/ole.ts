/**
 * OLE compound files (MS-CFB). Word keeps two kinds of file in this container: a password-protected
 * .docx (the real package is encrypted into an "EncryptedPackage" stream, MS-OFFCRYPTO §2.3.4.4)
 * and a legacy binary .doc. Telling them apart needs only the stream names in the directory.
 */

export const OLE_MAGIC = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

export const isOle = (bytes: Uint8Array): boolean => bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)

const utf16 = (name: string): Buffer => Buffer.from(name, 'utf16le')

/**
 * Directory entries store names as UTF-16LE, so searching the bytes for the name finds the entry
 * without walking the FAT chains; a false hit would need that exact UTF-16 text in a .doc body.
 */
export function oleKind(bytes: Uint8Array): 'encrypted' | 'legacy' {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return buffer.includes(utf16('EncryptedPackage')) ? 'encrypted' : 'legacy'
}
