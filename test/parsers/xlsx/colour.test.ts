import { describe, expect, it } from 'vitest'
import { applyTint, DEFAULT_INDEXED, indexedPalette, OFFICE_THEME, resolveColour, themeColours } from '../../../parsers/xlsx/colour.js'

const palette = { theme: OFFICE_THEME, indexed: DEFAULT_INDEXED }

/** Channels of two #rrggbb within `by` steps: Excel rounds tints in its own integer HLS space. */
function near(actual: string, expected: string, by = 2): boolean {
  const ch = (c: string): number[] => [1, 3, 5].map((i) => parseInt(c.replace('#', '').slice(i - 1, i + 1), 16))
  const [a, e] = [ch(actual), ch(expected)]
  return a.every((v, i) => Math.abs(v - e[i]!) <= by)
}

describe('Excel colours', () => {
  it('reads the theme colours in the order cells index them (lt1, dk1, lt2, dk2, accents)', () => {
    const xml = `<a:theme><a:clrScheme name="X"><a:dk1><a:sysClr val="windowText" lastClr="111111"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FEFEFE"/></a:lt1>
      <a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="ff0000"/></a:accent1></a:clrScheme></a:theme>`
    const colours = themeColours(xml)
    expect(colours.slice(0, 5)).toEqual(['FEFEFE', '111111', 'EEECE1', '1F497D', 'FF0000'])
    // accent2 is missing from that scheme: the Office theme's stands in.
    expect(colours[5]).toBe(OFFICE_THEME[5])
    expect(themeColours(null)).toBe(OFFICE_THEME)
  })

  it('resolves theme colours with a tint as Excel shows them in its palette', () => {
    // "Blue, Accent 1" of the Office 2007 theme, lighter 80/60/40 %, darker 25/50 %.
    expect(resolveColour({ theme: 4 }, palette)).toBe('#4f81bd')
    expect(near(resolveColour({ theme: 4, tint: 0.7999816888943144 }, palette)!, '#dbe5f1')).toBe(true)
    expect(near(resolveColour({ theme: 4, tint: 0.5999938962981048 }, palette)!, '#b8cce4')).toBe(true)
    expect(near(resolveColour({ theme: 4, tint: 0.3999755851924192 }, palette)!, '#95b3d7')).toBe(true)
    expect(near(resolveColour({ theme: 4, tint: -0.249977111117893 }, palette)!, '#366092')).toBe(true)
    expect(near(resolveColour({ theme: 4, tint: -0.499984740745262 }, palette)!, '#244062')).toBe(true)
    // "White, Background 1, Darker 15%" and "Black, Text 1, Lighter 50%".
    expect(resolveColour({ theme: 0, tint: -0.1499984740745262 }, palette)).toBe('#d9d9d9')
    expect(near(resolveColour({ theme: 1, tint: 0.499984740745262 }, palette)!, '#7f7f7f')).toBe(true)
    expect(applyTint('C0504D', 0)).toBe('C0504D')
  })

  it('resolves indexed colours from the default palette or the workbook’s own', () => {
    expect(resolveColour({ indexed: 10 }, palette)).toBe('#ff0000')
    expect(resolveColour({ indexed: 22 }, palette)).toBe('#c0c0c0')
    expect(resolveColour({ indexed: 51 }, palette)).toBe('#ffcc00')
    // 64 and 65 are the system foreground and background: no colour of their own.
    expect(resolveColour({ indexed: 64 }, palette)).toBeNull()
    const own = indexedPalette('<styleSheet><colors><indexedColors><rgbColor rgb="FF123456"/><rgbColor rgb="FFABCDEF"/></indexedColors></colors></styleSheet>')
    expect(resolveColour({ indexed: 1 }, { theme: OFFICE_THEME, indexed: own })).toBe('#abcdef')
    expect(indexedPalette('<styleSheet/>')).toBe(DEFAULT_INDEXED)
  })

  it('reads ARGB as its RGB and names no colour for nothing', () => {
    expect(resolveColour({ argb: 'FF00B050' }, palette)).toBe('#00b050')
    expect(resolveColour(undefined, palette)).toBeNull()
    expect(resolveColour({}, palette)).toBeNull()
  })
})
