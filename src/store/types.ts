// Where accepted reports live: one small interface, a file store on Node, a Workers store later.
// A store keeps what was accepted (the cleaned text and the caller's metadata) and, beside it,
// what was prepared from it (passages, figures) with the stamp of the code that prepared it: a
// start with the same code serves the prepared form as is, a newer extractor rebuilds it from
// the text, so old reports improve too and a start never redoes work it need not.
import type { Figure } from '../extract/types.ts';
import type { Report } from '../ingest/types.ts';

/** A report's prepared form; `by` is the preparation stamp (corpus/prepare.ts) of the code that made it. */
export interface PreparedForm {
  by: string;
  report: Omit<Report, 'text'>;
  figures: Figure[];
}

export interface StoredReport {
  id: string;
  /** The cleaned text: the text every offset points into. */
  text: string;
  title?: string | undefined;
  source?: string | undefined;
  publishedAt?: string | undefined;
  /** ISO timestamp of acceptance. */
  receivedAt: string;
  /** Kept by stores that can (the file store); absent means "rebuild from the text". */
  prepared?: PreparedForm | undefined;
}

export interface ReportStore {
  /** Shown by /healthz: "file:/path", "memory", "read-only (bundled seeds)". */
  readonly description: string;
  /** False where this deployment has nowhere durable to put a report. */
  readonly writable: boolean;
  /** Every accepted report, plus the names of entries that could not be read. */
  list(): Promise<{ reports: StoredReport[]; unreadable: string[] }>;
  /** Durably stores the report (atomically replacing one with the same id) before resolving. */
  put(report: StoredReport): Promise<void>;
  /** Removes the report; false when there was none. */
  delete(id: string): Promise<boolean>;
}

/** What a store keeps of an accepted report: its cleaned text and the caller's metadata. */
export function storedReportOf(
  report: { id: string; text: string },
  input: { title?: string | undefined; source?: string | undefined; publishedAt?: string | undefined },
): StoredReport {
  return {
    id: report.id,
    text: report.text,
    title: input.title,
    source: input.source,
    publishedAt: input.publishedAt,
    receivedAt: new Date().toISOString(),
  };
}
