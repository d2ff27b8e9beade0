import { format } from 'fast-csv'
import type { Plan } from '../../schemas/index.js'
import { csvHeaders, csvRows, REF_COLUMNS, type Level } from './csv-rows.js'

/**
 * A cell that starts with = + - @ (or a tab or carriage return) runs as a formula when a
 * spreadsheet opens the CSV (OWASP "CSV injection"). A leading apostrophe makes it text; the
 * apostrophe is shown, which is the price of safety and is what OWASP recommends.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** One CSV field for small hand-written CSVs (tables, compare): guarded, and quoted when it must be. */
export function csvCell(value: string): string {
  const safe = guardFormula(value)
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read the file as UTF-8 (it guesses the legacy code page otherwise). */
  bom?: boolean
}

/**
 * Streams the CSV of the plans at one level: RFC 4180, CRLF line ends, a header row always. Ref
 * columns are always quoted (REF_COLUMNS), so a spreadsheet told to keep quoted fields as text keeps
 * "1.10" from becoming the number 1.1.
 */
export async function writeCsv(plans: Iterable<Plan> | AsyncIterable<Plan>, stream: NodeJS.WritableStream, level: Level = 'actions', options: CsvOptions = {}): Promise<void> {
  const headers = csvHeaders(level)
  const quoted = new Set<string>(REF_COLUMNS)
  const csv = format<Record<string, unknown>, Record<string, string>>({
    headers,
    writeBOM: options.bom ?? false,
    quoteColumns: Object.fromEntries(headers.map((h) => [h, quoted.has(h)])),
    quoteHeaders: false,
    alwaysWriteHeaders: true,
    rowDelimiter: '\r\n',
    includeEndRowDelimiter: true,
    transform: (row: Record<string, unknown>) =>
      Object.fromEntries(headers.map((h) => [h, row[h] === null || row[h] === undefined ? '' : guardFormula(String(row[h]))])),
  })
  const done = new Promise<void>((resolve, reject) => {
    csv.on('end', resolve)
    csv.on('error', reject)
  })
  csv.on('data', (chunk: Buffer) => {
    if (!stream.write(chunk)) {
      csv.pause()
      stream.once('drain', () => csv.resume())
    }
  })
  for await (const plan of plans) {
    for (const row of csvRows(plan, level)) {
      if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve))
    }
  }
  csv.end()
  await done
}

export { LEVELS, type Level } from './csv-rows.js'
