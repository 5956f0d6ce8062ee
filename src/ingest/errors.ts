// The errors ingestion can raise, one table of codes with messages that say what to do.

export const INGEST_ERRORS = {
  EMPTY_TEXT: 'The report has no readable text after cleaning; check that the file is not empty, an image-only PDF, or a page of site navigation.',
  MISSING_ID: 'A report needs a non-empty id; pass the file name or a stable hash of the source.',
  TOO_COMPLEX: 'The report is beyond what one report may hold (figures or time to read them); nothing was stored. Split it into several reports.',
} as const;

export type IngestErrorCode = keyof typeof INGEST_ERRORS;

/** Thrown by buildReport when an input cannot become a report; `code` is a key of INGEST_ERRORS. */
export class IngestError extends Error {
  readonly code: IngestErrorCode;

  constructor(code: IngestErrorCode, message: string = INGEST_ERRORS[code]) {
    super(message);
    this.name = 'IngestError';
    this.code = code;
  }
}
