import { type Command, Option } from 'commander'
import { positiveInt, renderRunErrors, renderRuns, renderRunWarnings } from '../index.js'
import { dbOption, ENVIRONMENT, type SetExit } from './options.js'
import { err, outJson, outLines } from './output.js'
import { withStore } from './with-store.js'

interface RunsFlags { db: string; json?: boolean; errors?: string; warnings?: string; limit: string }

function runs(o: RunsFlags): Promise<number> {
  return withStore(o.db, async (store) => {
    if (o.errors !== undefined) {
      const failed = await store.runs.errors(positiveInt(o.errors, '--errors'))
      if (o.json) outJson(failed)
      else outLines(renderRunErrors(failed))
      return 0
    }
    if (o.warnings !== undefined) {
      const warned = await store.runs.warnings(positiveInt(o.warnings, '--warnings'))
      if (o.json) outJson(warned)
      else outLines(renderRunWarnings(warned))
      return 0
    }
    const list = await store.runs.list(positiveInt(o.limit, '--limit'))
    if (o.json) outJson(list)
    else {
      if (list.length === 0) err('no runs yet; run `actionplan ingest <files>`')
      outLines(renderRuns(list))
    }
    return 0
  })
}

export function addRuns(program: Command, exit: SetExit): void {
  program
    .command('runs')
    .description('List the recorded ingest runs, newest first, or the failed files of one run, or its files with warnings')
    .addOption(dbOption())
    .option('--errors <run>', 'list the files that failed in this run, with their errors')
    .addOption(new Option('--warnings <run>', 'list the files of this run that came with warnings or notes, with them').conflicts('errors'))
    .option('--limit <n>', 'how many runs', '20')
    .option('--json', 'JSON instead of text')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nExamples:\n  actionplan runs\n  actionplan runs --errors 12\n  actionplan runs --warnings 12${ENVIRONMENT}`)
    .action(async (options: RunsFlags) => {
      exit(await runs(options))
    })
}
