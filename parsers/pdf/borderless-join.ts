import type { Region } from './borderless-regions.js'
import { gutterColumns, overlap, type Band } from './gutters.js'

/**
 * A borderless table set out in sections with blank space between them (a "key figures" table:
 * Class A, Class B, Total, each a few rows under its own label) is cut into regions at the wide
 * gaps. Two regions one right after the other, nothing between them, in the same columns, a few
 * lines apart at most, are one table: the gap is a section break, and the rows keep it.
 */

/** Sections further apart than this many font sizes stay separate tables. */
const SECTION_GAP = 6

const sameColumns = (a: Region, b: Region): boolean => a.columns.length === b.columns.length && a.columns.every((c, i) => overlap(c, b.columns[i]!) > 0)

export function joinSections(regions: readonly Region[], bands: readonly Band[]): Region[] {
  const out: Region[] = []
  for (const region of regions) {
    const prev = out[out.length - 1]
    if (prev && region.columns.length >= 2 && sameColumns(prev, region) && adjacent(prev, region, bands)) {
      const joined = [...prev.bands, ...region.bands]
      const columns = gutterColumns(joined)
      if (columns.length === prev.columns.length) {
        out[out.length - 1] = { bands: joined, columns, because: [...prev.because, 'sections in the same columns, a few lines apart, read as one table'] }
        continue
      }
    }
    out.push(region)
  }
  return out
}

function adjacent(a: Region, b: Region, bands: readonly Band[]): boolean {
  const last = a.bands[a.bands.length - 1]!
  const first = b.bands[0]!
  const size = first.chunks[0]?.size ?? 10
  if (first.baseline - last.baseline > SECTION_GAP * size) return false
  return !bands.some((band) => band.baseline > last.baseline && band.baseline < first.baseline)
}
