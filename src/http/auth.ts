// Admin access for ingestion and deletion: Hono's bearerAuth (constant-time comparison of SHA-256
// digests), with the contract's errors: no token 401, wrong token 403, no ADMIN_TOKEN set 403 with
// the reason (the routes are off, never open). Tokens travel in the Authorization header only;
// parseConfig admits only tokens made of the characters bearerAuth accepts there.
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { AppError } from '../errors.ts';

export function requireAdmin(adminToken: string | undefined): MiddlewareHandler {
  if (!adminToken) {
    return async () => {
      throw new AppError(
        'ADMIN_DISABLED',
        'Admin routes are off on this server: set the ADMIN_TOKEN setting to enable ingestion and deletion.',
      );
    };
  }
  // bearerAuth calls these only to build its refusal; throwing instead lets app.onError write the contract's body.
  const refuse = (code: 'UNAUTHORIZED' | 'FORBIDDEN', message: string) => () => {
    throw new AppError(code, message);
  };
  const missing = refuse('UNAUTHORIZED', 'Missing admin token: send "Authorization: Bearer <ADMIN_TOKEN>".');
  return bearerAuth({
    token: adminToken,
    noAuthenticationHeader: { message: missing },
    invalidAuthenticationHeader: { message: missing },
    invalidToken: { message: refuse('FORBIDDEN', 'Wrong admin token.') },
  });
}
