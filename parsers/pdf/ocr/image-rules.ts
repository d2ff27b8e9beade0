/**
 * Ruling lines in a scanned page: long straight runs of ink outside fills. Text never makes them
 * (letters are short and broken by spaces); a filled cell is long too, but thick: its inside (ink
 * that holds a square `thick` wide) is not a rule, only its edges can be. The rules
 * are then taken out of the image, so OCR does not read them as letters (| l I _).
 */

export interface PixelRule {
  orient: 'h' | 'v'
  /** Row of a horizontal rule, column of a vertical one (pixels). */
  at: number
  from: number
  to: number
}

export interface RuleOptions {
  /** Shortest rule, in pixels: about a third of an inch. */
  minLength: number
  /** Ink this thick across is a fill, not a rule (pixels). */
  thick: number
  /** The rows of a fill's edge that can be a rule along it (pixels): about a rule's width. */
  edge: number
}

/**
 * For each ink pixel, where it stands in its run of ink across the given direction: how far from
 * the run's start and from its end. Used to tell a thin rule from the inside of a fill.
 */
function runPlaces(ink: Uint8Array, width: number, height: number, horizontal: boolean): { before: Uint16Array; after: Uint16Array } {
  const before = new Uint16Array(ink.length)
  const after = new Uint16Array(ink.length)
  const lines = horizontal ? height : width
  const along = horizontal ? width : height
  const at = (line: number, pos: number): number => (horizontal ? line * width + pos : pos * width + line)
  for (let line = 0; line < lines; line++) {
    let start = -1
    for (let pos = 0; pos <= along; pos++) {
      const on = pos < along && ink[at(line, pos)] === 1
      if (on && start < 0) start = pos
      if (!on && start >= 0) {
        for (let p = start; p < pos; p++) {
          before[at(line, p)] = Math.min(65535, p - start)
          after[at(line, p)] = Math.min(65535, pos - 1 - p)
        }
        start = -1
      }
    }
  }
  return { before, after }
}

/**
 * Marks rule pixels of one direction in `mask`; returns the rules found, one per run of rows.
 * A pixel can be part of a rule when it is not inside a fill, or is on a fill's first or last
 * rows across the rule: a rule drawn along the edge of a filled cell runs into the fill, and the
 * fill's edge is where the rule is. Where rules cross, neither is thick, so both run on.
 */
function scan(ink: Uint8Array, fill: Uint8Array, width: number, height: number, horizontal: boolean, { minLength, edge }: RuleOptions, mask: Uint8Array): PixelRule[] {
  const lines = horizontal ? height : width
  const along = horizontal ? width : height
  const at = (line: number, pos: number): number => (horizontal ? line * width + pos : pos * width + line)
  const across = runPlaces(fill, width, height, !horizontal)
  const runs: PixelRule[] = []
  for (let line = 0; line < lines; line++) {
    let start = -1
    for (let pos = 0; pos <= along; pos++) {
      const i = pos < along ? at(line, pos) : -1
      const on = i >= 0 && ink[i] === 1 && (fill[i] === 0 || across.before[i]! < edge || across.after[i]! < edge)
      if (on && start < 0) start = pos
      if (!on && start >= 0) {
        if (pos - start >= minLength) {
          runs.push({ orient: horizontal ? 'h' : 'v', at: line, from: start, to: pos - 1 })
          for (let p = start; p < pos; p++) mask[at(line, p)] = 1
        }
        start = -1
      }
    }
  }
  // Neighbouring rows of one drawn rule (a rule is a few pixels thick) become one rule.
  const merged: (PixelRule & { first: number; last: number })[] = []
  for (const run of runs) {
    const same = merged.find((m) => run.at - m.last <= 2 && run.from <= m.to && run.to >= m.from)
    if (same) {
      same.at = (same.first + run.at) / 2
      same.last = run.at
      same.from = Math.min(same.from, run.from)
      same.to = Math.max(same.to, run.to)
    } else merged.push({ ...run, first: run.at, last: run.at })
  }
  return merged.map(({ orient, at: a, from, to }) => ({ orient, at: a, from, to }))
}

/** Pixels at least `r` from the ends of their run of `on` along the direction: an erosion by a line of 2r + 1. */
function erodeLine(on: Uint8Array, width: number, height: number, horizontal: boolean, r: number): Uint8Array {
  const { before, after } = runPlaces(on, width, height, horizontal)
  const out = new Uint8Array(on.length)
  for (let i = 0; i < on.length; i++) if (on[i] && before[i]! >= r && after[i]! >= r) out[i] = 1
  return out
}

/** Pixels within `r` along the direction of an `on` pixel: a dilation by a line of 2r + 1. */
function dilateLine(on: Uint8Array, width: number, height: number, horizontal: boolean, r: number): Uint8Array {
  const out = new Uint8Array(on.length)
  const lines = horizontal ? height : width
  const along = horizontal ? width : height
  const at = (line: number, pos: number): number => (horizontal ? line * width + pos : pos * width + line)
  for (let line = 0; line < lines; line++) {
    let reach = -1
    for (let pos = 0; pos < along; pos++) {
      if (on[at(line, pos)]) {
        for (let p = Math.max(0, pos - r, reach + 1); p < pos; p++) out[at(line, p)] = 1
        reach = pos + r
      }
      if (pos <= reach) out[at(line, pos)] = 1
    }
  }
  return out
}

/**
 * 1 inside fills: ink that holds a square `thick` wide (an opening by that square). OCR reads a
 * filled cell as a smear of letters; strokes of print, even bold, are thinner.
 */
export function fillMask(ink: Uint8Array, width: number, height: number, thick: number): Uint8Array {
  const r = Math.floor(thick / 2)
  const core = erodeLine(erodeLine(ink, width, height, true, r), width, height, false, r)
  return dilateLine(dilateLine(core, width, height, false, r), width, height, true, r)
}

export interface FoundRules {
  rules: PixelRule[]
  /** 1 on the pixels of a rule or inside a fill: what OCR should not see. */
  mask: Uint8Array
}

export function findRules(ink: Uint8Array, width: number, height: number, options: RuleOptions): FoundRules {
  const fill = fillMask(ink, width, height, options.thick)
  const mask = fill.slice()
  const rules = [...scan(ink, fill, width, height, true, options, mask), ...scan(ink, fill, width, height, false, options, mask)]
  return { rules, mask }
}

/** The ink without its rules (and a pixel either side, where the scan blurred them). */
export function eraseRules(ink: Uint8Array, width: number, mask: Uint8Array): Uint8Array {
  const out = ink.slice()
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue
    out[i] = 0
    if (i % width > 0) out[i - 1] = 0
    if (i % width < width - 1) out[i + 1] = 0
    if (i >= width) out[i - width] = 0
    if (i + width < out.length) out[i + width] = 0
  }
  return out
}
