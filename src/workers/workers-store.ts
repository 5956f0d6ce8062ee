// The Workers store: report text in R2 (reports/<id>.txt), metadata and extracted figures in D1.
// R2, not D1, for the text: a D1 row or value is capped at 2 MB and a report may be 2 MB of
// Vietnamese (more in UTF-8 bytes), while R2 holds blobs of any size we accept.
import type { PreparedReport } from '../corpus/prepare.ts';
import type { ReportStore, StoredReport } from '../store/types.ts';
import type { D1Database, R2Bucket } from './cf-types.ts';
import {
  deleteReportStatements,
  ensureSchema,
  figuresOfReport,
  getReportRow,
  listReportRows,
  type ReportMeta,
  type ReportRow,
  writeReportStatements,
} from './d1-figures.ts';

export const textKey = (id: string) => `reports/${id}.txt`;

/**
 * Stores what ShardedCorpus prepared, as it was prepared: it never builds or extracts a report
 * itself (corpus/prepare.ts is the one place that does).
 */
export class WorkersStore implements Pick<ReportStore, 'description' | 'writable'> {
  readonly description = 'd1+r2 (reports/<id>.txt in R2; metadata and figures in D1)';
  readonly writable = true;

  constructor(
    readonly db: D1Database,
    readonly bucket: R2Bucket,
  ) {}

  /**
   * One shard's stored reports as they were prepared (metadata and figures from D1, text from R2),
   * for a shard rebuilding its index without preparing anything again; rows whose text is missing
   * in R2 are unreadable.
   */
  async listPrepared(shard: string): Promise<{ reports: PreparedReport[]; unreadable: string[] }> {
    await ensureSchema(this.db);
    const rows = await listReportRows(this.db, shard);
    const reports: PreparedReport[] = [];
    const unreadable: string[] = [];
    await Promise.all(
      rows.map(async (row) => {
        const [text, figures] = await Promise.all([this.text(row.id), figuresOfReport(this.db, row.id)]);
        if (text === null) unreadable.push(textKey(row.id));
        else reports.push({ report: { ...metaOf(row), text }, figures });
      }),
    );
    reports.sort((a, b) => (a.report.id < b.report.id ? -1 : 1));
    return { reports, unreadable };
  }

  /** Stores a prepared report: the text in R2 first, then its rows in one D1 batch. */
  async put(
    stored: StoredReport,
    { report, figures }: PreparedReport,
    shard: string,
    contentHash: string,
  ): Promise<void> {
    await ensureSchema(this.db);
    await this.bucket.put(textKey(stored.id), stored.text, {
      httpMetadata: { contentType: 'text/plain; charset=utf-8' },
    });
    await this.db.batch(
      writeReportStatements(this.db, { report, figures, shard, receivedAt: stored.receivedAt, contentHash }),
    );
  }

  async delete(id: string): Promise<boolean> {
    await ensureSchema(this.db);
    const row = await getReportRow(this.db, id);
    if (!row) return false;
    // D1 first: once the row is gone the report is no longer served, whatever happens to the blob.
    await this.db.batch(deleteReportStatements(this.db, id));
    await this.bucket.delete(textKey(id));
    return true;
  }

  async row(id: string): Promise<ReportRow | null> {
    await ensureSchema(this.db);
    return getReportRow(this.db, id);
  }

  async text(id: string): Promise<string | null> {
    const obj = await this.bucket.get(textKey(id));
    return obj ? obj.text() : null;
  }
}

/** The metadata column of a report row. Safe: written only by writeReportStatements from a Report. */
export function metaOf(row: ReportRow): ReportMeta {
  return JSON.parse(row.meta) as ReportMeta;
}
