// What createApp is given: the settings, the corpus, the answering core and the stores, built by
// an entry. Its own module so the routes can name it without importing the app that mounts them.
import type { Assistant } from '../answer/types.ts';
import type { Config } from '../config.ts';
import type { CorpusPort } from '../corpus/port.ts';
import type { FeedbackStore } from '../store/feedback-store.ts';

export interface AppDeps {
  config: Config;
  /** The corpus through its one port: in memory (corpus/memory-port.ts) or over shards (workers/). */
  corpus: CorpusPort;
  /** The answering core every surface calls. */
  assistant: Assistant;
  runtime: 'node' | 'workers';
  /** Where 👍/👎 feedback goes; unset: nowhere durable, so POST /api/feedback answers 503. */
  feedback?: FeedbackStore;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}
