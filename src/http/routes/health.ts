// GET /healthz: is the server up, what does it hold, where do reports go.
import { Hono } from 'hono';
import type { AppDeps } from '../app.ts';

export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/healthz', (c) =>
    c.json({
      ok: true as const,
      reports: deps.corpus.size,
      passages: deps.corpus.passageCount(),
      runtime: deps.runtime,
      storage: deps.corpus.store.description,
      unreadable: deps.corpus.unreadable,
    }),
  );
}
