// Feedback on Node: one JSON file per item under DATA_DIR/feedback, written atomically like reports.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type FeedbackItem, FeedbackItem as FeedbackItemSchema } from '../contract.ts';
import { writeFileAtomic } from './atomic-file.ts';
import type { FeedbackStore } from './feedback-store.ts';

export class FileFeedbackStore implements FeedbackStore {
  readonly writable = true;
  readonly #dir: string;

  constructor(dataDir: string) {
    this.#dir = join(resolve(dataDir), 'feedback');
  }

  async add(item: FeedbackItem) {
    // Ids are made by the route (time + random, [0-9a-z-]), never by the client.
    if (!/^[0-9a-z-]{1,64}$/.test(item.id))
      throw new Error(`Refusing a feedback id that is not a safe file name: ${item.id.slice(0, 80)}`);
    await writeFileAtomic(this.#dir, `${item.id}.json`, JSON.stringify(item));
  }

  async list() {
    await mkdir(this.#dir, { recursive: true });
    const items: FeedbackItem[] = [];
    for (const name of (await readdir(this.#dir)).filter((n) => n.endsWith('.json')).sort()) {
      try {
        const parsed = FeedbackItemSchema.safeParse(JSON.parse(await readFile(join(this.#dir, name), 'utf8')));
        if (parsed.success) items.push(parsed.data);
      } catch {}
    }
    return items.sort((a, b) =>
      a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.id < b.id ? -1 : 1,
    );
  }
}
