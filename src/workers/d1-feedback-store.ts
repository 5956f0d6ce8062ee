// Feedback on Workers: one D1 row an item (table `feedback`, migrations/0002_feedback.sql), behind
// the same port as the Node file store. The table is also created on first use, so `wrangler dev`
// needs no migration step.
import { type FeedbackItem, FeedbackItem as FeedbackItemSchema } from '../contract.ts';
import type { FeedbackStore } from '../store/feedback-store.ts';
import type { D1Database } from './cf-types.ts';
import { D1_FEEDBACK_SCHEMA } from './d1-schema.ts';

interface FeedbackRow {
  id: string;
  received_at: string;
  rating: string;
  question: string;
  comment: string | null;
  answer: string | null;
}

export class D1FeedbackStore implements FeedbackStore {
  readonly writable = true;
  readonly #db: D1Database;
  #ready: Promise<void> | undefined;

  constructor(db: D1Database) {
    this.#db = db;
  }

  /** CREATE … IF NOT EXISTS once per isolate; retried after a failure. */
  #schema(): Promise<void> {
    this.#ready ??= this.#db.batch(D1_FEEDBACK_SCHEMA.map((sql) => this.#db.prepare(sql))).then(
      () => undefined,
      (err: unknown) => {
        this.#ready = undefined;
        throw err;
      },
    );
    return this.#ready;
  }

  async add(item: FeedbackItem) {
    await this.#schema();
    // Resolves once D1 has committed the row: what the port promises ("durably stored").
    await this.#db
      .prepare('INSERT INTO feedback (id, received_at, rating, question, comment, answer) VALUES (?, ?, ?, ?, ?, ?)')
      .bind(item.id, item.receivedAt, item.rating, item.question, item.comment ?? null, item.answer ?? null)
      .run();
  }

  async list() {
    await this.#schema();
    const { results } = await this.#db
      .prepare('SELECT id, received_at, rating, question, comment, answer FROM feedback ORDER BY received_at, id')
      .all<FeedbackRow>();
    const items: FeedbackItem[] = [];
    for (const row of results) {
      // A row written by hand or by an older version that no longer fits the contract is skipped, as the file store skips an unreadable file.
      const parsed = FeedbackItemSchema.safeParse({
        id: row.id,
        receivedAt: row.received_at,
        rating: row.rating,
        question: row.question,
        ...(row.comment !== null ? { comment: row.comment } : {}),
        ...(row.answer !== null ? { answer: row.answer } : {}),
      });
      if (parsed.success) items.push(parsed.data);
    }
    return items;
  }
}
