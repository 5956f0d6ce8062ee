// What every surface (widget, OpenAI-compatible API, bots, docs) needs from the app: the settings,
// the assistant and a logger, plus the two runtime-sensitive helpers they share.
import type { Context } from 'hono';
import type { Assistant } from '../answer/types.ts';
import type { Config } from '../config.ts';

export type Log = (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;

export interface SurfaceDeps {
  config: Config;
  assistant: Assistant;
  log?: Log;
}

/** The absolute URL links should use: PUBLIC_BASE_URL, else the origin the request came to. */
export function publicBase(c: Context, config: Config): string {
  return config.PUBLIC_BASE_URL ?? new URL(c.req.url).origin;
}

/**
 * Runs `work` after the response is sent. Workers keep the isolate alive through
 * `executionCtx.waitUntil`; Node has no execution context (Hono throws on access), and a detached
 * promise simply runs on. Failures are logged, never thrown.
 */
export function runAfterResponse(c: Context, work: () => Promise<void>, log: Log): void {
  const task = Promise.resolve()
    .then(work)
    .catch((err: unknown) => log('error', 'background task failed', { error: err instanceof Error ? err.message : String(err) }));
  try {
    c.executionCtx.waitUntil(task);
  } catch {
    // No execution context (Node): the promise above already runs on its own.
  }
}

export function defaultLog(level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) {
  console[level === 'info' ? 'log' : level](JSON.stringify({ level, msg, ...extra }));
}

/** Constant-time comparison of two strings (the length may leak; the contents do not). */
export function safeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
