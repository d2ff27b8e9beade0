import { isRtf, oleHasStream, openDocumentType } from './containers.js'
import type { Recognition } from './reader.js'

/**
 * Formats no reader reads but LibreOffice converts, when it is installed, to one a reader does;
 * without it, refused with what to do. The product never needs LibreOffice.
 */
export interface LegacyFormat extends Recognition {
  /** What the file is, in a refusal. */
  problem: string
  /** What to do instead, in a refusal. */
  hint: string
  /** The format LibreOffice converts it to. */
  convertTo: 'docx' | 'xlsx'
}

const CONVERT = 'or install LibreOffice to have it converted'

export const LEGACY_FORMATS: readonly LegacyFormat[] = [
  {
    extensions: ['.doc'], containers: ['ole'], convertTo: 'docx', signature: (b) => oleHasStream(b, 'WordDocument'),
    problem: 'legacy Word .doc file (not .docx)', hint: `open it in Word and save it as .docx, ${CONVERT}`,
  },
  {
    // "Workbook" since Excel 97; "Book" in Excel 5 and 95 files.
    extensions: ['.xls'], containers: ['ole'], convertTo: 'xlsx', signature: (b) => oleHasStream(b, 'Workbook') || oleHasStream(b, 'Book'),
    problem: 'legacy Excel .xls workbook (not .xlsx)', hint: `open it in Excel and save it as .xlsx, ${CONVERT}`,
  },
  {
    extensions: ['.odt'], containers: ['zip'], convertTo: 'docx', signature: (b) => openDocumentType(b) === 'text',
    problem: 'OpenDocument .odt is not supported', hint: `save it as .docx, ${CONVERT}`,
  },
  {
    extensions: ['.ods'], containers: ['zip'], convertTo: 'xlsx', signature: (b) => openDocumentType(b) === 'spreadsheet',
    problem: 'OpenDocument spreadsheet .ods is not supported', hint: `save it as .xlsx, ${CONVERT}`,
  },
  { extensions: ['.rtf'], convertTo: 'docx', signature: isRtf, problem: 'RTF is not supported', hint: `save it as .docx, ${CONVERT}` },
]
