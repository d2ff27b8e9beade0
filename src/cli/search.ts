import type { Command } from 'commander'
import { authorities, positiveInt, renderSearchHits, searchMark, themes } from '../index.js'
import { dbOption, ENVIRONMENT, type SetExit } from './options.js'
import { err, outJson, outLines } from './output.js'
import { withStore } from './with-store.js'

interface SearchFlags { db: string; limit: string; json?: boolean; allRevisions?: boolean; authority?: string; theme?: string }

function search(words: string[], o: SearchFlags): Promise<number> {
  return withStore(o.db, async (store) => {
    const hits = await store.search(words.join(' '), {
      limit: positiveInt(o.limit, '--limit'), mark: searchMark(Boolean(process.stdout.isTTY) && !o.json), allRevisions: o.allRevisions,
      authority: o.authority === undefined ? undefined : authorities([o.authority], await store.knownAuthorities())[0],
      theme: o.theme === undefined ? undefined : themes([o.theme])[0],
    })
    if (o.json) outJson(hits)
    else {
      if (hits.length === 0) err(`no matches for ${words.join(' ')}`)
      outLines(renderSearchHits(hits))
    }
    return 0
  })
}

export function addSearch(program: Command, exit: SetExit): void {
  program
    .command('search')
    .description('Full-text search of recommendations, actions, milestones and progress notes')
    .argument('<words...>', 'words to find (all of them; English stemming, so "supervise" finds "supervision")')
    .addOption(dbOption())
    .option('--limit <n>', 'how many hits', '20')
    .option('--json', 'JSON instead of text')
    .option('--authority <name-or-code>', 'only plans of this authority (name or GSS code)')
    .option('--theme <theme>', 'only records with this theme, or under a recommendation with it (slug or label, any case)')
    .option('--all-revisions', 'search every revision of each plan, not only the latest')
    .option('--verbose', 'the stack of an internal error')
    .addHelpText('after', `\nEach hit names its file and page, its plan and its ref.\n\nExamples:\n  actionplan search supervision audit\n  actionplan search care leavers --json\n  actionplan search audit --authority Telford --theme supervision${ENVIRONMENT}`)
    .action(async (words: string[], options: SearchFlags) => {
      exit(await search(words, options))
    })
}
