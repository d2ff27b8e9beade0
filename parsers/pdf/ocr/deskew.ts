/**
 * How far a scanned page is turned, from its text lines and rules: at the right angle the ink
 * falls into sharp rows (lines of text, horizontal rules) and blank rows between them, so the
 * row profile of the ink has the most energy (the sum of its squares). Searched over ±3 degrees,
 * the range a sheet slips on a scanner's glass; beyond that a page was turned on purpose.
 */

const RANGE = 3
const COARSE = 0.2
const FINE = 0.05
/** Ink pixels sampled: enough for a sharp profile, few enough to try 40 angles quickly. */
const SAMPLES = 150_000

/** Degrees the page is turned clockwise (text running down to the right); 0 when it looks straight. */
export function skewAngle(ink: Uint8Array, width: number, height: number): number {
  const xs: number[] = []
  const ys: number[] = []
  let count = 0
  for (const v of ink) count += v
  if (count === 0) return 0
  const every = Math.max(1, Math.ceil(count / SAMPLES))
  let seen = 0
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (ink[y * width + x] && seen++ % every === 0) {
        xs.push(x)
        ys.push(y)
      }
  const profile = new Float64Array(height + 2 * Math.ceil(width * Math.tan((RANGE * Math.PI) / 180)) + 2)
  const offset = (profile.length - height) / 2
  const energy = (degrees: number): number => {
    profile.fill(0)
    const slope = Math.tan((degrees * Math.PI) / 180)
    for (let i = 0; i < xs.length; i++) profile[Math.round(ys[i]! - xs[i]! * slope + offset)]! += 1
    let sum = 0
    for (const v of profile) sum += v * v
    return sum
  }
  let best = 0
  let bestEnergy = energy(0)
  for (let d = -RANGE; d <= RANGE + 1e-9; d += COARSE) {
    const e = energy(d)
    if (e > bestEnergy) {
      bestEnergy = e
      best = d
    }
  }
  const around = best
  for (let d = around - COARSE; d <= around + COARSE + 1e-9; d += FINE) {
    const e = energy(d)
    if (e > bestEnergy) {
      bestEnergy = e
      best = d
    }
  }
  // Under a tenth of a degree a line of text drifts less than a pixel per hundred: not worth a resample.
  return Math.abs(best) < 0.1 ? 0 : Math.round(best * 100) / 100
}
