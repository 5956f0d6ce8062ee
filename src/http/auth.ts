// Admin access for ingestion and deletion: a bearer token compared in constant time. With no
// token configured the routes are off (403 with the reason), never open.
import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors.ts';

export function requireAdmin(adminToken: string | undefined): MiddlewareHandler {
  const expected = adminToken ? new TextEncoder().encode(adminToken) : null;
  return async (c, next) => {
    if (!expected) {
      throw new AppError('ADMIN_DISABLED', 'Admin routes are off on this server: set the ADMIN_TOKEN setting to enable ingestion and deletion.');
    }
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!m?.[1]) {
      throw new AppError('UNAUTHORIZED', 'Missing admin token: send "Authorization: Bearer <ADMIN_TOKEN>".');
    }
    if (!timingSafeEqual(new TextEncoder().encode(m[1]), expected)) {
      throw new AppError('FORBIDDEN', 'Wrong admin token.');
    }
    await next();
  };
}

/** Compares every byte whatever the first difference, so timing does not reveal the token. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
