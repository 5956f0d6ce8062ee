// What every surface (widget, OpenAI-compatible API, bots, docs) needs from the app: the settings,
// the assistant and a logger, plus the two runtime-sensitive helpers they share.

import type { Context } from 'hono';
import type { Assistant } from '../answer/types.ts';
import type { Config } from '../config.ts';
import type { CorpusReader } from '../corpus/port.ts';
import type { Log } from '../log.ts';
import { coverageLine } from './bot-messages.ts';
import { createRateWindow } from './rate-limit.ts';

export interface SurfaceDeps {
  config: Config;
  assistant: Assistant;
  log?: Log;
  /** The reports served, for the bots' help ("what do the reports cover?"). */
  corpus?: Pick<CorpusReader, 'list'>;
}

/** One line on what the reports cover, for a bot's help; '' when the surface has no corpus. */
export async function coverageOf(deps: SurfaceDeps): Promise<string> {
  return deps.corpus ? coverageLine(await deps.corpus.list()) : '';
}

/**
 * The absolute URL links should use: PUBLIC_BASE_URL; else the request's own origin only when it
 * is this machine (loopback, as in development); else '' (no links). The Host header is the
 * client's to write, and a reply must not point readers wherever a forged one says (issue 15).
 */
export function publicBase(c: Context, config: Pick<Config, 'PUBLIC_BASE_URL'>): string {
  if (config.PUBLIC_BASE_URL) return config.PUBLIC_BASE_URL;
  const origin = new URL(c.req.url);
  return /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/.test(origin.hostname) ? origin.origin : '';
}

/**
 * Runs `work` after the response is sent. Workers keep the isolate alive through
 * `executionCtx.waitUntil`; Node has no execution context (Hono throws on access), and a detached
 * promise simply runs on. Failures are logged, never thrown.
 */
export function runAfterResponse(c: Context, work: () => Promise<void>, log: Log): void {
  const task = Promise.resolve()
    .then(work)
    .catch((err: unknown) =>
      log('error', 'background task failed', { error: err instanceof Error ? err.message : String(err) }),
    );
  try {
    c.executionCtx.waitUntil(task);
  } catch {
    // No execution context (Node): the promise above already runs on its own.
  }
}

/** Constant-time comparison of two strings (the length may leak; the contents do not). */
export function safeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/**
 * The bots' own rate limit, per sender (a Telegram chat, a Zalo user): their webhooks all come from
 * the platform's servers, so an address says nothing of who asks. Returns the seconds to wait, 0
 * when the question may be answered; RATE_LIMIT_PER_MINUTE=0 turns it off.
 */
export function senderLimit(config: Pick<Config, 'RATE_LIMIT_PER_MINUTE'>): (sender: string) => number {
  if (config.RATE_LIMIT_PER_MINUTE <= 0) return () => 0;
  const bucket = createRateWindow(config.RATE_LIMIT_PER_MINUTE);
  return (sender) => bucket.take(sender);
}

/** What a bot says to a sender over the limit. */
export function tooManyQuestions(wait: number): string {
  return `Bạn đã gửi quá nhiều câu hỏi trong một phút. Vui lòng thử lại sau ${wait} giây.`;
}
