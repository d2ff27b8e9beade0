import type { Block, Cell } from '../../schemas/index.js'

/**
 * A PDF cell read from its layout can lose a paragraph break: a wrapped line and the run-in label
 * that opened the next paragraph come out as one line ("… with every conference invitation
 * Milestones:"), where Word, HTML and a tagged PDF keep the label on a line of its own. Such a
 * label (one capitalised word and its colon, closing a line after other text) is given its own
 * line back here, so that what follows reads the same whatever the format.
 */

const TRAILING_LABEL = /^(.*\S)\s+([A-Z][a-z]+:)$/

function splitLines(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const m = line.match(TRAILING_LABEL)
    return m ? [m[1]!, m[2]!] : [line]
  })
}

const splitCell = (cell: Cell): Cell => (cell.lines.some((l) => TRAILING_LABEL.test(l)) ? { ...cell, lines: splitLines(cell.lines) } : cell)

/** The blocks with every table cell's trailing run-in labels on lines of their own; the cell's text is unchanged. */
export function splitRunInLabels(blocks: readonly Block[]): Block[] {
  return blocks.map((block) => (block.kind === 'table' ? { ...block, rows: block.rows.map((row) => ({ ...row, cells: row.cells.map(splitCell) })) } : block))
}
