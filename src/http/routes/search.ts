// GET /api/search?q=&limit=: ranked passages with their offsets and a highlighted snippet.
import { Hono } from 'hono';
import { SearchQuery } from '../../contract.ts';
import type { AppDeps } from '../deps.ts';
import { parseWith } from '../validate.ts';

export function searchRoutes(deps: AppDeps) {
  return new Hono().get('/api/search', async (c) => {
    const q = parseWith(SearchQuery, c.req.query());
    const hits = await deps.corpus.search(q.q, { limit: q.limit, reportId: q.reportId });
    return c.json({ query: q.q, hits });
  });
}
