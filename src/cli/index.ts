import { Command, CommanderError } from 'commander'
import { UsageError } from '../index.js'
import { addCompare } from './compare.js'
import { addExplain } from './explain.js'
import { addExport } from './export.js'
import { addHistory } from './history.js'
import { addIngest } from './ingest.js'
import { addList } from './list.js'
import { ENVIRONMENT } from './options.js'
import { err } from './output.js'
import { addReport } from './report.js'
import { addRuns } from './runs.js'
import { addSearch } from './search.js'
import { addShow } from './show.js'
import { addTables } from './tables.js'

/**
 * The command line: a thin shell over the library (src/index.ts), one file per command. Data goes
 * to stdout, messages and progress to stderr. Exit codes: 0 all good, 1 some files failed, 2 usage error.
 */

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
  const exit = (code: number): void => {
    exitCode = code
  }
  // The order of `actionplan --help`.
  for (const add of [addIngest, addCompare, addSearch, addReport, addHistory, addRuns, addExport, addList, addShow, addTables, addExplain]) add(program, exit)
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

/**
 * A reader that stops early (`actionplan export | head -1`) closes the pipe: end quietly with 0,
 * as Unix tools do. A closed stderr alone is ignored, so an import goes on to the end. For the
 * binary only (bin/actionplan.js): a library never exits the process.
 */
export function endQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
}
