import { OCR_BACKFILL } from './migrations.js'

/**
 * The PostgreSQL schema, numbered with SQLite's migrations (./migrations.ts) so one number means
 * one schema on both. PostgreSQL support came at schema 5, so a new database is created at once
 * as schema 5 (BASELINE); each later SQLite migration N gets its PostgreSQL twin as
 * PG_MIGRATIONS[N - 6], and a test holds the two lists to the same length.
 *
 * Text is compared and sorted byte-wise (COLLATE "C"), as SQLite does, whatever the server's
 * locale: the order of revisions, of file names and of the export must not depend on the server.
 * JSON stays in TEXT columns, as on SQLite, so the reader is the same for both.
 */

export const PG_BASELINE_VERSION = 5

const bytewise = (ddl: string): string => ddl.replace(/\bTEXT\b/g, 'TEXT COLLATE "C"')

const BASELINE = bytewise(`
  CREATE TABLE sources (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    pages INTEGER,
    imported_at TEXT NOT NULL,
    plan_id TEXT,
    title_key TEXT,
    modified_at TEXT,
    coverage DOUBLE PRECISION
  );
  CREATE INDEX sources_plan ON sources(plan_id);
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
    coverage DOUBLE PRECISION NOT NULL,
    imported_at TEXT NOT NULL,
    authority_key TEXT,
    fingerprint TEXT,
    colours TEXT,
    version DOUBLE PRECISION,
    inspection_date TEXT,
    UNIQUE (plan_key, revision)
  );
  CREATE INDEX plans_content ON plans(authority_key, fingerprint);
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
    provenance TEXT NOT NULL,
    themes TEXT NOT NULL DEFAULT '[]'
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
    provenance TEXT NOT NULL,
    themes TEXT NOT NULL DEFAULT '[]',
    also_answers TEXT NOT NULL DEFAULT '[]',
    status_effective TEXT,
    status_source TEXT
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
  CREATE TABLE runs (
    id SERIAL PRIMARY KEY,
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
    ms INTEGER NOT NULL,
    id SERIAL PRIMARY KEY
  );
  CREATE INDEX run_files_run ON run_files(run_id);
  CREATE TABLE record_themes (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    theme TEXT NOT NULL,
    words TEXT NOT NULL
  );
  CREATE INDEX record_themes_theme ON record_themes(theme);
  CREATE INDEX record_themes_plan ON record_themes(plan_id);
  CREATE TABLE search (
    text TEXT NOT NULL,
    progress TEXT,
    plan_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    document tsvector GENERATED ALWAYS AS (to_tsvector('english', text || E'\\n' || COALESCE(progress, ''))) STORED
  );
  CREATE INDEX search_document ON search USING GIN (document);
  CREATE INDEX search_plan ON search(plan_id);
`)

/** Migrations after the baseline: PG_MIGRATIONS[i] is schema PG_BASELINE_VERSION + 1 + i, twin of SQLite's. */
export const PG_MIGRATIONS: readonly string[] = [
  // 6: each file's diagnostics kept with its run; a run counts its files imported with warnings.
  `ALTER TABLE run_files ADD COLUMN diagnostics TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE runs ADD COLUMN imported_with_warnings INTEGER NOT NULL DEFAULT 0;`,
  // 7: whether a file was read by OCR, 0 or 1; plans stored before are marked from their records' confidence.
  `ALTER TABLE sources ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0;
   ${OCR_BACKFILL}`,
]

export const PG_SCHEMA_VERSION = PG_BASELINE_VERSION + PG_MIGRATIONS.length

/** The statements that bring a database at `version` (0: empty) to the next version. */
export function pgStep(version: number): string {
  if (version < PG_BASELINE_VERSION) return BASELINE
  return bytewise(PG_MIGRATIONS[version - PG_BASELINE_VERSION]!)
}
