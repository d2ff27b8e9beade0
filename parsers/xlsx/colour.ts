/**
 * Excel colours to #rrggbb. A fill names its colour in one of three ways (ECMA-376 Part 1
 * §18.8.19 CT_Color): `rgb` as ARGB, `theme` as an index into the workbook theme's colour scheme
 * with an optional `tint`, or `indexed` into the legacy 64-colour palette (which a workbook may
 * override in styles.xml). RAG is read from the colour a person sees, so all three are resolved.
 */

export interface ExcelColour {
  argb?: string
  theme?: number
  tint?: number
  indexed?: number
}

/** The default palette (MS-OI29500 §2.1.293; indexes 0–7 repeat 8–15). 64 and 65 are system colours. */
export const DEFAULT_INDEXED = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
]

/** The Office theme Excel falls back on when a workbook has no theme part. */
export const OFFICE_THEME = ['FFFFFF', '000000', 'EEECE1', '1F497D', '4F81BD', 'C0504D', '9BBB59', '8064A2', '4BACC6', 'F79646', '0000FF', '800080']

/**
 * Theme colours in the order SpreadsheetML indexes them. The scheme lists dk1, lt1, dk2, lt2 but
 * cells index them lt1, dk1, lt2, dk2 (index 0 is the white background, 1 the black text).
 */
const SCHEME_ORDER = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink']

/** The twelve theme colours of an xl/theme/theme1.xml, as RRGGBB; the Office theme where one is missing. */
export function themeColours(xml: string | null): string[] {
  if (!xml) return OFFICE_THEME
  return SCHEME_ORDER.map((name, i) => {
    const body = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(xml)?.[1] ?? ''
    // A system colour (windowText, window) carries the colour it had when saved in lastClr.
    const rgb = /<(?:\w+:)?srgbClr\b[^>]*\bval="([0-9A-Fa-f]{6})"/.exec(body)?.[1] ?? /\blastClr="([0-9A-Fa-f]{6})"/.exec(body)?.[1]
    return (rgb ?? OFFICE_THEME[i]!).toUpperCase()
  })
}

/** A workbook's own palette (styles.xml <colors><indexedColors>), else the default. */
export function indexedPalette(stylesXml: string | null): string[] {
  const block = stylesXml ? /<(?:\w+:)?indexedColors\b[^>]*>([\s\S]*?)<\/(?:\w+:)?indexedColors>/.exec(stylesXml)?.[1] : undefined
  if (!block) return DEFAULT_INDEXED
  const colours = [...block.matchAll(/\brgb="([0-9A-Fa-f]{8})"/g)].map((m) => m[1]!.slice(2).toUpperCase())
  return colours.length > 0 ? colours : DEFAULT_INDEXED
}

function toHls(rgb: string): [number, number, number] {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255) as [number, number, number]
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const l = (max + min) / 2
  if (max === min) return [0, l, 0]
  const d = max - min
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min)
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  return [h / 6, l, s]
}

function fromHls(h: number, l: number, s: number): string {
  const hue = (p: number, q: number, t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t
    if (u < 1 / 6) return p + (q - p) * 6 * u
    if (u < 1 / 2) return q
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6
    return p
  }
  const channels = s === 0 ? [l, l, l] : (() => {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s
    const p = 2 * l - q
    return [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)]
  })()
  return channels.map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('').toUpperCase()
}

/**
 * A tint lightens (> 0) or darkens (< 0) a colour by moving its luminance towards white or black
 * (ECMA-376 Part 1 §18.8.19, attribute tint): L' = L(1 − tint) + tint, or L' = L(1 + tint).
 */
export function applyTint(rgb: string, tint: number): string {
  if (!tint) return rgb.toUpperCase()
  const [h, l, s] = toHls(rgb)
  const lum = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint
  return fromHls(h, Math.min(1, Math.max(0, lum)), s)
}

export interface Palette {
  theme: readonly string[]
  indexed: readonly string[]
}

/** The colour as lower-case #rrggbb, or null when it names none (system colours, auto). */
export function resolveColour(colour: ExcelColour | undefined, palette: Palette): string | null {
  if (!colour) return null
  let rgb: string | undefined
  if (colour.argb && /^[0-9A-Fa-f]{6,8}$/.test(colour.argb)) rgb = colour.argb.slice(-6)
  else if (colour.theme !== undefined) rgb = palette.theme[colour.theme]
  else if (colour.indexed !== undefined) rgb = palette.indexed[colour.indexed]
  if (!rgb) return null
  return `#${applyTint(rgb, colour.tint ?? 0).toLowerCase()}`
}
