/**
 * Characters as pdf.js's getTextContent treats them: its glyph categories (a whitespace glyph is
 * skipped but remembered, a combining mark takes no width, a format mark is dropped) and its
 * normalisation of compatibility characters. Kept apart from pdf.js so the text rebuilt from the
 * operator list (text-builder.ts) spells every item as getTextContent spells it.
 */

const SPECIAL = /^(\s)|(\p{Mn})|(\p{Cf})$/u
const PLAIN = { space: false, mark: false, format: false }
const categories = new Map<string, typeof PLAIN>()

/** A glyph's category; printable ASCII, nearly every glyph of a plan, is plain without a lookup. */
export function categoryOf(unicode: string): typeof PLAIN {
  const code = unicode.length === 1 ? unicode.charCodeAt(0) : 0
  if (code > 0x20 && code < 0x7f) return PLAIN
  let category = categories.get(unicode)
  if (!category) {
    const m = SPECIAL.exec(unicode)
    category = m ? { space: m[1] !== undefined, mark: m[2] !== undefined, format: m[3] !== undefined } : PLAIN
    categories.set(unicode, category)
  }
  return category
}

// pdf.js's normalizeUnicode: compatibility characters (ligatures, odd spaces) as their plain forms.
const COMPATIBLE = /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu
const NON_ASCII = /[\u0080-\u{10ffff}]/u

/** pdf.js's normalizeUnicode, skipped for plain ASCII (which it leaves alone). */
export const normalizeUnicode = (str: string): string => (!NON_ASCII.test(str) ? str : str.replaceAll(COMPATIBLE, (_, one: string | undefined) => (one ? one.normalize('NFKC') : 'ſt'.repeat(_.length))))
