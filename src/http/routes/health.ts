// GET /healthz: is the server up, what does it hold, where do reports go.
import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';

export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/healthz', async (c) =>
    c.json({
      ok: true as const,
      reports: await deps.corpus.size(),
      passages: await deps.corpus.passageCount(),
      runtime: deps.runtime,
      storage: deps.corpus.store.description,
      unreadable: deps.corpus.unreadable,
    }),
  );
}
