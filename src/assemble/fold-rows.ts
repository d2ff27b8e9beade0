import type { Cell, Row } from '../../schemas/index.js'

/**
 * The one place where a row is folded into the row above: a reader's row that is really the rest
 * of the row before it, cut by a page break or by a line break the reader took for a new row.
 *
 * Why here and without column roles (issue 16): folding is a repair of the grid, so it happens
 * before interpretation and reads only the grid. Interpretation used to fold too, with roles: a
 * row with only notes-like columns filled (no action, lead, date, status, organisation,
 * recommendation or milestone) was joined to the action above. Roles cannot move here without
 * moving header detection and the per-page column-shift check with them (they are one walk in
 * src/interpret), and without roles nothing tells a notes column from a milestone column: a
 * capitalised notes-only row and a milestone row ("Policy launched | 31/03/2013") have the same
 * shape. So the rules below ask for evidence the grid itself gives: a page break between the two
 * rows, or a sentence the row break cut (every filled cell starts in lower case). Measured before
 * the change (goldens, `bench-accuracy --random 200 --seed 11`): interpretation's role rule never
 * folded a notes row; the only rows it took were recommendations on a row of their own in pasted
 * text, which it hid in the action above. What a grid cannot tell stays a known limit: one lone
 * cell at the top of a page is taken for the rest of the cell above it, even a milestone's.
 */

const text = (cell: Cell): string => cell.text.trim()
const startsLower = (cell: Cell): boolean => /^[a-z]/.test(text(cell))
const filledCells = (row: Row): Cell[] => row.cells.filter((c) => text(c))
const fillsColumn = (row: Row, col: number): boolean => row.cells.some((a) => a.col === col && text(a) !== '')

/**
 * A piece below a cell carries on that cell's text: it starts in lower case (the rest of a
 * sentence), or it is one word after a line with no end punctuation ("Tony" / "Gallagher"). A
 * word that is a number or a date ("31/03/2013") is a value of its own, not the rest of one.
 */
function carriesOn(cell: Cell | undefined, piece: Cell, lettersOnly = true): boolean {
  if (startsLower(piece)) return true
  const lastLine = cell?.lines[cell.lines.length - 1]?.trim() ?? ''
  const word = (piece.lines[0] ?? '').trim()
  // A bracket left open ("Sarah Doyle (Head of") is closed by what follows.
  if (/\([^)]*$/.test(lastLine)) return true
  return lastLine !== '' && !/\s/.test(word) && !/[.!?;:]$/.test(lastLine) && (!lettersOnly || /^\p{L}/u.test(word))
}

/**
 * The first row of a page continues the last row of the page before when it fills nothing the
 * row above left empty, not its first column, and either one cell only, or mostly text that
 * starts in lower case, or a few cells of which one at least carries on its cell. A new row under
 * the same recommendation fills many cells, each starting afresh; a milestone row with its date
 * ("Policy launched | 31/03/2013") fills few, but none of them carries on the cell above.
 */
export function continuesOverPage(above: Row, row: Row, columns: number): boolean {
  const filled = filledCells(row)
  if (filled.length === 0) return false
  // The first column opens a new row, unless it is the rest of a sentence in a cell as wide as
  // the one above it (a recommendation merged across the table, cut by the page break).
  const first = filled.find((c) => c.col === 0)
  if (first && !(startsLower(first) && above.cells.some((a) => a.col === 0 && a.colSpan === first.colSpan && text(a)))) return false
  if (!filled.every((c) => fillsColumn(above, c.col))) return false
  if (filled.length === 1) return true
  const lowerStart = filled.filter(startsLower).length
  const carrying = filled.filter((c) => carriesOn(above.cells.find((a) => a.col === c.col), c)).length
  return lowerStart * 2 >= filled.length || (filled.length <= Math.floor(columns / 3) && carrying > 0)
}

/**
 * Inside one page a row break is the reader's own, so only a cut sentence shows that it was
 * wrong: every filled cell starts in lower case below a cell of the row above whose text stops
 * short of a full stop, and the first column is left empty. A row of its own (an action, a
 * milestone, a note) starts afresh, and so does anything after a finished sentence.
 */
export function continuesSentence(above: Row, row: Row): boolean {
  const endsOpen = (col: number): boolean => above.cells.some((a) => a.col === col && text(a) !== '' && !/[.!?]$/.test(text(a)))
  const filled = filledCells(row)
  return filled.length > 0 && filled.every((c) => c.col > 0 && startsLower(c) && endsOpen(c.col))
}

/** The row above with the fragment's lines added to its cells, column by column. */
export function foldRow(above: Row, fragment: Row): Row {
  const cells = above.cells.map((cell): Cell => {
    const piece = fragment.cells.find((c) => c.col === cell.col && text(c))
    if (!piece) return cell
    // A piece that carries on the cell (a year after "31 March" too) joins its last line; else it is a new line.
    const lines = [...cell.lines]
    // A lettered list item ("b) …") starts in lower case but is an item of its own.
    if (lines.length > 0 && carriesOn(cell, piece, false) && !/^\(?[a-z]\)\s/.test(piece.lines[0] ?? '')) {
      lines[lines.length - 1] = `${lines[lines.length - 1]} ${piece.lines[0] ?? piece.text}`
      lines.push(...piece.lines.slice(1))
    } else lines.push(...piece.lines)
    return { ...cell, lines, text: lines.join(' ') }
  })
  return { ...above, cells }
}

/** Rows a merged cell covers more than one of: folding them would break the merge. */
function verticallyMerged(rows: readonly Row[]): Set<number> {
  const merged = new Set<number>()
  rows.forEach((row, r) => {
    for (const cell of row.cells) for (let k = 0; k < cell.rowSpan && cell.rowSpan > 1; k += 1) merged.add(r + k)
  })
  return merged
}

/**
 * The rows of one table with every cut sentence folded back into the row above. The first row
 * and rows the source marks as headers are left alone (a header wrapped over two rows is read as
 * one by interpretation, which knows header words), and so are rows inside a vertical merge.
 */
export function foldCutRows(rows: readonly Row[]): Row[] {
  const merged = verticallyMerged(rows)
  const out: Row[] = []
  rows.forEach((row, r) => {
    const above = out[out.length - 1]
    const canFold = above && out.length > 1 && !above.header && !row.header && !merged.has(r) && !merged.has(r - 1)
    if (canFold && continuesSentence(above, row)) out[out.length - 1] = foldRow(above, row)
    else out.push(row)
  })
  return out
}
