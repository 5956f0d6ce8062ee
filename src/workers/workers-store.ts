// The Workers store: report text in R2 (reports/<id>.txt), metadata and extracted figures in D1.
// R2, not D1, for the text: a D1 row or value is capped at 2 MB and a report may be 2 MB of
// Vietnamese (more in UTF-8 bytes), while R2 holds blobs of any size we accept.
import { sha256Hex } from '../digest.ts';
import { extractFigures } from '../extract/figures.ts';
import type { Figure } from '../extract/types.ts';
import { buildReport } from '../ingest/build-report.ts';
import type { Report } from '../ingest/types.ts';
import { shardOfPlace } from './router.ts';
import type { D1Database, R2Bucket } from './cf-types.ts';
import { deleteReportStatements, ensureSchema, getReportRow, listReportRows, type ReportMeta, type ReportRow, writeReportStatements } from './d1-figures.ts';
import type { ReportStore, StoredReport } from '../store/types.ts';

export const textKey = (id: string) => `reports/${id}.txt`;

/** What the stored copy of a report is compared by: same hash, same report (text, title, source, date). */
export async function contentHash(r: Pick<Report, 'text' | 'title' | 'source' | 'publishedAt'>): Promise<string> {
  return sha256Hex(JSON.stringify([r.text, r.title, r.source, r.publishedAt]));
}

export class WorkersStore implements ReportStore {
  readonly description = 'd1+r2 (reports/<id>.txt in R2; metadata and figures in D1)';
  readonly writable = true;

  constructor(
    readonly db: D1Database,
    readonly bucket: R2Bucket,
  ) {}

  /** Every stored report, read back from D1 and R2: a full scan, for rebuilds and tools only. */
  async list() {
    return this.listShard(undefined);
  }

  /** One shard's stored reports (all when `shard` is undefined); rows whose text is missing in R2 are unreadable. */
  async listShard(shard: string | undefined): Promise<{ reports: StoredReport[]; unreadable: string[] }> {
    await ensureSchema(this.db);
    const rows = await listReportRows(this.db, shard);
    const reports: StoredReport[] = [];
    const unreadable: string[] = [];
    await Promise.all(
      rows.map(async (row) => {
        const text = await this.text(row.id);
        if (text === null) unreadable.push(textKey(row.id));
        else reports.push(toStored(row, text));
      }),
    );
    reports.sort((a, b) => (a.id < b.id ? -1 : 1));
    return { reports, unreadable };
  }

  async put(stored: StoredReport): Promise<void> {
    // What the corpus prepared is stored as is; only a bare report is prepared here.
    if (stored.prepared) return this.putBuilt(stored, { ...stored.prepared.report, text: stored.text }, stored.prepared.figures);
    const report = buildReport({ id: stored.id, text: stored.text, title: stored.title, source: stored.source, publishedAt: stored.publishedAt });
    await this.putBuilt(stored, report, extractFigures(report));
  }

  /** Stores a report already built and extracted: the text in R2 first, then its rows in one D1 batch. */
  async putBuilt(stored: StoredReport, report: Report, figures: Figure[]): Promise<void> {
    await ensureSchema(this.db);
    await this.bucket.put(textKey(stored.id), stored.text, { httpMetadata: { contentType: 'text/plain; charset=utf-8' } });
    await this.db.batch(
      writeReportStatements(this.db, { report, figures, shard: shardOfPlace(report.place), receivedAt: stored.receivedAt, contentHash: await contentHash(report) }),
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

function toStored(row: ReportRow, text: string): StoredReport {
  const meta = metaOf(row);
  return { id: row.id, text, title: meta.title, source: meta.source ?? undefined, publishedAt: meta.publishedAt ?? undefined, receivedAt: row.received_at };
}
