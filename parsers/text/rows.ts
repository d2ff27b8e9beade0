/**
 * Splits pasted text into table rows and other lines. A cell that holds line breaks spills onto
 * the following lines in two ways: Word and Excel put such a cell in double quotes and keep the
 * breaks inside them; other sources simply break the line, leaving bare lines (no TAB) between
 * two rows. Both come back as one row whose cell keeps its lines (joined with <br>, which
 * cell-markup.ts turns into lines).
 */

export type TextLine = { kind: 'row'; fields: string[] } | { kind: 'border' } | { kind: 'line'; text: string }

const BORDER = /^[-\s\t]+$/
const BREAK = '<br>'

const quoteCount = (text: string): number => (text.match(/"/g) ?? []).length
const opensQuote = (field: string): boolean => field.trimStart().startsWith('"') && quoteCount(field) % 2 === 1

function unquote(field: string): string {
  const t = field.trim()
  return t.startsWith('"') && t.endsWith('"') && t.length >= 2 ? t.slice(1, -1).replace(/""/g, '"') : field
}

export function classifyLines(text: string): TextLine[] {
  const lines = text.split('\n')
  const out: TextLine[] = []
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!
    if (!line.includes('\t')) {
      // Bare lines between two rows, with no blank line, are the last cell of the row above spilling over.
      const previous = out[out.length - 1]
      if (line.trim() && previous?.kind === 'row') {
        let end = i
        while (end < lines.length && lines[end]!.trim() && !lines[end]!.includes('\t')) end += 1
        const next = lines[end]
        if (next !== undefined && next.includes('\t') && !BORDER.test(next)) {
          const fields = previous.fields
          let last = fields.length - 1
          while (last > 0 && !fields[last]!.trim()) last -= 1
          fields[last] = [fields[last]!, ...lines.slice(i, end)].join(BREAK)
          i = end - 1
          continue
        }
      }
      out.push({ kind: 'line', text: line })
      continue
    }
    if (BORDER.test(line)) {
      out.push({ kind: 'border' })
      continue
    }
    const fields = line.split('\t')
    // A quoted cell left open runs on over the next lines until its closing quote.
    while (opensQuote(fields[fields.length - 1]!) && i + 1 < lines.length) {
      i += 1
      const [first = '', ...rest] = lines[i]!.split('\t')
      fields[fields.length - 1] = `${fields[fields.length - 1]}${BREAK}${first}`
      fields.push(...rest)
    }
    out.push({ kind: 'row', fields: fields.map((f) => (f.includes(BREAK) ? unquote(f) : f)) })
  }
  return out
}
