// Full-text search over report passages: an Orama database with the Vietnamese tokenizer, side
// maps for reports, BM25 candidates re-ranked in our code (see rank.ts), save and load.
// Every operation is synchronous: with a synchronous tokenizer and no hooks Orama is too.
import { count, create, insert, load, type RawData, remove, save, search } from '@orama/orama';
import { AppError } from '../errors.ts';
import type { Report } from '../ingest/types.ts';
import { bytesToBase64, createIndexComponent, limitNextSearch, postingsOf } from './orama-index.ts';
import {
  createPassageDocs,
  materializePassage,
  type PassageDoc,
  type PassageRef,
  passageRefs,
} from './passage-docs.ts';
import {
  analyzeCandidate,
  type ContextCache,
  highlightSpans,
  profileQuery,
  type ScoredCandidate,
  scoreCandidate,
} from './rank.ts';
import { refsOf } from './ref-docs.ts';
import { buildSnippet } from './snippet.ts';
import { analyzeVi, createViTokenizer, PRETOKENIZED, TERMINATOR, tokenizeVi } from './tokenizer.ts';

/** Bump when tokens, schema or the snapshot shape change: old snapshots must be rebuilt. */
export const INDEX_FORMAT_VERSION = 2;

/** BM25 candidates handed to the re-ranker. */
const CANDIDATES = 50;
/** Context (title, place, section) repeats for every passage of a report: it weighs less. */
const CONTEXT_BOOST = 0.5;
/**
 * Query tokens found in more than this share of passages are not looked up in Orama (the three
 * rarest always are). Their postings are the longest, so they cost the most, and their IDF is
 * the lowest, so they move BM25 the least; the re-ranker still scores them on the candidates.
 * Measured on the dev quotes among generated reports (recall@3, search p50): at 10.000 reports
 * 0,25 → 48,3%, 262 ms; 0,1 → 44,8% (one quote of 29; recall@1 up 31 → 34,5%), 86 ms; 0,07 →
 * 41,4%, 38 ms. At 1.000 reports 0,25 and 0,1 both 96,6%, 28 → 16 ms. The seeds never prune.
 */
const COMMON_TOKEN_SHARE = 0.1;
const MIN_LOOKUP_TOKENS = 3;
/** Below this many passages every lookup is cheap, and in a handful of passages every token is "common". */
const PRUNE_FROM_PASSAGES = 500;

const SCHEMA = {
  text: 'string',
  /** Report title, place names and the passage's section heading: words the passage implies. */
  context: 'string',
  reportId: 'enum',
  /** Folded place names (passage's, report's and their provinces): "quang tri", "tay son". */
  places: 'enum[]',
  provinceCode: 'enum',
  year: 'number',
} as const;

/** Accent keys ("hô5"): searchPassages never looks them up (lookupTerm), the re-ranker scores accents. */
const isLookupToken = (token: string) => /^[#@a-z0-9._-]+\$?$/.test(token);

function createDb(tokenizer: 'vi' | 'default') {
  return create({
    schema: SCHEMA,
    id: 'passages',
    // Nothing sorts by a field; sort indexes would only grow the snapshot.
    sort: { enabled: false },
    components: {
      // Orama keeps only what it indexes; a passage's text and context are read from its report.
      documentsStore: createPassageDocs(),
      // Orama's stock tokenizer needs prefix matching, which the compact postings do not do: the
      // baseline keeps Orama's own index.
      ...(tokenizer === 'vi'
        ? { tokenizer: createViTokenizer(), index: createIndexComponent({ unindexed: (t) => !isLookupToken(t) }) }
        : {}),
    },
  });
}

type PassageDb = ReturnType<typeof createDb>;

interface ReportEntry {
  report: Report;
  passageIds: string[];
}

export interface PassageIndex {
  /** 'default' is Orama's stock tokenizer without re-ranking, kept only for comparisons. */
  readonly tokenizer: 'vi' | 'default';
  readonly db: PassageDb;
  readonly reports: Map<string, ReportEntry>;
  /** The latest ANALYSED_KEPT candidates' analyses by passage id (re-ranking's main cost), oldest first. */
  readonly analysed?: Map<string, ReturnType<typeof analyzeCandidate>>;
  /** The latest CONTEXTS_KEPT context analyses by context text: a report's passages share a few contexts. */
  readonly contexts?: ContextCache;
}

/**
 * Context analyses kept across searches. A context (title, places, section) is shared by the
 * passages of one report section, so candidates of later searches meet them again far more often
 * than they meet the same passage. About 6 KB each (measured at 1.737 generated contexts: 10,8 MB),
 * so 256 hold ~1,6 MB: more would eat into a 128 MB isolate's ~2.000 reports.
 */
const CONTEXTS_KEPT = 256;

/** A Map that forgets its oldest entry past `limit` entries (insertion order). */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.limit) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}

/**
 * Candidate analyses kept: questions about one topic meet the same passages again (every seed
 * passage fits). About 8 KB each, so ~2 MB whatever the corpus size.
 */
const ANALYSED_KEPT = 256;

function analysedPassage(index: PassageIndex, doc: PassageDoc): ReturnType<typeof analyzeCandidate> {
  const kept = index.analysed;
  const known = kept?.get(doc.id);
  if (known) {
    // Most recently used last.
    kept?.delete(doc.id);
    kept?.set(doc.id, known);
    return known;
  }
  const fresh = analyzeCandidate(doc);
  if (kept) {
    if (kept.size >= ANALYSED_KEPT) kept.delete(kept.keys().next().value as string);
    kept.set(doc.id, fresh);
  }
  return fresh;
}

export interface PassageHit {
  id: string;
  reportId: string;
  title: string;
  start: number;
  end: number;
  text: string;
  section: string | null;
  place: string | null;
  score: number;
  /** HTML: escaped passage text (or a ~300-character window of it) with matches in <mark>. */
  snippet: string;
}

export interface SearchPassagesOptions {
  /** Hits returned; default 10. */
  limit?: number;
  reportId?: string;
  /** GSO province code, e.g. "45" for Quảng Trị. */
  provinceCode?: string;
  /** Year the passage speaks of (its period's, else its report's main period's). */
  year?: number;
  /** Re-rank Orama's candidates (default true); false gives plain BM25, for evaluation. */
  rerank?: boolean;
}

export function createPassageIndex(): PassageIndex {
  return {
    tokenizer: 'vi',
    db: createDb('vi'),
    reports: new Map(),
    analysed: new Map(),
    contexts: new BoundedMap(CONTEXTS_KEPT),
  };
}

/** The same index with Orama's default (English) tokenizer and BM25 order: a baseline only. */
export function createDefaultTokenizerIndex(): PassageIndex {
  return { tokenizer: 'default', db: createDb('default'), reports: new Map() };
}

/** Inserts a report's passages; a report already indexed under that id is replaced. */
export function indexReport(index: PassageIndex, report: Report): void {
  if (index.reports.has(report.id)) removeReport(index, report.id);
  const passageIds: string[] = [];
  for (const ref of passageRefs(report)) {
    const doc = materializePassage(ref);
    // Safe: a field outside SCHEMA is not indexed; the documents store keeps only it.
    insert(index.db, { ...doc, ref } as PassageDoc);
    passageIds.push(doc.id);
  }
  index.reports.set(report.id, { report, passageIds });
}

export function removeReport(index: PassageIndex, reportId: string): void {
  const entry = index.reports.get(reportId);
  if (!entry) return;
  for (const id of entry.passageIds) {
    remove(index.db, id);
    // A report posted again may hold other text at the same offsets (the same passage ids).
    index.analysed?.delete(id);
  }
  index.reports.delete(reportId);
}

/** Orama's count of a token in a text field ("tokenOccurrences"): passages holding it, as our tokenizer de-duplicates. */
function tokenCount(index: PassageIndex, prop: 'text' | 'context', token: string): number {
  const compact = postingsOf(index.db.data.index, prop);
  if (compact) return compact.count(token);
  // Safe: the shape of @orama/orama 3.1.x's stock index component (the default-tokenizer baseline).
  const stock = (index.db.data.index as unknown as { tokenOccurrences: Record<string, Record<string, number>> })
    .tokenOccurrences;
  return stock[prop]?.[token] ?? 0;
}

function idfOf(index: PassageIndex): (token: string) => number {
  const n = count(index.db);
  return (token) => {
    const df = tokenCount(index, 'text', token + TERMINATOR);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
}

/**
 * The query tokens worth a posting-list lookup: no accent keys (the re-ranker scores accents),
 * no tokens common to most passages unless nothing rarer is left.
 */
function lookupTerm(index: PassageIndex, term: string): string {
  const n = count(index.db);
  // Each token's frequency read once, not at every comparison of the sort.
  const known = new Map<string, number>();
  for (const t of new Set(tokenizeVi(term))) {
    if (!/^[#@a-z0-9._-]+$/.test(t)) continue;
    const key = t + TERMINATOR;
    known.set(key, Math.max(tokenCount(index, 'text', key), tokenCount(index, 'context', key)));
  }
  const frequency = (t: string) => known.get(t) as number;
  const tokens = [...known.keys()].sort((a, b) => frequency(a) - frequency(b) || (a < b ? -1 : 1));
  const kept =
    n < PRUNE_FROM_PASSAGES
      ? tokens
      : tokens.filter((t, i) => i < MIN_LOOKUP_TOKENS || frequency(t) <= COMMON_TOKEN_SHARE * n);
  return PRETOKENIZED + kept.join(' ');
}

/**
 * Passages for a question, best first: BM25 candidates from Orama, re-ranked (rank.ts).
 * @example searchPassages(index, 'ho ngheo quang tri', { limit: 3 })[0].text // '… 14.040 hộ nghèo …'
 */
export function searchPassages(index: PassageIndex, query: string, opts: SearchPassagesOptions = {}): PassageHit[] {
  const limit = opts.limit ?? 10;
  const term = query.normalize('NFC').trim();
  if (!term || limit <= 0) return [];
  const where: Record<string, unknown> = {};
  if (opts.reportId !== undefined) where.reportId = { eq: opts.reportId };
  if (opts.provinceCode !== undefined) where.provinceCode = { eq: opts.provinceCode };
  if (opts.year !== undefined) where.year = { eq: opts.year };
  const rerank = index.tokenizer === 'vi' && opts.rerank !== false;
  const profile = profileQuery(term, idfOf(index));
  const lookup = index.tokenizer === 'vi' ? lookupTerm(index, term) : term;

  const candidates = new Map<string, { doc: PassageDoc; bm25: number }>();
  const collect = (filter: Record<string, unknown>, reuseScores: boolean) => {
    const wanted = rerank ? Math.max(CANDIDATES, limit) : limit;
    limitNextSearch(wanted, { reuseScores });
    const result = search(index.db, {
      term: lookup,
      properties: ['text', 'context'],
      boost: { context: CONTEXT_BOOST },
      limit: wanted,
      // Safe: keys and operators are those of SCHEMA; the record only makes them optional.
      where: filter as never,
    });
    if (result instanceof Promise)
      throw new Error('Orama search turned asynchronous: check the tokenizer and plugins.');
    for (const h of result.hits) {
      // Safe: every document was inserted by indexReport as a PassageDoc.
      const doc = h.document as unknown as PassageDoc;
      if (!candidates.has(doc.id)) candidates.set(doc.id, { doc, bm25: h.score });
    }
  };
  collect(where, false);
  // In a large corpus the passages of the place a question names can all rank below 50
  // look-alikes from other places; fetch them too (enum filter, same BM25 scores).
  if (rerank && profile.places.length > 0 && where.reportId === undefined) {
    // The same term as the search above, narrowed: its BM25 sums are selected again, not redone.
    collect({ ...where, places: { containsAny: [...new Set(profile.places.map((p) => p.key))] } }, true);
  }

  const list = [...candidates.values()];
  const best = Math.max(0, ...list.map((c) => c.bm25));
  const contexts: ContextCache = index.contexts ?? new Map();
  const scored = list.map(({ doc, bm25 }) => {
    const ranked: ScoredCandidate | null = rerank
      ? scoreCandidate(profile, doc, bm25, best, contexts, analysedPassage(index, doc))
      : null;
    return { doc, bm25, ranked };
  });
  const scoreOf = (c: (typeof scored)[number]) => c.ranked?.score ?? c.bm25;
  scored.sort((a, b) => scoreOf(b) - scoreOf(a) || b.bm25 - a.bm25 || (a.doc.id < b.doc.id ? -1 : 1));

  // Plain BM25 analyses only the hits returned, for their snippets.
  const top = scored.slice(0, limit).map(({ doc, bm25, ranked }) => ({
    doc,
    ranked: ranked ?? { score: bm25, analysis: analyzeVi(doc.text), offset: 0 },
  }));
  return top.map(({ doc, ranked }) => ({
    id: doc.id,
    reportId: doc.reportId,
    title: index.reports.get(doc.reportId)?.report.title ?? '',
    start: doc.start,
    end: doc.end,
    text: doc.text,
    section: doc.section,
    place: doc.place,
    score: ranked.score,
    snippet: buildSnippet(doc.text, highlightSpans(profile, ranked.analysis, ranked.offset)),
  }));
}

interface Snapshot {
  version: number;
  tokenizer: 'vi' | 'default';
  /** Ids of the reports indexed, in order; their passages are read from the reports given to load. */
  reports: string[];
  orama: RawData;
}

/**
 * A snapshot of the index alone (no text: that is in the reports, saved beside it); the same
 * reports indexed in the same order give the same snapshot. JSON-serialisable, postings in
 * base64, unless `bytes: 'raw'`: then they are Uint8Arrays, for a binary snapshot (snapshot-file.ts).
 */
export function savePassageIndex(index: PassageIndex, opts: { bytes?: 'base64' | 'raw' } = {}): unknown {
  const orama = save(index.db);
  const snapshot: Snapshot = {
    version: INDEX_FORMAT_VERSION,
    tokenizer: index.tokenizer,
    reports: [...index.reports.keys()],
    // Safe: RawData's `index` is what our index component's save returned.
    orama:
      opts.bytes === 'raw' || index.tokenizer !== 'vi'
        ? orama
        : ({ ...orama, index: bytesToBase64(orama.index) } as RawData),
  };
  return snapshot;
}

/**
 * Restores a snapshot into a database created with our tokenizer (Orama's persistence plugin
 * would restore the default one, and Vietnamese queries would then find nothing). `reports` are
 * those the snapshot was saved with (any order, others ignored): passages are read from them.
 * @throws AppError when the snapshot is of another format version, not a snapshot, or
 * names a report not given.
 */
export function loadPassageIndex(raw: unknown, reports: Iterable<Report>): PassageIndex {
  if (typeof raw !== 'object' || raw === null || !('version' in raw)) {
    throw new AppError('INDEX_MALFORMED');
  }
  const snapshot = raw as Snapshot;
  if (snapshot.version !== INDEX_FORMAT_VERSION) {
    throw new AppError(
      'INDEX_VERSION_MISMATCH',
      `Passage index snapshot has format version ${String(snapshot.version)}, this code reads ${INDEX_FORMAT_VERSION}: rebuild the index (npm run index).`,
    );
  }
  if (!Array.isArray(snapshot.reports) || typeof snapshot.orama !== 'object' || snapshot.orama === null) {
    throw new AppError(
      'INDEX_MALFORMED',
      'The passage index snapshot lacks "reports" or "orama"; rebuild it with savePassageIndex.',
    );
  }
  const tokenizer = snapshot.tokenizer === 'default' ? 'default' : 'vi';
  const db = createDb(tokenizer);
  load(db, snapshot.orama);
  const byId = new Map<string, Report>();
  for (const r of reports) byId.set(r.id, r);
  const docs = refsOf<PassageRef>(db.data.docs);
  const ids = db.internalDocumentIDStore.idToInternalId;
  const entries = new Map<string, ReportEntry>();
  for (const id of snapshot.reports) {
    const report = byId.get(id);
    if (!report)
      throw new AppError(
        'INDEX_MALFORMED',
        `The passage index snapshot indexes report "${id}", which was not given to loadPassageIndex.`,
      );
    for (const ref of passageRefs(report)) {
      const internal = ids.get((report.passages[ref.n] as Report['passages'][number]).id);
      if (internal !== undefined) docs.refs[internal] = ref;
    }
    entries.set(id, { report, passageIds: report.passages.map((p) => p.id) });
  }
  return { tokenizer, db, reports: entries, analysed: new Map(), contexts: new BoundedMap(CONTEXTS_KEPT) };
}
