// Orama's index component for the passage index, rewritten where Orama 3.1's stock one is slow at
// national scale (10.000 reports, 180.000 passages). Each replacement stores and returns exactly
// what the stock one would: same values, same key order, same scores, so snapshots and rankings
// are unchanged (tests/search/passage-index.test.ts).
import { index as oramaIndex, internalDocumentIDStore } from '@orama/orama/components';
import { radix } from '@orama/orama/trees';

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

/** How many results the next search must return at least (limitNextSearch); then unlimited again. */
let nextLimit = Number.POSITIVE_INFINITY;

/**
 * The next Orama search through this component needs only its best `limit` results (those a
 * search with that limit returns): the others are neither sorted nor returned. Orama's `count`
 * is then at most `limit`. Call it right before a synchronous `search`.
 */
export function limitNextSearch(limit: number): void {
  nextLimit = limit;
}

export function createIndexComponent() {
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
  const search: typeof stock.search = (index, term, tokenizer, language, properties, exact, tolerance, boost, relevance, docsCount, whereFiltersIDs, threshold) => {
    // Safe: the shape of @orama/orama 3.1.x's default index store, which this component wraps.
    const store = index as unknown as IndexStoreShape;
    for (const prop of store.searchableProperties) {
      const tree = store.indexes[prop];
      if (tree?.type === 'Radix') useLinearFind(tree.node as RadixNodeShape);
    }
    const limit = nextLimit;
    nextLimit = Number.POSITIVE_INFINITY;
    // Only ranked retrieval (threshold 1, no typo tolerance) is rewritten; the rest is Orama's own.
    const tokens = threshold === 1 && !tolerance ? (tokenizer.tokenize(term, language) as string[]) : [];
    if (tokens.length === 0) return stock.search(index, term, tokenizer, language, properties, exact, tolerance, boost, relevance, docsCount, whereFiltersIDs, threshold);
    return rankedSearch(store, tokens, properties, exact, boost, relevance, docsCount, whereFiltersIDs, limit);
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
    const output: Record<string, number[]> = {};
    const nodes = findWordNodes(root, params.term, params.exact ?? false);
    for (const word of Object.keys(nodes)) output[word] = Array.from((nodes[word] as RadixNodeShape).d);
    return output;
  };
}

interface Relevance {
  k: number;
  b: number;
  d: number;
}

interface ScoringStore extends IndexStoreShape {
  avgFieldLength: Record<string, number>;
  fieldLengths: Record<string, Record<number, number>>;
}

/**
 * Orama's search and calculateResultScores for threshold 1, with the same BM25 sums added in the
 * same order for each document (so the same floating-point scores), without their waste: a map
 * of keyword matches per document that threshold 1 never reads, a copy of every posting list,
 * and a full sort of every hit where a search wants its best few. With a filter smaller than a
 * posting list, the filter's documents are looked up in the posting list instead.
 */
function rankedSearch(
  index: IndexStoreShape,
  tokens: string[],
  properties: string[],
  exact: boolean,
  boost: Partial<Record<string, number>>,
  relevance: Relevance,
  docsCount: number,
  filter: Set<number> | undefined,
  limit: number,
): [number, number][] {
  const store = index as ScoringStore;
  // Scores by internal id (dense, from 1): a BM25 term is always positive, so 0 means "not yet".
  const scores = new Float64Array(docsCount + 2);
  let hit: number[] = [];
  const grow = (id: number) => {
    if (id < scores.length) return scores;
    const bigger = new Float64Array(Math.max(id + 1, scores.length * 2));
    bigger.set(scores);
    return bigger;
  };
  let table = scores;
  for (const prop of properties) {
    const tree = store.indexes[prop];
    if (!tree) continue;
    if (tree.type !== 'Radix') throw new Error(`Orama: "${prop}" is not a text field`);
    const weight = boost[prop] ?? 1;
    if (weight <= 0) throw new Error(`Orama: boost of "${prop}" must be positive`);
    const avgFieldLength = store.avgFieldLength[prop] as number;
    const fieldLengths = store.fieldLengths[prop] as Record<number, number>;
    const occurrences = store.tokenOccurrences[prop] as Record<string, number>;
    const frequencies = store.frequencies[prop] as Record<number, Record<string, number>>;
    for (const token of tokens) {
      const words = findWordNodes(tree.node as RadixNodeShape, token, exact);
      for (const word of Object.keys(words)) {
        const docs = (words[word] as RadixNodeShape).d;
        if (docs.size === 0) continue;
        const matching = typeof occurrences[word] === 'number' ? occurrences[word] : 0;
        const add = (id: number) => {
          const tf = frequencies[id]?.[word] ?? 0;
          const term = bm25Of(tf, matching, docsCount, fieldLengths[id] as number, avgFieldLength, relevance) * weight;
          if (id >= table.length) table = grow(id);
          const sum = table[id] as number;
          if (sum === 0) hit.push(id);
          table[id] = sum === 0 ? term : sum + term;
        };
        if (!filter) for (const id of docs) add(id);
        else if (filter.size < docs.size) {
          for (const id of filter) if (docs.has(id)) add(id);
        } else for (const id of docs) if (filter.has(id)) add(id);
      }
    }
  }
  const entries = hit.map((id): [number, number] => [id, table[id] as number]);
  hit = [];
  return best(entries, limit);
}

/** BM25 exactly as Orama 3.1's algorithms.js computes it (same operations, same rounding). */
function bm25Of(tf: number, matchingCount: number, docsCount: number, fieldLength: number, averageFieldLength: number, { k, b, d }: Relevance): number {
  const idf = Math.log(1 + (docsCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return (idf * (d + tf * (k + 1))) / (tf + k * (1 - b + (b * fieldLength) / averageFieldLength));
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

/**
 * The nodes of the words a lookup matches, keyed as RadixNode.find keys its result: the word
 * itself when `exact`, else every word starting with `term`, in find's order.
 */
function findWordNodes(root: RadixNodeShape, term: string, exact: boolean): Record<string, RadixNodeShape> {
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
  const output: Record<string, RadixNodeShape> = {};
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop() as RadixNodeShape;
    if (n.e && (!exact || n.w === term)) output[n.w] = n;
    if (n.c.size > 0) stack.push(...n.c.values());
  }
  return output;
}
