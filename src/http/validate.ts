// Request parsing that answers in the contract's error shape. Hono's stock zValidator answers
// with its own body and status, which clients of ../shared/API.md would not understand.
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Reads a JSON body: 415 unless it is JSON, 400 when it does not parse or fit the schema. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with "Content-Type: application/json".');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new AppError('INVALID_JSON', 'The body is not valid JSON.');
  }
  return parseWith(schema, raw);
}

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const msg = parsed.error.issues
      .map((i) => (i.message.includes(':') || i.path.length === 0 ? i.message : `${i.path.join('.')}: ${i.message}`))
      .join('; ');
    throw new AppError('VALIDATION', msg);
  }
  return parsed.data;
}
