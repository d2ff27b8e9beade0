import type { Diagnostic } from '../../schemas/index.js'
import type { RunFile, RunSummary } from '../store/index.js'
import { diagnosticLine } from './ingest-lines.js'

/** `actionplan runs`: one line per run, newest first; `--errors N`: one line per failed file; `--warnings N`: each file with its warnings. */

export function renderRuns(runs: readonly RunSummary[]): string[] {
  return runs.map((r) => {
    const state = r.ended_at ? `${((Date.parse(r.ended_at) - Date.parse(r.started_at)) / 1000).toFixed(1)} s` : 'did not finish (killed or still running)'
    const warned = r.imported_with_warnings > 0 ? ` (${r.imported_with_warnings} imported_with_warnings: runs --warnings ${r.id})` : ''
    return `${String(r.id).padStart(4)}  ${r.started_at}  ${state}  ${r.files} files: ${r.imported} imported${warned}, ${r.skipped} skipped, ${r.failed} failed`
  })
}

export const renderRunErrors = (failed: readonly RunFile[]): string[] => failed.map((f) => `${f.code}\t${f.message}`)

/** A line per file (its status and path), its warnings indented below it. */
export const renderRunWarnings = (files: readonly (RunFile & { diagnostics: Diagnostic[] })[]): string[] =>
  files.flatMap((f) => [`${f.status}\t${f.path}`, ...f.diagnostics.map((d) => `    ${diagnosticLine(d)}`)])
