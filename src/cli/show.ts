import type { Command } from 'commander'
import { checkUnique, noSuchPlan, renderPlanTree } from '../index.js'
import { dbOption, ENVIRONMENT, type SetExit } from './options.js'
import { out, outJson } from './output.js'
import { withStore } from './with-store.js'

function show(id: string, o: { db: string; json?: boolean }): Promise<number> {
  return withStore(o.db, async (store) => {
    checkUnique(await store.listPlans(), id)
    const plan = await store.getPlan(id)
    if (!plan) throw noSuchPlan(id)
    if (o.json) outJson(plan)
    else out(renderPlanTree(plan))
    return 0
  })
}

export function addShow(program: Command, exit: SetExit): void {
  program
    .command('show')
    .description('Show one plan as a recommendation → action → milestone tree')
    .argument('<plan>', 'plan id or a unique prefix of it (see `list`)')
    .addOption(dbOption())
    .option('--json', 'the plan as JSON (the export contract)')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nA prefix that matches several plans is refused, with the plans it matches.\n\nExamples:\n  actionplan show 3f9c2a\n  actionplan show 3f9c2a --json > plan.json${ENVIRONMENT}`)
    .action(async (id: string, options) => {
      exit(await show(id, options))
    })
}
