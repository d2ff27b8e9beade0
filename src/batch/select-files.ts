import { existsSync } from 'node:fs'
import { SUPPORTED } from '../../parsers/index.js'
import { UsageError } from '../cli-values.js'
import { isSupportedFile } from '../ingest.js'
import { selectPaths } from './glob.js'
import { walkPaths } from './walk.js'

/** The files an ingest reads, and what the walk skipped, said in notes for stderr. */
export interface FileSelection {
  files: string[]
  /** One line per kind of thing skipped, with how many. */
  notes: string[]
  /** Every path skipped (unsupported types, repeated folders, broken links), for --verbose. */
  skipped: string[]
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

/**
 * The paths of `actionplan ingest` made into files: folders walked, --include/--exclude applied.
 * No supported file at all is a usage error that says what was skipped and why.
 */
export function selectFiles(paths: readonly string[], options: { include: readonly string[]; exclude: readonly string[]; stdinName?: string }): FileSelection {
  if (options.stdinName !== undefined && !paths.includes('-')) throw new UsageError('--name names standard input; give - among the paths')
  const missing = paths.filter((p) => p !== '-' && !existsSync(p))
  const walk = walkPaths(paths.filter((p) => !missing.includes(p)), isSupportedFile)
  const files = selectPaths(walk.files, options.include, options.exclude)
  // A path that does not exist is a failed file, not a usage error: the rest of the batch still runs.
  files.push(...missing)
  const unsupported = selectPaths(walk.unsupported, options.include, options.exclude)
  const notes = [
    unsupported.length > 0 ? `${count(unsupported.length, 'file')} skipped: not a supported type` : '',
    walk.repeated.length > 0 ? `${count(walk.repeated.length, 'folder link')} skipped: the folder was already walked (a loop, or a second link to it)` : '',
    walk.broken.length > 0 ? `${count(walk.broken.length, 'link')} skipped: the file it points to does not exist` : '',
  ].filter(Boolean)
  if (files.length === 0) {
    const why = notes.length > 0 ? ` (${notes.join('; ')})` : ''
    throw new UsageError(`no supported files in ${paths.join(', ')}${options.include.length + options.exclude.length > 0 ? ' after --include/--exclude' : ''}${why}; supported types are ${SUPPORTED}`)
  }
  return { files, notes, skipped: [...unsupported, ...walk.repeated, ...walk.broken] }
}
