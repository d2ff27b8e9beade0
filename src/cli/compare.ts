import { type Command, Option } from 'commander'
import { allPlans, COMPARE_FORMATS, comparePlans, GROUPINGS, isoDate, renderCompare, today, type Grouping } from '../index.js'
import { dbOption, ENVIRONMENT, type SetExit } from './options.js'
import { out } from './output.js'
import { withStore } from './with-store.js'

interface CompareFlags { db: string; by: Grouping; asOf?: string; format: (typeof COMPARE_FORMATS)[number] }

async function compare(o: CompareFlags): Promise<number> {
  const asOf = isoDate(o.asOf, '--as-of') ?? today()
  const text = await withStore(o.db, async (store) => renderCompare(comparePlans(await allPlans(store.plans()), o.by, asOf), o.by, asOf, o.format))
  out(text)
  return 0
}

export function addCompare(program: Command, exit: SetExit): void {
  program
    .command('compare')
    .description('Compare plans by authority, theme or inspectorate: counts, status shares, share overdue, median planned duration')
    .addOption(dbOption())
    .addOption(new Option('--by <grouping>', 'what to group by').choices([...GROUPINGS]).default('authority'))
    .option('--as-of <date>', 'judge overdue on this date (YYYY-MM-DD; default today)')
    .addOption(new Option('--format <format>', 'a table for reading, or data').choices([...COMPARE_FORMATS]).default('table'))
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
    .action(async (options: CompareFlags) => {
      exit(await compare(options))
    })
}
