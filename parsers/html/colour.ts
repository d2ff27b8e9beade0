import colorNames from 'color-name'

/**
 * CSS colours as lower-case #rrggbb. Names are the 148 CSS Color Module keywords (color-name):
 * authors write lightgreen, gold, darkorange for RAG as often as red and green, and a name we
 * did not know used to lose the RAG.
 */

const hexOf = (rgb: readonly number[]): string => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`

/** Keywords that mean "no colour of its own". */
const NONE = new Set(['transparent', 'none', 'inherit', 'initial', 'unset', 'revert', 'currentcolor', 'auto', 'window', 'windowtext'])

export type Colour = { hex: string } | { none: true } | { unknown: string }

const hex2 = (n: number): string => Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, '0')

function channel(raw: string): number {
  return raw.endsWith('%') ? (Number.parseFloat(raw) * 255) / 100 : Number.parseFloat(raw)
}

function fromHex(digits: string): Colour {
  const d = digits.toLowerCase()
  const full = d.length === 3 || d.length === 4 ? [...d].map((c) => c + c).join('') : d
  if (full.length === 8 && full.endsWith('00')) return { none: true }
  return { hex: `#${full.slice(0, 6)}` }
}

/** One colour value; `bare` allows hex without '#', as the legacy bgcolor attribute does. */
export function parseColour(value: string, bare = false): Colour {
  const v = value.trim().toLowerCase().replace(/\s*!important$/, '')
  const hex = /^#?([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(v)
  if (hex && (v.startsWith('#') || (bare && hex[1]!.length === 6))) return fromHex(hex[1]!)
  const rgb = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(v)
  if (rgb) {
    if (rgb[4] !== undefined && channel(rgb[4]) === 0) return { none: true }
    return { hex: `#${hex2(channel(rgb[1]!))}${hex2(channel(rgb[2]!))}${hex2(channel(rgb[3]!))}` }
  }
  const named = Object.hasOwn(colorNames, v) ? colorNames[v as keyof typeof colorNames] : undefined
  if (named) return { hex: hexOf(named) }
  if (NONE.has(v) || v === '') return { none: true }
  return { unknown: value.trim() }
}

/** The colour in a `background` shorthand, which may also hold images, positions and sizes. */
export function backgroundColour(shorthand: string): Colour {
  let unknown: Colour = { none: true }
  for (const token of shorthand.match(/rgba?\([^)]*\)|#[0-9a-f]+|[a-z-]+/gi) ?? []) {
    const colour = parseColour(token)
    if ('hex' in colour) return colour
    // Keywords such as no-repeat or center are not colours; only a lone word may be one.
    if ('unknown' in colour && !/^(?:url|no-repeat|repeat|repeat-x|repeat-y|center|top|bottom|left|right|scroll|fixed|cover|contain)$/.test(token)) unknown = colour
  }
  return unknown
}
