import { type Command, Option } from 'commander'
import { authorities, checkOut, exportPlans, exportPlansToFile, isoDate, LEVELS, statuses, themes, today, type ExportOptions } from '../index.js'
import { collect, dbOption, ENVIRONMENT, type SetExit } from './options.js'
import { err } from './output.js'
import { withStore } from './with-store.js'

interface ExportFlags extends Required<Pick<ExportOptions, 'format' | 'level'>> {
  db: string; authority: string[]; status: string[]; theme: string[]; dueBefore?: string; dueAfter?: string
  overdue?: boolean; asOf?: string; allRevisions?: boolean; out?: string; bom?: boolean
}

async function exportCommand(o: ExportFlags): Promise<number> {
  const asOf = isoDate(o.asOf, '--as-of')
  const filter = {
    status: statuses(o.status), theme: themes(o.theme), dueBefore: isoDate(o.dueBefore, '--due-before'),
    dueAfter: isoDate(o.dueAfter, '--due-after'), overdueAsOf: o.overdue ? (asOf ?? today()) : undefined,
    allRevisions: o.allRevisions,
  }
  if (o.out !== undefined) checkOut(o.out)
  await withStore(o.db, async (store) => {
    const plans = store.plans({ ...filter, authority: authorities(o.authority, await store.knownAuthorities()) })
    const options = { format: o.format, level: o.level, bom: o.bom }
    if (!o.out) await exportPlans(plans, process.stdout, options)
    else {
      await exportPlansToFile(plans, o.out, options)
      err(`wrote ${o.out}`)
    }
  })
  return 0
}

export function addExport(program: Command, exit: SetExit): void {
  program
    .command('export')
    .description('Write the stored plans as CSV (one row per action by default) or JSON (the nested contract)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--level <level>', 'CSV rows: one per action, recommendation or milestone').choices([...LEVELS]).default('actions'))
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
    .action(async (options: ExportFlags) => {
      exit(await exportCommand(options))
    })
}
