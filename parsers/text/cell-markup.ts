/**
 * Cleans one pasted cell. Text copied out of some viewers keeps HTML fragments inside cells
 * (`<p>`, `<b>`, `<ul><li>`, `<sup>th</sup>`, `&amp;`), and a copy flattens a cell's line breaks
 * into runs of spaces; both come back here as lines.
 */

export interface CleanCell {
  lines: string[]
  /** All of the non-space text was bold. */
  bold: boolean
  /** Bold text opening the cell when more, non-bold, text follows ("<b>Completed</b> Future…"). */
  boldLead: string | null
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', hellip: '…', bull: '•' }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

const LINE_BREAK = '\u2028'
const BOLD_ON = '\u0001'
const BOLD_OFF = '\u0002'
const BULLETS = /[•▪◦·\uf0b7\uf0a7]/g

/** Marks line breaks and bold runs with private characters, and drops every other tag. */
function markup(raw: string): string {
  return raw
    .replace(/<\/?(?:p|div|li|ul|ol|tr|h[1-6])\b[^>]*>|<br\s*\/?>/gi, LINE_BREAK)
    .replace(/<(?:b|strong)\b[^>]*>/gi, BOLD_ON)
    .replace(/<\/(?:b|strong)\s*>/gi, BOLD_OFF)
    .replace(/\*\*/g, (_, offset: number, all: string) => (countBefore(all, offset) % 2 === 0 ? BOLD_ON : BOLD_OFF))
    .replace(/<\/?[a-z][^>]*>/gi, '')
}

function countBefore(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\*\*/g) ?? []).length
}

function splitLines(text: string): string[] {
  return text
    .replace(BULLETS, LINE_BREAK)
    .split(new RegExp(`${LINE_BREAK}| {2,}|\\t`))
    .map((line) => line.replace(/^\s*-\s+/, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}

const strip = (t: string): string => t.replace(new RegExp(`[${BOLD_ON}${BOLD_OFF}]`, 'g'), '')

export function cleanCell(raw: string): CleanCell {
  const marked = decodeEntities(markup(raw)).replace(/\u00a0/g, ' ')
  const lines = splitLines(strip(marked))
  // Bold: walk the marked text and note which visible characters sit inside a bold run.
  let inBold = false
  let boldChars = 0
  let plainChars = 0
  let lead = ''
  let leadOpen = true
  for (const ch of marked) {
    if (ch === BOLD_ON) inBold = true
    else if (ch === BOLD_OFF) {
      inBold = false
      if (lead.trim()) leadOpen = false
    } else if (/\S/.test(ch) && ch !== LINE_BREAK) {
      if (inBold) boldChars += 1
      else plainChars += 1
      if (leadOpen) {
        if (inBold) lead += ch
        else leadOpen = false
      }
    } else if (leadOpen && inBold) lead += ' '
  }
  const bold = boldChars > 0 && plainChars === 0
  const boldLead = !bold && boldChars > 0 && lead.trim() && plainChars > 0 ? lead.replace(/\s+/g, ' ').trim() : null
  return { lines, bold, boldLead }
}
