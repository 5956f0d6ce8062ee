// parseConfig(env): the only reader of settings, on Node (process.env) and in Workers (bindings).
// Entries call it once and pass the result in; nothing else looks at the environment.
import { z } from 'zod';

/** An optional text setting; blank counts as unset. */
const optionalText = z
  .string()
  .optional()
  .transform((t) => (t?.trim() ? t.trim() : undefined));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where accepted reports live (Node file store). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Bearer token for ingestion and deletion; unset means those routes are off (403). RFC 6750 token characters only. */
  ADMIN_TOKEN: z
    .string()
    .optional()
    .transform((t) => (t?.trim() ? t.trim() : undefined))
    .refine((t) => t === undefined || /^[A-Za-z0-9._~+/-]+=*$/.test(t), {
      message: 'may hold only letters, digits and - . _ ~ + / (then = signs): a bearer token has no other characters',
    }),
  /** Largest report text accepted, in bytes of UTF-8. */
  MAX_REPORT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 * 1024),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Questions a client may send a minute to /api/ask, /api/verify and /v1/chat/completions; 0 turns the limit off. Default 60. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(60),
  /**
   * The proxy in front whose header names the client, and only that header is trusted:
   * "cloudflare" (CF-Connecting-IP), "x-forwarded-for" (its right-most entry, the one your proxy
   * added; "true" means this too), "x-real-ip" (nginx's X-Real-IP). Unset: the socket address on
   * Node, CF-Connecting-IP on Workers (Cloudflare sets it there).
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim().toLowerCase())
    .refine(
      (v) => /^(|true|false|1|0|yes|no|cloudflare|x-forwarded-for|x-real-ip)$/.test(v),
      'TRUST_PROXY: cloudflare, x-forwarded-for, x-real-ip or false',
    )
    .transform((v): 'cloudflare' | 'x-forwarded-for' | 'x-real-ip' | null =>
      v === 'cloudflare' || v === 'x-real-ip' ? v : /^(true|1|yes|x-forwarded-for)$/.test(v) ? 'x-forwarded-for' : null,
    ),
  /** Origins allowed to call /api/* and /v1/* from a browser: comma-separated, or "*". Unset: none. */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    ),
  /** Sites that may frame the chat page (CSP frame-ancestors), space-separated; unset: 'self' plus CORS_ORIGINS. */
  WIDGET_FRAME_ANCESTORS: optionalText,
  /** Absolute URL the server is reached at (links in bot replies); unset: the request's own origin. */
  PUBLIC_BASE_URL: z
    .url({ error: 'PUBLIC_BASE_URL: an absolute URL such as https://tro-ly.example.vn' })
    .optional()
    .transform((u) => u?.replace(/\/+$/, '')),
  /** The chat widget's heading. */
  WIDGET_TITLE: z.string().trim().min(1).max(120).default('Trợ lý số liệu an sinh xã hội'),
  /** Secret: the secret_token given to Telegram's setWebhook; unset means /webhooks/telegram answers 403. */
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  /**
   * Secret: the bot's token from @BotFather. Optional: with it an answer longer than one message is
   * sent as several through the Bot API; without it, the webhook's one reply is cut to fit.
   */
  TELEGRAM_BOT_TOKEN: optionalText,
  /** Base URL of the Telegram Bot API; tests point it at a local server. */
  TELEGRAM_API_BASE: z
    .url()
    .default('https://api.telegram.org')
    .transform((u) => u.replace(/\/+$/, '')),
  /** The Zalo app id that signs OA webhook events (X-ZEvent-Signature). */
  ZALO_APP_ID: optionalText,
  /** Secret: the OA secret key (not the app secret); unset means /webhooks/zalo answers 403. */
  ZALO_OA_SECRET_KEY: optionalText,
  /** Secret: OA access token for sending replies through the OA message API. */
  ZALO_OA_ACCESS_TOKEN: optionalText,
  /** Base URL of the Zalo OA API; tests point it at a local server. */
  ZALO_API_BASE: z
    .url()
    .default('https://openapi.zalo.me')
    .transform((u) => u.replace(/\/+$/, '')),
  /** Secret: switches the optional language model on (any non-empty value for a local server). Unset: deterministic only. */
  OPENAI_API_KEY: optionalText,
  /** An OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 for vLLM or llama.cpp; unset: api.openai.com. */
  OPENAI_BASE_URL: z
    .preprocess(
      (v) => (typeof v === 'string' && !v.trim() ? undefined : v),
      z
        .url({
          protocol: /^https?$/,
          error: 'OPENAI_BASE_URL: an absolute http(s) URL such as http://127.0.0.1:8000/v1',
        })
        .optional(),
    )
    .transform((u) => u?.replace(/\/+$/, '')),
  /** The model name the endpoint serves. */
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** Milliseconds the model gets per question (tool rounds included) before the deterministic answer is served. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
});

export type Config = z.infer<typeof Env>;

/** Reads settings from a plain record of strings; throws a readable error on a bad value. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
