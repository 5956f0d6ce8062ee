// Wiring for the language-model tests: the real core over the seeds, the LLM assistant pointed at
// a scripted chat-completions server on loopback, and a log that keeps what was logged.
import { createAssistant } from '../../../src/answer/assistant.ts';
import { createLlmAssistant } from '../../../src/answer/llm/assistant.ts';
import type { LlmSettings } from '../../../src/answer/llm/client.ts';
import type { Assistant } from '../../../src/answer/types.ts';
import { type FakeServer, type Script, startFakeChatServer } from '../../../src/cli/fake-llm.ts';
import { Corpus } from '../../../src/corpus/corpus.ts';
import { MemoryStore } from '../../../src/store/memory-store.ts';
import { seeds } from '../../helpers/app.ts';

export const API_KEY = 'sk-test-5ecret-key-do-not-log-0123456789';

export interface Logged {
  level: string;
  msg: string;
  extra?: Record<string, unknown>;
}

export interface LlmRig {
  corpus: Corpus;
  core: Assistant;
  assistant: Assistant;
  fake: FakeServer;
  logs: Logged[];
  settings: LlmSettings;
}

const running: FakeServer[] = [];

export async function llmRig(script: Script, opts: { timeoutMs?: number; corpus?: Corpus } = {}): Promise<LlmRig> {
  const corpus = opts.corpus ?? (await seedCorpus());
  const fake = await startFakeChatServer(script);
  running.push(fake);
  const logs: Logged[] = [];
  const settings: LlmSettings = {
    apiKey: API_KEY,
    baseURL: fake.baseURL,
    model: 'scripted',
    timeoutMs: opts.timeoutMs ?? 3000,
  };
  const core = createAssistant(corpus);
  const assistant = createLlmAssistant(corpus, core, settings, (level, msg, extra) =>
    logs.push({ level, msg, ...(extra ? { extra } : {}) }),
  );
  return { corpus, core, assistant, fake, logs, settings };
}

export async function seedCorpus(): Promise<Corpus> {
  return Corpus.open({ store: new MemoryStore(), seeds: await seeds() });
}

export async function closeAll() {
  await Promise.all(running.splice(0).map((f) => f.close()));
}

export function fallbacks(logs: Logged[]) {
  return logs
    .filter((l) => l.extra?.event === 'llm_fallback')
    .map((l) => l.extra as { reason: string; offendingNumbers: string[] });
}
