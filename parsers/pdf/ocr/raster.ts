import type { Matrix } from '../geometry.js'
import type { GrayImage } from './engine.js'

/**
 * Pixel work on a page image: greyscale from what pdf.js decodes, a threshold, and turns. Every
 * turn returns, beside the new image, the matrix that maps its pixels back to the old one's, so
 * a word found on the upright image can be placed on the page.
 */

/** pdf.js ImageKind: 1 bit per pixel (1 white), RGB, RGBA. */
export const IMAGE_KIND = { GRAYSCALE_1BPP: 1, RGB_24BPP: 2, RGBA_32BPP: 3 } as const

export interface DecodedImage {
  width: number
  height: number
  kind: number
  data: Uint8Array | Uint8ClampedArray
}

export function toGray({ width, height, kind, data }: DecodedImage): GrayImage | null {
  const out = new Uint8Array(width * height)
  if (kind === IMAGE_KIND.GRAYSCALE_1BPP) {
    const stride = Math.ceil(width / 8)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) out[y * width + x] = (data[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0
    return { width, height, data: out }
  }
  const step = kind === IMAGE_KIND.RGB_24BPP ? 3 : kind === IMAGE_KIND.RGBA_32BPP ? 4 : 0
  if (step === 0 || data.length < width * height * step) return null
  for (let i = 0, j = 0; i < out.length; i++, j += step) out[i] = (data[j]! * 77 + data[j + 1]! * 150 + data[j + 2]! * 29) >> 8
  return { width, height, data: out }
}

/** Otsu's threshold: the grey level that best splits the histogram into ink and paper. */
export function otsuThreshold(image: GrayImage): number {
  const histogram = new Float64Array(256)
  for (const v of image.data) histogram[v]! += 1
  const total = image.data.length
  let sum = 0
  for (let i = 0; i < 256; i++) sum += i * histogram[i]!
  let below = 0
  let sumBelow = 0
  let best = 0
  let threshold = 127
  for (let t = 0; t < 256; t++) {
    below += histogram[t]!
    if (below === 0) continue
    const above = total - below
    if (above === 0) break
    sumBelow += t * histogram[t]!
    const between = below * above * (sumBelow / below - (sum - sumBelow) / above) ** 2
    if (between > best) {
      best = between
      threshold = t
    }
  }
  return threshold
}

/** 1 where there is ink (at or below the threshold), 0 on paper. */
export function binarise(image: GrayImage, threshold = otsuThreshold(image)): Uint8Array {
  const ink = new Uint8Array(image.data.length)
  for (let i = 0; i < ink.length; i++) ink[i] = image.data[i]! <= threshold ? 1 : 0
  return ink
}

export interface Turned {
  image: GrayImage
  /** Maps the new image's pixels to the old image's. */
  toSource: Matrix
}

/** The image turned by quarter turns clockwise. */
export function turnQuarters(image: GrayImage, quarters: 0 | 1 | 2 | 3): Turned {
  const { width: w, height: h, data } = image
  if (quarters === 0) return { image, toSource: [1, 0, 0, 1, 0, 0] }
  const width = quarters === 2 ? w : h
  const height = quarters === 2 ? h : w
  const out = new Uint8Array(w * h)
  for (let v = 0; v < height; v++)
    for (let u = 0; u < width; u++) {
      const x = quarters === 1 ? v : quarters === 3 ? w - 1 - v : w - 1 - u
      const y = quarters === 1 ? h - 1 - u : quarters === 3 ? u : h - 1 - v
      out[v * width + u] = data[y * w + x]!
    }
  const toSource: Matrix = quarters === 1 ? [0, -1, 1, 0, 0, h] : quarters === 3 ? [0, 1, -1, 0, w, 0] : [-1, 0, 0, -1, w, h]
  return { image: { width, height, data: out }, toSource }
}

/**
 * The image turned by `degrees` clockwise about its centre, same size, paper where nothing was.
 * A page scanned `degrees` anticlockwise comes out straight.
 */
export function rotateSmall(image: GrayImage, degrees: number): Turned {
  if (degrees === 0) return { image, toSource: [1, 0, 0, 1, 0, 0] }
  const { width: w, height: h, data } = image
  const t = (-degrees * Math.PI) / 180
  const cos = Math.cos(t)
  const sin = Math.sin(t)
  const cx = w / 2
  const cy = h / 2
  // New pixel (u, v) shows the old image at the point turned back by the same angle.
  const toSource: Matrix = [cos, sin, -sin, cos, cx - cx * cos + cy * sin, cy - cx * sin - cy * cos]
  const out = new Uint8Array(w * h).fill(255)
  for (let v = 0; v < h; v++) {
    const baseX = toSource[2] * (v + 0.5) + toSource[4]
    const baseY = toSource[3] * (v + 0.5) + toSource[5]
    for (let u = 0; u < w; u++) {
      const x = Math.floor(toSource[0] * (u + 0.5) + baseX)
      const y = Math.floor(toSource[1] * (u + 0.5) + baseY)
      if (x >= 0 && y >= 0 && x < w && y < h) out[v * w + u] = data[y * w + x]!
    }
  }
  return { image: { width: w, height: h, data: out }, toSource }
}
