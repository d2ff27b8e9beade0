import { type Command, Option } from 'commander'
import { diagnosticLine, readBytes, readDocument, readFailureLines, renderTables, tablesOf, type Format } from '../index.js'
import { NO_DATABASE, readerOption, type SetExit } from './options.js'
import { err, errLines, out } from './output.js'

async function tables(path: string, o: { format: 'json' | 'csv'; reader?: Format; password?: string; verbose?: boolean }): Promise<number> {
  const bytes = readBytes(path, 'tables')
  try {
    const { document, diagnostics } = await readDocument(path, bytes, { format: o.reader, password: o.password })
    const found = tablesOf(document)
    out(await renderTables(found, o.format))
    // What the reader noted (a page read from the layout because its tags were broken) explains the grids.
    errLines(diagnostics.map(diagnosticLine))
    err(`${found.length} table(s) in ${path}`)
    return 0
  } catch (error) {
    errLines(readFailureLines(path, error, o.verbose))
    return 1
  }
}

export function addTables(program: Command, exit: SetExit): void {
  program
    .command('tables')
    .description('Print the tables a reader found in any file (page, bounding box, rows of cells): what the reader saw')
    .argument('<file>', 'a PDF, Word, HTML or text file')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .addOption(readerOption('--reader <reader>'))
    .option('--password <password>', 'password for encrypted PDFs')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nTables are numbered from 0 in reading order, as in \`explain\` and in each record's provenance.\n\nExamples:\n  actionplan tables plan.pdf\n  actionplan tables plan.docx --format csv > cells.csv${NO_DATABASE}`)
    .action(async (file: string, options) => {
      exit(await tables(file, options))
    })
}
