// The figure table in Orama: every figure with enum fields for the filters people use (metric,
// place, province, kind) and its years as numbers, plus its label searchable with the Vietnamese
// tokenizer, so a figure whose metric is a noun phrase ("other:lớp đào tạo nghề") is findable.
// Filters are enums and numbers because Orama tokenises string filters (FIELD-NOTES).
import { count, create, insert, remove, search } from '@orama/orama';
import type { Figure } from '../extract/types';
import type { Report } from '../ingest/types';
import { placeKey } from './places';
import { createViTokenizer } from './tokenizer';

/** Indexed fields; the figure's id is stored beside them, unindexed (nobody searches its words). */
const SCHEMA = {
  label: 'string',
  reportId: 'enum',
  metric: 'enum',
  /** Folded place of the figure ("tay son") and of its report's province ("binh dinh"). */
  places: 'enum[]',
  provinceCode: 'enum',
  kind: 'enum',
  yearFrom: 'number',
  yearTo: 'number',
} as const;

export interface FigureIndex {
  db: ReturnType<typeof createDb>;
  /** Orama ids of each report's figures, to remove them with the report. */
  byReport: Map<string, string[]>;
}

function createDb() {
  // Nothing sorts by a field (Corpus orders figures itself); sort indexes would only take memory.
  return create({ schema: SCHEMA, sort: { enabled: false }, components: { tokenizer: createViTokenizer() } });
}

export function createFigureIndex(): FigureIndex {
  return { db: createDb(), byReport: new Map() };
}

export function indexFigures(index: FigureIndex, report: Report, figures: Figure[]): void {
  removeFigures(index, report.id);
  const ids: string[] = [];
  const province = report.place ? placeKey(report.place.province) : '';
  for (const f of figures) {
    const places = [...new Set([placeKey(f.place ?? ''), province].filter(Boolean))];
    const id = insert(index.db, {
      // Safe: a field outside SCHEMA is stored with the document and not indexed.
      ...({ figureId: f.id } as object),
      label: `${f.label} ${f.metric.startsWith('other:') ? '' : f.metric}`,
      reportId: report.id,
      metric: f.metric,
      places,
      provinceCode: report.place?.provinceCode ?? '',
      kind: f.kind,
      yearFrom: Number(f.period?.from.slice(0, 4) ?? 0),
      yearTo: Number(f.period?.to.slice(0, 4) ?? 0),
    }) as string;
    ids.push(id);
  }
  index.byReport.set(report.id, ids);
}

export function removeFigures(index: FigureIndex, reportId: string): void {
  for (const id of index.byReport.get(reportId) ?? []) remove(index.db, id);
  index.byReport.delete(reportId);
}

export interface FigureQuery {
  /** Lexicon ids (matched exactly) or words of a label ("lớp đào tạo nghề"). */
  metrics?: string[];
  words?: string;
  /** Place names as people write them; a figure matches its own place or its report's province. */
  places?: string[];
  kind?: Figure['kind'];
  year?: number;
  reportId?: string;
}

/** Ids of the figures matching every filter given, in no particular order. */
export function queryFigureIds(index: FigureIndex, q: FigureQuery): string[] {
  const where: Record<string, unknown> = {};
  if (q.metrics?.length) where.metric = { in: q.metrics };
  if (q.places?.length) where.places = { containsAny: q.places.map(placeKey) };
  if (q.kind) where.kind = { eq: q.kind };
  if (q.reportId) where.reportId = { eq: q.reportId };
  if (q.year) {
    where.yearFrom = { lte: q.year };
    where.yearTo = { gte: q.year };
  }
  // Filters alone skip the full-text step: an empty term would list every word of every label
  // (Orama 3.1's prefix lookup is quadratic in a word's postings: 2 s a query at 1.000 reports).
  const words = q.words?.trim() ? { term: q.words, properties: ['label' as const] } : {};
  const res = search(index.db, {
    ...words,
    // Every word of a label query must be there (Orama's default matches any one).
    threshold: 0,
    // Safe: the where clause is built from the schema's own enum and number fields above.
    where: where as never,
    // Every match; Orama allocates an array of `limit` entries up front, so no more than there are figures.
    limit: Math.max(1, count(index.db)),
  });
  // Safe: with a synchronous tokenizer and no async hooks Orama's search returns its result directly.
  return (res as Awaited<typeof res>).hits.map((h) => (h.document as unknown as { figureId: string }).figureId);
}
