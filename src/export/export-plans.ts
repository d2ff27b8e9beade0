import { createWriteStream } from 'node:fs'
import type { Plan } from '../../schemas/index.js'
import { writeCsv, type Level } from './csv.js'
import { writeJson } from './json.js'

export interface ExportOptions {
  format: 'csv' | 'json'
  /** CSV only: one row per action, recommendation or milestone. */
  level?: Level
  /** CSV only: start with a UTF-8 byte order mark. */
  bom?: boolean
}

/** Writes the plans as CSV at one level, or as the nested JSON contract, to a stream. */
export function exportPlans(plans: Iterable<Plan> | AsyncIterable<Plan>, stream: NodeJS.WritableStream, options: ExportOptions): Promise<void> {
  return options.format === 'json' ? writeJson(plans, stream) : writeCsv(plans, stream, options.level ?? 'actions', { bom: options.bom })
}

/** Writes the plans to a file, resolving once the file is closed (so a full disk is an error, not a short file). */
export async function exportPlansToFile(plans: Iterable<Plan> | AsyncIterable<Plan>, path: string, options: ExportOptions): Promise<void> {
  const file = createWriteStream(path)
  await exportPlans(plans, file, options)
  await new Promise<void>((resolve, reject) => {
    file.on('error', reject)
    file.end(() => resolve())
  })
}
