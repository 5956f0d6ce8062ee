// One table of application errors: each code has its HTTP status, and `app.onError` is the one
// place that turns them into the contract's {"error":{"code","message"}} body.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  VALIDATION: 400,
  EMPTY_TEXT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  ADMIN_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  STORAGE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Thrown anywhere a request cannot be served; the message must tell a person what to do. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
