/**
 * Bytes to text for pasted plans: UTF-8 (with or without a BOM) as it is; anything else as
 * windows-1252, the code page Word on Windows uses when it saves or copies plain text.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true })
// Node's TextDecoder('windows-1252') decodes as ISO-8859-1, leaving 0x80–0x9F as C1 controls; those
// bytes are where windows-1252 keeps its curly quotes, dashes, € and bullet, so map them ourselves.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeCp1252(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)
  return out
}

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
  const text = isUtf8(body) ? utf8.decode(body) : decodeCp1252(body)
  return text.replace(/\r\n?/g, '\n')
}
