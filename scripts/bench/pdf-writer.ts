/**
 * A small PDF writer for benchmark sets: a table over as many landscape A4 pages as it needs, the
 * header row repeated on each page, a running title. Standard Helvetica (no embedded fonts), text
 * wrapped by Helvetica's average glyph width, no structure tree (untagged). Not a general writer: it
 * makes many varied, valid, text-bearing PDFs quickly, without LibreOffice.
 *
 * Table styles: `ruled` (every cell boxed, grey header, RAG cells filled), and three borderless
 * ones as Word and "Print to PDF" output often has them: `none` (no lines and no fills at all, bold
 * header), `rows` (a rule under each row, none between columns) and `band` (one shaded band behind the
 * header, no rules). Borderless styles leave a wider gutter between columns, as such tables do.
 */

export type TableStyle = 'ruled' | 'none' | 'rows' | 'band'
export const TABLE_STYLES: readonly TableStyle[] = ['ruled', 'none', 'rows', 'band']

export interface BenchTable {
  title: string
  /** How the table is drawn; ruled when not said. */
  style?: TableStyle
  headers: string[]
  /** Column widths in points. */
  widths: number[]
  rows: { cells: string[]; fills?: (string | null)[]; bold?: boolean }[]
}

const PAGE = { w: 841.9, h: 595.3, margin: 36 }
const SIZE = 7.5
const LEAD = 9
const RULED_PAD = 3
const BORDERLESS_PAD = 6
// Average Helvetica advance at 1pt, for wrapping only.
const CHAR = 0.5

const esc = (t: string): string => t.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?')

function wrap(text: string, width: number, pad: number): string[] {
  const max = Math.max(4, Math.floor((width - 2 * pad) / (SIZE * CHAR)))
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (!line) line = word
      else if (line.length + 1 + word.length <= max) line += ` ${word}`
      else {
        lines.push(line)
        line = word
      }
      while (line.length > max) {
        lines.push(line.slice(0, max))
        line = line.slice(max)
      }
    }
    if (line) lines.push(line)
  }
  return lines
}

const rgb = (hex: string): string => [1, 3, 5].map((i) => (parseInt(hex.slice(i, i + 2), 16) / 255).toFixed(3)).join(' ')

export function writeBenchPdf(table: BenchTable): Uint8Array {
  const style = table.style ?? 'ruled'
  const PAD = style === 'ruled' ? RULED_PAD : BORDERLESS_PAD
  const total = table.widths.reduce((a, b) => a + b, 0)
  const pages: string[] = []
  let ops: string[] = []
  let y = 0
  const x0 = PAGE.margin
  const startPage = (): void => {
    if (ops.length) pages.push(ops.join('\n'))
    ops = [`BT /F2 9 Tf ${x0} ${PAGE.h - 24} Td (${esc(table.title)}) Tj ET`]
    y = PAGE.h - PAGE.margin
    drawRow(table.headers, style === 'ruled' ? table.headers.map(() => '#d9d9d9') : undefined, true)
  }
  const drawRow = (cells: string[], fills: (string | null)[] | undefined, bold: boolean): void => {
    const wrapped = cells.map((c, i) => wrap(c, table.widths[i]!, PAD))
    const height = Math.max(1, ...wrapped.map((l) => l.length)) * LEAD + 2 * PAD
    const header = bold && cells === table.headers
    if (style === 'band' && header) ops.push(`${rgb('#d9d9d9')} rg ${x0} ${(y - height).toFixed(1)} ${total} ${height} re f`)
    let x = x0
    cells.forEach((_, i) => {
      const w = table.widths[i]!
      const fill = style === 'ruled' ? fills?.[i] : null
      if (fill) ops.push(`${rgb(fill)} rg ${x.toFixed(1)} ${(y - height).toFixed(1)} ${w} ${height} re f`)
      if (style === 'ruled') ops.push(`0 0 0 RG 0.5 w ${x.toFixed(1)} ${(y - height).toFixed(1)} ${w} ${height} re S`)
      wrapped[i]!.forEach((line, n) => {
        ops.push(`0 0 0 rg BT /${bold ? 'F2' : 'F1'} ${SIZE} Tf ${(x + PAD).toFixed(1)} ${(y - PAD - (n + 1) * LEAD + 2).toFixed(1)} Td (${esc(line)}) Tj ET`)
      })
      x += w
    })
    if (style === 'rows') ops.push(`0 0 0 RG 0.5 w ${x0} ${(y - height).toFixed(1)} m ${(x0 + total).toFixed(1)} ${(y - height).toFixed(1)} l S`)
    y -= height
  }
  startPage()
  for (const row of table.rows) {
    const height = Math.max(1, ...row.cells.map((c, i) => wrap(c, table.widths[i]!, PAD).length)) * LEAD + 2 * PAD
    if (y - height < PAGE.margin) startPage()
    drawRow(row.cells, row.fills, row.bold ?? false)
  }
  pages.push(ops.join('\n'))
  pages.forEach((_, i) => pages[i] = `${pages[i]}\nBT /F1 7 Tf ${PAGE.w / 2 - 20} 20 Td (Page ${i + 1} of ${pages.length}) Tj ET`)

  // Objects: 1 catalog, 2 pages, 3 F1, 4 F2, then a page and its content per page.
  const objects: string[] = []
  const kids = pages.map((_, i) => `${5 + 2 * i} 0 R`).join(' ')
  objects.push('<< /Type /Catalog /Pages 2 0 R >>')
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`)
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')
  for (const [i, content] of pages.entries()) {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.w} ${PAGE.h}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`)
    objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`)
  }
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(body, 'latin1'))
}
