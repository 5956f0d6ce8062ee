// Browser-facing headers: CORS for the APIs (an allow-list from CORS_ORIGINS), nosniff and a
// referrer policy on every response, and the Content-Security-Policy of the HTML pages, which
// allows no inline script and only the framing sites the settings name.
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from '../config.ts';

/** CORS for /api/* and /v1/*: none unless CORS_ORIGINS names origins (or "*"). */
export function apiCors(config: Config): MiddlewareHandler {
  const origins = config.CORS_ORIGINS;
  if (origins.length === 0) return async (_c, next) => next();
  return cors({
    origin: origins.includes('*') ? '*' : origins,
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization'],
    maxAge: 600,
  });
}

/** Headers every response carries. */
export function baseSecurityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Referrer-Policy')) c.res.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  };
}

/** CSP frame-ancestors: WIDGET_FRAME_ANCESTORS, else 'self' plus the CORS origins. */
export function frameAncestors(config: Config): string {
  if (config.WIDGET_FRAME_ANCESTORS) return config.WIDGET_FRAME_ANCESTORS;
  if (config.CORS_ORIGINS.includes('*')) return '*';
  return ["'self'", ...config.CORS_ORIGINS].join(' ');
}

/** Sets the headers of an HTML page: a strict CSP (scripts and styles from this origin only). */
export function setPageHeaders(c: Context, config: Config): void {
  c.header(
    'Content-Security-Policy',
    [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'self'",
      `frame-ancestors ${frameAncestors(config)}`,
    ].join('; '),
  );
  c.header('Cache-Control', 'no-cache');
}
