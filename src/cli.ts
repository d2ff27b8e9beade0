import { Command, CommanderError, Option } from 'commander'
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { FORMATS, toReadError, type Diagnostic, type Format } from '../schemas/index.js'
import { SUPPORTED } from '../parsers/index.js'
import { writeCsv } from './export/csv.js'
import { writeJson } from './export/json.js'
import { renderPlanTree } from './export/tree.js'
import { renderExplanation } from './explain.js'
import { planHistory, renderHistory } from './history.js'
import { renderReport } from './report/render-report.js'
import { comparePlans, GROUPINGS, renderCompareTable, type CompareRow, type Grouping } from './compare.js'
import { TAXONOMY } from './themes/taxonomy.js'
import { csvCell } from './export/csv.js'
import { expandPaths, interpretFile, readDocument } from './ingest.js'
import { selectPaths } from './batch/glob.js'
import { ProgressBar } from './batch/progress.js'
import { runIngest, type FileOutcome } from './batch/run-ingest.js'
import { openStore } from './store/index.js'
import { renderTablesCsv, tablesOf } from './tables.js'

/**
 * The command line: a thin shell over the library. Data goes to stdout, messages and progress to
 * stderr. Exit codes: 0 all good, 1 some files failed, 2 usage error.
 */

const DEFAULT_DB = process.env.ACTIONPLAN_DB ?? 'actionplans.sqlite'

class UsageError extends Error {}

function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
}
function err(text: string): void {
  process.stderr.write(`${text}\n`)
}

const dbOption = (): Option => new Option('--db <file>', 'SQLite database file').default(DEFAULT_DB)

function openExisting(path: string): ReturnType<typeof openStore> {
  if (!existsSync(path)) throw new UsageError(`${path}: no such database; run \`actionplan ingest <files>\` first, or pass --db`)
  return openStore(path)
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

function describe(outcome: FileOutcome): string {
  if (outcome.status === 'failed') return `✗ ${outcome.message}`
  if (outcome.status === 'skipped') return `- ${outcome.path}: skipped, ${outcome.message}`
  const coverage = outcome.coverage !== null && outcome.coverage < 1 ? `, ${(outcome.coverage * 100).toFixed(1)}% of cells mapped (the rest is in extra)` : ''
  const revision = outcome.revision && outcome.revision > 1 ? `, revision ${outcome.revision}` : ''
  const converted = outcome.diagnostics.find((d) => d.code === 'CONVERTED')
  if (converted) return `✓ ${outcome.path}: ${count(outcome.recommendations, 'recommendation')}, ${count(outcome.actions, 'action')}${coverage}${revision} (${converted.message})`
  return `✓ ${outcome.path}: ${count(outcome.recommendations, 'recommendation')}, ${count(outcome.actions, 'action')}${coverage}${revision}`
}

interface IngestCliOptions {
  db: string
  format?: Format
  password?: string
  json?: boolean
  verbose?: boolean
  timeout: string
  maxPages: string
  jobs?: string
  include: string[]
  exclude: string[]
}

const positiveInt = (value: string, flag: string, min = 1): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, not "${value}"`)
  return n
}

async function ingest(paths: string[], options: IngestCliOptions, argv: readonly string[]): Promise<number> {
  const missing = paths.filter((p) => p !== '-' && !existsSync(p))
  const files = selectPaths(expandPaths(paths.filter((p) => !missing.includes(p))), options.include, options.exclude)
  // A path that does not exist is a failed file, not a usage error: the rest of the batch still runs.
  files.push(...missing)
  if (files.length === 0) throw new UsageError(`no supported files in ${paths.join(', ')}${options.include.length + options.exclude.length > 0 ? ' after --include/--exclude' : ''}; supported types are ${SUPPORTED}`)
  const store = openStore(options.db)
  const progress = new ProgressBar(files.length)
  const showProgress = progress.enabled && !options.json
  let summary
  try {
    summary = await runIngest(files, store, {
      format: options.format, password: options.password, timeoutMs: positiveInt(options.timeout, '--timeout') * 1000,
      maxPages: positiveInt(options.maxPages, '--max-pages'), jobs: options.jobs === undefined ? undefined : positiveInt(options.jobs, '--jobs', 0), args: argv,
      onStart: (path) => showProgress && progress.start(path),
      onFile: (outcome) => {
        if (options.json) out(JSON.stringify(outcome))
        else {
          const lines = [describe(outcome), ...(options.verbose ? outcome.diagnostics.map((d) => `    ${diagnosticLine(d)}`) : [])]
          for (const line of lines) (showProgress ? progress.log(line) : err(line))
        }
        if (showProgress) progress.advance(outcome.pages ?? 0)
      },
    })
  } finally {
    progress.clear()
    store.close()
  }
  const seconds = summary.ms / 1000
  err(`${summary.imported} imported, ${summary.skipped} skipped, ${summary.failed} failed in ${seconds.toFixed(1)} s (${summary.pages} pages) → ${options.db}, run ${summary.runId}`)
  if (summary.failed > 0) err(`Fix or remove the failed files and run the same command again: files already imported are skipped. \`actionplan runs --errors ${summary.runId}\` lists them.`)
  return summary.failed > 0 ? 1 : 0
}

function runs(options: { db: string; json?: boolean; errors?: string; limit: string }): number {
  const store = openExisting(options.db)
  try {
    if (options.errors !== undefined) {
      const failed = store.runs.errors(positiveInt(options.errors, '--errors'))
      if (options.json) out(JSON.stringify(failed, null, 2))
      else for (const f of failed) out(`${f.code}\t${f.message}`)
      return 0
    }
    const list = store.runs.list(positiveInt(options.limit, '--limit'))
    if (options.json) {
      out(JSON.stringify(list, null, 2))
      return 0
    }
    if (list.length === 0) err('no runs yet; run `actionplan ingest <files>`')
    for (const r of list) {
      const state = r.ended_at ? `${((Date.parse(r.ended_at) - Date.parse(r.started_at)) / 1000).toFixed(1)} s` : 'did not finish (killed or still running)'
      out(`${String(r.id).padStart(4)}  ${r.started_at}  ${state}  ${r.files} files: ${r.imported} imported, ${r.skipped} skipped, ${r.failed} failed`)
    }
  } finally {
    store.close()
  }
  return 0
}

interface ExportCliOptions {
  db: string
  format: string
  level: string
  authority?: string
  status?: string
  theme?: string
  dueBefore?: string
  dueAfter?: string
  overdue?: boolean
  asOf?: string
  allRevisions?: boolean
  out?: string
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
function isoDate(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !ISO_DATE.test(value)) throw new UsageError(`${flag} takes a date as YYYY-MM-DD, not "${value}"`)
  return value
}
const today = (): string => new Date().toISOString().slice(0, 10)

function checkTheme(theme: string | undefined): string | undefined {
  if (theme !== undefined && !TAXONOMY.some((t) => t.id === theme)) throw new UsageError(`unknown theme "${theme}"; themes are ${TAXONOMY.map((t) => t.id).join(', ')}`)
  return theme
}

async function exportCommand(options: ExportCliOptions): Promise<number> {
  const filter = {
    authority: options.authority, status: options.status, theme: checkTheme(options.theme), dueBefore: isoDate(options.dueBefore, '--due-before'),
    dueAfter: isoDate(options.dueAfter, '--due-after'), overdueAsOf: options.overdue ? (isoDate(options.asOf, '--as-of') ?? today()) : undefined,
    allRevisions: options.allRevisions,
  }
  const store = openExisting(options.db)
  try {
    const plans = store.plans(filter)
    const write = (stream: NodeJS.WritableStream): Promise<void> =>
      options.format === 'json' ? writeJson(plans, stream) : writeCsv(plans, stream, options.level as 'actions' | 'recommendations' | 'milestones')
    if (!options.out) await write(process.stdout)
    else {
      const file = createWriteStream(options.out)
      await write(file)
      await new Promise<void>((resolve, reject) => {
        file.on('error', reject)
        file.end(() => resolve())
      })
      err(`wrote ${options.out}`)
    }
  } finally {
    store.close()
  }
  return 0
}

function list(options: { db: string; json?: boolean }): number {
  const store = openExisting(options.db)
  try {
    const plans = store.listPlans()
    if (options.json) {
      out(JSON.stringify(plans, null, 2))
      return 0
    }
    if (plans.length === 0) err('no plans yet; run `actionplan ingest <files>`')
    for (const p of plans) {
      const authority = p.authority_name ?? 'authority unknown'
      out(`${p.id}  ${authority}  ${p.title ?? '(untitled)'}  r${p.revision}  ${p.recommendations} recs / ${p.actions} actions  ${p.source_path}`)
    }
  } finally {
    store.close()
  }
  return 0
}

function show(id: string, options: { db: string; json?: boolean }): number {
  const store = openExisting(options.db)
  try {
    const plan = store.getPlan(id)
    if (!plan) throw new UsageError(`no plan ${id}; \`actionplan list\` shows the ids`)
    if (options.json) out(JSON.stringify(plan, null, 2))
    else out(renderPlanTree(plan))
  } finally {
    store.close()
  }
  return 0
}

function history(id: string, options: { db: string; json?: boolean }): number {
  const store = openExisting(options.db)
  try {
    const revisions = store.revisions(id)
    if (revisions.length === 0) throw new UsageError(`no plan ${id}; \`actionplan list\` shows the ids`)
    const changes = planHistory(revisions)
    if (options.json) out(JSON.stringify({ revisions: revisions.map((p) => ({ revision: p.revision, id: p.id, source: p.source })), changes }, null, 2))
    else out(renderHistory(revisions, changes))
  } finally {
    store.close()
  }
  return 0
}

function compare(options: { db: string; by: Grouping; asOf?: string; format: string }): number {
  const asOf = isoDate(options.asOf, '--as-of') ?? today()
  const store = openExisting(options.db)
  try {
    const rows = comparePlans(store.plans(), options.by, asOf)
    if (options.format === 'json') out(JSON.stringify({ by: options.by, as_of: asOf, rows }, null, 2))
    else if (options.format === 'csv') {
      const headers = Object.keys(rows[0] ?? { group: '' })
      out([headers.join(','), ...rows.map((r) => headers.map((h) => csvCell(String(r[h as keyof CompareRow] ?? ''))).join(','))].join('\r\n'))
    } else out(renderCompareTable(rows, options.by, asOf))
  } finally {
    store.close()
  }
  return 0
}

function search(words: string[], options: { db: string; limit: string; json?: boolean }): number {
  const store = openExisting(options.db)
  try {
    const tty = Boolean(process.stdout.isTTY) && !options.json
    const hits = store.search(words.join(' '), { limit: positiveInt(options.limit, '--limit'), mark: tty ? ['\x1b[1;33m', '\x1b[0m'] : ['[', ']'] })
    if (options.json) out(JSON.stringify(hits, null, 2))
    else {
      if (hits.length === 0) err(`no matches for ${words.join(' ')}`)
      for (const h of hits) out(`${h.path}${h.page ? `:p${h.page}` : ''}  ${h.authority ?? ''}  ${h.kind} ${h.recordId}\n    ${h.snippet.replace(/\s+/g, ' ')}`)
    }
  } finally {
    store.close()
  }
  return 0
}

function report(options: { db: string; out: string; asOf?: string; authority?: string }): number {
  const asOf = isoDate(options.asOf, '--as-of') ?? today()
  const store = openExisting(options.db)
  try {
    writeFileSync(options.out, renderReport(store.plans({ authority: options.authority }), { asOf, reportPath: options.out }))
    err(`wrote ${options.out}; open it in a browser (it works offline)`)
  } finally {
    store.close()
  }
  return 0
}

function readBytes(path: string): Uint8Array {
  return path === '-' ? readFileSync(0) : readFileSync(path)
}

const diagnosticLine = (d: Diagnostic): string => `${d.level}: ${d.code}: ${d.message}${d.page ? ` (page ${d.page})` : ''}`

async function tables(path: string, options: { format: string; reader?: Format; password?: string }): Promise<number> {
  try {
    const { document, diagnostics } = await readDocument(path, readBytes(path), { format: options.reader, password: options.password })
    const found = tablesOf(document)
    if (options.format === 'csv') out(renderTablesCsv(found))
    else out(JSON.stringify(found, null, 2))
    // What the reader noted (a page read from the layout because its tags were broken) explains the grids.
    for (const d of diagnostics) err(diagnosticLine(d))
    err(`${found.length} table(s) in ${path}`)
    return 0
  } catch (error) {
    err(toReadError(path, error).message)
    return 1
  }
}

async function explain(path: string, options: { reader?: Format; password?: string }): Promise<number> {
  try {
    const result = await interpretFile(path, readBytes(path), { format: options.reader, password: options.password })
    out(renderExplanation(result.interpretation, result.diagnostics, result.document))
    return 0
  } catch (error) {
    err(toReadError(path, error).message)
    return 1
  }
}

/** The program and a getter for the exit code its action set. */
export function buildProgram(): { program: Command; exitCode: () => number } {
  let exitCode = 0
  const program = new Command('actionplan')
    .description('Turn published inspection action plans (PDF, Word, HTML, pasted text) into one clean, queryable dataset.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
  const readerOption = (flag: string): Option => new Option(flag, 'read every file with this reader instead of detecting the type').choices([...FORMATS])

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
    .option('--include <glob>', 'only files matching this glob (repeatable; a glob without / matches the file name)', collect, [])
    .option('--exclude <glob>', 'skip files matching this glob (repeatable)', collect, [])
    .option('--json', 'one JSON line per file on stdout, for logs')
    .option('--verbose', 'print warnings for each file')
    .addHelpText('after', [
      '',
      'Each file is stored whole or not at all; a file whose bytes are already stored is skipped, and a new',
      'version of a known plan (same authority and title) becomes its next revision. Every run is recorded:',
      'see `actionplan runs`. Exit code 1 when some files failed (the others are imported).',
      '',
      'Examples:',
      '  actionplan ingest plans/ --db plans.sqlite',
      '  actionplan ingest telford.pdf dudley.docx',
      "  actionplan ingest /data/plans --include '*.pdf' --exclude '**/drafts/**' --json >> ingest.log",
      '  pbpaste | actionplan ingest - --format text',
    ].join('\n'))
    .action(async (paths: string[], options) => {
      exitCode = await ingest(paths, options, process.argv.slice(2))
    })

  program
    .command('compare')
    .description('Compare plans by authority, theme or inspectorate: counts, status shares, share overdue, median planned duration')
    .addOption(dbOption())
    .addOption(new Option('--by <grouping>', 'what to group by').choices([...GROUPINGS]).default('authority'))
    .option('--as-of <date>', 'judge overdue on this date (YYYY-MM-DD; default today)')
    .addOption(new Option('--format <format>', 'a table for reading, or data').choices(['table', 'csv', 'json']).default('table'))
    .addHelpText('after', [
      '',
      'Status shares are of each group\'s actions (an action shared by two recommendations counts once). "overdue" is the',
      'share of actions with a due date that were due before --as-of and are not complete. "median days" runs from the',
      "plan's date to each action's due date. By theme, an action counts under its own themes and its recommendation's.",
      '',
      'Examples:',
      '  actionplan compare --by theme --as-of 2013-03-31',
      '  actionplan compare --by authority --format csv > authorities.csv',
    ].join('\n'))
    .action((options) => {
      exitCode = compare(options)
    })

  program
    .command('search')
    .description('Full-text search of recommendations, actions, milestones and progress notes')
    .argument('<words...>', 'words to find (all of them; English stemming, so "supervise" finds "supervision")')
    .addOption(dbOption())
    .option('--limit <n>', 'how many hits', '20')
    .option('--json', 'JSON instead of text')
    .addHelpText('after', '\nEach hit names its file and page.\n\nExamples:\n  actionplan search supervision audit\n  actionplan search care leavers --json')
    .action((words: string[], options) => {
      exitCode = search(words, options)
    })

  program
    .command('report')
    .description('Write one self-contained HTML report: status by authority, themes by authority, overdue over time, a searchable table')
    .addOption(dbOption())
    .option('--out <file>', 'the HTML file to write', 'report.html')
    .option('--as-of <date>', 'judge overdue on this date (YYYY-MM-DD; default today)')
    .option('--authority <name-or-code>', 'only plans of this authority')
    .addHelpText('after', '\nRows link to their source file and page (relative to the report, so keep them beside each other).\n\nExamples:\n  actionplan report --out report.html\n  actionplan report --as-of 2013-03-31 --out q4.html')
    .action((options) => {
      exitCode = report(options)
    })

  program
    .command('history')
    .description("How a plan's actions changed between its revisions: status, RAG, due date and progress")
    .argument('<plan>', 'the id of any revision of the plan, or a unique prefix of it (see `actionplan list`)')
    .addOption(dbOption())
    .option('--json', 'JSON instead of text')
    .addHelpText('after', '\nActions are matched across revisions by their text.\n\nExamples:\n  actionplan history 3f9c2a\n  actionplan history 3f9c2a --json')
    .action((id: string, options) => {
      exitCode = history(id, options)
    })

  program
    .command('runs')
    .description('List the recorded ingest runs, newest first, or the failed files of one run')
    .addOption(dbOption())
    .option('--errors <run>', 'list the files that failed in this run, with their errors')
    .option('--limit <n>', 'how many runs', '20')
    .option('--json', 'JSON instead of text')
    .addHelpText('after', '\nExamples:\n  actionplan runs\n  actionplan runs --errors 12')
    .action((options) => {
      exitCode = runs(options)
    })

  program
    .command('export')
    .description('Write the stored plans as CSV (one row per action by default) or JSON (the nested contract)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--level <level>', 'CSV rows: one per action, recommendation or milestone').choices(['actions', 'recommendations', 'milestones']).default('actions'))
    .option('--authority <name-or-code>', 'only plans of this authority (name or GSS code)')
    .option('--status <status>', 'only actions with this status (complete, on_track, in_progress, behind, not_started) or RAG (red, amber, green, blue)')
    .option('--theme <theme>', 'only actions with this theme, or under a recommendation with it (see `actionplan compare --by theme`)')
    .option('--due-before <date>', 'only actions due before this date (YYYY-MM-DD; a due month counts as its last day)')
    .option('--due-after <date>', 'only actions due after this date (YYYY-MM-DD)')
    .option('--overdue', 'only actions overdue: due before --as-of (default today) and not complete')
    .option('--as-of <date>', 'the date --overdue is judged on (YYYY-MM-DD)')
    .option('--all-revisions', 'every revision of each plan, not only the latest')
    .option('--out <file>', 'write to a file instead of stdout')
    .addHelpText('after', '\nExamples:\n  actionplan export --out actions.csv\n  actionplan export --format json --authority E06000020 > telford.json\n  actionplan export --level milestones --status behind\n  actionplan export --theme supervision --overdue --as-of 2013-06-30')
    .action(async (options) => {
      exitCode = await exportCommand(options)
    })

  program
    .command('list')
    .description('List the stored plans')
    .addOption(dbOption())
    .option('--json', 'as JSON')
    .action((options) => {
      exitCode = list(options)
    })

  program
    .command('show')
    .description('Show one plan as a recommendation → action → milestone tree')
    .argument('<plan>', 'plan id or a unique prefix of it (see `list`)')
    .addOption(dbOption())
    .option('--json', 'the plan as JSON (the export contract)')
    .action((id: string, options) => {
      exitCode = show(id, options)
    })

  program
    .command('tables')
    .description('Print the tables a reader found in any file (page, bounding box, rows of cells): what the reader saw')
    .argument('<file>', 'a PDF, Word, HTML or text file')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .addOption(readerOption('--reader <reader>'))
    .option('--password <password>', 'password for encrypted PDFs')
    .action(async (file: string, options) => {
      exitCode = await tables(file, options)
    })

  program
    .command('explain')
    .description("Show each column's role and why, and each row's class: why the records came out as they did")
    .argument('<file>', 'a plan file')
    .addOption(readerOption('--reader <reader>'))
    .option('--password <password>', 'password for encrypted PDFs')
    .action(async (file: string, options) => {
      exitCode = await explain(file, options)
    })

  return { program, exitCode: () => exitCode }
}

/** Runs the CLI and returns the exit code; never calls process.exit. */
export async function main(argv: readonly string[]): Promise<number> {
  const { program, exitCode } = buildProgram()
  try {
    await program.parseAsync([...argv])
    return exitCode()
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2
    }
    if (error instanceof UsageError) {
      err(error.message)
      return 2
    }
    const verbose = argv.includes('--verbose')
    err(`internal error: ${error instanceof Error ? error.message : String(error)}${verbose ? '' : ' (run with --verbose for the stack)'}`)
    if (verbose && error instanceof Error && error.stack) err(error.stack)
    return 1
  }
}
