/**
 * What a tagged PDF's structure tree says about one page, in the shape the page reader needs:
 * its tables as rows of cells, each cell as the blocks (paragraphs, list items) it holds, and the
 * blocks outside tables. Blocks are lists of marked-content ids, to be joined to the text runs
 * that carry those ids. Pure: it sees the tree pdf.js serialises (`page.getStructTree()`), never
 * the page.
 *
 * pdf.js does not pass on a cell's /RowSpan and /ColSpan attributes, so the tree says which text
 * is in which cell of which row, not where a merged cell lies on the grid; that is left to the
 * geometry.
 */

/** A node of the tree pdf.js serialises: an element with a role, or a leaf naming marked content. */
export interface StructNode {
  role?: string
  type?: string
  id?: string
  children?: StructNode[]
}

/** Text that the tree marks as one paragraph, heading or list item. */
export interface TaggedBlock {
  role: string
  ids: string[]
}

export interface TaggedCell {
  header: boolean
  blocks: TaggedBlock[]
}

export interface TaggedRow {
  cells: TaggedCell[]
}

export interface TaggedTable {
  rows: TaggedRow[]
  /** Every marked-content id inside the table, for finding its runs. */
  ids: Set<string>
}

export interface TaggedPage {
  tables: TaggedTable[]
  /** Blocks outside tables, in the tree's (reading) order. */
  blocks: TaggedBlock[]
  /** Why the tables of this page cannot be trusted, when they cannot; the geometry is used instead. */
  broken: string | null
}

const BLOCK_ROLES = /^(P|H[1-6]?|LBody|Caption|TOCI|BlockQuote|Note)$/
const ROW_GROUPS = new Set(['THead', 'TBody', 'TFoot'])
const CELL_ROLES = new Set(['TD', 'TH'])

const isContent = (node: StructNode): boolean => node.type === 'content' && typeof node.id === 'string'

/** The blocks under `node`, each content leaf in the nearest block element above it, or in `into`. */
function collectBlocks(node: StructNode, into: TaggedBlock | null, out: TaggedBlock[]): void {
  for (const child of node.children ?? []) {
    if (isContent(child)) {
      let block = into
      if (!block) {
        block = { role: node.role ?? 'P', ids: [] }
        out.push(block)
      }
      block.ids.push(child.id!)
      // An element holding bare content becomes one block: later leaves join it.
      into = block
      continue
    }
    if (child.type) continue
    if (BLOCK_ROLES.test(child.role ?? '')) {
      const block: TaggedBlock = { role: child.role!, ids: [] }
      out.push(block)
      collectBlocks(child, block, out)
    } else collectBlocks(child, into, out)
  }
}

function contentIds(node: StructNode, out: Set<string>): Set<string> {
  for (const child of node.children ?? []) {
    if (isContent(child)) out.add(child.id!)
    else if (!child.type) contentIds(child, out)
  }
  return out
}

/** Rows of a Table element, through THead/TBody/TFoot; null when the element is not a well-formed table. */
function rowsOf(table: StructNode): TaggedRow[] | string {
  const rows: TaggedRow[] = []
  const visit = (node: StructNode): string | null => {
    for (const child of node.children ?? []) {
      if (isContent(child)) return 'text directly under a Table element'
      if (child.type) continue
      if (ROW_GROUPS.has(child.role ?? '')) {
        const problem = visit(child)
        if (problem) return problem
        continue
      }
      if (child.role !== 'TR') {
        // A caption or a nested element before the rows carries no cell text we could place.
        if (contentIds(child, new Set()).size > 0 && child.role !== 'Caption') return `a ${child.role ?? 'untyped'} element among the rows of a Table`
        continue
      }
      const cells: TaggedCell[] = []
      for (const cell of child.children ?? []) {
        if (isContent(cell)) return 'text directly under a TR element'
        if (cell.type) continue
        if (!CELL_ROLES.has(cell.role ?? '')) {
          if (contentIds(cell, new Set()).size > 0) return `a ${cell.role ?? 'untyped'} element among the cells of a TR`
          continue
        }
        const blocks: TaggedBlock[] = []
        collectBlocks(cell, null, blocks)
        cells.push({ header: cell.role === 'TH', blocks: blocks.filter((b) => b.ids.length > 0) })
      }
      // The tree of a page lists every row of a table that runs over pages; only rows with text here count.
      if (cells.some((c) => c.blocks.length > 0)) rows.push({ cells })
    }
    return null
  }
  return visit(table) ?? rows
}

export function taggedPage(root: StructNode | null | undefined): TaggedPage {
  const page: TaggedPage = { tables: [], blocks: [], broken: null }
  if (!root) return page
  const walk = (node: StructNode): void => {
    for (const child of node.children ?? []) {
      if (isContent(child)) {
        page.blocks.push({ role: node.role ?? 'P', ids: [child.id!] })
        continue
      }
      if (child.type) continue
      if (child.role === 'Table') {
        const rows = rowsOf(child)
        if (typeof rows === 'string') page.broken ??= rows
        else if (rows.length > 0) page.tables.push({ rows, ids: contentIds(child, new Set()) })
      } else if (BLOCK_ROLES.test(child.role ?? '')) {
        const blocks: TaggedBlock[] = []
        collectBlocks({ role: child.role!, children: [child] }, null, blocks)
        page.blocks.push(...blocks.filter((b) => b.ids.length > 0))
      } else walk(child)
    }
  }
  walk(root)
  return page
}
