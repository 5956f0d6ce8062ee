// GET /admin/shards on the sharded Worker: what each province shard holds and how it loaded
// (snapshot or rebuilt from D1/R2), and how many posted reports this isolate prepared (each
// shard says how many it prepared itself: none). For operators and tests; behind the admin token.
// Only the sharded deployment has shards, so this route is not in the Node app's OpenAPI table.
import { Hono } from 'hono';
import { requireAdmin } from '../http/auth.ts';
import type { ShardedCorpus } from './sharded-corpus.ts';

export function shardAdminRoutes(sharded: ShardedCorpus, adminToken: string | undefined) {
  return new Hono().get('/admin/shards', requireAdmin(adminToken), async (c) =>
    c.json({ shards: await sharded.stats(), prepared: sharded.prepared }),
  );
}
