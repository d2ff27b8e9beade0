import { Option } from 'commander'
import { FORMATS } from '../index.js'

/** Options and help text several commands share. */

// An empty ACTIONPLAN_DB counts as unset.
const DEFAULT_DB = process.env.ACTIONPLAN_DB || 'actionplans.sqlite'

// The default is described, not shown: $ACTIONPLAN_DB may be a URL with a password.
export const dbOption = (): Option =>
  new Option('--db <file-or-url>', 'SQLite database file, or a postgres:// URL (default: $ACTIONPLAN_DB, else actionplans.sqlite)').default(DEFAULT_DB, '$ACTIONPLAN_DB or actionplans.sqlite')

export const readerOption = (flag: string): Option => new Option(flag, 'read every file with this reader instead of detecting the type').choices([...FORMATS])

export const ocrOption = (): Option =>
  new Option('--ocr <when>', 'read scanned PDF pages by OCR: auto (pages with no text layer), off, force (every page with a scan)').choices(['auto', 'off', 'force']).default('auto')

/** For a repeatable option: each use adds its value. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value]

export const ENVIRONMENT = '\n\nEnvironment:\n  ACTIONPLAN_DB  the database file when --db is not given, or a postgres:// URL (else actionplans.sqlite in the current folder)'
export const NO_DATABASE = '\n\nEnvironment:\n  none: this command reads only the file; it does not open $ACTIONPLAN_DB'

/** What each command's action reports: its exit code. */
export type SetExit = (code: number) => void
