import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join, relative, resolve } from 'node:path'
import type { Plan } from '../../schemas/index.js'
import { renderReport } from './render-report.js'
import { wordRendition } from './word-rendition.js'

export interface WrittenReport {
  /** The report and every rendition written, in that order. */
  files: string[]
  /** Word sources that got no rendition, and why (their rows link to the .docx instead). */
  warnings: string[]
}

const link = (from: string, to: string): string => encodeURI(relative(dirname(resolve(from)), resolve(to)).split('\\').join('/'))

/**
 * Writes the report and, beside it in `<report name>-sources/`, an HTML rendition of each Word
 * source (word-rendition.ts), so that every record links to a page a browser opens. A rendition is
 * made only from the very bytes that were ingested (same SHA-256): rows of a file edited since
 * would not be the rows the records cite.
 */
export async function writeReport(plans: Iterable<Plan>, options: { asOf: string; reportPath: string }): Promise<WrittenReport> {
  const all = [...plans]
  const folder = join(dirname(options.reportPath), `${basename(options.reportPath, extname(options.reportPath))}-sources`)
  const renditions = new Map<string, string>()
  const files: string[] = []
  const warnings: string[] = []
  for (const plan of all) {
    const { path, sha256, format } = plan.source
    if (format !== 'docx' || path === '-' || renditions.has(sha256)) continue
    if (!existsSync(path)) {
      warnings.push(`${path}: not found, so no HTML copy of it; its rows link to the Word file`)
      continue
    }
    const bytes = readFileSync(path)
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      warnings.push(`${path}: changed since it was ingested, so no HTML copy of it; its rows link to the Word file`)
      continue
    }
    const target = join(folder, `${basename(path, extname(path))}-${sha256.slice(0, 8)}.html`)
    try {
      const { html } = await wordRendition(bytes, { original: link(target, path), name: path })
      mkdirSync(folder, { recursive: true })
      writeFileSync(target, html)
      renditions.set(sha256, target)
      files.push(target)
    } catch (error) {
      warnings.push(`${path}: could not be shown as HTML (${(error as Error).message}); its rows link to the Word file`)
    }
  }
  writeFileSync(options.reportPath, renderReport(all, { ...options, renditions }))
  return { files: [options.reportPath, ...files], warnings }
}
