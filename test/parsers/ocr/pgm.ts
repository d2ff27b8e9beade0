import type { GrayImage } from '../../../parsers/pdf/ocr/engine.js'

/** A binary greymap (P5, 8 bits) as the engine takes it. */
export function readPgm(bytes: Uint8Array): GrayImage {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64))
  const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(head)
  if (!match) throw new Error('not an 8-bit binary PGM')
  const width = Number(match[1])
  const height = Number(match[2])
  return { width, height, data: bytes.slice(match[0].length, match[0].length + width * height) }
}
