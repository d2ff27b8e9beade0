import { ENVIRONMENT } from './options.js'

/** What `ingest --help` says after the options. */
export const INGEST_HELP = [
  '',
  'Each file is stored whole or not at all; a file whose bytes are already stored is skipped, and a new',
  'version of a known plan (same authority and title) becomes its next revision. Every run is recorded:',
  'see `actionplan runs`. A file that failed before with the same bytes is skipped as a known failure',
  '(--retry-failed tries it again). Exit code 1 when some file failed in this run (the others are imported).',
  'Folder walks follow symbolic links and skip (and count) files of types no reader claims.',
  '',
  'Examples:',
  '  actionplan ingest plans/ --db plans.sqlite',
  '  actionplan ingest telford.pdf dudley.docx',
  "  actionplan ingest /data/plans --include '*.pdf' --exclude '**/drafts/**' --json >> ingest.log",
  '  pbpaste | actionplan ingest - --name telford-2012.txt',
  '  actionplan ingest scans/ --ocr force --timeout 600',
  "  actionplan ingest /data/plans --db postgres://analyst@db.example/plans --shard 2/4   # on the 2nd of 4 machines",
].join('\n') + ENVIRONMENT
