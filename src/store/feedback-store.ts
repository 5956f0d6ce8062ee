// Where 👍/👎 feedback on answers is kept: the port, and a memory store for tests and for a
// deployment with nowhere durable to put it (there it answers 503 rather than lose what it took).
// The Node file store is file-feedback-store.ts, apart, so the Worker never imports node:fs.
import type { FeedbackItem } from '../contract.ts';

export interface FeedbackStore {
  readonly writable: boolean;
  /** Durably stores the item before resolving. */
  add(item: FeedbackItem): Promise<void>;
  /** Every item, oldest first; unreadable files are skipped. */
  list(): Promise<FeedbackItem[]>;
}

export class MemoryFeedbackStore implements FeedbackStore {
  readonly #items: FeedbackItem[] = [];
  constructor(readonly writable = true) {}

  async add(item: FeedbackItem) {
    this.#items.push({ ...item });
  }

  async list() {
    return this.#items.map((i) => ({ ...i }));
  }
}
