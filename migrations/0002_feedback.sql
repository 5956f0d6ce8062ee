-- Generated from src/store/d1-schema.ts D1_FEEDBACK_SCHEMA (tests/store/d1-feedback-store.test.ts keeps them equal).
CREATE TABLE IF NOT EXISTS feedback (
  id TEXT PRIMARY KEY,
  received_at TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  question TEXT NOT NULL,
  comment TEXT,
  answer TEXT
);
CREATE INDEX IF NOT EXISTS feedback_received ON feedback (received_at);
