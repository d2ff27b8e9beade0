import type { Block } from '../../schemas/index.js'
import type { DocxContext } from './context.js'
import { readParagraph } from './runs.js'
import { allBold, lineText } from '../shared/styled-text.js'
import { readTable } from './table.js'
import { child, elements, local } from './wml.js'
import type { XNode } from '../shared/xml-node.js'

/** The blocks of w:body (or of a text box) in reading order. */
export function readBlocks(container: XNode | undefined, ctx: DocxContext): Block[] {
  const blocks: Block[] = []
  for (const el of elements(container)) {
    switch (local(el)) {
      case 'p': {
        const info = readParagraph(el, ctx)
        for (const line of info.lines) {
          const text = lineText(line)
          if (text) blocks.push({ kind: 'paragraph', text, bold: allBold([line]), heading: info.heading, listItem: info.listItem, provenance: { page: null, bbox: null } })
        }
        for (const box of info.boxes) blocks.push(...readBlocks(box, ctx))
        break
      }
      case 'tbl':
        blocks.push(...readTable(el, ctx).blocks)
        break
      case 'sdt':
        blocks.push(...readBlocks(child(el, 'sdtContent'), ctx))
        break
      case 'customXml':
        blocks.push(...readBlocks(el, ctx))
        break
      case 'AlternateContent':
        blocks.push(...readBlocks(elements(el)[0], ctx))
        break
      case 'altChunk':
        ctx.counts.altChunks += 1
        break
    }
  }
  return blocks
}
