import type { Diagnostic } from '../../schemas/index.js'
import { KNOWN_FAILURE, type FileOutcome, type IngestSummary } from '../batch/run-ingest.js'

/** What `actionplan ingest` says: a line per file on stderr (or a JSON line with --json), then the summary. */

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

export const diagnosticLine = (d: Diagnostic): string => `${d.level}: ${d.code}: ${d.message}${d.page ? ` (page ${d.page})` : ''}`

export function describeOutcome(outcome: FileOutcome): string {
  if (outcome.status === 'failed') return `✗ ${outcome.message}`
  if (outcome.status === 'skipped') return `- ${outcome.path}: ${outcome.code === KNOWN_FAILURE ? '' : 'skipped, '}${outcome.message}`
  const coverage = outcome.coverage !== null && outcome.coverage < 1 ? `, ${(outcome.coverage * 100).toFixed(1)}% of cells mapped (the rest is in extra)` : ''
  const revision = outcome.revision && outcome.revision > 1 ? `, revision ${outcome.revision}` : ''
  const converted = outcome.diagnostics.find((d) => d.code === 'CONVERTED')
  if (converted) return `✓ ${outcome.path}: ${count(outcome.recommendations, 'recommendation')}, ${count(outcome.actions, 'action')}${coverage}${revision} (${converted.message})`
  return `✓ ${outcome.path}: ${count(outcome.recommendations, 'recommendation')}, ${count(outcome.actions, 'action')}${coverage}${revision}${outcome.message ? `; ${outcome.message}` : ''}`
}

/** A file's line, and with --verbose its warnings indented below it. */
export const outcomeLines = (outcome: FileOutcome, verbose: boolean | undefined): string[] => [describeOutcome(outcome), ...(verbose ? outcome.diagnostics.map((d) => `    ${diagnosticLine(d)}`) : [])]

/** A --json line: what happened, when, in which run. */
export const jsonLine = (type: string, runId: number | null, fields: object): string => JSON.stringify({ type, time: new Date().toISOString(), run: runId, ...fields })

/** The --json summary line of a run. */
export function summaryJsonLine(summary: IngestSummary): string {
  const { imported, skipped, failed, knownFailures, pages } = summary
  return jsonLine('summary', summary.runId, { imported, skipped, failed, known_failures: knownFailures, seconds: summary.ms / 1000, pages })
}

/** The closing lines on stderr: the counts, and how to go on when some file failed. */
export function summaryLines(summary: IngestSummary, db: string): string[] {
  const known = summary.knownFailures > 0 ? `; ${count(summary.knownFailures, 'known failure')} skipped (--retry-failed tries again)` : ''
  const lines = [`${summary.imported} imported, ${summary.skipped} skipped, ${summary.failed} failed in ${(summary.ms / 1000).toFixed(1)} s (${summary.pages} pages) → ${db}, run ${summary.runId}${known}`]
  if (summary.failed > 0) lines.push(`Fix the failed files and run the same command again: files already imported are skipped, and so are failed files whose bytes and reading flags are unchanged (--retry-failed tries them anyway). \`actionplan runs --errors ${summary.runId}\` lists them.`)
  return lines
}
