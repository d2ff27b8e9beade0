import { Command, CommanderError, Option } from 'commander'
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { FORMATS, toReadError, type Diagnostic, type Format } from '../schemas/index.js'
import { SUPPORTED } from '../parsers/index.js'
import { writeCsv } from './export/csv.js'
import { writeJson } from './export/json.js'
import { renderPlanTree } from './export/tree.js'
import { renderExplanation } from './explain.js'
import { planHistory, renderHistory } from './history.js'
import { writeReport } from './report/write-report.js'
import { comparePlans, GROUPINGS, renderCompareTable, type CompareRow, type Grouping } from './compare.js'
import { csvCell } from './export/csv.js'
import { interpretFile, isSupportedFile, readDocument } from './ingest.js'
import { walkPaths } from './batch/walk.js'
import { authorities, isoDate, statuses, themes, UsageError } from './cli-values.js'
import { selectPaths } from './batch/glob.js'
import { ProgressBar } from './batch/progress.js'
import { KNOWN_FAILURE, runIngest, type FileOutcome, type IngestSummary } from './batch/run-ingest.js'
import { databaseExists, openStore, StoreConnectionError, type Store } from './store/index.js'
import { inShard, parseShard } from './batch/shard.js'
import { renderTablesCsv, tablesOf } from './tables.js'

/**
 * The command line: a thin shell over the library. Data goes to stdout, messages and progress to
 * stderr. Exit codes: 0 all good, 1 some files failed, 2 usage error.
 */

// An empty ACTIONPLAN_DB counts as unset.
const DEFAULT_DB = process.env.ACTIONPLAN_DB || 'actionplans.sqlite'

function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
}
function err(text: string): void {
  process.stderr.write(`${text}\n`)
}

const dbOption = (): Option =>
  new Option('--db <file-or-url>', 'SQLite database file, or a postgres:// URL (default: $ACTIONPLAN_DB, else actionplans.sqlite)').default(DEFAULT_DB, '$ACTIONPLAN_DB or actionplans.sqlite')

/** Opens the store; a file that is not SQLite (README.md passed as --db) is a usage error, not a crash. */
async function open(path: string): Promise<Store> {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${path}: is a folder, not a database; pass --db <file>`)
  try {
    return await openStore(path)
  } catch (error) {
    // Says where, never with what password (the store masks it).
    if (error instanceof StoreConnectionError) throw new UsageError(error.message)
    const code = (error as { code?: string }).code
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new UsageError(`${path}: not an actionplan database (not SQLite); pass --db <file>`)
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') throw new UsageError(`${path}: cannot open the database for writing (${code}); check the path and its permissions`)
    throw error
  }
}

function openExisting(path: string): Promise<Store> {
  if (!databaseExists(path)) throw new UsageError(`${path}: no such database; run \`actionplan ingest <files>\` first, or pass --db`)
  return open(path)
}

/** --out must go into a folder that exists: we never create folders behind the user's back. */
function checkOut(path: string): string {
  const folder = dirname(path)
  const stat = statSync(folder, { throwIfNoEntry: false })
  if (!stat?.isDirectory()) throw new UsageError(`--out ${path}: no such folder ${folder}/`)
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out ${path}: is a folder; name a file`)
  return path
}

/** Every plan of the store's stream, for the commands that look at them all at once. */
async function allOf<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

function describe(outcome: FileOutcome): string {
  if (outcome.status === 'failed') return `✗ ${outcome.message}`
  if (outcome.status === 'skipped') return `- ${outcome.path}: ${outcome.code === KNOWN_FAILURE ? '' : 'skipped, '}${outcome.message}`
  const coverage = outcome.coverage !== null && outcome.coverage < 1 ? `, ${(outcome.coverage * 100).toFixed(1)}% of cells mapped (the rest is in extra)` : ''
  const revision = outcome.revision && outcome.revision > 1 ? `, revision ${outcome.revision}` : ''
  const converted = outcome.diagnostics.find((d) => d.code === 'CONVERTED')
  if (converted) return `✓ ${outcome.path}: ${count(outcome.recommendations, 'recommendation')}, ${count(outcome.actions, 'action')}${coverage}${revision} (${converted.message})`
  return `✓ ${outcome.path}: ${count(outcome.recommendations, 'recommendation')}, ${count(outcome.actions, 'action')}${coverage}${revision}${outcome.message ? `; ${outcome.message}` : ''}`
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
  name?: string
  retryFailed?: boolean
  shard?: string
}

const positiveInt = (value: string, flag: string, min = 1): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, not "${value}"`)
  return n
}

/** A --json line: what happened, when, in which run. */
const jsonLine = (type: string, runId: number | null, fields: object): string => JSON.stringify({ type, time: new Date().toISOString(), run: runId, ...fields })

async function ingest(paths: string[], options: IngestCliOptions, argv: readonly string[]): Promise<number> {
  if (options.name !== undefined && !paths.includes('-')) throw new UsageError('--name names standard input; give - among the paths')
  const missing = paths.filter((p) => p !== '-' && !existsSync(p))
  const walk = walkPaths(paths.filter((p) => !missing.includes(p)), isSupportedFile)
  const shard = options.shard === undefined ? null : parseShard(options.shard)
  if (options.shard !== undefined && !shard) throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N (as 2/4), not "${options.shard}"`)
  const selected = selectPaths(walk.files, options.include, options.exclude)
  const files = shard ? inShard(selected, shard) : selected
  // A path that does not exist is a failed file, not a usage error: the rest of the batch still runs.
  files.push(...missing)
  const unsupported = selectPaths(walk.unsupported, options.include, options.exclude)
  const notes = [
    unsupported.length > 0 ? `${count(unsupported.length, 'file')} skipped: not a supported type` : '',
    walk.repeated.length > 0 ? `${count(walk.repeated.length, 'folder link')} skipped: the folder was already walked (a loop, or a second link to it)` : '',
    walk.broken.length > 0 ? `${count(walk.broken.length, 'link')} skipped: the file it points to does not exist` : '',
  ].filter(Boolean)
  if (files.length === 0) {
    const why = notes.length > 0 ? ` (${notes.join('; ')})` : ''
    throw new UsageError(`no supported files in ${paths.join(', ')}${options.include.length + options.exclude.length > 0 ? ' after --include/--exclude' : ''}${why}; supported types are ${SUPPORTED}`)
  }
  for (const note of notes) err(note)
  if (options.verbose) for (const path of [...unsupported, ...walk.repeated, ...walk.broken]) err(`    ${path}`)
  const store = await open(options.db)
  const progress = new ProgressBar(files.length)
  const showProgress = progress.enabled && !options.json
  let runId: number | null = null
  let summary: IngestSummary
  try {
    summary = await runIngest(files, store, {
      format: options.format, password: options.password, timeoutMs: positiveInt(options.timeout, '--timeout') * 1000,
      maxPages: positiveInt(options.maxPages, '--max-pages'), jobs: options.jobs === undefined ? undefined : positiveInt(options.jobs, '--jobs', 0), args: argv,
      stdinName: options.name, retryFailed: options.retryFailed,
      onRun: (id) => { runId = id },
      onStart: (path) => showProgress && progress.start(path),
      onFile: (outcome) => {
        if (options.json) out(jsonLine('file', runId, outcome))
        else {
          const lines = [describe(outcome), ...(options.verbose ? outcome.diagnostics.map((d) => `    ${diagnosticLine(d)}`) : [])]
          for (const line of lines) (showProgress ? progress.log(line) : err(line))
        }
        if (showProgress) progress.advance(outcome.pages ?? 0)
      },
    })
  } finally {
    progress.clear()
    await store.close()
  }
  const seconds = summary.ms / 1000
  if (options.json) {
    const { imported, skipped, failed, knownFailures, pages } = summary
    out(jsonLine('summary', summary.runId, { imported, skipped, failed, known_failures: knownFailures, seconds, pages }))
  }
  const known = summary.knownFailures > 0 ? `; ${count(summary.knownFailures, 'known failure')} skipped (--retry-failed tries again)` : ''
  err(`${summary.imported} imported, ${summary.skipped} skipped, ${summary.failed} failed in ${seconds.toFixed(1)} s (${summary.pages} pages) → ${store.target}, run ${summary.runId}${known}`)
  if (summary.failed > 0) err(`Fix the failed files and run the same command again: files already imported are skipped, and so are failed files whose bytes and reading flags are unchanged (--retry-failed tries them anyway). \`actionplan runs --errors ${summary.runId}\` lists them.`)
  // Exit 1 only for a file that failed in this run: a nightly job does not fail forever on one bad file.
  return summary.failed > 0 ? 1 : 0
}

async function runs(options: { db: string; json?: boolean; errors?: string; limit: string }): Promise<number> {
  const store = await openExisting(options.db)
  try {
    if (options.errors !== undefined) {
      const failed = await store.runs.errors(positiveInt(options.errors, '--errors'))
      if (options.json) out(JSON.stringify(failed, null, 2))
      else for (const f of failed) out(`${f.code}\t${f.message}`)
      return 0
    }
    const list = await store.runs.list(positiveInt(options.limit, '--limit'))
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
    await store.close()
  }
  return 0
}

interface ExportCliOptions {
  db: string
  format: string
  level: string
  authority: string[]
  status: string[]
  theme: string[]
  dueBefore?: string
  dueAfter?: string
  overdue?: boolean
  asOf?: string
  allRevisions?: boolean
  out?: string
  bom?: boolean
}

const today = (): string => new Date().toISOString().slice(0, 10)

async function exportCommand(options: ExportCliOptions): Promise<number> {
  const asOf = isoDate(options.asOf, '--as-of')
  const filter = {
    status: statuses(options.status), theme: themes(options.theme), dueBefore: isoDate(options.dueBefore, '--due-before'),
    dueAfter: isoDate(options.dueAfter, '--due-after'), overdueAsOf: options.overdue ? (asOf ?? today()) : undefined,
    allRevisions: options.allRevisions,
  }
  if (options.out !== undefined) checkOut(options.out)
  const store = await openExisting(options.db)
  try {
    const plans = store.plans({ ...filter, authority: authorities(options.authority, await store.knownAuthorities()) })
    const write = (stream: NodeJS.WritableStream): Promise<void> =>
      options.format === 'json' ? writeJson(plans, stream) : writeCsv(plans, stream, options.level as 'actions' | 'recommendations' | 'milestones', { bom: options.bom })
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
    await store.close()
  }
  return 0
}

async function list(options: { db: string; json?: boolean }): Promise<number> {
  const store = await openExisting(options.db)
  try {
    const plans = await store.listPlans()
    if (options.json) {
      // When a row was written is a fact of the run (see `runs`), not of the plan: left out, so the
      // same files give the same list whatever the day.
      out(JSON.stringify(plans.map(({ imported_at: _when, ...plan }) => plan), null, 2))
      return 0
    }
    if (plans.length === 0) err('no plans yet; run `actionplan ingest <files>`')
    for (const p of plans) {
      const authority = p.authority_name ?? 'authority unknown'
      const others = p.renditions.length > 1 ? ` (+${p.renditions.length - 1} other file${p.renditions.length > 2 ? 's' : ''} of the same content)` : ''
      out(`${p.id}  ${authority}  ${p.title ?? '(untitled)'}  r${p.revision}  ${p.recommendations} recs / ${p.actions} actions  ${p.source_path}${others}`)
    }
  } finally {
    await store.close()
  }
  return 0
}

/** An id prefix that names several plans is a mistake to point out, with the plans it names. */
async function checkUnique(store: Store, id: string): Promise<void> {
  const matches = (await store.listPlans()).filter((p) => p.id.startsWith(id))
  if (matches.length < 2 || matches.some((p) => p.id === id)) return
  const lines = matches.map((p) => `  ${p.id}  ${p.authority_name ?? 'authority unknown'}  ${p.title ?? '(untitled)'}  r${p.revision}`)
  throw new UsageError([`plan id "${id}" matches ${matches.length} plans; give more of the id:`, ...lines].join('\n'))
}

async function show(id: string, options: { db: string; json?: boolean }): Promise<number> {
  const store = await openExisting(options.db)
  try {
    await checkUnique(store, id)
    const plan = await store.getPlan(id)
    if (!plan) throw new UsageError(`no plan ${id}; \`actionplan list\` shows the ids`)
    if (options.json) out(JSON.stringify(plan, null, 2))
    else out(renderPlanTree(plan))
  } finally {
    await store.close()
  }
  return 0
}

async function history(id: string, options: { db: string; json?: boolean }): Promise<number> {
  const store = await openExisting(options.db)
  try {
    await checkUnique(store, id)
    const revisions = await store.revisions(id)
    if (revisions.length === 0) throw new UsageError(`no plan ${id}; \`actionplan list\` shows the ids`)
    const changes = planHistory(revisions)
    if (options.json) out(JSON.stringify({ revisions: revisions.map((p) => ({ revision: p.revision, id: p.id, source: p.source })), changes }, null, 2))
    else out(renderHistory(revisions, changes))
  } finally {
    await store.close()
  }
  return 0
}

async function compare(options: { db: string; by: Grouping; asOf?: string; format: string }): Promise<number> {
  const asOf = isoDate(options.asOf, '--as-of') ?? today()
  const store = await openExisting(options.db)
  try {
    const rows = comparePlans(await allOf(store.plans()), options.by, asOf)
    if (options.format === 'json') out(JSON.stringify({ by: options.by, as_of: asOf, rows }, null, 2))
    else if (options.format === 'csv') {
      const headers = Object.keys(rows[0] ?? { group: '' })
      out([headers.join(','), ...rows.map((r) => headers.map((h) => csvCell(String(r[h as keyof CompareRow] ?? ''))).join(','))].join('\r\n'))
    } else out(renderCompareTable(rows, options.by, asOf))
  } finally {
    await store.close()
  }
  return 0
}

async function search(words: string[], options: { db: string; limit: string; json?: boolean; allRevisions?: boolean; authority?: string; theme?: string }): Promise<number> {
  const store = await openExisting(options.db)
  try {
    const tty = Boolean(process.stdout.isTTY) && !options.json
    const mark: [string, string] = tty ? ['\x1b[1;33m', '\x1b[0m'] : ['[', ']']
    const hits = await store.search(words.join(' '), {
      limit: positiveInt(options.limit, '--limit'), mark, allRevisions: options.allRevisions,
      authority: options.authority === undefined ? undefined : authorities([options.authority], await store.knownAuthorities())[0],
      theme: options.theme === undefined ? undefined : themes([options.theme])[0],
    })
    if (options.json) out(JSON.stringify(hits, null, 2))
    else {
      if (hits.length === 0) err(`no matches for ${words.join(' ')}`)
      for (const h of hits) {
        const ref = h.kind === 'action' ? [h.recommendationRef, h.ref].filter(Boolean).join(' › ') : h.ref
        out(`${h.path}${h.page ? `:p${h.page}` : ''}  ${h.authority ?? ''}  ${h.planTitle ?? '(untitled)'}  ${h.kind} ${ref || h.recordId}\n    ${h.snippet.replace(/\s+/g, ' ')}`)
      }
    }
  } finally {
    await store.close()
  }
  return 0
}

async function report(options: { db: string; out: string; asOf?: string; authority: string[] }): Promise<number> {
  const asOf = isoDate(options.asOf, '--as-of') ?? today()
  checkOut(options.out)
  const store = await openExisting(options.db)
  try {
    const plans = await allOf(store.plans({ authority: authorities(options.authority, await store.knownAuthorities()) }))
    const { files, warnings } = await writeReport(plans, { asOf, reportPath: options.out })
    for (const w of warnings) err(`warning: ${w}`)
    err(`wrote ${options.out}${files.length > 1 ? ` and ${files.length - 1} Word source(s) as HTML beside it` : ''}; open it in a browser (it works offline)`)
  } finally {
    await store.close()
  }
  return 0
}

/** The one file `tables` and `explain` read: a missing path or a folder is a usage error. */
function readBytes(path: string, command: string): Uint8Array {
  if (path === '-') return readFileSync(0)
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) throw new UsageError(`${path}: no such file`)
  if (stat.isDirectory()) throw new UsageError(`${path}: is a folder; \`actionplan ${command}\` reads one file`)
  return readFileSync(path)
}

const diagnosticLine = (d: Diagnostic): string => `${d.level}: ${d.code}: ${d.message}${d.page ? ` (page ${d.page})` : ''}`

/** A file that could not be read: its one-line error, and with --verbose the stack of an internal one. */
function readFailure(path: string, error: unknown, verbose: boolean | undefined): void {
  const readError = toReadError(path, error)
  err(readError.message)
  const cause = readError.cause instanceof Error ? readError.cause : null
  if (verbose && readError.code === 'INTERNAL' && cause?.stack) err(cause.stack)
}

async function tables(path: string, options: { format: string; reader?: Format; password?: string; verbose?: boolean }): Promise<number> {
  const bytes = readBytes(path, 'tables')
  try {
    const { document, diagnostics } = await readDocument(path, bytes, { format: options.reader, password: options.password })
    const found = tablesOf(document)
    if (options.format === 'csv') out(renderTablesCsv(found))
    else out(JSON.stringify(found, null, 2))
    // What the reader noted (a page read from the layout because its tags were broken) explains the grids.
    for (const d of diagnostics) err(diagnosticLine(d))
    err(`${found.length} table(s) in ${path}`)
    return 0
  } catch (error) {
    readFailure(path, error, options.verbose)
    return 1
  }
}

async function explain(path: string, options: { reader?: Format; password?: string; verbose?: boolean }): Promise<number> {
  const bytes = readBytes(path, 'explain')
  try {
    const result = await interpretFile(path, bytes, { format: options.reader, password: options.password })
    out(renderExplanation(result.interpretation, result.diagnostics, result.document))
    return 0
  } catch (error) {
    readFailure(path, error, options.verbose)
    return 1
  }
}

const ENVIRONMENT = '\n\nEnvironment:\n  ACTIONPLAN_DB  the database file when --db is not given, or a postgres:// URL (else actionplans.sqlite in the current folder)'
const NO_DATABASE = '\n\nEnvironment:\n  none: this command reads only the file; it does not open $ACTIONPLAN_DB'

/** The program and a getter for the exit code its action set. */
export function buildProgram(): { program: Command; exitCode: () => number } {
  let exitCode = 0
  const program = new Command('actionplan')
    .description('Turn published inspection action plans (PDF, Word, HTML, pasted text) into one clean, queryable dataset.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .addHelpText('after', `\nExamples:\n  actionplan ingest plans/ && actionplan export --out actions.csv\n  actionplan help export${ENVIRONMENT}`)
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
    .option('--name <file>', 'the file name to record for standard input (-); its extension picks the reader as a file\'s would')
    .option('--shard <K/N>', 'only the K-th of N slices of the files (by a hash of each path): N processes or machines given the same paths and --db split the work')
    .option('--retry-failed', 'try again files that failed in an earlier run with the same bytes (skipped by default)')
    .option('--json', 'one JSON line per file on stdout, then a summary line, for logs')
    .option('--verbose', 'print warnings for each file, and the files a folder walk skipped')
    .addHelpText('after', [
      '',
      'Each file is stored whole or not at all; a file whose bytes are already stored is skipped, and a new',
      'version of a known plan (same authority and title) becomes its next revision. Every run is recorded:',
      'see `actionplan runs`. A file that failed before with the same bytes is skipped as a known failure',
      '(--retry-failed tries it again). Exit code 1 when some file failed in this run (the others are imported).',
      'Folder walks follow symbolic links and skip (and count) files of types no reader claims.',
      '',
      'Examples:',
      '  actionplan ingest plans/ --db plans.sqlite',
      '  actionplan ingest telford.pdf dudley.docx',
      "  actionplan ingest /data/plans --include '*.pdf' --exclude '**/drafts/**' --json >> ingest.log",
      '  pbpaste | actionplan ingest - --name telford-2012.txt',
    ].join('\n') + ENVIRONMENT)
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
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', [
      '',
      'Status shares are of each group\'s actions (an action shared by two recommendations counts once). "overdue" is the',
      'share of actions with a due date that were due before --as-of and are not complete. "median days" runs from the',
      "plan's date to each action's due date. By theme, an action counts under its own themes and its recommendation's.",
      '',
      'Examples:',
      '  actionplan compare --by theme --as-of 2013-03-31',
      '  actionplan compare --by authority --format csv > authorities.csv',
    ].join('\n') + ENVIRONMENT)
    .action(async (options) => {
      exitCode = await compare(options)
    })

  program
    .command('search')
    .description('Full-text search of recommendations, actions, milestones and progress notes')
    .argument('<words...>', 'words to find (all of them; English stemming, so "supervise" finds "supervision")')
    .addOption(dbOption())
    .option('--limit <n>', 'how many hits', '20')
    .option('--json', 'JSON instead of text')
    .option('--authority <name-or-code>', 'only plans of this authority (name or GSS code)')
    .option('--theme <theme>', 'only records with this theme, or under a recommendation with it (slug or label, any case)')
    .option('--all-revisions', 'search every revision of each plan, not only the latest')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nEach hit names its file and page, its plan and its ref.\n\nExamples:\n  actionplan search supervision audit\n  actionplan search care leavers --json\n  actionplan search audit --authority Telford --theme supervision${ENVIRONMENT}`)
    .action(async (words: string[], options) => {
      exitCode = await search(words, options)
    })

  program
    .command('report')
    .description('Write one self-contained HTML report: status by authority, themes by authority, overdue over time, a searchable table')
    .addOption(dbOption())
    .option('--out <file>', 'the HTML file to write', 'report.html')
    .option('--as-of <date>', 'judge overdue on this date (YYYY-MM-DD; default today)')
    .option('--authority <name-or-code>', 'only plans of this authority (repeatable: any of them)', collect, [])
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nRows link to their source: a PDF at its page, a Word file through an HTML copy written beside the report (<name>-sources/) at its table row. Links are relative, so keep the report, that folder and the sources where they are.\n\nExamples:\n  actionplan report --out report.html\n  actionplan report --as-of 2013-03-31 --out q4.html${ENVIRONMENT}`)
    .action(async (options) => {
      exitCode = await report(options)
    })

  program
    .command('history')
    .description("How a plan's actions changed between its revisions: status, RAG, due date and progress")
    .argument('<plan>', 'the id of any revision of the plan, or a unique prefix of it (see `actionplan list`)')
    .addOption(dbOption())
    .option('--json', 'JSON instead of text')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nActions are matched across revisions by their text.\n\nExamples:\n  actionplan history 3f9c2a\n  actionplan history 3f9c2a --json${ENVIRONMENT}`)
    .action(async (id: string, options) => {
      exitCode = await history(id, options)
    })

  program
    .command('runs')
    .description('List the recorded ingest runs, newest first, or the failed files of one run')
    .addOption(dbOption())
    .option('--errors <run>', 'list the files that failed in this run, with their errors')
    .option('--limit <n>', 'how many runs', '20')
    .option('--json', 'JSON instead of text')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nExamples:\n  actionplan runs\n  actionplan runs --errors 12${ENVIRONMENT}`)
    .action(async (options) => {
      exitCode = await runs(options)
    })

  program
    .command('export')
    .description('Write the stored plans as CSV (one row per action by default) or JSON (the nested contract)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--level <level>', 'CSV rows: one per action, recommendation or milestone').choices(['actions', 'recommendations', 'milestones']).default('actions'))
    .option('--authority <name-or-code>', 'only plans of this authority (name or GSS code; repeatable: any of them)', collect, [])
    .option('--status <status>', 'only actions with this status (complete, on_track, in_progress, behind, not_started) or RAG (red, amber, green, blue); repeatable: any of them', collect, [])
    .option('--theme <theme>', 'only actions with this theme, or under a recommendation with it: the slug or the label `compare --by theme` prints, any case; repeatable', collect, [])
    .option('--due-before <date>', 'only actions due before this date (YYYY-MM-DD; a due month counts as its last day)')
    .option('--due-after <date>', 'only actions due after this date (YYYY-MM-DD)')
    .option('--overdue', 'only actions overdue: due before --as-of (default today) and not complete')
    .option('--as-of <date>', 'the date --overdue is judged on (YYYY-MM-DD)')
    .option('--all-revisions', 'every revision of each plan, not only the latest')
    .option('--out <file>', 'write to a file instead of stdout (its folder must exist)')
    .option('--bom', 'start the CSV with a UTF-8 byte order mark, so Excel reads accents and dashes right')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nExamples:\n  actionplan export --out actions.csv\n  actionplan export --bom --out for-excel.csv\n  actionplan export --format json --authority E06000020 > telford.json\n  actionplan export --level milestones --status red --status amber\n  actionplan export --theme 'Care leavers' --overdue --as-of 2013-06-30${ENVIRONMENT}`)
    .action(async (options) => {
      exitCode = await exportCommand(options)
    })

  program
    .command('list')
    .description('List the stored plans')
    .addOption(dbOption())
    .option('--json', 'as JSON')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nOne line per stored revision: id, authority, title, revision, counts, source file.\n\nExamples:\n  actionplan list\n  actionplan list --db plans.sqlite --json${ENVIRONMENT}`)
    .action(async (options) => {
      exitCode = await list(options)
    })

  program
    .command('show')
    .description('Show one plan as a recommendation → action → milestone tree')
    .argument('<plan>', 'plan id or a unique prefix of it (see `list`)')
    .addOption(dbOption())
    .option('--json', 'the plan as JSON (the export contract)')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nA prefix that matches several plans is refused, with the plans it matches.\n\nExamples:\n  actionplan show 3f9c2a\n  actionplan show 3f9c2a --json > plan.json${ENVIRONMENT}`)
    .action(async (id: string, options) => {
      exitCode = await show(id, options)
    })

  program
    .command('tables')
    .description('Print the tables a reader found in any file (page, bounding box, rows of cells): what the reader saw')
    .argument('<file>', 'a PDF, Word, HTML or text file')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .addOption(readerOption('--reader <reader>'))
    .option('--password <password>', 'password for encrypted PDFs')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nTables are numbered from 0 in reading order, as in \`explain\` and in each record's provenance.table.\n\nExamples:\n  actionplan tables plan.pdf\n  actionplan tables plan.docx --format csv > cells.csv${NO_DATABASE}`)
    .action(async (file: string, options) => {
      exitCode = await tables(file, options)
    })

  program
    .command('explain')
    .description("Show each column's role and why, and each row's class: why the records came out as they did")
    .argument('<file>', 'a plan file')
    .addOption(readerOption('--reader <reader>'))
    .option('--password <password>', 'password for encrypted PDFs')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nTables and rows are numbered from 0, as in \`tables\` and in each record's provenance.\n\nExamples:\n  actionplan explain plan.pdf\n  actionplan explain notes.txt --reader text${NO_DATABASE}`)
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
