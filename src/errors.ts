// The one table of the service's errors, in the shape Orama's errors.ts keeps: a code, the HTTP
// status it is served with, and a message that tells a person what to do. Every layer throws
// AppError with a code of this table (ingest refusing a file, the corpus refusing to replace a
// seed, the index refusing a snapshot), and `app.onError` is the one place that serves them as the
// contract's {"error":{"code","message"}} body. A throw site may pass a more specific message (with
// the report's id, the limit it crossed); the table's is the default.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const NOTHING_STORED = 'Chưa có gì được lưu.';

export const ERRORS = {
  // Requests a client can fix.
  BAD_REQUEST: { status: 400, message: 'The request could not be read.' },
  INVALID_JSON: { status: 400, message: 'The body is not valid JSON.' },
  /** The body's bytes are not UTF-8 (a text file, or a request body). */
  INVALID_ENCODING: {
    status: 400,
    message: `Tệp văn bản không ở mã UTF-8. Hãy lưu lại với mã Unicode (UTF-8) rồi gửi lại. ${NOTHING_STORED}`,
  },
  /** A string holds characters no text has: NUL, a lone UTF-16 surrogate. */
  INVALID_TEXT: { status: 400, message: 'The text holds characters no text has (NUL or a lone surrogate).' },
  /** Vietnamese text in TCVN3 (ABC) or Windows-1258 read as Unicode: mojibake, not a report. */
  LEGACY_ENCODING: {
    status: 400,
    message: 'The text is in a legacy Vietnamese encoding (TCVN3/VNI); convert it to Unicode.',
  },
  VALIDATION: { status: 400, message: 'The request does not match the API contract.' },
  EMPTY_TEXT: {
    status: 400,
    message:
      'The report has no readable text after cleaning; check that the file is not empty, an image-only PDF, or a page of site navigation.',
  },
  MISSING_ID: {
    status: 400,
    message: 'A report needs a non-empty id; pass the file name or a stable hash of the source.',
  },
  UNAUTHORIZED: { status: 401, message: 'A valid bearer token is required.' },
  FORBIDDEN: { status: 403, message: 'This token may not do that.' },
  ADMIN_DISABLED: { status: 403, message: 'Report administration is off on this server (no ADMIN_TOKEN is set).' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  /** The client closed the request before it was done; nothing was stored (no one is left to read this). */
  REQUEST_ABORTED: {
    status: 408,
    message: 'The request was closed before it was done; nothing was stored. Send it again.',
  },
  /** E.g. replacing or deleting a bundled sample report. */
  CONFLICT: { status: 409, message: 'The request conflicts with what is stored.' },
  /** A body over MAX_REPORT_BYTES, or a file whose unpacked content is. */
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: `Nội dung vượt quá giới hạn cho một báo cáo. Hãy chia thành nhiều báo cáo. ${NOTHING_STORED}`,
  },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted here.' },
  LEGACY_DOC: {
    status: 415,
    message: `Đây là tệp Word 97-2003 (.doc), hệ thống chưa đọc được. Hãy mở bằng Word hoặc LibreOffice, lưu thành .docx rồi gửi lại. ${NOTHING_STORED}`,
  },
  UNSUPPORTED_FORMAT: {
    status: 415,
    message: `Định dạng tệp không được hỗ trợ. Hãy gửi PDF (có lớp chữ), DOCX, trang web (HTML) hoặc văn bản UTF-8. ${NOTHING_STORED}`,
  },
  /** A report within the size limit whose figures exceed the per-report budget (ingest/prepare.ts). */
  TOO_COMPLEX: {
    status: 422,
    message:
      'The report is beyond what one report may hold (figures or time to read them); nothing was stored. Split it into several reports.',
  },
  // Files (ingest/formats): an office's PDF, Word file or saved web page that cannot be read.
  SCANNED_PDF: {
    status: 422,
    message: `Tệp PDF này không có lớp chữ (là bản quét hoặc ảnh chụp); hệ thống không nhận dạng chữ (OCR). Hãy gửi bản PDF xuất từ Word, tệp DOCX hoặc văn bản. ${NOTHING_STORED}`,
  },
  ENCRYPTED_FILE: {
    status: 422,
    message: `Tệp được đặt mật khẩu hoặc mã hoá nên không đọc được. Hãy gỡ mật khẩu rồi gửi lại. ${NOTHING_STORED}`,
  },
  CORRUPT_FILE: {
    status: 422,
    message: `Tệp bị hỏng hoặc không đúng định dạng nên không đọc được. Hãy mở và lưu lại tệp rồi gửi lại. ${NOTHING_STORED}`,
  },
  NO_MAIN_TEXT: {
    status: 422,
    message: `Không tìm thấy nội dung chính của trang web (chỉ có menu, liên kết hoặc ảnh). Hãy lưu trang bài viết, hoặc dán nội dung bài. ${NOTHING_STORED}`,
  },
  RATE_LIMITED: { status: 429, message: 'Too many requests; wait and try again.' },
  // The server's side.
  INTERNAL: { status: 500, message: 'Internal error; it has been logged.' },
  /** A passage-index snapshot of another format version: rebuilt, never served half-read. */
  INDEX_VERSION_MISMATCH: {
    status: 500,
    message: 'The passage index snapshot was built by another version of the search code; rebuild it (npm run index).',
  },
  INDEX_MALFORMED: { status: 500, message: 'This is not a passage index snapshot; build one with savePassageIndex.' },
  STORAGE_UNAVAILABLE: { status: 503, message: 'Report storage is unavailable; nothing was changed. Try again later.' },
} as const satisfies Record<string, { status: ContentfulStatusCode; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Thrown anywhere a request cannot be served; the message must tell a person what to do. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  /** Headers the error response carries, e.g. Retry-After on 429. */
  readonly headers: Record<string, string>;
  constructor(code: ErrorCode, message: string = ERRORS[code].message, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.headers = headers;
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
