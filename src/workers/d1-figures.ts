// D1 queries of the sharded deployment: a report's metadata and figures written in one batch,
// /api/figures as SQL over indexed columns, and which shards hold figures of a place (routing).
import type { FigureFilter } from '../corpus/port.ts';
import type { Figure } from '../extract/types.ts';
import type { Report } from '../ingest/types.ts';
import { placeKey } from '../search/places.ts';
import { foldVi } from '../text/fold.ts';
import type { D1Database, D1PreparedStatement } from './cf-types.ts';
import { D1_SCHEMA } from './d1-schema.ts';

/** A report without its text (which lives in R2): what listing and routing need. */
export type ReportMeta = Omit<Report, 'text'>;

export interface ReportRow {
  id: string;
  shard: string;
  title: string;
  received_at: string;
  content_hash: string;
  meta: string;
}

const ready = new WeakMap<D1Database, Promise<void>>();

/** Creates the tables and indexes once per isolate (CREATE … IF NOT EXISTS: safe to repeat). */
export function ensureSchema(db: D1Database): Promise<void> {
  let p = ready.get(db);
  if (!p) {
    p = db.batch(D1_SCHEMA.map((sql) => db.prepare(sql))).then(() => undefined);
    p.catch(() => ready.delete(db));
    ready.set(db, p);
  }
  return p;
}

/** Statements replacing a report's row and its figures (run them in one `batch`, i.e. one transaction). */
export function writeReportStatements(
  db: D1Database,
  r: { report: Report; figures: Figure[]; shard: string; receivedAt: string; contentHash: string },
): D1PreparedStatement[] {
  const { report, figures } = r;
  const { text: _text, ...meta } = report;
  const province = report.place ? foldVi(report.place.province) : null;
  return [
    db.prepare('DELETE FROM figures WHERE report_id = ?').bind(report.id),
    db
      .prepare(
        `INSERT OR REPLACE INTO reports (id, shard, title, province_code, published_at, source, received_at, content_hash, passages, figures, meta)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        report.id,
        r.shard,
        report.title,
        report.place?.provinceCode ?? null,
        report.publishedAt,
        report.source,
        r.receivedAt,
        r.contentHash,
        report.passages.length,
        figures.length,
        JSON.stringify(meta),
      ),
    ...figures.map((f, seq) =>
      db
        .prepare(
          `INSERT INTO figures (report_id, seq, metric, label_folded, place, place_folded, place_key, province_code, province_folded, year_from, year_to, kind, json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          report.id,
          seq,
          foldVi(f.metric),
          foldVi(f.label),
          f.place ?? null,
          foldVi(f.place ?? ''),
          f.place ? placeKey(f.place) : null,
          report.place?.provinceCode ?? null,
          province,
          f.period ? Number(f.period.from.slice(0, 4)) : null,
          f.period ? Number(f.period.to.slice(0, 4)) : null,
          f.kind,
          JSON.stringify(f),
        ),
    ),
  ];
}

export function deleteReportStatements(db: D1Database, id: string): D1PreparedStatement[] {
  return [
    db.prepare('DELETE FROM figures WHERE report_id = ?').bind(id),
    db.prepare('DELETE FROM reports WHERE id = ?').bind(id),
  ];
}

export async function getReportRow(db: D1Database, id: string): Promise<ReportRow | null> {
  return db
    .prepare('SELECT id, shard, title, received_at, content_hash, meta FROM reports WHERE id = ?')
    .bind(id)
    .first<ReportRow>();
}

/** Every stored report (or one shard's), ordered by id like the file store lists them. */
export async function listReportRows(db: D1Database, shard?: string): Promise<ReportRow[]> {
  const cols = 'SELECT id, shard, title, received_at, content_hash, meta FROM reports';
  const stmt =
    shard === undefined
      ? db.prepare(`${cols} ORDER BY id`)
      : db.prepare(`${cols} WHERE shard = ? ORDER BY id`).bind(shard);
  return (await stmt.all<ReportRow>()).results;
}

export async function countReports(db: D1Database): Promise<{ reports: number; passages: number }> {
  const row = await db
    .prepare('SELECT COUNT(*) AS n, COALESCE(SUM(passages), 0) AS p FROM reports')
    .first<{ n: number; p: number }>();
  return { reports: row?.n ?? 0, passages: row?.p ?? 0 };
}

export async function figuresOfReport(db: D1Database, id: string): Promise<Figure[]> {
  const rows = await db
    .prepare('SELECT json FROM figures WHERE report_id = ? ORDER BY seq')
    .bind(id)
    .all<{ json: string }>();
  return rows.results.map((r) => JSON.parse(r.json) as Figure);
}

/**
 * /api/figures as SQL: the same filters as Corpus.queryFigures (metric id or a word of the label,
 * the figure's place or its report's province, a year inside the period, kind, report).
 */
export async function queryFigureRows(db: D1Database, filter: FigureFilter): Promise<Figure[]> {
  const where: string[] = [];
  const args: unknown[] = [];
  const metric = filter.metric ? foldVi(filter.metric).trim() : '';
  const place = filter.place ? foldVi(filter.place).trim() : '';
  if (filter.reportId) where.push('report_id = ?') && args.push(filter.reportId);
  if (filter.kind) where.push('kind = ?') && args.push(filter.kind);
  if (metric) where.push('(metric = ? OR instr(label_folded, ?) > 0)') && args.push(metric, metric);
  if (filter.year) where.push('(year_from <= ? AND year_to >= ?)') && args.push(filter.year, filter.year);
  if (place) where.push('(place_folded = ? OR province_folded = ?)') && args.push(place, place);
  const sql = `SELECT json FROM figures${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY report_id, seq`;
  const rows = await db
    .prepare(sql)
    .bind(...args)
    .all<{ json: string }>();
  return rows.results.map((r) => JSON.parse(r.json) as Figure);
}

/** Shards holding a figure stated for one of these folded place names (placeKey), or a report of these provinces. */
export async function shardsHolding(db: D1Database, placeKeys: string[], provinceCodes: string[]): Promise<string[]> {
  if (!placeKeys.length && !provinceCodes.length) return [];
  const q = (n: number) => Array(n).fill('?').join(', ');
  const rows = await db
    .prepare(
      `SELECT DISTINCT r.shard AS shard FROM figures f JOIN reports r ON r.id = f.report_id WHERE f.place_key IN (${q(placeKeys.length) || "''"})
       UNION SELECT DISTINCT shard FROM reports WHERE province_code IN (${q(provinceCodes.length) || "''"})`,
    )
    .bind(...placeKeys, ...provinceCodes)
    .all<{ shard: string }>();
  return rows.results.map((r) => r.shard).sort();
}

export async function allShards(db: D1Database): Promise<string[]> {
  const rows = await db.prepare('SELECT DISTINCT shard FROM reports ORDER BY shard').all<{ shard: string }>();
  return rows.results.map((r) => r.shard);
}
