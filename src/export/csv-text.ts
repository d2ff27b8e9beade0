import { writeToString } from 'fast-csv'
import { guardFormula } from './csv.js'

/**
 * A small CSV (tables, compare) as one string, written by fast-csv: RFC 4180 quoting, CRLF between
 * rows and none after the last (the caller ends the output with a newline), every field guarded
 * against formulas. Null and undefined are empty fields.
 */
export function csvText(headers: readonly string[], rows: readonly (readonly unknown[])[]): Promise<string> {
  const fields = rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : guardFormula(String(v)))))
  return writeToString([[...headers], ...fields], { rowDelimiter: '\r\n', includeEndRowDelimiter: false })
}
