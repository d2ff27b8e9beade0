/**
 * The library API: everything the CLI does, as functions. The CLI (src/cli.ts) is a thin shell
 * over these.
 */
export * from '../schemas/index.js'
export { detectReader, READERS, SUPPORTED } from '../parsers/index.js'
export type { Reader, ReadInput, ReadResult } from '../parsers/index.js'
export { assembleTables } from './assemble/index.js'
export { interpretPlan, type Interpretation, type SourceInfo } from './interpret/index.js'
export { expandPaths, interpretFile, readDocument, readPlan, sha256Of, type ReadOptions } from './ingest.js'
export { ingestFile, runIngest, type FileOutcome, type IngestOptions, type IngestSummary } from './batch/run-ingest.js'
export { selectPaths } from './batch/glob.js'
export { openStore, type Store } from './store/index.js'
export { writeCsv } from './export/csv.js'
export { writeJson } from './export/json.js'
export { renderPlanTree } from './export/tree.js'
export { tablesOf } from './tables.js'
