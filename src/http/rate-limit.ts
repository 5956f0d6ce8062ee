// Per-client rate limit for the routes that run the answering core (/api/ask, /api/verify,
// /v1/chat/completions): an in-memory token bucket per client address, 429 with Retry-After.
// In memory means per process on Node and per isolate on Workers: a brake on one noisy client,
// not a quota system.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import { AppError } from './errors.ts';

export interface TokenBucket {
  /** Takes one token for `key`: 0 when allowed, else the whole seconds until a token is back. */
  take(key: string, now?: number): number;
  /** Clients currently tracked (bounded by `maxClients`). */
  readonly size: number;
}

/**
 * A bucket of `perMinute` tokens per key, refilled continuously (perMinute / 60 a second), so a
 * client may burst up to `perMinute` and then goes at the refill rate. At most `maxClients` keys are
 * kept: full buckets are forgotten first, then the least recently seen.
 */
export function createTokenBucket(perMinute: number, maxClients = 10_000): TokenBucket {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const evict = (now: number) => {
    for (const [key, b] of buckets) if (b.tokens + (now - b.at) * perMs >= perMinute) buckets.delete(key);
    // Map order is insertion order and `take` re-inserts, so the first keys are the least recent.
    // Down to 90%, so a flood of new clients pays for a sweep once in a while, not on every request.
    for (const key of buckets.keys()) {
      if (buckets.size <= maxClients * 0.9) break;
      buckets.delete(key);
    }
  };

  return {
    take(key, now = Date.now()) {
      const b = buckets.get(key);
      const tokens = b ? Math.min(perMinute, b.tokens + Math.max(0, now - b.at) * perMs) : perMinute;
      buckets.delete(key);
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at: now });
        if (buckets.size > maxClients) evict(now);
        return 0;
      }
      buckets.set(key, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
    },
    get size() {
      return buckets.size;
    },
  };
}

/**
 * Who is asking. With TRUST_PROXY: CF-Connecting-IP, else the right-most X-Forwarded-For entry
 * (the one the trusted proxy added; entries left of it are whatever the client sent). Without it:
 * CF-Connecting-IP on Workers (set by Cloudflare, not by the client), the socket address on Node.
 * null when none is known (a request made in-process, as in tests).
 */
export function clientAddress(c: Context, runtime: 'node' | 'workers', trustProxy: boolean): string | null {
  if (trustProxy) {
    const cf = c.req.header('cf-connecting-ip')?.trim();
    if (cf) return cf;
    const xff = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (xff) return xff;
  }
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

/** The limit for POSTs to the answering routes; RATE_LIMIT_PER_MINUTE=0 turns it off. */
export function rateLimit(config: Pick<Config, 'RATE_LIMIT_PER_MINUTE' | 'TRUST_PROXY'>, runtime: 'node' | 'workers'): MiddlewareHandler {
  const perMinute = config.RATE_LIMIT_PER_MINUTE;
  if (perMinute <= 0) return async (_c, next) => next();
  const bucket = createTokenBucket(perMinute);
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const client = clientAddress(c, runtime, config.TRUST_PROXY);
    // Requests from this machine itself (the CLI, evaluations, scripts next to the server) are not
    // a public client. A reverse proxy on the same host must set TRUST_PROXY, which reads the real client.
    if (client !== null && !(!config.TRUST_PROXY && isLoopback(client))) {
      const wait = bucket.take(client);
      if (wait > 0) {
        throw new AppError(
          'RATE_LIMITED',
          `Too many questions from this address: at most ${perMinute} a minute. Try again in ${wait} s.`,
          { 'Retry-After': String(wait) },
        );
      }
    }
    return next();
  };
}
