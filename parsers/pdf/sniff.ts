/** A PDF's header may follow some junk; readers accept it within the first 1024 bytes (ISO 32000-1, 7.5.2 note). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  return head.includes('%PDF-')
}
