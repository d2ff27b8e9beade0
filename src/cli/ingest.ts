import type { Command } from 'commander'
import {
  describeDatabase, jsonLine, outcomeLines, positiveInt, ProgressBar, runIngest, selectFiles, shardFiles, summaryJsonLine, summaryLines, type Format,
} from '../index.js'
import { INGEST_HELP } from './ingest-help.js'
import { collect, dbOption, ocrOption, readerOption, type SetExit } from './options.js'
import { err, errLines, out } from './output.js'
import { withStore } from './with-store.js'

interface IngestFlags {
  db: string; format?: Format; password?: string; json?: boolean; verbose?: boolean; timeout: string; maxPages: string
  jobs?: string; ocr: 'auto' | 'off' | 'force'; include: string[]; exclude: string[]; name?: string; retryFailed?: boolean; shard?: string
}

async function ingest(paths: string[], o: IngestFlags, argv: readonly string[]): Promise<number> {
  const selection = selectFiles(paths, { include: o.include, exclude: o.exclude, stdinName: o.name })
  const files = shardFiles(selection.files, o.shard)
  errLines(selection.notes)
  if (o.verbose) errLines(selection.skipped.map((path) => `    ${path}`))
  const progress = new ProgressBar(files.length)
  const showProgress = progress.enabled && !o.json
  let runId: number | null = null
  const summary = await withStore(o.db, async (store) => {
    try {
      return await runIngest(files, store, {
        format: o.format, timeoutMs: positiveInt(o.timeout, '--timeout') * 1000,
        pdf: { password: o.password, maxPages: positiveInt(o.maxPages, '--max-pages'), ocr: { mode: o.ocr, progress: showProgress } },
        jobs: o.jobs === undefined ? undefined : positiveInt(o.jobs, '--jobs', 0), args: argv,
        stdinName: o.name, retryFailed: o.retryFailed,
        onRun: (id) => { runId = id },
        onStart: (path) => showProgress && progress.start(path),
        onFile: (outcome) => {
          if (o.json) out(jsonLine('file', runId, outcome))
          else for (const line of outcomeLines(outcome, o.verbose)) (showProgress ? progress.log(line) : err(line))
          if (showProgress) progress.advance(outcome.pages ?? 0)
        },
      })
    } finally {
      progress.clear()
    }
  }, { create: true })
  if (o.json) out(summaryJsonLine(summary))
  errLines(summaryLines(summary, describeDatabase(o.db)))
  // Exit 1 only for a file that failed in this run: a nightly job does not fail forever on one bad file.
  return summary.failed > 0 ? 1 : 0
}

export function addIngest(program: Command, exit: SetExit): void {
  program
    .command('ingest')
    .description('Read plans and store them in the database; files already imported (same bytes) are skipped')
    .argument('<paths...>', 'files or folders (searched recursively); - reads standard input')
    .addOption(dbOption())
    .addOption(readerOption('--format <reader>'))
    .option('--password <password>', 'password for encrypted PDFs')
    .option('--timeout <seconds>', 'time limit per file', '120')
    .option('--max-pages <n>', 'refuse a PDF with more pages than this (a hostile or mistaken file)', '500')
    .option('--jobs <n>', 'parse in this many worker threads (0: in this thread); default: the number of cores')
    .addOption(ocrOption())
    .option('--include <glob>', 'only files matching this glob (repeatable; a glob without / matches the file name)', collect, [])
    .option('--exclude <glob>', 'skip files matching this glob (repeatable)', collect, [])
    .option('--name <file>', 'the file name to record for standard input (-); its extension picks the reader as a file\'s would')
    .option('--shard <K/N>', 'only the K-th of N slices of the files (by a hash of each path): N processes or machines given the same paths and --db split the work')
    .option('--retry-failed', 'try again files that failed in an earlier run with the same bytes (skipped by default)')
    .option('--json', 'one JSON line per file on stdout, then a summary line, for logs')
    .option('--verbose', 'print warnings for each file, and the files a folder walk skipped')
    .addHelpText('after', INGEST_HELP)
    .action(async (paths: string[], options: IngestFlags) => {
      exit(await ingest(paths, options, process.argv.slice(2)))
    })
}
