import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import { banesTracker } from '../fixtures/trackers/banes.js'
import { bournemouthPooleTracker } from '../fixtures/trackers/bournemouth-poole.js'
import { wakefieldTracker } from '../fixtures/trackers/wakefield.js'

/**
 * A generated folder of spreadsheet trackers for the batch benchmark: the three tracker layouts of
 * the fixtures (one row per action; merged down with a Key sheet; a sheet per priority) in turn,
 * each file's title numbered so that every file is new to the store. Deterministic content.
 */
const LAYOUTS: (() => ExcelJS.Workbook)[] = [() => banesTracker().workbook, wakefieldTracker, bournemouthPooleTracker]

export async function generateTrackers(dir: string, count: number): Promise<string[]> {
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  for (let i = 0; i < count; i += 1) {
    const workbook = LAYOUTS[i % LAYOUTS.length]!()
    const title = workbook.worksheets[0]!.getCell('A1')
    title.value = `${String(title.value)} (${i + 1})`
    const path = join(dir, `tracker-${String(i + 1).padStart(4, '0')}.xlsx`)
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()))
    files.push(path)
  }
  return files
}
