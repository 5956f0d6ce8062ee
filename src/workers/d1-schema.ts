// The D1 schema of the sharded deployment: report metadata and extracted figures, so /api/figures
// and the CSV export are indexed SQL queries. migrations/0001_init.sql holds the same statements
// (a test keeps them equal); the Worker also applies them, idempotently, on first use.

export const D1_SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY,
  shard TEXT NOT NULL,
  title TEXT NOT NULL,
  province_code TEXT,
  published_at TEXT,
  source TEXT,
  received_at TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  passages INTEGER NOT NULL,
  figures INTEGER NOT NULL,
  meta TEXT NOT NULL
)`,
  'CREATE INDEX IF NOT EXISTS reports_shard ON reports (shard)',
  `CREATE TABLE IF NOT EXISTS figures (
  report_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  metric TEXT NOT NULL,
  label_folded TEXT NOT NULL,
  place TEXT,
  place_folded TEXT,
  place_key TEXT,
  province_code TEXT,
  province_folded TEXT,
  year_from INTEGER,
  year_to INTEGER,
  kind TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (report_id, seq)
)`,
  'CREATE INDEX IF NOT EXISTS figures_metric ON figures (metric)',
  'CREATE INDEX IF NOT EXISTS figures_place ON figures (place_folded)',
  'CREATE INDEX IF NOT EXISTS figures_place_key ON figures (place_key)',
  'CREATE INDEX IF NOT EXISTS figures_province ON figures (province_code)',
  'CREATE INDEX IF NOT EXISTS figures_year ON figures (year_from, year_to)',
  'CREATE INDEX IF NOT EXISTS figures_kind ON figures (kind)',
];

/**
 * 👍/👎 feedback on answers (d1-feedback-store.ts), one row an item; migrations/0002_feedback.sql
 * holds the same statements (a test keeps them equal). Apart from D1_SCHEMA: a deployment with
 * D1 bound for feedback alone needs no report tables.
 */
export const D1_FEEDBACK_SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS feedback (
  id TEXT PRIMARY KEY,
  received_at TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  question TEXT NOT NULL,
  comment TEXT,
  answer TEXT
)`,
  'CREATE INDEX IF NOT EXISTS feedback_received ON feedback (received_at)',
];
