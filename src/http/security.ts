// Browser-facing headers: CORS for the APIs (an allow-list from CORS_ORIGINS), nosniff and a
// referrer policy on every response, and the Content-Security-Policy of the HTML pages, which
// allows no inline script and only the framing sites the settings name. Hono's cors and
// secureHeaders write them.
import type { MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config.ts';

/**
 * secureHeaders with every header off, so that each one turned on below is a choice: its defaults
 * (Cross-Origin-Resource-Policy and Cross-Origin-Opener-Policy same-origin, X-Frame-Options
 * SAMEORIGIN) would stop other sites from embedding the widget, which CSP frame-ancestors governs.
 */
const NO_HEADERS = {
  crossOriginEmbedderPolicy: false,
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  strictTransportSecurity: false,
  xContentTypeOptions: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  removePoweredBy: false,
} as const;

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

/** Headers every response carries; a route that sets one of them keeps its own. */
export function baseSecurityHeaders(): MiddlewareHandler {
  return secureHeaders({
    ...NO_HEADERS,
    xContentTypeOptions: true,
    referrerPolicy: 'strict-origin-when-cross-origin',
    overwrite: false,
  });
}

/** CSP frame-ancestors: WIDGET_FRAME_ANCESTORS, else 'self' plus the CORS origins. */
export function frameAncestors(config: Config): string {
  if (config.WIDGET_FRAME_ANCESTORS) return config.WIDGET_FRAME_ANCESTORS;
  if (config.CORS_ORIGINS.includes('*')) return '*';
  return ["'self'", ...config.CORS_ORIGINS].join(' ');
}

/** The headers of an HTML page: a strict CSP (scripts and styles from this origin only), not cached. */
export function pageHeaders(config: Config): MiddlewareHandler {
  return every(
    secureHeaders({
      ...NO_HEADERS,
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: frameAncestors(config).split(' '),
      },
    }),
    async (c, next) => {
      await next();
      c.res.headers.set('Cache-Control', 'no-cache');
    },
  );
}
