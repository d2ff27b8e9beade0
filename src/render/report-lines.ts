import type { WrittenReport } from '../report/write-report.js'

/** What `actionplan report` says on stderr: each warning, then what was written and how to open it. */
export function reportLines(written: WrittenReport, out: string): string[] {
  const { files, warnings } = written
  return [...warnings.map((w) => `warning: ${w}`), `wrote ${out}${files.length > 1 ? ` and ${files.length - 1} Word source(s) as HTML beside it` : ''}; open it in a browser (it works offline)`]
}
