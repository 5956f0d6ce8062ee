// The D1 feedback store over an in-process SQLite (node:sqlite, the engine D1 runs) behind the
// D1 API shape the store uses; the Worker under wrangler dev is tests/workers/worker-feedback.test.ts.
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { FeedbackItem } from '../../src/contract.ts';
import type { D1Database, D1PreparedStatement } from '../../src/workers/cf-types.ts';
import { D1FeedbackStore } from '../../src/workers/d1-feedback-store.ts';
import { D1_FEEDBACK_SCHEMA } from '../../src/workers/d1-schema.ts';

/** The D1 calls the store makes, over node:sqlite; `batch` is one transaction, as in D1. */
function sqliteD1(db = new DatabaseSync(':memory:')): D1Database & { raw: DatabaseSync } {
  const statement = (sql: string, values: unknown[] = []): D1PreparedStatement => ({
    bind: (...v) => statement(sql, v),
    all: async <T>() => ({ results: db.prepare(sql).all(...(values as never[])) as T[] }),
    first: async <T>() => (db.prepare(sql).get(...(values as never[])) as T | undefined) ?? null,
    run: async () => db.prepare(sql).run(...(values as never[])),
  });
  return {
    raw: db,
    prepare: (sql) => statement(sql),
    batch: async (stmts) => {
      db.exec('BEGIN');
      try {
        const out = [];
        for (const s of stmts) out.push(await s.run());
        db.exec('COMMIT');
        return out;
      } catch (err) {
        db.exec('ROLLBACK');
        throw err;
      }
    },
    exec: async (sql) => db.exec(sql),
  };
}

const item = (id: string, receivedAt: string, extra: Partial<FeedbackItem> = {}): FeedbackItem => ({
  id,
  receivedAt,
  question: 'Hộ nghèo Quảng Trị cuối 2023?',
  rating: 'up',
  ...extra,
});

describe('D1FeedbackStore', () => {
  it('creates its table on first use and gives the items back, oldest first', async () => {
    const store = new D1FeedbackStore(sqliteD1());
    await store.add(
      item('b', '2026-12-04T01:00:00.000Z', {
        rating: 'down',
        comment: 'Thiếu số hộ cận nghèo',
        answer: '14.040 hộ [1]',
      }),
    );
    await store.add(item('a', '2026-12-04T00:59:00.000Z'));
    expect(await store.list()).toEqual([
      item('a', '2026-12-04T00:59:00.000Z'),
      item('b', '2026-12-04T01:00:00.000Z', {
        rating: 'down',
        comment: 'Thiếu số hộ cận nghèo',
        answer: '14.040 hộ [1]',
      }),
    ]);
  });

  it('keeps what another isolate wrote to the same database', async () => {
    const db = sqliteD1();
    await new D1FeedbackStore(db).add(item('x', '2026-12-04T01:00:00.000Z'));
    expect((await new D1FeedbackStore(db).list()).map((i) => i.id)).toEqual(['x']);
  });

  it('refuses a second item with the same id rather than overwrite the first', async () => {
    const store = new D1FeedbackStore(sqliteD1());
    await store.add(item('x', '2026-12-04T01:00:00.000Z'));
    await expect(store.add(item('x', '2026-12-04T01:01:00.000Z', { rating: 'down' }))).rejects.toThrow();
    expect((await store.list()).map((i) => i.rating)).toEqual(['up']);
  });

  it('skips a row that no longer fits the contract, as the file store skips an unreadable file', async () => {
    const db = sqliteD1();
    const store = new D1FeedbackStore(db);
    await store.add(item('ok', '2026-12-04T01:00:00.000Z'));
    db.raw
      .prepare(
        "INSERT INTO feedback (id, received_at, rating, question) VALUES ('bad', '2026-12-04T02:00:00.000Z', 'up', '   ')",
      )
      .run();
    expect((await store.list()).map((i) => i.id)).toEqual(['ok']);
  });
});
