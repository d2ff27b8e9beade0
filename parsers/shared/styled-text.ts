/**
 * Text with bold marks, collected line by line, and the cell summary every reader reports
 * (lines, text, bold, boldLead). Shared by the Word and HTML readers so that both fold white space
 * and judge boldness the same way.
 */

export interface Span {
  text: string
  bold: boolean
}
export type StyledLine = Span[]

export interface CellText {
  lines: string[]
  text: string
  bold: boolean
  boldLead: string | null
}

export const fold = (text: string): string => text.replace(/\s+/g, ' ').trim()

const visible = (line: StyledLine): boolean => line.some((s) => /\S/.test(s.text))

/** Collects spans; `brk()` starts a new line. Lines with no visible text are dropped. */
export class LineBuilder {
  private done: StyledLine[] = []
  private current: StyledLine = []

  text(text: string, bold: boolean): void {
    if (text) this.current.push({ text, bold })
  }

  brk(): void {
    if (visible(this.current)) this.done.push(this.current)
    this.current = []
  }

  /** Appends whole lines (a nested table's text) after ending the current one. */
  append(lines: readonly StyledLine[]): void {
    this.brk()
    for (const line of lines) if (visible(line)) this.done.push(line)
  }

  lines(): StyledLine[] {
    this.brk()
    return this.done
  }
}

export const lineText = (line: StyledLine): string => fold(line.map((s) => s.text).join(''))

/** True when the line has visible text and all of it is bold. */
export function allBold(lines: readonly StyledLine[]): boolean {
  let bold = 0
  for (const line of lines) for (const span of line) {
    if (!/\S/.test(span.text)) continue
    if (!span.bold) return false
    bold += 1
  }
  return bold > 0
}

export function summarize(lines: readonly StyledLine[]): CellText {
  const texts = lines.map(lineText).filter(Boolean)
  const bold = allBold(lines)
  return { lines: texts, text: texts.join(' '), bold, boldLead: bold ? null : boldLead(lines) }
}

/** The bold text before the first visible non-bold character, across lines; null when none. */
function boldLead(lines: readonly StyledLine[]): string | null {
  let lead = ''
  for (const line of lines) {
    for (const span of line) {
      if (span.bold) lead += span.text
      else if (/\S/.test(span.text)) return fold(lead) || null
      else lead += span.text
    }
    lead += ' '
  }
  return null
}
