import { Command, CommanderError, Option } from 'commander'
import { createWriteStream, existsSync, readFileSync } from 'node:fs'
import { FORMATS, toReadError, type Format } from '../schemas/index.js'
import { SUPPORTED } from '../parsers/index.js'
import { writeCsv } from './export/csv.js'
import { writeJson } from './export/json.js'
import { renderPlanTree } from './export/tree.js'
import { renderExplanation } from './explain.js'
import { expandPaths, ingestFile, interpretFile, readDocument, type FileOutcome } from './ingest.js'
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

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

function describe(outcome: FileOutcome): string {
  if (outcome.status === 'failed') return `✗ ${outcome.message}`
  if (outcome.status === 'skipped') return `- ${outcome.path}: skipped, ${outcome.message}`
  const coverage = outcome.coverage !== null && outcome.coverage < 1 ? `, ${(outcome.coverage * 100).toFixed(1)}% of cells mapped (the rest is in extra)` : ''
  const revision = outcome.revision && outcome.revision > 1 ? `, revision ${outcome.revision}` : ''
  return `✓ ${outcome.path}: ${count(outcome.recommendations, 'recommendation')}, ${count(outcome.actions, 'action')}${coverage}${revision}`
}

async function ingest(paths: string[], options: { db: string; format?: Format; password?: string; json?: boolean; verbose?: boolean; timeout: string; maxPages: string }): Promise<number> {
  const files = expandPaths(paths)
  if (files.length === 0) throw new UsageError(`no supported files in ${paths.join(', ')}; supported types are ${SUPPORTED}`)
  const store = openStore(options.db)
  const started = performance.now()
  const counts = { imported: 0, skipped: 0, failed: 0 }
  try {
    for (const [i, path] of files.entries()) {
      if (process.stderr.isTTY && !options.json) process.stderr.write(`[${i + 1}/${files.length}] ${path}\r`)
      const outcome = await ingestFile(path, store, {
        format: options.format, password: options.password, timeoutMs: Number(options.timeout) * 1000, maxPages: Number(options.maxPages),
      })
      counts[outcome.status] += 1
      if (process.stderr.isTTY && !options.json) process.stderr.write('\x1b[2K')
      if (options.json) out(JSON.stringify(outcome))
      else {
        err(describe(outcome))
        if (options.verbose) for (const d of outcome.diagnostics) err(`    ${d.level}: ${d.code}: ${d.message}${d.page ? ` (page ${d.page})` : ''}`)
      }
    }
  } finally {
    store.close()
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  err(`${counts.imported} imported, ${counts.skipped} skipped, ${counts.failed} failed in ${seconds} s → ${options.db}`)
  if (counts.failed > 0) err('Fix or remove the failed files and run the same command again: files already imported are skipped.')
  return counts.failed > 0 ? 1 : 0
}

async function exportCommand(options: { db: string; format: string; level: string; authority?: string; status?: string; out?: string }): Promise<number> {
  const store = openExisting(options.db)
  try {
    const plans = store.plans({ authority: options.authority, status: options.status })
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

function readBytes(path: string): Uint8Array {
  return path === '-' ? readFileSync(0) : readFileSync(path)
}

async function tables(path: string, options: { format: string; reader?: Format; password?: string }): Promise<number> {
  try {
    const { document } = await readDocument(path, readBytes(path), { format: options.reader, password: options.password })
    const found = tablesOf(document)
    if (options.format === 'csv') out(renderTablesCsv(found))
    else out(JSON.stringify(found, null, 2))
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
    out(renderExplanation(result.interpretation, result.diagnostics))
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
    .option('--max-pages <n>', 'read at most this many pages per file', '500')
    .option('--json', 'one JSON line per file on stdout, for logs')
    .option('--verbose', 'print warnings for each file')
    .addHelpText('after', '\nExamples:\n  actionplan ingest plans/ --db plans.sqlite\n  actionplan ingest telford.pdf dudley.docx\n  pbpaste | actionplan ingest - --format text')
    .action(async (paths: string[], options) => {
      exitCode = await ingest(paths, options)
    })

  program
    .command('export')
    .description('Write the stored plans as CSV (one row per action by default) or JSON (the nested contract)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--level <level>', 'CSV rows: one per action, recommendation or milestone').choices(['actions', 'recommendations', 'milestones']).default('actions'))
    .option('--authority <name-or-code>', 'only plans of this authority (name or GSS code)')
    .option('--status <status>', 'only actions with this status (complete, on_track, in_progress, behind, not_started)')
    .option('--out <file>', 'write to a file instead of stdout')
    .addHelpText('after', '\nExamples:\n  actionplan export --out actions.csv\n  actionplan export --format json --authority E06000020 > telford.json\n  actionplan export --level milestones --status behind')
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
