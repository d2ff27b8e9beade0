import { ReadError } from '../../schemas/index.js'
import { isOle, oleKind } from '../docx/ole.js'
import { decodeXml } from '../docx/package.js'
import { openZip, ZipError, type Zip } from '../docx/zip.js'

/**
 * Checks a workbook's bytes before exceljs sees them: an OLE container (a password-protected
 * .xlsx or a legacy .xls), a damaged zip, or a zip bomb each fail here with their own message.
 * Every entry is inflated once through the project's capped zip reader, so that a lying size in
 * the directory cannot make exceljs (which trusts it) inflate gigabytes.
 */

export const isZip = (head: Uint8Array): boolean => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04

/**
 * True when the bytes are a zip holding the workbook part. Entry names are stored uncompressed (in
 * the local headers and the central directory), so a byte search finds it even in an archive whose
 * sizes the zip reader would refuse: a zip bomb named as a workbook is refused as one.
 */
export function isWorkbookZip(bytes: Uint8Array): boolean {
  return isZip(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('xl/workbook.xml')
}

const RESAVE = 'open it in Excel or LibreOffice and save it again as .xlsx'

function zipFailure(error: unknown, path: string): unknown {
  if (!(error instanceof ZipError)) return error
  switch (error.problem) {
    case 'NOT_ZIP':
      return new ReadError('CORRUPT', path, 'not an Excel workbook (not a zip archive)', 'check the download finished and the file really is .xlsx', { cause: error })
    case 'TOO_LARGE':
      return new ReadError('TOO_LARGE', path, `Excel workbook unpacks too large (${error.message}; zip bomb?)`, 'refusing to unpack it; check where the file came from', { cause: error })
    case 'ENCRYPTED':
      return new ReadError('ENCRYPTED', path, 'password-protected Excel workbook (encrypted zip entries)', 'remove the password in Excel and save again', { cause: error })
    default:
      return new ReadError('CORRUPT', path, `damaged Excel workbook (${error.message})`, RESAVE, { cause: error })
  }
}

function refuseOle(bytes: Uint8Array, path: string): never {
  if (oleKind(bytes) === 'encrypted') {
    throw new ReadError('ENCRYPTED', path, 'password-protected Excel workbook', 'remove the password in Excel (File › Info › Protect Workbook) and save again')
  }
  throw new ReadError('UNSUPPORTED_FORMAT', path, 'legacy Excel .xls workbook (not .xlsx)', 'open it in Excel and save it as .xlsx, or install LibreOffice to have it converted')
}

export interface CheckedWorkbook {
  theme: string | null
  styles: string | null
}

/** Throws ReadError for anything exceljs should not be handed; returns the parts read for colours. */
export function checkWorkbookBytes(bytes: Uint8Array, path: string): CheckedWorkbook {
  if (bytes.length === 0) throw new ReadError('EMPTY_FILE', path, 'file is empty (0 bytes)', 'check the download or export finished')
  if (isOle(bytes)) refuseOle(bytes, path)
  if (!isZip(bytes)) throw new ReadError('CORRUPT', path, 'not an Excel workbook (not a zip archive)', 'check the download finished and the file really is .xlsx')
  let zip: Zip
  const parts = new Map<string, Uint8Array>()
  try {
    zip = openZip(bytes)
    for (const name of zip.names()) {
      const data = zip.read(name)
      if (data && /^xl\/(?:theme\/theme1|styles)\.xml$/i.test(name)) parts.set(name.toLowerCase(), data)
    }
  } catch (error) {
    throw zipFailure(error, path)
  }
  if (!zip.has('xl/workbook.xml')) {
    if (zip.has('word/document.xml')) throw new ReadError('UNSUPPORTED_FORMAT', path, 'a Word file, not an Excel workbook', 'name it .docx')
    throw new ReadError('CORRUPT', path, 'not an Excel workbook (zip archive without xl/workbook.xml)', RESAVE)
  }
  const text = (name: string): string | null => {
    const data = parts.get(name)
    return data ? decodeXml(data) : null
  }
  return { theme: text('xl/theme/theme1.xml'), styles: text('xl/styles.xml') }
}
