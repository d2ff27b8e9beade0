import type { Styles } from './styles.js'

/** State shared by one walk over word/document.xml. */
export interface DocxContext {
  styles: Styles
  /** Index the next table will get: tables are numbered in the order their start tags appear. */
  tables: number
  counts: {
    drawings: number
    insertions: number
    deletions: number
    /** Text in vertically merged continuation cells, which Word does not show. */
    hiddenMergedText: number
    altChunks: number
  }
}

export function newContext(styles: Styles): DocxContext {
  return { styles, tables: 0, counts: { drawings: 0, insertions: 0, deletions: 0, hiddenMergedText: 0, altChunks: 0 } }
}
