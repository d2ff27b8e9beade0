import type { Command } from 'commander'
import { checkUnique, historyJson, noSuchPlan, planHistory, renderHistory } from '../index.js'
import { dbOption, ENVIRONMENT, type SetExit } from './options.js'
import { out } from './output.js'
import { withStore } from './with-store.js'

function history(id: string, o: { db: string; json?: boolean }): Promise<number> {
  return withStore(o.db, async (store) => {
    checkUnique(await store.listPlans(), id)
    const revisions = await store.revisions(id)
    if (revisions.length === 0) throw noSuchPlan(id)
    const changes = planHistory(revisions)
    out(o.json ? historyJson(revisions, changes) : renderHistory(revisions, changes))
    return 0
  })
}

export function addHistory(program: Command, exit: SetExit): void {
  program
    .command('history')
    .description("How a plan's actions changed between its revisions: status, RAG, due date and progress")
    .argument('<plan>', 'the id of any revision of the plan, or a unique prefix of it (see `actionplan list`)')
    .addOption(dbOption())
    .option('--json', 'JSON instead of text')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nActions are matched across revisions by their text.\n\nExamples:\n  actionplan history 3f9c2a\n  actionplan history 3f9c2a --json${ENVIRONMENT}`)
    .action(async (id: string, options) => {
      exit(await history(id, options))
    })
}
