/**
 * Builds the spreadsheet fixtures: trackers of three designed plans written with exceljs, one as
 * Excel's CSV export, and bad workbooks.
 *
 *   npx tsx scripts/make-tracker-fixtures.ts
 *
 * fixtures/xlsx/banes        one row per action, recommendation repeated (filled down by formulas), RAG letters
 * fixtures/xlsx/wakefield    recommendation merged down, RAG only as fill, a Key sheet, hidden sheet/row/column
 * fixtures/xlsx/bournemouth-poole  one sheet per priority under a title block
 * fixtures/csv/banes         the B&NES tracker saved as "CSV (Comma delimited)": windows-1252, CRLF,
 *                            quoted fields with line breaks
 * fixtures/bad/{encrypted,truncated,bomb,no-table}.xlsx
 *
 * Each tracker has the content of the Word fixture of the same name (scripts/fixtures/designed), so
 * test/cross-format.test.ts checks that both give the same records. Needs nothing but node_modules.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import { writeToString } from 'fast-csv'
import { ROOT } from './fixtures/seeds.js'
import { banesTracker } from './fixtures/trackers/banes.js'
import { bombWorkbook, encryptedWorkbook, noTableWorkbook, truncatedWorkbook } from './fixtures/trackers/bad-workbooks.js'
import { bournemouthPooleTracker } from './fixtures/trackers/bournemouth-poole.js'
import { wakefieldTracker } from './fixtures/trackers/wakefield.js'

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/** Text as windows-1252 bytes, as Excel on Windows saves "CSV (Comma delimited)". */
export function toCp1252(text: string): Buffer {
  return Buffer.from([...text].map((ch) => {
    const code = ch.codePointAt(0)!
    const high = CP1252_HIGH.indexOf(ch)
    if (high >= 0) return 0x80 + high
    if (code < 0x100) return code
    throw new Error(`${ch} has no windows-1252 byte`)
  }))
}

async function save(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function write(path: string, bytes: Buffer | string): void {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, bytes)
  process.stderr.write(`${path.slice(ROOT.length + 1)}: ${bytes.length} bytes\n`)
}

async function main(): Promise<void> {
  const fixtures = join(ROOT, 'fixtures')
  const banes = banesTracker()
  const banesBytes = await save(banes.workbook)
  write(join(fixtures, 'xlsx', 'banes', 'input.xlsx'), banesBytes)
  // Excel quotes a field only when it must (a comma, a quote or a line break in it) and ends rows with CRLF.
  const csv = await writeToString(banes.csvRows, { rowDelimiter: '\r\n', includeEndRowDelimiter: true })
  write(join(fixtures, 'csv', 'banes', 'input.csv'), toCp1252(csv))
  write(join(fixtures, 'xlsx', 'wakefield', 'input.xlsx'), await save(wakefieldTracker()))
  write(join(fixtures, 'xlsx', 'bournemouth-poole', 'input.xlsx'), await save(bournemouthPooleTracker()))
  write(join(fixtures, 'bad', 'encrypted.xlsx'), encryptedWorkbook())
  write(join(fixtures, 'bad', 'truncated.xlsx'), truncatedWorkbook(banesBytes))
  write(join(fixtures, 'bad', 'bomb.xlsx'), await bombWorkbook())
  write(join(fixtures, 'bad', 'no-table.xlsx'), await save(noTableWorkbook()))
}

if (process.argv[1]?.endsWith('make-tracker-fixtures.ts')) await main()
