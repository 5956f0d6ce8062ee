// Orama's index component for the passage index, with text fields kept compact (compact-postings.ts)
// instead of in Orama 3.1's radix trees, per-document frequency objects and Sets: the same BM25
// scores in the same order (tests/search/orama-index.test.ts compares with stock Orama), ~20×
// less heap. Enum and number fields (the filters) stay Orama's own.
import { index as oramaIndex } from '@orama/orama/components';
import { CompactPostings, HitList, type SavedPostings } from './compact-postings.ts';

type IndexComponent = ReturnType<typeof oramaIndex.createIndex>;

/** A text field's entry in the index store, where Orama keeps a `Radix` one. */
interface CompactEntry {
  type: 'Compact';
  node: CompactPostings;
  isArray: boolean;
}

/** The fields of @orama/orama 3.1.x's index store that this component reads or replaces. */
interface IndexStoreShape {
  searchableProperties: string[];
  indexes: Record<string, { type: string; node: unknown; isArray: boolean }>;
  frequencies: Record<string, unknown>;
  tokenOccurrences: Record<string, unknown>;
  fieldLengths: Record<string, unknown>;
  avgFieldLength: Record<string, number | undefined>;
}

export interface CompactIndexOptions {
  /**
   * Tokens never looked up (the passage index's accent keys: searchPassages sends folded tokens
   * only): they count in a field's length, as in Orama, but get no postings. Default: none.
   */
  unindexed?: (token: string) => boolean;
}

/** How many results the next search must return at least (limitNextSearch); then unlimited again. */
let nextLimit = Number.POSITIVE_INFINITY;
/** The next search may select from the previous search's scores (limitNextSearch's `reuseScores`). */
let nextReuse = false;

export interface NextSearchOptions {
  /**
   * The next search repeats the previous one (same database, term, properties and boost, nothing
   * inserted or removed since) with only another `where`: its BM25 scores are those already
   * summed, as Orama's BM25 counts every document whatever the filter, so the postings are not
   * read again and the best allowed documents are selected among the previous hits. Checked: a
   * search that does not repeat the previous one is computed in full.
   */
  reuseScores?: boolean;
}

/**
 * The next Orama search through this component needs only its best `limit` results (those a
 * search with that limit returns): the others are neither sorted nor returned. Orama's `count`
 * is then at most `limit`. Call it right before a synchronous `search`.
 */
export function limitNextSearch(limit: number, opts: NextSearchOptions = {}): void {
  nextLimit = limit;
  nextReuse = opts.reuseScores === true;
}

/** The compact postings of a text field of a database using this component, or null. */
export function postingsOf(indexStore: unknown, prop: string): CompactPostings | null {
  // Safe: the shape of @orama/orama 3.1.x's index store, which this component extends.
  const entry = (indexStore as IndexStoreShape).indexes[prop];
  return entry?.type === 'Compact' ? (entry.node as CompactPostings) : null;
}

/**
 * Matching is exact per token: with our tokenizer every token ends in TERMINATOR, so Orama's
 * prefix match of a token finds that token only. Typo tolerance is not supported.
 */
export function createIndexComponent(options: CompactIndexOptions = {}) {
  const stock = oramaIndex.createIndex();
  const unindexed = options.unindexed ?? (() => false);
  const create: IndexComponent['create'] = (orama, sharedInternalDocumentStore, schema) => {
    const created = stock.create(orama, sharedInternalDocumentStore, schema);
    // Safe: the shape stock create returns in @orama/orama 3.1.x.
    const store = created as unknown as IndexStoreShape;
    for (const [prop, entry] of Object.entries(store.indexes)) {
      if (entry.type !== 'Radix') continue;
      store.indexes[prop] = {
        type: 'Compact',
        node: new CompactPostings(),
        isArray: entry.isArray,
      } satisfies CompactEntry;
      delete store.frequencies[prop];
      delete store.tokenOccurrences[prop];
      delete store.fieldLengths[prop];
      delete store.avgFieldLength[prop];
    }
    return created;
  };
  /** Per field, the last value tokenised and its tokens: a report's passages mostly share their context. */
  const last = new Map<string, { value: string; tokens: string[] }>();
  const tokensOf = (
    tokenizer: Parameters<IndexComponent['insert']>[8],
    value: string,
    language: string | undefined,
    prop: string,
  ) => {
    const known = last.get(prop);
    if (known?.value === value) return known.tokens;
    // Safe: a synchronous tokenizer (the passage index's), so tokenize returns the tokens themselves.
    const tokens = tokenizer.tokenize(value, language, prop, false) as string[];
    last.set(prop, { value, tokens });
    return tokens;
  };
  const insert: IndexComponent['insert'] = (...args) => {
    const [, index, prop, , internalId, value, , language, tokenizer, docsCount] = args;
    const postings = postingsOf(index, prop);
    if (!postings || typeof value !== 'string') return stock.insert(...args);
    const tokens = tokensOf(tokenizer, value, language, prop);
    const terms = new Map<number, number>();
    for (const t of tokens) {
      const term = postings.termId(t, true);
      postings.counts[term] = (postings.counts[term] as number) + 1;
      if (!unindexed(t)) terms.set(term, (terms.get(term) ?? 0) + 1);
    }
    // Orama's avgFieldLength, the same operations in the same order.
    postings.avg = ((postings.avg ?? 0) * (docsCount - 1) + tokens.length) / docsCount;
    postings.add(internalId as number, tokens.length, terms);
  };
  const remove: IndexComponent['remove'] = (...args) => {
    const [, index, prop, , internalId, value, , language, tokenizer, docsCount] = args;
    const postings = postingsOf(index, prop);
    if (!postings || typeof value !== 'string') return stock.remove(...args);
    const doc = internalId as number;
    const tokens = tokensOf(tokenizer, value, language, prop);
    postings.avg =
      docsCount > 1 ? ((postings.avg ?? 0) * docsCount - (postings.lengths[doc] ?? 0)) / (docsCount - 1) : null;
    for (const t of tokens) {
      const term = postings.termId(t, false);
      if (term >= 0) postings.counts[term] = (postings.counts[term] as number) - 1;
    }
    postings.delete(doc);
    return true;
  };
  const search: IndexComponent['search'] = (
    index,
    term,
    tokenizer,
    language,
    properties,
    _exact,
    tolerance,
    boost,
    relevance,
    docsCount,
    whereFiltersIDs,
    threshold,
  ) => {
    const limit = nextLimit;
    const reuse = nextReuse;
    nextLimit = Number.POSITIVE_INFINITY;
    nextReuse = false;
    if (tolerance) throw new Error('Orama: typo tolerance is not supported by the compact passage index');
    if (threshold !== 1)
      throw new Error('Orama: only threshold 1 (any term matches) is supported by the compact passage index');
    const tokens = tokenizer.tokenize(term, language) as string[];
    return rankedSearch(index, tokens, properties, boost, relevance, docsCount, whereFiltersIDs, limit, reuse);
  };
  const save = ((index: Parameters<IndexComponent['save']>[0]) => {
    // Safe: the shape of @orama/orama 3.1.x's index store, which this component extends.
    const store = index as unknown as IndexStoreShape;
    const compact: Record<string, SavedJson> = {};
    const others: IndexStoreShape['indexes'] = {};
    for (const [prop, entry] of Object.entries(store.indexes)) {
      if (entry.type === 'Compact') compact[prop] = toJson((entry.node as CompactPostings).save(), entry.isArray);
      else others[prop] = entry;
    }
    // Safe: stock save returns a plain object (its raw data).
    const saved = stock.save({ ...store, indexes: others } as unknown as typeof index) as unknown as Record<
      string,
      unknown
    >;
    return { ...saved, compact };
  }) as IndexComponent['save'];
  const load: IndexComponent['load'] = (sharedInternalDocumentStore, raw) => {
    // Safe: the shape `save` above wrote, checked by INDEX_FORMAT_VERSION.
    const { compact, ...rest } = raw as { compact: Record<string, SavedJson> } & Record<string, unknown>;
    const loaded = stock.load(sharedInternalDocumentStore, rest);
    const store = loaded as unknown as IndexStoreShape;
    for (const [prop, json] of Object.entries(compact)) {
      store.indexes[prop] = {
        type: 'Compact',
        node: CompactPostings.load(fromJson(json)),
        isArray: json.isArray,
      } satisfies CompactEntry;
    }
    return loaded;
  };
  return { ...stock, create, insert, remove, search, save, load };
}

/**
 * SavedPostings as saved: segment bytes as they are (a binary snapshot writes them apart) or in
 * base64 once bytesToBase64 has turned them into JSON.
 */
type SavedJson = Omit<SavedPostings, 'segments'> & {
  isArray: boolean;
  segments: { terms: number[]; offsets: number[]; bytes: Uint8Array | string }[];
};

function toJson(saved: SavedPostings, isArray: boolean): SavedJson {
  return { ...saved, isArray };
}

function fromJson(json: SavedJson): SavedPostings {
  return {
    ...json,
    segments: json.segments.map((s) => ({ ...s, bytes: typeof s.bytes === 'string' ? fromBase64(s.bytes) : s.bytes })),
  };
}

/** The saved index (save above) with its segment bytes in base64, for a JSON snapshot. */
export function bytesToBase64(saved: unknown): unknown {
  // Safe: the shape `save` above returns.
  const index = saved as { compact: Record<string, SavedJson> };
  const compact = Object.fromEntries(
    Object.entries(index.compact).map(([prop, json]) => [
      prop,
      {
        ...json,
        segments: json.segments.map((s) => ({
          ...s,
          bytes: typeof s.bytes === 'string' ? s.bytes : toBase64(s.bytes),
        })),
      },
    ]),
  );
  return { ...index, compact };
}

/** Base64 with Web APIs only (this module runs in workerd too), a chunk at a time. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

interface Relevance {
  k: number;
  b: number;
  d: number;
}

/**
 * The latest search's hits, whose scores stay in the shared buffer until the next search zeroes
 * them; `key` says what was searched, for limitNextSearch's `reuseScores`.
 */
let lastSearch: { index: unknown; key: string; filter: Set<number> | undefined; hits: HitList } | null = null;

/** The hits of every search that reads postings, reused (cleared) by the next. */
const sharedHits = new HitList();

/** Every document `inner` allows is allowed by `outer` (no filter allows all). */
function within(inner: Set<number> | undefined, outer: Set<number> | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  for (const id of inner) if (!outer.has(id)) return false;
  return true;
}

/**
 * Orama's search and calculateResultScores for threshold 1, with the same BM25 sums added in the
 * same order for each document (so the same floating-point scores): per field, per query token,
 * per document. Only the best `limit` are selected instead of sorting every hit.
 */
function rankedSearch(
  index: unknown,
  tokens: string[],
  properties: string[],
  boost: Partial<Record<string, number>>,
  relevance: Relevance,
  docsCount: number,
  filter: Set<number> | undefined,
  limit: number,
  reuse = false,
): [number, number][] {
  const { k, b, d } = relevance;
  const key = JSON.stringify([tokens, properties, boost, k, b, d, docsCount]);
  if (
    reuse &&
    lastSearch !== null &&
    lastSearch.index === index &&
    lastSearch.key === key &&
    within(filter, lastSearch.filter)
  ) {
    // Same sums as a search of its own: a document's score does not depend on the filter, and
    // every document this filter allows was scored (the hits are chosen in one total order, so
    // the order they are listed in does not matter).
    const last = lastSearch.hits;
    let hits = last;
    if (filter) {
      const scores = sharedScores;
      hits = new HitList();
      if (filter.size < last.length) {
        for (const id of filter) if (id < scores.length && scores[id] !== 0) hits.push(id);
      } else {
        for (let i = 0; i < last.length; i++) if (filter.has(last.ids[i] as number)) hits.push(last.ids[i] as number);
      }
    }
    return bestIds(hits, sharedScores, limit);
  }
  // The buffer is handed on all zero again: only the previous search's hits were written.
  if (lastSearch !== null) {
    const { ids, length } = lastSearch.hits;
    for (let i = 0; i < length; i++) sharedScores[ids[i] as number] = 0;
  }
  lastSearch = null;
  // Scores by internal id: a BM25 term is always positive, so 0 means "not yet".
  let size = docsCount + 2;
  if (filter) for (const id of filter) size = Math.max(size, id + 1);
  const fields = properties.map((prop) => {
    const postings = postingsOf(index, prop);
    if (!postings) throw new Error(`Orama: "${prop}" is not a text field`);
    size = Math.max(size, postings.lengths.length);
    return { prop, postings };
  });
  const scores = scoreBuffer(size);
  // A filter as a bitmap: one array read per posting instead of a hash lookup.
  let allowed: Uint8Array | null = null;
  if (filter) {
    allowed = new Uint8Array(size);
    for (const id of filter) allowed[id] = 1;
  }
  const hits = sharedHits;
  hits.length = 0;
  // Recorded first: whatever is written to the buffer, even by a search that throws, is zeroed next time.
  lastSearch = { index, key, filter, hits };
  for (const { prop, postings } of fields) {
    const weight = boost[prop] ?? 1;
    if (weight <= 0) throw new Error(`Orama: boost of "${prop}" must be positive`);
    const avg = postings.avg ?? 0;
    for (const token of tokens) {
      const term = postings.termId(token, false);
      if (term < 0) continue;
      const matching = postings.counts[term] as number;
      // BM25 as Orama 3.1's algorithms.js computes it (same operations, same rounding), its IDF once per token.
      const idf = Math.log(1 + (docsCount - matching + 0.5) / (matching + 0.5));
      postings.accumulate(term, { idf, weight, k, b, d, avg }, scores, hits, allowed);
    }
  }
  return bestIds(hits, scores, limit);
}

/**
 * One score array for every search, grown as needed (searches are synchronous, never
 * interleaved): a fresh Float64Array per search zeroes 8 bytes per passage, 1,4 MB at 10.000
 * reports, for the few thousand it scores.
 */
let sharedScores = new Float64Array(0);

function scoreBuffer(size: number): Float64Array {
  if (sharedScores.length < size) sharedScores = new Float64Array(Math.max(size, Math.ceil(sharedScores.length * 1.5)));
  return sharedScores;
}

/** best() over ids and their scores: no [id, score] pair for each of the thousands of hits. */
function bestIds(hits: HitList, scores: Float64Array, limit: number): [number, number][] {
  const ids = hits.ids;
  const n = hits.length;
  if (n <= limit * 4)
    return best(
      Array.from(ids.subarray(0, n), (id): [number, number] => [id, scores[id] as number]),
      limit,
    );
  // Ids in the order of byScore: score descending, then internal id ascending.
  const before = (a: number, sa: number, b: number, sb: number) => (sb === sa ? a < b : sa > sb);
  const top: number[] = [];
  // The last kept one's score and id: most hits fall below it and are dropped on one comparison.
  let floor = Number.NEGATIVE_INFINITY;
  let floorId = -1;
  for (let h = 0; h < n; h++) {
    const id = ids[h] as number;
    const score = scores[id] as number;
    if (top.length === limit) {
      if (score < floor || (score === floor && id > floorId)) continue;
      top.pop();
    }
    let i = top.length;
    while (i > 0) {
      const prev = top[i - 1] as number;
      if (!before(id, score, prev, scores[prev] as number)) break;
      i--;
    }
    top.splice(i, 0, id);
    if (top.length === limit) {
      floorId = top[limit - 1] as number;
      floor = scores[floorId] as number;
    }
  }
  return top.map((id): [number, number] => [id, scores[id] as number]);
}

/** Orama's final order: score descending, then internal id ascending. */
const byScore = (a: [number, number], b: [number, number]) => (b[1] === a[1] ? a[0] - b[0] : b[1] - a[1]);

/** The `limit` best entries in Orama's final order, without sorting the rest. */
function best(all: [number, number][], limit: number): [number, number][] {
  if (all.length <= limit * 4) return all.sort(byScore).slice(0, limit);
  const top: [number, number][] = [];
  for (const entry of all) {
    if (top.length === limit && byScore(entry, top[limit - 1] as [number, number]) >= 0) continue;
    // Insertion into a short sorted array: most entries fail the test above.
    let i = top.length === limit ? limit - 1 : top.length;
    if (top.length === limit) top.pop();
    while (i > 0 && byScore(entry, top[i - 1] as [number, number]) < 0) i--;
    top.splice(i, 0, entry);
  }
  return top;
}
