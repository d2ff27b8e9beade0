import type { Command } from 'commander'
import { allPlans, authorities, checkOut, isoDate, reportLines, today, writeReport } from '../index.js'
import { collect, dbOption, ENVIRONMENT, type SetExit } from './options.js'
import { errLines } from './output.js'
import { withStore } from './with-store.js'

async function report(o: { db: string; out: string; asOf?: string; authority: string[] }): Promise<number> {
  const asOf = isoDate(o.asOf, '--as-of') ?? today()
  checkOut(o.out)
  const written = await withStore(o.db, async (store) => writeReport(await allPlans(store.plans({ authority: authorities(o.authority, await store.knownAuthorities()) })), { asOf, reportPath: o.out }))
  errLines(reportLines(written, o.out))
  return 0
}

export function addReport(program: Command, exit: SetExit): void {
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
      exit(await report(options))
    })
}
