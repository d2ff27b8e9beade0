import { getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { hasPdfHeader } from './sniff.js'
import { ReadError } from '../../schemas/index.js'

/**
 * Opening a PDF, and turning pdf.js's exceptions into ReadErrors a person can act on. pdf.js
 * reports failures by exception name (its classes are not all exported), so names are matched.
 */

const PASSWORD_INCORRECT = 2

export interface Opened {
  task: PDFDocumentLoadingTask
  doc: PDFDocumentProxy
}

export async function openPdf(bytes: Uint8Array, path: string, password: string | undefined): Promise<Opened> {
  if (bytes.length === 0) throw new ReadError('EMPTY_FILE', path, 'file is empty (0 bytes)', 'check the download or export finished')
  if (!hasPdfHeader(bytes)) throw new ReadError('CORRUPT', path, 'not a PDF (no %PDF- header)', 'check the file type, or name the reader with --format')
  // pdf.js transfers (detaches) the buffer it is given; the caller's bytes must survive.
  const task = getDocument({
    data: new Uint8Array(bytes),
    password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  })
  try {
    return { task, doc: await task.promise }
  } catch (error) {
    await task.destroy().catch(() => undefined)
    throw loadError(path, error, password)
  }
}

export function loadError(path: string, error: unknown, password?: string): ReadError {
  if (error instanceof ReadError) return error
  const name = (error as { name?: string } | null)?.name ?? ''
  const code = (error as { code?: number } | null)?.code
  if (name === 'PasswordException') {
    if (code === PASSWORD_INCORRECT || password)
      return new ReadError('ENCRYPTED', path, 'encrypted PDF; the password given is wrong', 'pass the right one with --password', { cause: error })
    return new ReadError('ENCRYPTED', path, 'encrypted PDF', 'pass --password', { cause: error })
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException' || name === 'MissingPDFException')
    return new ReadError('CORRUPT', path, 'corrupt or truncated PDF', 'download or export the file again', { cause: error })
  return new ReadError('CORRUPT', path, `corrupt or truncated PDF (${error instanceof Error ? error.message : String(error)})`, 'download or export the file again', {
    cause: error,
  })
}
