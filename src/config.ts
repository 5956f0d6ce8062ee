// parseConfig(env): the only reader of settings, on Node (process.env) and in Workers (bindings).
// Entries call it once and pass the result in; nothing else looks at the environment.
import { z } from 'zod';

/** An optional text setting; blank counts as unset. */
const optionalText = z
  .string()
  .optional()
  .transform((t) => (t && t.trim() ? t.trim() : undefined));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where accepted reports live (Node file store). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Bearer token for ingestion and deletion; unset means those routes are off (403). */
  ADMIN_TOKEN: z
    .string()
    .optional()
    .transform((t) => (t && t.trim() ? t.trim() : undefined)),
  /** Largest report text accepted, in bytes of UTF-8. */
  MAX_REPORT_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Origins allowed to call /api/* and /v1/* from a browser: comma-separated, or "*". Unset: none. */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((s) => (s ?? '').split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean)),
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
