// Per-client rate limit for the routes that run the answering core (/api/ask, /api/verify,
// /v1/chat/completions): an in-memory token bucket per client address, 429 with Retry-After.
// In memory means per process on Node and per isolate on Workers: a brake on one noisy client,
// not a quota system.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

export interface RateWindow {
  /** Counts one request for `key`: 0 when allowed, else the whole seconds until one is allowed again. */
  take(key: string, now?: number): number;
  /** Clients currently tracked (bounded by `maxClients`). */
  readonly size: number;
}

const WINDOW_MS = 60_000;

/**
 * At most `perMinute` requests per key in any rolling minute, by a sliding-window counter (this
 * minute's count plus last minute's, weighted by how much of it the rolling minute still covers).
 * It replaced a token bucket that refilled continuously: a client that spent its burst got one
 * more question a second later (issue 15, "right after a burst … 200, not 429"). At most
 * `maxClients` keys are kept: idle ones are forgotten first, then the least recently seen.
 */
export function createRateWindow(perMinute: number, maxClients = 10_000): RateWindow {
  const windows = new Map<string, { start: number; current: number; previous: number }>();

  const roll = (w: { start: number; current: number; previous: number }, now: number) => {
    const passed = Math.floor((now - w.start) / WINDOW_MS);
    if (passed <= 0) return;
    w.previous = passed === 1 ? w.current : 0;
    w.current = 0;
    w.start += passed * WINDOW_MS;
  };
  const weight = (w: { start: number; current: number; previous: number }, now: number) =>
    w.previous * Math.max(0, 1 - (now - w.start) / WINDOW_MS) + w.current;

  const evict = (now: number) => {
    for (const [key, w] of windows) if (now - w.start >= 2 * WINDOW_MS) windows.delete(key);
    // Map order is insertion order and `take` re-inserts, so the first keys are the least recent.
    // Down to 90%, so a flood of new clients pays for a sweep once in a while, not on every request.
    for (const key of windows.keys()) {
      if (windows.size <= maxClients * 0.9) break;
      windows.delete(key);
    }
  };

  return {
    take(key, now = Date.now()) {
      const w = windows.get(key) ?? { start: now, current: 0, previous: 0 };
      windows.delete(key);
      windows.set(key, w);
      roll(w, now);
      if (weight(w, now) + 1 <= perMinute) {
        w.current++;
        if (windows.size > maxClients) evict(now);
        return 0;
      }
      // When one more fits: once last minute's share has faded enough, or when this minute ends.
      const untilRoll = w.start + WINDOW_MS - now;
      const excess = weight(w, now) + 1 - perMinute;
      const fade =
        w.previous > 0 && w.current + 1 <= perMinute ? (excess / w.previous) * WINDOW_MS : Number.POSITIVE_INFINITY;
      const waitMs = Math.min(
        fade,
        untilRoll +
          (w.current + 1 > perMinute ? ((w.current + 1 - perMinute) / Math.max(1, w.current)) * WINDOW_MS : 0),
      );
      return Math.max(1, Math.ceil(waitMs / 1000));
    },
    get size() {
      return windows.size;
    },
  };
}

/**
 * Who is asking: the header of the proxy TRUST_PROXY names, and no other (a client behind nginx
 * writing its own CF-Connecting-IP must not pick its identity); without one, CF-Connecting-IP on
 * Workers (set by Cloudflare, not by the client), the socket address on Node. null when none is
 * known (a request made in-process, as in tests).
 */
export function clientAddress(
  c: Context,
  runtime: 'node' | 'workers',
  trustProxy: Config['TRUST_PROXY'],
): string | null {
  if (trustProxy === 'cloudflare') return c.req.header('cf-connecting-ip')?.trim() || null;
  if (trustProxy === 'x-real-ip') return c.req.header('x-real-ip')?.trim() || null;
  // The right-most entry is the one the trusted proxy added; entries left of it are whatever the client sent.
  if (trustProxy === 'x-forwarded-for')
    return (
      c.req
        .header('x-forwarded-for')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .at(-1) ?? null
    );
  if (runtime === 'workers') return c.req.header('cf-connecting-ip')?.trim() || null;
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // No Node socket behind this request (app.request() in tests).
    return null;
  }
}

function isLoopback(address: string): boolean {
  return /^(?:127\.|::1$|::ffff:127\.)/.test(address);
}

/**
 * A per-client limit of `perMinute` requests (RATE_LIMIT_PER_MINUTE scaled by `scale`); each call
 * makes its own count, so the answering routes and the search routes are limited apart.
 * RATE_LIMIT_PER_MINUTE=0 turns every limit off.
 */
export function rateLimit(
  config: Pick<Config, 'RATE_LIMIT_PER_MINUTE' | 'TRUST_PROXY'>,
  runtime: 'node' | 'workers',
  opts: { scale?: number; what?: string } = {},
): MiddlewareHandler {
  const perMinute = Math.round(config.RATE_LIMIT_PER_MINUTE * (opts.scale ?? 1));
  if (perMinute <= 0) return async (_c, next) => next();
  const bucket = createRateWindow(perMinute);
  const what = opts.what ?? 'questions';
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const client = clientAddress(c, runtime, config.TRUST_PROXY);
    // Requests from this machine itself (the CLI, evaluations, scripts next to the server) are not
    // a public client. A reverse proxy on the same host must set TRUST_PROXY, which reads the real client.
    if (client !== null && !(!config.TRUST_PROXY && isLoopback(client))) {
      const wait = bucket.take(client);
      if (wait > 0) {
        throw new AppError(
          'RATE_LIMITED',
          `Too many ${what} from this address: at most ${perMinute} a minute. Try again in ${wait} s.`,
          { 'Retry-After': String(wait) },
        );
      }
    }
    return next();
  };
}
