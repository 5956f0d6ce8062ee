// Request parsing that answers in the contract's error shape. Hono's stock zValidator answers
// with its own body and status, which clients of ../shared/API.md would not understand.
// Every string that comes in is checked (no NUL, no lone surrogate) and put in NFC here, at the
// edge, so a question typed in NFD (macOS, some Vietnamese keyboards) works like one in NFC.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;
// `fatal`: bytes that are not UTF-8 are an error, not U+FFFD in the stored text.
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Deeper JSON than any request of the contract needs; walking it must not exhaust the stack. */
const MAX_DEPTH = 64;
// With the u flag a surrogate pair is one code point, so this matches only a lone surrogate.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Reads a JSON body: 415 unless it is UTF-8 JSON, 400 when it does not decode, parse or fit the schema. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with "Content-Type: application/json".');
  }
  const charset = CHARSET.exec(type)?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The body is declared as charset=${charset.slice(0, 40)}; send UTF-8 JSON ("Content-Type: application/json; charset=utf-8"). Convert TCVN3/VNI/Windows-1258 text to Unicode first.`,
    );
  }
  // Not inside the try below: a body-limit error thrown while reading must stay a 413.
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new AppError(
      'INVALID_ENCODING',
      'The body is not valid UTF-8. Send Unicode text encoded as UTF-8; convert text in a legacy encoding (TCVN3/ABC, VNI, Windows-1258) to Unicode first (e.g. Unikey: Công cụ chuyển mã).',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_JSON', 'The body is not valid JSON.');
  }
  return parseWith(schema, raw);
}

/** Bodies of the question routes: far above any real question with its history, far below a memory problem. */
export const MAX_QUESTION_BODY_BYTES = 2 * 1024 * 1024;

/** 413 in the contract's shape for a body over `maxBytes` (read before JSON parsing starts). */
export function limitBody(maxBytes: number, message: string): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', message);
    },
  });
}

/** Checks and NFC-normalises every string in `raw`, then parses it with `schema` (400 VALIDATION). */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(sanitize(raw, [], 0));
  if (!parsed.success) {
    const msg = parsed.error.issues
      .map((i) => (i.message.includes(':') || i.path.length === 0 ? i.message : `${i.path.join('.')}: ${i.message}`))
      .join('; ');
    throw new AppError('VALIDATION', msg);
  }
  return parsed.data;
}

/**
 * A copy of a parsed JSON value with every string in NFC; throws INVALID_TEXT for a string with
 * NUL or a lone surrogate (e.g. "\ud800" in JSON), which no text holds and no store should keep.
 */
export function sanitize(value: unknown, path: (string | number)[], depth: number): unknown {
  if (typeof value === 'string') return checkText(value, path);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) {
    throw new AppError(
      'VALIDATION',
      `${where(path)}: nested more than ${MAX_DEPTH} levels deep; no request needs that.`,
    );
  }
  if (Array.isArray(value)) return value.map((v, i) => sanitize(v, [...path, i], depth + 1));
  // fromEntries defines own properties, so a "__proto__" key stays data and never sets a prototype.
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [checkText(k, [...path, k]), sanitize(v, [...path, k], depth + 1)]),
  );
}

function checkText(s: string, path: (string | number)[]): string {
  if (s.includes('\u0000')) {
    throw new AppError(
      'INVALID_TEXT',
      `${where(path)}: contains a NUL character (\\u0000), which is not text; remove it.`,
    );
  }
  if (LONE_SURROGATE.test(s)) {
    throw new AppError(
      'INVALID_TEXT',
      `${where(path)}: contains an unpaired UTF-16 surrogate (such as "\\ud800"), which is not a character; send valid Unicode text.`,
    );
  }
  return s.normalize('NFC');
}

function where(path: (string | number)[]): string {
  return path.length ? path.map(String).join('.').slice(0, 200) : 'body';
}
