// Test wiring: the real app over the real seeds, with an in-memory store and a known admin token.

import { createAssistant } from '../../src/answer/assistant.ts';
import type { Assistant } from '../../src/answer/types.ts';
import { parseConfig } from '../../src/config.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import { memoryPort } from '../../src/corpus/memory-port.ts';
import { type AppDeps, createApp } from '../../src/http/app.ts';
import { buildReport } from '../../src/ingest/build-report.ts';
import type { Report } from '../../src/ingest/types.ts';
import { type FeedbackStore, MemoryFeedbackStore } from '../../src/store/feedback-store.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { readSeedInputs } from '../../src/store/seed-files.ts';
import type { ReportStore } from '../../src/store/types.ts';

export const ADMIN_TOKEN = 'test-admin-token';

let seedReports: Promise<Report[]> | undefined;
export function seeds(): Promise<Report[]> {
  seedReports ??= readSeedInputs().then((inputs) => inputs.map(buildReport));
  return seedReports;
}

export async function testApp(
  opts: {
    adminToken?: string | null;
    store?: ReportStore;
    maxReportBytes?: number;
    /** Replaces the real answering core (a fake with fixed answers, for the surfaces' tests). */
    assistant?: Assistant;
    /** More settings, as the environment would give them. */
    env?: Record<string, string | undefined>;
    log?: AppDeps['log'];
    feedback?: FeedbackStore;
  } = {},
) {
  const store = opts.store ?? new MemoryStore();
  const config = parseConfig({
    ADMIN_TOKEN: opts.adminToken === null ? undefined : (opts.adminToken ?? ADMIN_TOKEN),
    MAX_REPORT_BYTES: opts.maxReportBytes ? String(opts.maxReportBytes) : undefined,
    ...opts.env,
  });
  const corpus = await Corpus.open({ store, seeds: await seeds() });
  const assistant = opts.assistant ?? createAssistant(corpus);
  const feedback = opts.feedback ?? new MemoryFeedbackStore();
  const deps = {
    config,
    corpus: memoryPort(corpus),
    runtime: 'node' as const,
    log: opts.log ?? (() => {}),
    assistant,
    feedback,
  };
  const app = createApp(deps);
  return { app, corpus, store, assistant, feedback };
}

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
