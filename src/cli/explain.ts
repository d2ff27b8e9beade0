import type { Command } from 'commander'
import { interpretFile, readBytes, readFailureLines, renderExplanation, type Format } from '../index.js'
import { NO_DATABASE, readerOption, type SetExit } from './options.js'
import { errLines, out } from './output.js'

async function explain(path: string, o: { reader?: Format; password?: string; verbose?: boolean }): Promise<number> {
  const bytes = readBytes(path, 'explain')
  try {
    const result = await interpretFile(path, bytes, { format: o.reader, password: o.password })
    out(renderExplanation(result.interpretation, result.diagnostics, result.document))
    return 0
  } catch (error) {
    errLines(readFailureLines(path, error, o.verbose))
    return 1
  }
}

export function addExplain(program: Command, exit: SetExit): void {
  program
    .command('explain')
    .description("Show each column's role and why, and each row's class: why the records came out as they did")
    .argument('<file>', 'a plan file')
    .addOption(readerOption('--reader <reader>'))
    .option('--password <password>', 'password for encrypted PDFs')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nTables and rows are numbered from 0, as in \`tables\` and in each record's provenance.\n\nExamples:\n  actionplan explain plan.pdf\n  actionplan explain notes.txt --reader text${NO_DATABASE}`)
    .action(async (file: string, options) => {
      exit(await explain(file, options))
    })
}
