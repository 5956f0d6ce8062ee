// Workers entry: the same Hono app over the seeds' bundled index (index/seeds.json), restored
// once per isolate on its first request. Without a durable storage binding the store is
// read-only: ingestion answers 503 rather than accept a report it would lose. With DB, REPORTS
// and SHARDS bound (wrangler.toml [env.shards]) reports go to D1/R2 and one Durable Object per
// province indexes them (src/workers/); the seeds stay served from the bundled index. Feedback goes
// to D1 whenever DB is bound (d1-feedback-store.ts), and answers 503 otherwise.
import type { ExecutionContext } from 'hono';
import snapshot from '../../index/seeds.json' with { type: 'json' };
import { createAssistant, withLanguageModel } from '../answer/assistant.ts';
import { llmSettingsFrom } from '../answer/llm/client.ts';
import { parseConfig } from '../config.ts';
import { Corpus } from '../corpus/corpus.ts';
import { memoryPort } from '../corpus/memory-port.ts';
import { restoreSeedSnapshot, type SeedSnapshot } from '../corpus/seed-snapshot.ts';
import { createApp } from '../http/app.ts';
import { defaultLog } from '../log.ts';
import { MemoryStore } from '../store/memory-store.ts';
import type { D1Database, DurableObjectNamespace, R2Bucket } from './cf-types.ts';
import { D1FeedbackStore } from './d1-feedback-store.ts';
import { shardAdminRoutes } from './shard-admin-routes.ts';
import type { ShardRpc } from './shard-rpc.ts';
import { createShardedAssistant } from './sharded-assistant.ts';
import { ShardedCorpus } from './sharded-corpus.ts';

export { ProvinceShard } from './province-shard.ts';

/** Bindings and settings of the Worker (wrangler.toml [vars], secrets via `wrangler secret put`). */
export interface Env {
  /** Secret: bearer token for ingestion and deletion; unset means those routes answer 403. */
  ADMIN_TOKEN?: string;
  /** Largest report text accepted, in bytes. */
  MAX_REPORT_BYTES?: string;
  LOG_LEVEL?: string;
  /** Questions per client a minute on /api/ask, /api/verify, /v1/chat/completions (default 60; 0 off). Counted per isolate. */
  RATE_LIMIT_PER_MINUTE?: string;
  /** "true" to read the client from CF-Connecting-IP / X-Forwarded-For set by a proxy you run; Workers use CF-Connecting-IP anyway. */
  TRUST_PROXY?: string;
  /** Origins allowed to call /api/* and /v1/* from a browser, comma-separated or "*". */
  CORS_ORIGINS?: string;
  /** Sites that may frame the chat page (CSP frame-ancestors); default 'self' plus CORS_ORIGINS. */
  WIDGET_FRAME_ANCESTORS?: string;
  /** Absolute URL of this Worker, used for source links in bot replies. */
  PUBLIC_BASE_URL?: string;
  /** Heading of the chat widget. */
  WIDGET_TITLE?: string;
  /** Secret: the secret_token given to Telegram's setWebhook. */
  TELEGRAM_WEBHOOK_SECRET?: string;
  /** Secret: the bot's token, for answers longer than one message (sent as several through the Bot API). */
  TELEGRAM_BOT_TOKEN?: string;
  /** Base URL of the Telegram Bot API (default https://api.telegram.org). */
  TELEGRAM_API_BASE?: string;
  /** The Zalo app id that signs OA webhook events. */
  ZALO_APP_ID?: string;
  /** Secret: the Zalo OA secret key that signs webhook events. */
  ZALO_OA_SECRET_KEY?: string;
  /** Secret: the Zalo OA access token for sending replies. */
  ZALO_OA_ACCESS_TOKEN?: string;
  /** Base URL of the Zalo OA API (default https://openapi.zalo.me). */
  ZALO_API_BASE?: string;
  /** Secret: switches the optional language model on (`wrangler secret put OPENAI_API_KEY`); unset: deterministic only. */
  OPENAI_API_KEY?: string;
  /** An OpenAI-compatible endpoint (default https://api.openai.com/v1). */
  OPENAI_BASE_URL?: string;
  /** The model name (default gpt-4o-mini). */
  OPENAI_MODEL?: string;
  /** Milliseconds the model gets per question before the deterministic answer is served (default 15000). */
  LLM_TIMEOUT_MS?: string;
  /**
   * D1 binding: 👍/👎 feedback (table `feedback`), and with REPORTS and SHARDS also report metadata
   * and extracted figures (tables created on first use; migrations/). Unbound: feedback answers 503.
   */
  DB?: D1Database;
  /** R2 binding: report texts, one object per report (reports/<id>.txt). */
  REPORTS?: R2Bucket;
  /** Durable Object binding (class ProvinceShard): one passage and figure index per province. */
  SHARDS?: DurableObjectNamespace<ShardRpc>;
}

let app: Promise<ReturnType<typeof createApp>> | undefined;

async function getApp(env: Env) {
  const { DB: _db, REPORTS: _reports, SHARDS: _shards, ...settings } = env;
  const config = parseConfig(settings);
  // The JSON import is typed from the file's literal shape; the snapshot format check below
  // guards what the cast claims.
  const { seeds, figures, index } = restoreSeedSnapshot(snapshot as unknown as SeedSnapshot);
  const store = new MemoryStore({ writable: false, description: 'read-only (bundled seeds; no storage binding)' });
  // Feedback needs D1 only: a deployment may keep it while its reports stay the bundled seeds.
  const feedback = env.DB ? new D1FeedbackStore(env.DB) : undefined;
  const corpus = await Corpus.open({ store, seeds, seedIndex: index, seedFigures: figures });
  if (env.DB && env.REPORTS && env.SHARDS) {
    const sharded = new ShardedCorpus({ DB: env.DB, REPORTS: env.REPORTS, SHARDS: env.SHARDS }, corpus);
    const shardedApp = createApp({
      config,
      corpus: sharded,
      assistant: createShardedAssistant(sharded, llmSettingsFrom(config), defaultLog),
      runtime: 'workers',
      feedback,
    });
    shardedApp.route('/', shardAdminRoutes(sharded, config.ADMIN_TOKEN));
    return shardedApp;
  }
  const assistant = withLanguageModel(corpus, createAssistant(corpus), llmSettingsFrom(config), defaultLog);
  return createApp({ config, corpus: memoryPort(corpus), assistant, runtime: 'workers', feedback });
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    app ??= getApp(env);
    return (await app).fetch(request, env, ctx);
  },
};
