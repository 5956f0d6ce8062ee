// One table of application errors: each code has its HTTP status, and `app.onError` is the one
// place that turns them into the contract's {"error":{"code","message"}} body.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  /** The body's bytes are not UTF-8. */
  INVALID_ENCODING: 400,
  /** A string holds characters no text has: NUL, a lone UTF-16 surrogate. */
  INVALID_TEXT: 400,
  /** Vietnamese text in TCVN3 (ABC) or Windows-1258 read as Unicode: mojibake, not a report. */
  LEGACY_ENCODING: 400,
  VALIDATION: 400,
  EMPTY_TEXT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  ADMIN_DISABLED: 403,
  NOT_FOUND: 404,
  /** The client closed the request before it was done; nothing was stored (no one is left to read this). */
  REQUEST_ABORTED: 408,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  /** A report within the size limit whose figures exceed the per-report budget (corpus/prepare.ts). */
  TOO_COMPLEX: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** An uploaded file (ingest/formats) this service cannot read; the message says what to send instead. */
  SCANNED_PDF: 422,
  ENCRYPTED_FILE: 422,
  CORRUPT_FILE: 422,
  NO_MAIN_TEXT: 422,
  LEGACY_DOC: 415,
  UNSUPPORTED_FORMAT: 415,
  RATE_LIMITED: 429,
  STORAGE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Thrown anywhere a request cannot be served; the message must tell a person what to do. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  /** Headers the error response carries, e.g. Retry-After on 429. */
  readonly headers: Record<string, string>;
  constructor(code: ErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.headers = headers;
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
