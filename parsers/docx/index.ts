import { ReadError, type Block, type Diagnostic, type SourceDocument } from '../../schemas/index.js'
import type { Reader } from '../reader.js'
import { readBlocks } from './body.js'
import { newContext, type DocxContext } from './context.js'
import { isOle, oleKind } from './ole.js'
import { decodeXml, findParts } from './package.js'
import { fold } from '../shared/styled-text.js'
import { readStyles } from './styles.js'
import { elements, local, textOf } from './wml.js'
import { parseXml, type XNode } from '../shared/xml-node.js'
import { openZip, ZipError, type Zip } from './zip.js'

/**
 * Word .docx/.docm. The XML of word/document.xml is walked directly, because the table grid
 * (spans, vertical merges, shading, header rows) is exactly what an HTML conversion loses.
 * Headers, footers, comments and footnotes are separate parts and are not read.
 */

const isZip = (head: Uint8Array): boolean => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04

const RESAVE = 'open it in Word and save it again as .docx'

function zipFailure(error: unknown, path: string): unknown {
  if (!(error instanceof ZipError)) return error
  switch (error.problem) {
    case 'NOT_ZIP':
      return new ReadError('CORRUPT', path, 'not a Word file (not a zip archive)', 'check the download finished and the file really is .docx', { cause: error })
    case 'TOO_LARGE':
      return new ReadError('TOO_LARGE', path, `Word file unpacks too large (${error.message}; zip bomb?)`, 'refusing to unpack it; check where the file came from', { cause: error })
    case 'ENCRYPTED':
      return new ReadError('ENCRYPTED', path, 'password-protected Word file (encrypted zip entries)', 'remove the password in Word and save again', { cause: error })
    default:
      return new ReadError('CORRUPT', path, `damaged Word file (${error.message})`, RESAVE, { cause: error })
  }
}

function open(bytes: Uint8Array, path: string): Zip {
  try {
    return openZip(bytes)
  } catch (error) {
    throw zipFailure(error, path)
  }
}

/** An entry's bytes; a damaged or oversized entry fails the same way as a damaged archive. */
function part(zip: Zip, name: string, path: string): Uint8Array | null {
  try {
    return zip.read(name)
  } catch (error) {
    throw zipFailure(error, path)
  }
}

function refuseOle(bytes: Uint8Array, path: string): never {
  if (oleKind(bytes) === 'encrypted') {
    throw new ReadError('ENCRYPTED', path, 'password-protected Word file', 'remove the password in Word and save again')
  }
  throw new ReadError('UNSUPPORTED_FORMAT', path, 'legacy Word .doc file (not .docx)', 'open it in Word and save it as .docx')
}

function missingDocument(zip: Zip, path: string): never {
  if (zip.has('xl/workbook.xml')) throw new ReadError('UNSUPPORTED_FORMAT', path, 'an Excel workbook, not a Word file', 'save the table as .csv or paste it as text')
  if (zip.has('ppt/presentation.xml')) throw new ReadError('UNSUPPORTED_FORMAT', path, 'a PowerPoint file, not a Word file', 'export it as PDF')
  throw new ReadError('CORRUPT', path, 'not a Word file (zip archive without word/document.xml)', RESAVE)
}

function titleOf(core: Uint8Array | null): string | null {
  if (!core) return null
  const find = (node: XNode): XNode | undefined => (local(node) === 'title' ? node : elements(node).map(find).find(Boolean))
  const title = find(parseXml(decodeXml(core)))
  return title ? fold(textOf(title)) || null : null
}

function diagnosticsOf(ctx: DocxContext): Diagnostic[] {
  const out: Diagnostic[] = []
  const { insertions, deletions, hiddenMergedText, altChunks } = ctx.counts
  if (insertions + deletions > 0) {
    out.push({ level: 'info', code: 'TRACKED_CHANGES', message: `tracked changes read as accepted: ${insertions} insertion(s) kept, ${deletions} deletion(s) dropped`, page: null })
  }
  if (hiddenMergedText > 0) {
    out.push({ level: 'warning', code: 'MERGED_CELL_TEXT', message: `${hiddenMergedText} vertically merged cell(s) hold text Word does not show; it was dropped`, page: null })
  }
  if (altChunks > 0) out.push({ level: 'warning', code: 'EMBEDDED_DOCUMENT', message: `${altChunks} embedded document chunk(s) (w:altChunk) not read`, page: null })
  return out
}

const hasText = (blocks: readonly Block[]): boolean =>
  blocks.some((b) => (b.kind === 'paragraph' ? b.text !== '' : b.rows.some((r) => r.cells.some((c) => c.text !== ''))))

export const docxReader: Reader = {
  format: 'docx',
  extensions: ['.docx', '.docm'],
  sniff: (head) => isZip(head) || isOle(head),
  async read({ bytes, path }) {
    if (bytes.length === 0) throw new ReadError('EMPTY_FILE', path, 'file is empty (0 bytes)', 'check the download or export finished')
    if (isOle(bytes)) refuseOle(bytes, path)
    if (!isZip(bytes)) throw new ReadError('CORRUPT', path, 'not a Word file (not a zip archive)', 'check the download finished and the file really is .docx')
    const zip = open(bytes, path)
    const parts = findParts(zip)
    const main = part(zip, parts.document, path) ?? missingDocument(zip, path)
    const stylesBytes = part(zip, parts.styles, path)
    const styles = readStyles(stylesBytes ? parseXml(decodeXml(stylesBytes)) : undefined)
    const root = parseXml(decodeXml(main))
    const body = elements(elements(root).find((e) => local(e) === 'document')).find((e) => local(e) === 'body')
    if (!body) throw new ReadError('CORRUPT', path, `damaged Word file (${parts.document} has no w:body)`, RESAVE)
    const ctx = newContext(styles)
    const blocks = readBlocks(body, ctx)
    if (!hasText(blocks)) {
      if (ctx.counts.drawings > 0) throw new ReadError('IMAGE_ONLY', path, 'Word file holds only pictures, no text', 'find the original document or a text version of the plan')
      throw new ReadError('EMPTY_FILE', path, 'Word file holds no text', 'check it is the right file')
    }
    const document: SourceDocument = { format: 'docx', pages: null, title: titleOf(part(zip, parts.core, path)), blocks }
    return { document, diagnostics: diagnosticsOf(ctx) }
  },
}
