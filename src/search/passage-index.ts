// Full-text search over report passages: an Orama database with the Vietnamese tokenizer, side
// maps for reports, BM25 candidates re-ranked in our code (see rank.ts), save and load.
// Every operation is synchronous: with a synchronous tokenizer and no hooks Orama is too.
import { count, create, insert, load, type RawData, remove, save, search } from '@orama/orama';
import { index as oramaIndex, internalDocumentIDStore } from '@orama/orama/components';
import { radix } from '@orama/orama/trees';
import type { Report } from '../ingest/types';
import { highlightSpans, placeKeys, profileQuery, type ScoredCandidate, scoreCandidate } from './rank';
import { buildSnippet } from './snippet';
import { analyzeVi, createViTokenizer, PRETOKENIZED, TERMINATOR, tokenizeVi } from './tokenizer';

/** Bump when tokens, schema or the snapshot shape change: old snapshots must be rebuilt. */
export const INDEX_FORMAT_VERSION = 1;

/** BM25 candidates handed to the re-ranker. */
const CANDIDATES = 50;
/** Context (title, place, section) repeats for every passage of a report: it weighs less. */
const CONTEXT_BOOST = 0.5;
/**
 * Query tokens found in more than this share of passages are not looked up in Orama (the three
 * rarest always are). Their postings are the longest, so they cost the most, and their IDF is
 * the lowest, so they move BM25 the least; the re-ranker still scores them on the candidates.
 */
const COMMON_TOKEN_SHARE = 0.25;
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

/**
 * Orama's index component with a faster insert for text fields and a linear find. Stock insert
 * counts each token's frequency by scanning all of the field's tokens, once per token
 * (quadratic in the passage length), and walks the radix tree from the root for every token.
 * This one stores the same values in the same order: it counts once per field, re-tokenises
 * nothing when a field repeats the previous document's value (the context of a report's
 * passages mostly does), and goes straight to a word's node once the tree has it.
 */
const { getInternalDocumentId } = internalDocumentIDStore;

type IndexComponent = ReturnType<typeof oramaIndex.createIndex>;

/** The fields of @orama/orama 3.1.x's index store that inserting into a text field touches. */
interface IndexStoreShape {
  searchableProperties: string[];
  indexes: Record<string, { type: string; node: unknown }>;
  frequencies: Record<string, Record<number, Record<string, number>>>;
  tokenOccurrences: Record<string, Record<string, number>>;
}

function createIndexComponent() {
  const stock = oramaIndex.createIndex();
  /** Per field, the last value tokenised, its tokens and each token's term frequency. */
  const lastTokens = new Map<string, { value: string; tokens: string[]; tf: number[] }>();
  const insert: IndexComponent['insert'] = (implementation, index, prop, id, internalId, value, schemaType, language, tokenizer, docsCount, options) => {
    // Safe: the shape of @orama/orama 3.1.x's default index store, which this component wraps.
    const store = index as unknown as IndexStoreShape;
    const tree = store.indexes[prop];
    if (tree?.type !== 'Radix' || typeof value !== 'string') {
      return stock.insert(implementation, index, prop, id, internalId, value, schemaType, language, tokenizer, docsCount, options);
    }
    let last = lastTokens.get(prop);
    if (last?.value !== value) {
      // Safe: a synchronous tokenizer (createDb), so tokenize returns the tokens themselves.
      const tokens = tokenizer.tokenize(value, language, prop, false) as string[];
      const counts = new Map<string, number>();
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      last = { value, tokens, tf: tokens.map((t) => (counts.get(t) ?? 0) / tokens.length) };
      lastTokens.set(prop, last);
    }
    const { tokens, tf } = last;
    implementation.insertDocumentScoreParameters(index, prop, internalId, tokens, docsCount);
    const docId = getInternalDocumentId(index.sharedInternalDocumentStore, internalId);
    // Safe: created by the stock insertDocumentScoreParameters just above, for this document.
    const frequencies = store.frequencies[prop]![docId]!;
    const occurrences = store.tokenOccurrences[prop]!;
    // Safe: a 'Radix' index's node is a RadixTree.
    const root = tree.node as RadixNodeShape;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      frequencies[token] = tf[i] as number;
      occurrences[token] = (occurrences[token] ?? 0) + 1;
      insertWord(root, token, docId);
    }
  };
  const search: typeof stock.search = (index, ...rest) => {
    // Safe: the shape of @orama/orama 3.1.x's default index store, which this component wraps.
    const store = index as unknown as IndexStoreShape;
    for (const prop of store.searchableProperties) {
      const tree = store.indexes[prop];
      if (tree?.type === 'Radix') useLinearFind(tree.node as RadixNodeShape);
    }
    return stock.search(index, ...rest);
  };
  const load: IndexComponent['load'] = (sharedInternalDocumentStore, raw) => {
    // Safe: the shape stock save wrote (savePassageIndex), checked by INDEX_FORMAT_VERSION.
    const saved = raw as { indexes: Record<string, { type: string; node: RadixJson; isArray: boolean }> };
    const radixJson = Object.entries(saved.indexes).filter(([, entry]) => entry.type === 'Radix');
    // Stock load copies index types it does not know as they are; the radix trees are built below.
    const indexes = { ...saved.indexes };
    for (const [prop, entry] of radixJson) indexes[prop] = { ...entry, type: 'Pending' };
    const loaded = stock.load(sharedInternalDocumentStore, { ...saved, indexes });
    const store = loaded as unknown as IndexStoreShape;
    for (const [prop, entry] of radixJson) store.indexes[prop] = { type: 'Radix', node: radixFromJson(entry.node), isArray: entry.isArray } as IndexStoreShape['indexes'][string];
    return loaded;
  };
  return { ...stock, insert, search, load };
}

/** A radix node as RadixNode.toJSON writes it. */
interface RadixJson {
  w: string;
  s: string;
  e: boolean;
  k: string;
  d: number[];
  c: [string, RadixJson][];
}

/**
 * RadixTree.fromJSON without its waste, the bulk of restoring a snapshot: the stock one gives
 * every node an empty Map and Set, then replaces both. Same nodes, fields and child order.
 */
function radixFromJson(json: RadixJson): radix.RadixTree {
  const root = new radix.RadixTree();
  const stack: [radix.RadixNode, RadixJson][] = [[root, json]];
  while (stack.length > 0) {
    const [node, j] = stack.pop() as [radix.RadixNode, RadixJson];
    node.w = j.w;
    node.s = j.s;
    node.e = j.e;
    node.k = j.k;
    if (j.d.length > 0) node.d = new Set(j.d);
    for (const [key, child] of j.c) {
      const next = new radix.RadixNode(child.k, child.s, child.e);
      node.c.set(key, next);
      stack.push([next, child]);
    }
  }
  return root;
}

/**
 * Each tree's nodes by the word ending there. A word's node stays the same object for the
 * tree's life: inserting other words splits edges above it, and removing a document from a word
 * (all that Orama's remove does) keeps the node.
 */
const wordNodes = new WeakMap<RadixNodeShape, Map<string, RadixNodeShape>>();

/** RadixNode.insert, without the walk from the root for a word the tree already has. */
function insertWord(root: RadixNodeShape, word: string, docId: number): void {
  let words = wordNodes.get(root);
  if (!words) {
    words = new Map();
    wordNodes.set(root, words);
  }
  const known = words.get(word);
  if (known) {
    known.e = true;
    known.d.add(docId);
    return;
  }
  root.insert(word, docId);
  const node = exactNode(root, word);
  if (node) words.set(word, node);
}

/** The node where `word` ends, or null. */
function exactNode(root: RadixNodeShape, word: string): RadixNodeShape | null {
  let node = root;
  let i = 0;
  while (i < word.length) {
    const child = node.c.get(word[i] as string);
    if (!child || !word.startsWith(child.s, i)) return null;
    node = child;
    i += child.s.length;
  }
  return node.e ? node : null;
}

/** The fields of @orama/orama 3.1.x's RadixNode that a lookup reads. */
interface RadixNodeShape {
  /** Edge label from the parent. */
  s: string;
  c: Map<string, RadixNodeShape>;
  d: Set<number>;
  /** A word ends here. */
  e: boolean;
  w: string;
  find(params: { term: string; exact?: boolean; tolerance?: number }): Record<string, number[]>;
  insert(word: string, docId: number): void;
}

const linearFind = new WeakSet<RadixNodeShape>();

/**
 * Replaces a radix tree's `find` with one returning the same words and documents in the same
 * order, in linear time. Orama 3.1.18's findAllWords copies a word's documents with
 * `if (!docs.includes(id)) docs.push(id)`: quadratic in the posting list, ~20 s per query for
 * a syllable in 60.000 passages (10.000 reports). A word's documents are a Set already.
 */
function useLinearFind(root: RadixNodeShape): void {
  if (linearFind.has(root)) return;
  linearFind.add(root);
  const stockFind = root.find.bind(root);
  root.find = (params) => {
    if (params.tolerance) return stockFind(params);
    const { term } = params;
    const exact = params.exact ?? false;
    let node = root;
    let i = 0;
    while (i < term.length) {
      const child = node.c.get(term[i] as string);
      if (!child) return {};
      let j = 0;
      while (j < child.s.length && i + j < term.length && child.s[j] === term[i + j]) j++;
      if (j === child.s.length) {
        node = child;
        i += j;
      } else if (i + j === term.length && !exact) {
        node = child;
        break;
      } else {
        return {};
      }
    }
    const output: Record<string, number[]> = {};
    const stack = [node];
    while (stack.length > 0) {
      const n = stack.pop() as RadixNodeShape;
      if (n.e && (!exact || n.w === term)) output[n.w] = Array.from(n.d);
      if (n.c.size > 0) stack.push(...n.c.values());
    }
    return output;
  };
}

function createDb(tokenizer: 'vi' | 'default') {
  return create({
    schema: SCHEMA,
    id: 'passages',
    // Nothing sorts by a field; sort indexes would only grow the snapshot.
    sort: { enabled: false },
    components: {
      index: createIndexComponent(),
      ...(tokenizer === 'vi' ? { tokenizer: createViTokenizer() } : {}),
    },
  });
}

type PassageDb = ReturnType<typeof createDb>;

/** What Orama stores per passage; fields outside SCHEMA are stored, not indexed. */
interface PassageDoc {
  id: string;
  reportId: string;
  text: string;
  context: string;
  places: string[];
  provinceCode?: string;
  year?: number;
  start: number;
  end: number;
  section: string | null;
  place: string | null;
  leadIn: string | null;
}

interface ReportEntry {
  title: string;
  passageIds: string[];
}

export interface PassageIndex {
  /** 'default' is Orama's stock tokenizer without re-ranking, kept only for comparisons. */
  readonly tokenizer: 'vi' | 'default';
  readonly db: PassageDb;
  readonly reports: Map<string, ReportEntry>;
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

export const SEARCH_ERRORS = {
  INDEX_VERSION_MISMATCH: 'The passage index snapshot was built by another version of the search code; rebuild it (npm run index).',
  INDEX_MALFORMED: 'This is not a passage index snapshot; build one with savePassageIndex.',
} as const;

export type SearchErrorCode = keyof typeof SEARCH_ERRORS;

/** Thrown by loadPassageIndex when a snapshot cannot be restored; `code` is a key of SEARCH_ERRORS. */
export class PassageIndexError extends Error {
  readonly code: SearchErrorCode;

  constructor(code: SearchErrorCode, message: string = SEARCH_ERRORS[code]) {
    super(message);
    this.name = 'PassageIndexError';
    this.code = code;
  }
}

export function createPassageIndex(): PassageIndex {
  return { tokenizer: 'vi', db: createDb('vi'), reports: new Map() };
}

/** The same index with Orama's default (English) tokenizer and BM25 order: a baseline only. */
export function createDefaultTokenizerIndex(): PassageIndex {
  return { tokenizer: 'default', db: createDb('default'), reports: new Map() };
}

/** Inserts a report's passages; a report already indexed under that id is replaced. */
export function indexReport(index: PassageIndex, report: Report): void {
  if (index.reports.has(report.id)) removeReport(index, report.id);
  const passageIds: string[] = [];
  let leadIn: string | null = null;
  for (const p of report.passages) {
    const text = report.text.slice(p.start, p.end);
    const place = p.place ?? report.place;
    const context = [report.title, place?.name, place?.province, p.section, leadIn].filter(Boolean).join('. ');
    const ownLeadIn = leadIn;
    leadIn = nextLeadIn(text, leadIn);
    const year = p.period?.year ?? report.periods[0]?.year;
    const provinceCode = place?.provinceCode;
    const doc: PassageDoc = {
      id: p.id,
      reportId: report.id,
      text,
      context,
      places: placeKeys([p.place?.name, p.place?.province, report.place?.name, report.place?.province]),
      ...(provinceCode ? { provinceCode } : {}),
      ...(year !== undefined ? { year } : {}),
      start: p.start,
      end: p.end,
      section: p.section,
      place: place?.name ?? null,
      leadIn: ownLeadIn,
    };
    insert(index.db, doc);
    passageIds.push(p.id);
  }
  index.reports.set(report.id, { title: report.title, passageIds });
}

const BULLET = /^\s*(?:[-+•*–]|[a-zđ]\)|\d+\))\s/u;
/** How much of a lead-in travels with the passages below it. */
const LEAD_IN_CHARS = 300;

/**
 * The lead-in the next passage inherits as context: this passage when it ends in ":" ("… cuối
 * năm 2022 … như sau:"), the current one while a bulleted list goes on, else none. The figures
 * under a lead-in rarely repeat its year or subject.
 */
function nextLeadIn(text: string, current: string | null): string | null {
  const trimmed = text.trim();
  if (trimmed.endsWith(':')) return trimmed.slice(-LEAD_IN_CHARS);
  return current !== null && BULLET.test(trimmed) ? current : null;
}

export function removeReport(index: PassageIndex, reportId: string): void {
  const entry = index.reports.get(reportId);
  if (!entry) return;
  for (const id of entry.passageIds) remove(index.db, id);
  index.reports.delete(reportId);
}

type TokenCounts = Record<string, Record<string, number>>;

/** Orama's per-field count of passages holding each token (read only). */
function tokenCounts(index: PassageIndex): TokenCounts {
  // Safe: the shape of @orama/orama 3.1.x's default index component, which we always use.
  return (index.db.data.index as unknown as { tokenOccurrences: TokenCounts }).tokenOccurrences;
}

function idfOf(index: PassageIndex): (token: string) => number {
  const n = count(index.db);
  const text = tokenCounts(index).text;
  return (token) => {
    const df = text?.[token + TERMINATOR] ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
}

/**
 * The query tokens worth a posting-list lookup: no accent keys (the re-ranker scores accents),
 * no tokens common to most passages unless nothing rarer is left.
 */
function lookupTerm(index: PassageIndex, term: string): string {
  const counts = tokenCounts(index);
  const n = count(index.db);
  const frequency = (t: string) => Math.max(counts.text?.[t] ?? 0, counts.context?.[t] ?? 0);
  const tokens = [...new Set(tokenizeVi(term))]
    .filter((t) => /^[#@a-z0-9._-]+$/.test(t))
    .map((t) => t + TERMINATOR)
    .sort((a, b) => frequency(a) - frequency(b) || (a < b ? -1 : 1));
  const kept = n < PRUNE_FROM_PASSAGES ? tokens : tokens.filter((t, i) => i < MIN_LOOKUP_TOKENS || frequency(t) <= COMMON_TOKEN_SHARE * n);
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
  const collect = (filter: Record<string, unknown>) => {
    const result = search(index.db, {
      term: lookup,
      properties: ['text', 'context'],
      boost: { context: CONTEXT_BOOST },
      limit: rerank ? Math.max(CANDIDATES, limit) : limit,
      // Safe: keys and operators are those of SCHEMA; the record only makes them optional.
      where: filter as never,
    });
    if (result instanceof Promise) throw new Error('Orama search turned asynchronous: check the tokenizer and plugins.');
    for (const h of result.hits) {
      // Safe: every document was inserted by indexReport as a PassageDoc.
      const doc = h.document as unknown as PassageDoc;
      if (!candidates.has(doc.id)) candidates.set(doc.id, { doc, bm25: h.score });
    }
  };
  collect(where);
  // In a large corpus the passages of the place a question names can all rank below 50
  // look-alikes from other places; fetch them too (enum filter, same BM25 scores).
  if (rerank && profile.places.length > 0 && where.reportId === undefined) {
    collect({ ...where, places: { containsAny: [...new Set(profile.places.map((p) => p.key))] } });
  }

  const list = [...candidates.values()];
  const best = Math.max(0, ...list.map((c) => c.bm25));
  const scored = list.map(({ doc, bm25 }) => {
    const ranked: ScoredCandidate = rerank
      ? scoreCandidate(profile, doc, bm25, best)
      : { score: bm25, features: { bm25, coverage: 0, window: 0, bigrams: 0, metrics: 0, accents: 0, place: 0, year: 0, numbers: 0, figure: 0 }, analysis: analyzeVi(doc.text), offset: 0 };
    return { doc, bm25, ranked };
  });
  scored.sort((a, b) => b.ranked.score - a.ranked.score || b.bm25 - a.bm25 || (a.doc.id < b.doc.id ? -1 : 1));

  return scored.slice(0, limit).map(({ doc, ranked }) => ({
    id: doc.id,
    reportId: doc.reportId,
    title: index.reports.get(doc.reportId)?.title ?? '',
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
  reports: [string, ReportEntry][];
  orama: RawData;
}

/** A JSON-serialisable snapshot; the same reports indexed in the same order give the same JSON. */
export function savePassageIndex(index: PassageIndex): unknown {
  const snapshot: Snapshot = {
    version: INDEX_FORMAT_VERSION,
    tokenizer: index.tokenizer,
    reports: [...index.reports.entries()],
    orama: save(index.db),
  };
  return snapshot;
}

/**
 * Restores a snapshot into a database created with our tokenizer (Orama's persistence plugin
 * would restore the default one, and Vietnamese queries would then find nothing).
 * @throws PassageIndexError when the snapshot is of another format version or not a snapshot.
 */
export function loadPassageIndex(raw: unknown): PassageIndex {
  if (typeof raw !== 'object' || raw === null || !('version' in raw)) {
    throw new PassageIndexError('INDEX_MALFORMED');
  }
  const snapshot = raw as Snapshot;
  if (snapshot.version !== INDEX_FORMAT_VERSION) {
    throw new PassageIndexError(
      'INDEX_VERSION_MISMATCH',
      `Passage index snapshot has format version ${String(snapshot.version)}, this code reads ${INDEX_FORMAT_VERSION}: rebuild the index (npm run index).`,
    );
  }
  if (!Array.isArray(snapshot.reports) || typeof snapshot.orama !== 'object' || snapshot.orama === null) {
    throw new PassageIndexError('INDEX_MALFORMED', 'The passage index snapshot lacks "reports" or "orama"; rebuild it with savePassageIndex.');
  }
  const tokenizer = snapshot.tokenizer === 'default' ? 'default' : 'vi';
  const db = createDb(tokenizer);
  load(db, snapshot.orama);
  return { tokenizer, db, reports: new Map(snapshot.reports) };
}
