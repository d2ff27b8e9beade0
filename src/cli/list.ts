import type { Command } from 'commander'
import { planListJson, renderPlanList } from '../index.js'
import { dbOption, ENVIRONMENT, type SetExit } from './options.js'
import { err, out, outLines } from './output.js'
import { withStore } from './with-store.js'

function list(o: { db: string; json?: boolean }): Promise<number> {
  return withStore(o.db, async (store) => {
    const plans = await store.listPlans()
    if (o.json) out(planListJson(plans))
    else {
      if (plans.length === 0) err('no plans yet; run `actionplan ingest <files>`')
      outLines(renderPlanList(plans))
    }
    return 0
  })
}

export function addList(program: Command, exit: SetExit): void {
  program
    .command('list')
    .description('List the stored plans')
    .addOption(dbOption())
    .option('--json', 'as JSON')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nOne line per stored revision: id, authority, title, revision, counts, source file.\n\nExamples:\n  actionplan list\n  actionplan list --db plans.sqlite --json${ENVIRONMENT}`)
    .action(async (options) => {
      exit(await list(options))
    })
}
