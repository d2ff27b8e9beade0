/**
 * Bytes to text for pasted plans: UTF-8 (with or without a BOM) as it is; anything else as
 * windows-1252, the code page Word on Windows uses when it saves or copies plain text.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true })
const cp1252 = new TextDecoder('windows-1252')

/** True when the bytes are valid UTF-8; a multi-byte sequence cut at the very end is allowed. */
export function isUtf8(bytes: Uint8Array, truncatedEnd = false): boolean {
  try {
    utf8.decode(bytes)
    return true
  } catch {
    if (!truncatedEnd) return false
    // A head cut mid-character: drop up to three trailing bytes of an unfinished sequence.
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut += 1) {
      try {
        utf8.decode(bytes.subarray(0, bytes.length - cut))
        return true
      } catch {
        // try a longer cut
      }
    }
    return false
  }
}

/** Share of bytes that are control characters other than tab, line feed, carriage return, form feed. */
export function controlShare(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0
  let control = 0
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control += 1
  return control / bytes.length
}

export function decodeText(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  const text = isUtf8(body) ? utf8.decode(body) : cp1252.decode(body)
  return text.replace(/\r\n?/g, '\n')
}
