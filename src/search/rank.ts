// Re-ranking of Orama's BM25 candidates with features a reader can check: which query words a
// passage covers, whether it has them side by side, with the same accents, for the same place
// and year. Runs on the ~50 candidates only, so its cost does not grow with the corpus.
import { findQueryPlaces, placeKey, type QueryPlace } from './places.ts';
import type { Span } from './snippet.ts';
import { type Analysis, analyzeVi, BIGRAM_JOINER, metricWords, tokensOf, type Unit } from './tokenizer.ts';

/*
 * Scoring (every feature in [0, 1]; the hit's `score` is the weighted sum):
 *
 *   bm25      Orama's BM25 over text + context, divided by the best candidate's.
 *   coverage  share of the query's topic words the passage contains, each weighted by its IDF
 *             so "14.040" or "nhân khẩu" counts more than "hộ"; words of a place, a year or a
 *             period ("6 tháng") the query names are left to `place` and `year`. A word found
 *             only in the passage's context (report title, place, section) counts half: the
 *             title restates the report's topic for every passage, so it cannot tell them
 *             apart. A word inside an abbreviation is covered when the abbreviation's key
 *             matches ("XKLĐ" covers a passage saying "đi làm việc ở nước ngoài").
 *
 *   A list item is read together with its lead-in (the sentence ending in ":" above it) for
 *   every feature but bm25: "+ Toàn huyện có 1.855 hộ nghèo" answers "… cuối năm 2022" only
 *   because its lead-in says "cuối năm 2022 … như sau:".
 *
 *   window    the same weighted share within the best run of WINDOW consecutive words of the
 *             passage text: the answer to a question is usually one clause, and a long passage
 *             scattering the words over many sentences should not beat it.
 *   bigrams   share of the query's adjacent word pairs found adjacent ("hộ nghèo" beats a passage
 *             with "hộ" and "nghèo" apart).
 *   metrics   share of the metrics the query names (lexicon/metrics.ts synonyms: "tạo việc
 *             làm" and "giải quyết việc làm" are both jobs_created) that the passage names. A
 *             query naming none ("BHYT Tây Sơn") prefers passages naming a metric worded with
 *             its topic words ("tỷ lệ bao phủ BHYT", "tham gia BHYT"): those report the topic's
 *             figures.
 *   accents   share of the query's accented syllables found with the same accents; 0 for
 *             unaccented queries, so it separates exact from folded matches only.
 *   place     1 when the passage or its report is about a place the query names (ingest's
 *             place), 0.5 when its words only mention it.
 *   year      1 when the passage text has a year the query names, 0.5 when only its context,
 *             its period or its report's year does.
 *   numbers   share of the query's other numbers (not years, not periods such as "6 tháng")
 *             present in the passage text.
 *   figure    1 when a number other than a year stands within FIGURE_REACH words of a query
 *             phrase (a query bigram, a metric the query names), 0.5 when only of a query word:
 *             questions here ask for figures, and a heading or a narrative sentence with the
 *             same words holds none.
 *
 * Features absent from a query (no place, no year, no number) are 0 for every candidate and so
 * do not change the order.
 */
export const WEIGHTS = {
  bm25: 0.15,
  coverage: 0.35,
  window: 0.3,
  bigrams: 0.2,
  metrics: 0.15,
  accents: 0.05,
  place: 0.15,
  year: 0.2,
  numbers: 0.2,
  figure: 0.2,
} as const;

/** Words in the proximity window (a clause of a report sentence). */
const WINDOW = 16;
/** How near (in words) a figure must stand to a query word. */
const FIGURE_REACH = 3;
/** Credit for a query word found only in the context, not the passage text. */
const CONTEXT_CREDIT = 0.5;

export type Features = Record<keyof typeof WEIGHTS, number>;

interface Concept {
  folded: string;
  weight: number;
  /** Part of a place or a year the query names: scored by `place` and `year`, not as topic. */
  scoped: boolean;
  /** Keys of the query abbreviations this word stands inside. */
  viaKeys: string[];
}

export interface QueryProfile {
  concepts: Concept[];
  bigrams: Set<string>;
  accents: Set<string>;
  metrics: Set<string>;
  numbers: Set<string>;
  years: Set<number>;
  places: QueryPlace[];
  /** Folded query words → the accent keys they were typed with (null: typed unaccented). */
  highlight: Map<string, Set<string | null>>;
  /** Keys to highlight in snippets. */
  highlightKeys: Set<string>;
}

export interface CandidateDoc {
  text: string;
  context: string;
  /** The sentence ending in ":" that introduces this passage's list, if any. */
  leadIn?: string | null;
  places: string[];
  year?: number | undefined;
}

/** Words that make the number next to them a period or a date: "6 tháng", "quý 3", "ngày 30". */
const PERIOD_BEFORE = new Set(['thang', 'quy', 'ngay', 'nam']);
const PERIOD_AFTER = new Set(['thang', 'nam', 'quy']);

/** Numbers that are periods or dates rather than figures: years, "6 tháng", "quý 3". */
function periodNumbers(units: Unit[]): Set<Unit> {
  const out = new Set<Unit>();
  units.forEach((u, i) => {
    if (u.kind !== 'number') return;
    const before = units[i - 1];
    const after = units[i + 1];
    if (
      isYear(u) ||
      (before && u.chained && PERIOD_BEFORE.has(before.folded)) ||
      (after?.chained && PERIOD_AFTER.has(after.folded))
    ) {
      out.add(u);
    }
  });
  return out;
}

function isYear(u: Unit): boolean {
  if (u.kind !== 'number' || !/^\d{4}$/.test(u.folded)) return false;
  const n = Number(u.folded);
  return n >= 1975 && n <= 2100;
}

/** @param idf IDF of a folded token in the passage texts (higher for rarer tokens). */
export function profileQuery(query: string, idf: (token: string) => number): QueryProfile {
  const analysis = analyzeVi(query);
  const kept = analysis.units.filter((u) => !u.stop);
  const periods = periodNumbers(analysis.units);
  const places = findQueryPlaces(query);
  const placeWords = new Set(places.flatMap((p) => p.names.flatMap((n) => n.split(' '))));
  const concepts = new Map<string, Concept>();
  for (const u of kept) {
    // Abbreviation keys stand for their words; metric keys are scored apart (`metrics`).
    const viaKeys = analysis.keys
      .filter((k) => k.key.startsWith('#') && k.start <= u.start && u.end <= k.end)
      .map((k) => k.key);
    const known = concepts.get(u.folded);
    if (known) known.viaKeys.push(...viaKeys);
    else {
      const scoped = periods.has(u) || placeWords.has(u.folded);
      concepts.set(u.folded, { folded: u.folded, weight: idf(u.folded), scoped, viaKeys });
    }
  }
  const tokens = tokensOf(analysis);
  return {
    concepts: [...concepts.values()],
    bigrams: new Set(tokens.filter((t) => t.includes(BIGRAM_JOINER) && !/^[#@]/.test(t))),
    accents: new Set(kept.flatMap((u) => (u.accent ? [u.accent] : []))),
    metrics: new Set(analysis.keys.filter((k) => k.key.startsWith('@')).map((k) => k.key)),
    numbers: new Set(kept.filter((u) => u.kind === 'number' && !periods.has(u)).map((u) => u.folded)),
    years: new Set(kept.filter(isYear).map((u) => Number(u.folded))),
    places,
    highlight: typedAccents(kept),
    highlightKeys: new Set(analysis.keys.map((k) => k.key)),
  };
}

function typedAccents(units: Unit[]): Map<string, Set<string | null>> {
  const out = new Map<string, Set<string | null>>();
  for (const u of units) {
    const set = out.get(u.folded) ?? new Set<string | null>();
    set.add(u.accent);
    out.set(u.folded, set);
  }
  return out;
}

/** Share of `wanted` found in `a` or `b` (no closure per candidate: scoring runs ~50–100 times a search). */
function share(wanted: Set<string>, a: Set<string>, b: Set<string> | null): number {
  if (wanted.size === 0) return 0;
  let n = 0;
  for (const t of wanted) if (a.has(t) || b?.has(t)) n++;
  return n / wanted.size;
}

/** The features in WEIGHTS' order: the score's sum is added in this order. */
const FEATURE_ORDER = Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[];

function matches(c: Concept, tokens: Set<string>): boolean {
  if (tokens.has(c.folded)) return true;
  for (const k of c.viaKeys) if (tokens.has(k)) return true;
  return false;
}

/**
 * A text's analysis and its token set, with what scoring derives from them kept beside them once
 * computed (kept analyses meet many queries). Kept on the object, not in WeakMaps: an entry per
 * candidate in a WeakMap is an ephemeron every garbage collection must trace, and at 10.000
 * reports a search analyses ~75 candidates.
 */
export interface AnalysedText {
  analysis: Analysis;
  tokens: Set<string>;
  /** Folded words, stop-words included, padded for whole-phrase `includes` (foldedSequenceOf). */
  sequence?: string;
  /** periodNumbers of the units (proximity). */
  periods?: Set<Unit>;
  /** figuresNear of the units (proximity). */
  nearFigure?: Uint8Array;
}

function analysedText(analysis: Analysis): AnalysedText {
  return { analysis, tokens: new Set(tokensOf(analysis)) };
}

/** foldedSequence, once per analysed text. */
function foldedSequenceOf(text: AnalysedText): string {
  text.sequence ??= foldedSequence(text.analysis);
  return text.sequence;
}

function foldedSequence(analysis: Analysis): string {
  return ` ${analysis.units.map((u) => u.folded).join(' ')} `;
}

export interface ScoredCandidate {
  score: number;
  features: Features;
  /** Analysis of the lead-in and the passage text, reused for the snippet. */
  analysis: Analysis;
  /** Where the passage text starts in `analysis` (after the lead-in). */
  offset: number;
}

/** Between a lead-in and its passage: not a letter and not whitespace, so no bigram spans it. */
const LEAD_IN_SEPARATOR = '\n¶\n';

/**
 * A candidate's text read with the sentence introducing it ("… cuối năm 2022 … như sau:"): a list
 * item's figures rarely repeat the lead-in's subject or year. Depends on the passage alone, so a
 * caller may keep it (searchPassages keeps the latest few).
 */
export function analyzeCandidate(doc: Pick<CandidateDoc, 'text' | 'leadIn'>): AnalysedText {
  const prefix = doc.leadIn ? doc.leadIn + LEAD_IN_SEPARATOR : '';
  return analysedText(analyzeVi(prefix + doc.text));
}

/** A context's analysis and tokens: passages of one report mostly share their context. */
export type ContextCache = Map<string, AnalysedText>;

/**
 * @param contexts analyses of contexts already scored in this search (the candidates of one
 * report share title, place and section): pass one Map per search to analyse each context once.
 */
export function scoreCandidate(
  profile: QueryProfile,
  doc: CandidateDoc,
  bm25: number,
  bestBm25: number,
  contexts: ContextCache = new Map(),
  analysed?: AnalysedText,
): ScoredCandidate {
  const text = analysed ?? analyzeCandidate(doc);
  const { analysis, tokens: textTokens } = text;
  const offset = doc.leadIn ? doc.leadIn.length + LEAD_IN_SEPARATOR.length : 0;
  let known = contexts.get(doc.context);
  if (!known) {
    known = analysedText(analyzeVi(doc.context));
    contexts.set(doc.context, known);
  }
  const contextTokens = known.tokens;

  let covered = 0;
  let total = 0;
  for (const c of profile.concepts) {
    if (c.scoped) continue;
    total += c.weight;
    if (matches(c, textTokens)) covered += c.weight;
    else if (matches(c, contextTokens)) covered += CONTEXT_CREDIT * c.weight;
  }
  const { window, figure } = proximity(profile, text, total);

  let place = 0;
  // Full credit when the passage is about the place asked; less when the place only contains it
  // (a district's report answering for its province would otherwise tie with the province's own).
  if (profile.places.some((p) => doc.places[0] === p.key)) {
    place = 1;
  } else if (profile.places.some((p) => doc.places.includes(p.key))) {
    place = 0.6;
  } else if (profile.places.length > 0) {
    // Named only in the words: weaker, as "Thuận Bắc" is also the tail of "Hàm Thuận Bắc".
    const sequence = foldedSequenceOf(text) + foldedSequenceOf(known);
    if (profile.places.some((p) => p.names.some((n) => sequence.includes(` ${n} `)))) place = 0.5;
  }

  let year = 0;
  for (const y of profile.years) {
    if (textTokens.has(String(y))) year = 1;
    else if (doc.year === y || contextTokens.has(String(y))) year = Math.max(year, 0.5);
  }

  const features: Features = {
    bm25: bestBm25 > 0 ? bm25 / bestBm25 : 0,
    coverage: total > 0 ? covered / total : 0,
    window,
    figure,
    bigrams: share(profile.bigrams, textTokens, contextTokens),
    metrics: profile.metrics.size > 0 ? share(profile.metrics, textTokens, null) : relatedMetric(profile, analysis),
    accents: share(profile.accents, textTokens, contextTokens),
    place,
    year,
    numbers: share(profile.numbers, textTokens, null),
  };
  let score = 0;
  for (const k of FEATURE_ORDER) score += WEIGHTS[k] * features[k];
  return { score, features, analysis, offset };
}

/**
 * For a query naming a topic but no metric ("BHYT Tây Sơn"): the largest weighted share of its
 * topic words that a metric named in the passage is worded with (tỷ lệ bao phủ BHYT → BHYT).
 */
function relatedMetric(profile: QueryProfile, analysis: Analysis): number {
  const topical = profile.concepts.filter((c) => !c.scoped);
  const total = topical.reduce((sum, c) => sum + c.weight, 0);
  if (total <= 0) return 0;
  let best = 0;
  for (const k of new Set(analysis.keys.filter((x) => x.key.startsWith('@')).map((x) => x.key))) {
    const words = metricWords(k);
    const covered = topical.reduce((sum, c) => sum + (words.has(c.folded) ? c.weight : 0), 0);
    best = Math.max(best, covered / total);
  }
  return best;
}

/**
 * Best weighted coverage within WINDOW consecutive words, and how well a figure is tied to the
 * query: 1 next to a query phrase (a query bigram found as such, or a metric the query names:
 * "1.855 hộ nghèo"), 0.5 next to a lone query word ("38.459 hộ").
 */
/** What proximity needs from a query, built once per query (it scores every candidate). */
interface ProximityPlan {
  /** The topical concepts' slots by folded word; a slot numbers a concept of `weights`. */
  slotOf: Map<string, number>;
  /** The slots of the concepts a query key stands for, by key. */
  viaKey: Map<string, number[]>;
  /** Every kept query word: a query bigram's two words are both among them. */
  words: Set<string>;
  /** Each topical concept's weight, by slot. */
  weights: number[];
}

const plans = new WeakMap<QueryProfile, ProximityPlan>();

function proximityPlan(profile: QueryProfile): ProximityPlan {
  let plan = plans.get(profile);
  if (plan) return plan;
  const topical = profile.concepts.filter((c) => !c.scoped);
  const slotOf = new Map<string, number>();
  for (const [n, c] of topical.entries()) slotOf.set(c.folded, n);
  const viaKey = new Map<string, number[]>();
  topical.forEach((c, n) => {
    for (const k of c.viaKeys) viaKey.set(k, [...(viaKey.get(k) ?? []), n]);
  });
  const words = new Set(profile.concepts.map((c) => c.folded));
  plan = { slotOf, viaKey, words, weights: topical.map((c) => c.weight) };
  plans.set(profile, plan);
  return plan;
}

/** No concept at this unit: one shared empty list instead of an array per unit. */
const NONE: readonly number[] = [];
/** One concept at this unit: shared lists of one slot (never modified: key concepts make a new list). */
const SINGLE: readonly (readonly number[])[] = Array.from({ length: 64 }, (_, n) => [n]);

/** Index of the first unit starting at or after `start` (units run in text order). */
function firstFrom(units: Unit[], start: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((units[mid] as Unit).start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Per unit, whether a figure (a number that is not a period) stands within FIGURE_REACH units:
 * it depends on the text alone, so it is kept with the analysis.
 */
function figuresNear(text: AnalysedText): Uint8Array {
  if (text.nearFigure) return text.nearFigure;
  const units = text.analysis.units;
  text.periods ??= periodNumbers(units);
  const periods = text.periods;
  const near = new Uint8Array(units.length);
  units.forEach((u, j) => {
    if (u.kind !== 'number' || periods.has(u)) return;
    for (let i = Math.max(0, j - FIGURE_REACH); i <= Math.min(units.length - 1, j + FIGURE_REACH); i++) near[i] = 1;
  });
  text.nearFigure = near;
  return near;
}

function proximity(profile: QueryProfile, text: AnalysedText, total: number): { window: number; figure: number } {
  const { slotOf, viaKey, words, weights } = proximityPlan(profile);
  const analysis = text.analysis;
  const units = analysis.units;
  const n = units.length;
  // Per unit: the concepts it shows (its own word, then those of a query key spanning it, in
  // that order: window sums add weights in it), and whether it is part of a query phrase.
  const shown: (readonly number[])[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const u = units[i] as Unit;
    const at = u.stop ? undefined : slotOf.get(u.folded);
    shown[i] = at === undefined ? NONE : (SINGLE[at] ?? [at]);
  }
  const phrase = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    const a = units[i - 1] as Unit;
    const b = units[i] as Unit;
    // The word test first: most pairs hold a word the query lacks, and then no string is built.
    if (
      !a.stop &&
      !b.stop &&
      b.chained &&
      words.has(a.folded) &&
      words.has(b.folded) &&
      profile.bigrams.has(`${a.folded}${BIGRAM_JOINER}${b.folded}`)
    ) {
      phrase[i - 1] = 1;
      phrase[i] = 1;
    }
  }
  for (const k of analysis.keys) {
    const concepts = viaKey.get(k.key);
    const named = profile.metrics.has(k.key);
    if (!concepts && !named) continue;
    // Units run in text order (an expansion's words share their abbreviation's span): only those
    // from the first starting at the key's start up to its end can lie inside it.
    for (let i = firstFrom(units, k.start); i < n; i++) {
      const u = units[i] as Unit;
      if (u.start > k.end) break;
      if (u.end > k.end) continue;
      if (concepts) shown[i] = [...(shown[i] as readonly number[]), ...concepts];
      if (named) phrase[i] = 1;
    }
  }
  const near = figuresNear(text);
  const seenAt = new Int32Array(weights.length);
  let best = 0;
  let figure = 0;
  for (let i = 0; i < n; i++) {
    if ((shown[i] as readonly number[]).length === 0 && phrase[i] === 0) continue;
    // Concepts already counted in this window: marked with the window's start, no Set per window.
    const stamp = i + 1;
    let sum = 0;
    const end = Math.min(n, i + WINDOW);
    for (let j = i; j < end; j++) {
      const here = shown[j] as readonly number[];
      for (let q = 0; q < here.length; q++) {
        const at = here[q] as number;
        if (seenAt[at] === stamp) continue;
        seenAt[at] = stamp;
        sum += weights[at] as number;
      }
    }
    best = Math.max(best, sum);
    if (figure < 1 && near[i] === 1) figure = Math.max(figure, phrase[i] === 1 ? 1 : 0.5);
  }
  return { window: total > 0 ? best / total : 0, figure };
}

/**
 * Spans, in the passage text, of the words and abbreviations the query asked for. A word typed
 * with accents is marked only where it is written with the same ones ("đồng" is not "động"), and
 * an abbreviation only when all its words were asked for (BHXH is not marked for "bảo hiểm").
 */
export function highlightSpans(profile: QueryProfile, analysis: Analysis, offset = 0): Span[] {
  const spans: Span[] = [];
  const add = (start: number, end: number, term: string) => {
    if (start >= offset) spans.push({ start: start - offset, end: end - offset, term });
  };
  const wanted = (u: Unit) => {
    const accents = profile.highlight.get(u.folded);
    return !u.stop && accents !== undefined && (accents.has(null) || accents.has(u.accent));
  };
  const units = analysis.units;
  for (let i = 0; i < units.length; ) {
    const u = units[i] as Unit;
    // Words of one expanded abbreviation share its span: mark it whole or not at all.
    let j = i + 1;
    while (j < units.length && (units[j] as Unit).start === u.start && (units[j] as Unit).end === u.end) j++;
    if (units.slice(i, j).every(wanted)) add(u.start, u.end, u.folded);
    i = j;
  }
  for (const k of analysis.keys) if (profile.highlightKeys.has(k.key)) add(k.start, k.end, k.key);
  return spans;
}

/** Place keys stored with a passage: folded names of its place, its report's, and their provinces. */
export function placeKeys(names: (string | null | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const n of names) if (n) keys.add(placeKey(n));
  return [...keys];
}
