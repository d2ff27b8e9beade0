import type { RunFile, RunSummary } from '../store/index.js'

/** `actionplan runs`: one line per run, newest first; `--errors N`: one line per failed file. */

export function renderRuns(runs: readonly RunSummary[]): string[] {
  return runs.map((r) => {
    const state = r.ended_at ? `${((Date.parse(r.ended_at) - Date.parse(r.started_at)) / 1000).toFixed(1)} s` : 'did not finish (killed or still running)'
    return `${String(r.id).padStart(4)}  ${r.started_at}  ${state}  ${r.files} files: ${r.imported} imported, ${r.skipped} skipped, ${r.failed} failed`
  })
}

export const renderRunErrors = (failed: readonly RunFile[]): string[] => failed.map((f) => `${f.code}\t${f.message}`)
