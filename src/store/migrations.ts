import type { Database } from 'better-sqlite3'
import { rebuildIdentity } from './rebuild.js'
import type { Connection } from './sql.js'

/**
 * Numbered migrations, applied in order inside one transaction each; `PRAGMA user_version` holds the
 * number of the last one applied. Never edit a migration that has shipped: add the next one.
 */
/** Marks the files whose records were read by OCR (migration 7, on both drivers). */
export const OCR_BACKFILL = `UPDATE sources SET ocr = 1 WHERE EXISTS (SELECT 1 FROM plans p WHERE p.source_sha256 = sources.sha256 AND (
    EXISTS (SELECT 1 FROM recommendations r WHERE r.plan_id = p.id AND r.provenance LIKE '%"confidence":%')
    OR EXISTS (SELECT 1 FROM actions a WHERE a.plan_id = p.id AND a.provenance LIKE '%"confidence":%')));`

const MIGRATIONS: readonly string[] = [
  // 1: sources, plans and the recommendation → action → milestone tree.
  `
  CREATE TABLE sources (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    pages INTEGER,
    imported_at TEXT NOT NULL
  );
  CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    plan_key TEXT NOT NULL,
    revision INTEGER NOT NULL,
    source_sha256 TEXT NOT NULL UNIQUE REFERENCES sources(sha256),
    title TEXT,
    authority_name TEXT,
    authority_code TEXT,
    authorities TEXT NOT NULL,
    inspectorate TEXT,
    plan_date TEXT,
    keys TEXT NOT NULL,
    notes TEXT NOT NULL,
    coverage REAL NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (plan_key, revision)
  );
  CREATE TABLE recommendations (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ref TEXT,
    text TEXT NOT NULL,
    theme TEXT,
    timeframe TEXT,
    organisations TEXT NOT NULL,
    shares_actions_with TEXT NOT NULL,
    extra TEXT NOT NULL,
    provenance TEXT NOT NULL
  );
  CREATE INDEX recommendations_plan ON recommendations(plan_id, position);
  CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ref TEXT,
    text TEXT NOT NULL,
    leads TEXT NOT NULL,
    lead_raw TEXT,
    organisations TEXT NOT NULL,
    due_date TEXT,
    due_raw TEXT,
    status TEXT,
    rag TEXT,
    rag_source TEXT,
    status_raw TEXT,
    progress TEXT,
    success_criteria TEXT,
    evidence TEXT,
    impact TEXT,
    timeframe TEXT,
    extra TEXT NOT NULL,
    provenance TEXT NOT NULL
  );
  CREATE INDEX actions_recommendation ON actions(recommendation_id, position);
  CREATE INDEX actions_plan ON actions(plan_id);
  CREATE TABLE milestones (
    action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    due_date TEXT,
    due_raw TEXT,
    status TEXT,
    rag TEXT,
    provenance TEXT NOT NULL,
    PRIMARY KEY (action_id, position)
  );
  `,
  // 2: each ingest run and what happened to each file in it, for unattended nightly imports.
  `
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    pid INTEGER NOT NULL,
    files INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    args TEXT NOT NULL
  );
  CREATE TABLE run_files (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    sha256 TEXT,
    status TEXT NOT NULL,
    code TEXT,
    message TEXT,
    plan_id TEXT,
    ms INTEGER NOT NULL
  );
  CREATE INDEX run_files_run ON run_files(run_id);
  `,
  // 3: themes of each record, and full-text search over the text a researcher looks for.
  `
  ALTER TABLE recommendations ADD COLUMN themes TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE actions ADD COLUMN themes TEXT NOT NULL DEFAULT '[]';
  CREATE TABLE record_themes (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    theme TEXT NOT NULL,
    words TEXT NOT NULL
  );
  CREATE INDEX record_themes_theme ON record_themes(theme);
  CREATE INDEX record_themes_plan ON record_themes(plan_id);
  CREATE VIRTUAL TABLE search USING fts5(text, progress, plan_id UNINDEXED, record_id UNINDEXED, kind UNINDEXED, tokenize = 'porter unicode61');
  `,
  // 4: renditions and revisions (DESIGN.md, "Identity over time"). A file is a rendition of one
  // revision (sources.plan_id); a revision is matched by its content fingerprint and numbered by
  // the plan's date, version and file time. Actions: the recommendations a shared action also
  // answers, and a status comparable across plans.
  `
  ALTER TABLE sources ADD COLUMN plan_id TEXT;
  ALTER TABLE sources ADD COLUMN title_key TEXT;
  ALTER TABLE sources ADD COLUMN modified_at TEXT;
  ALTER TABLE sources ADD COLUMN coverage REAL;
  UPDATE sources SET plan_id = (SELECT p.id FROM plans p WHERE p.source_sha256 = sources.sha256),
    coverage = (SELECT p.coverage FROM plans p WHERE p.source_sha256 = sources.sha256);
  CREATE INDEX sources_plan ON sources(plan_id);
  ALTER TABLE plans ADD COLUMN authority_key TEXT;
  ALTER TABLE plans ADD COLUMN fingerprint TEXT;
  ALTER TABLE plans ADD COLUMN colours TEXT;
  ALTER TABLE plans ADD COLUMN version REAL;
  ALTER TABLE plans ADD COLUMN inspection_date TEXT;
  CREATE INDEX plans_content ON plans(authority_key, fingerprint);
  ALTER TABLE actions ADD COLUMN also_answers TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE actions ADD COLUMN status_effective TEXT;
  ALTER TABLE actions ADD COLUMN status_source TEXT;
  `,
  // 5: plans stored before 4 are re-imported through the new rules (renditions folded into one
  // revision, shared actions stored once, status_effective derived, revisions renumbered). Only
  // flagged here: the re-import writes with today's PlanWriter, so it runs after the last migration.
  `
  CREATE TABLE pending_rebuild (reason TEXT NOT NULL);
  INSERT INTO pending_rebuild SELECT 'renditions and shared actions (schema 4)' WHERE EXISTS (SELECT 1 FROM plans);
  `,
  // 6: each file's warnings kept with its run (they were only printed with --verbose), as the JSON
  // list of its diagnostics; a run counts its files imported with warnings (issue 16).
  `
  ALTER TABLE run_files ADD COLUMN diagnostics TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE runs ADD COLUMN imported_with_warnings INTEGER NOT NULL DEFAULT 0;
  `,
  // 7: whether a file was read by OCR (a scan; the plan's source.ocr), per file, as 0 or 1. The
  // rows' OCR confidence is kept in their provenance JSON already. A plan stored before is marked
  // when any of its records carries a confidence: only OCR gives one.
  `
  ALTER TABLE sources ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0;
  ${OCR_BACKFILL}
  `,
]

export const SCHEMA_VERSION = MIGRATIONS.length

/** The refusal both drivers give a database written by a newer release. */
export function newerSchema(found: number, known: number): Error {
  return new Error(`the database was written by a newer actionplan (schema ${found}, this one knows ${known}); upgrade actionplan`)
}

/**
 * Applies the migrations not yet applied; `upTo` stops early (tests build a database as an older
 * release wrote it). The re-import a migration may ask for runs after, in `rebuildIfFlagged`.
 */
export function migrate(db: Database, upTo = MIGRATIONS.length): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > MIGRATIONS.length) throw newerSchema(current, MIGRATIONS.length)
  for (let version = current; version < upTo; version += 1) {
    db.transaction(() => {
      // Another process may have migrated while we waited for the write lock.
      if ((db.pragma('user_version', { simple: true }) as number) > version) return
      db.exec(MIGRATIONS[version]!)
      db.pragma(`user_version = ${version + 1}`)
    }).immediate()
  }
}

/** Runs the re-import a migration asked for, once, in one transaction. */
export async function rebuildIfFlagged(connection: Connection & { db: Database }): Promise<void> {
  const { db } = connection
  const flagged = (): boolean =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'pending_rebuild'").get() !== undefined && db.prepare('SELECT 1 FROM pending_rebuild').get() !== undefined
  if ((db.pragma('user_version', { simple: true }) as number) !== MIGRATIONS.length || !flagged()) return
  await connection.transaction(async (sql) => {
    if (!flagged()) return
    await rebuildIdentity(sql)
    await sql.run('DELETE FROM pending_rebuild')
  })
}
