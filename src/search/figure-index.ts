// The figure table in Orama: every figure with enum fields for the filters people use (metric,
// place, province, kind, label) and its years as numbers; beside it a table of the distinct labels,
// searchable with the Vietnamese tokenizer, so a figure whose metric is a noun phrase
// ("other:lớp đào tạo nghề") is findable by its words. Labels repeat (106 distinct among 39.772
// figures of 1.000 generated reports): tokenising each once made building the table ~2× faster.
// Filters are enums and numbers because Orama tokenises string filters (FIELD-NOTES). Orama keeps
// a reference to each figure, not a document of its own (ref-docs.ts): 31 → N KB a report.
import { count, create, insert, remove, search } from '@orama/orama';
import type { Figure } from '../extract/types.ts';
import type { Report } from '../ingest/types.ts';
import { placeKey } from './places.ts';
import { createRefDocs } from './ref-docs.ts';
import { createViTokenizer } from './tokenizer.ts';

/** What the figure table keeps per figure. */
interface FigureRef {
  figure: Figure;
  report: Report;
  /** The figure's text for word search, shared by every figure with the same (labelUse's key). */
  label: string;
}

/** Indexed fields; the figure's id is stored beside them, unindexed (nobody searches its words). */
const SCHEMA = {
  /** The text its words are searched in (`labels`), as an exact key. */
  label: 'enum',
  reportId: 'enum',
  metric: 'enum',
  /** Folded place of the figure ("tay son") and of its report's province ("binh dinh"). */
  places: 'enum[]',
  provinceCode: 'enum',
  kind: 'enum',
  yearFrom: 'number',
  yearTo: 'number',
} as const;

const LABEL_SCHEMA = { label: 'string' } as const;

export interface FigureIndex {
  db: ReturnType<typeof createDb>;
  labels: ReturnType<typeof createLabelDb>;
  /** Figures per label text and the label's id in `labels`, to drop a label no figure has any more. */
  labelUse: Map<string, { id: string; figures: number; label: string }>;
  /** Orama ids of each report's figures, to remove them with the report. */
  byReport: Map<string, string[]>;
}

/** The document Orama indexes (and hands back) for a figure. */
function figureDoc({ figure: f, report, label }: FigureRef) {
  const province = report.place ? placeKey(report.place.province) : '';
  return {
    figure: f,
    label,
    reportId: report.id,
    metric: f.metric,
    places: [...new Set([placeKey(f.place ?? ''), province].filter(Boolean))],
    provinceCode: report.place?.provinceCode ?? '',
    kind: f.kind,
    yearFrom: Number(f.period?.from.slice(0, 4) ?? 0),
    yearTo: Number(f.period?.to.slice(0, 4) ?? 0),
  };
}

function createDb() {
  // Nothing sorts by a field (Corpus orders figures itself); sort indexes would only take memory.
  return create({ schema: SCHEMA, sort: { enabled: false }, components: { documentsStore: createRefDocs(figureDoc) } });
}

function createLabelDb() {
  return create({ schema: LABEL_SCHEMA, sort: { enabled: false }, components: { tokenizer: createViTokenizer() } });
}

export function createFigureIndex(): FigureIndex {
  return { db: createDb(), labels: createLabelDb(), labelUse: new Map(), byReport: new Map() };
}

/** What a figure's words are searched in: its label and, for a lexicon metric, the metric's id. */
function labelOf(f: Figure): string {
  return `${f.label} ${f.metric.startsWith('other:') ? '' : f.metric}`;
}

export function indexFigures(index: FigureIndex, report: Report, figures: Figure[]): void {
  removeFigures(index, report.id);
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const f of figures) {
    let label = labelOf(f);
    const use = index.labelUse.get(label);
    if (use) {
      use.figures++;
      // The key's own string: one copy of each label however many figures share it.
      label = use.label;
    } else index.labelUse.set(label, { id: insert(index.labels, { label }) as string, figures: 1, label });
    const ref: FigureRef = { figure: f, report, label };
    // A figure's id is unique in its report but for two figures starting at one offset.
    const id = seen.has(f.id) ? `${f.id}~${ids.length}` : f.id;
    seen.add(id);
    // Safe: `id` and `ref` are outside SCHEMA: Orama's id, and what the documents store keeps.
    insert(index.db, { ...figureDoc(ref), id, ref } as never);
    ids.push(id);
  }
  index.byReport.set(report.id, ids);
}

export function removeFigures(index: FigureIndex, reportId: string): void {
  const ids = index.byReport.get(reportId);
  if (!ids) return;
  for (const id of ids) {
    const doc = index.db.documentsStore.get(index.db.data.docs, id) as ReturnType<typeof figureDoc> | undefined;
    remove(index.db, id);
    const use = doc && index.labelUse.get(doc.label);
    if (use && --use.figures === 0) {
      remove(index.labels, use.id);
      index.labelUse.delete(doc.label);
    }
  }
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

/** The figures matching every filter given, in no particular order. */
export function queryFigures(index: FigureIndex, q: FigureQuery): Figure[] {
  const where: Record<string, unknown> = {};
  if (q.words?.trim()) {
    const labels = matchingLabels(index, q.words);
    if (!labels.length) return [];
    where.label = { in: labels };
  }
  if (q.metrics?.length) where.metric = { in: q.metrics };
  if (q.places?.length) where.places = { containsAny: q.places.map(placeKey) };
  if (q.kind) where.kind = { eq: q.kind };
  if (q.reportId) where.reportId = { eq: q.reportId };
  if (q.year) {
    where.yearFrom = { lte: q.year };
    where.yearTo = { gte: q.year };
  }
  const res = search(index.db, {
    // Safe: the where clause is built from the schema's own enum and number fields above.
    where: where as never,
    // Every match; Orama allocates an array of `limit` entries up front, so no more than there are figures.
    limit: Math.max(1, count(index.db)),
  });
  // Safe: with no async hooks Orama's search returns its result directly.
  return (res as Awaited<typeof res>).hits.map((h) => (h.document as unknown as { figure: Figure }).figure);
}

/** Label texts holding every word of `words`. */
function matchingLabels(index: FigureIndex, words: string): string[] {
  const res = search(index.labels, {
    term: words,
    properties: ['label'],
    // Every word must be there (Orama's default matches any one).
    threshold: 0,
    limit: Math.max(1, count(index.labels)),
  });
  // Safe: with a synchronous tokenizer and no async hooks Orama's search returns its result directly.
  return (res as Awaited<typeof res>).hits.map((h) => (h.document as { label: string }).label);
}
