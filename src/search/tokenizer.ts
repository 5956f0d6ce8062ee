// Vietnamese tokenizer for Orama: folded syllables, exact-accent keys, syllable bigrams,
// abbreviations expanded both ways, whole vi-VN numbers and phrase-aware stop-words.
// One analysis serves indexing, querying, re-ranking and snippet highlighting alike.
import type { Tokenizer } from '@orama/orama';
import {
  ABBREVIATIONS,
  ABBREVIATIONS_FOLDED,
  type Abbreviation,
  expandDottedAdmin,
  KEY_PHRASE_MAX_LENGTH,
  KEY_PHRASES,
} from '../lexicon/abbreviations.ts';
import { METRICS } from '../lexicon/metrics.ts';
import { STOPWORDS_TXT } from '../lexicon/stopwords.ts';
import { foldVi, toneKey } from '../text/fold.ts';
import { parseViNumber } from '../text/vi-number.ts';

/**
 * Appended to every token stored in or sent to Orama. Orama always matches a query token as a
 * prefix ("hộ" finds "hội"); with a terminator the only word starting with "ho$" is "ho$".
 */
export const TERMINATOR = '$';
/**
 * Marks a search term that is already a space-separated list of tokens (terminators included):
 * Orama only takes a string, and searchPassages picks which query tokens are worth looking up.
 * Text never starts with this control character.
 */
export const PRETOKENIZED = '\u0001';
/** Joins the two folded syllables of a bigram token: "ho_ngheo". */
export const BIGRAM_JOINER = '_';

/** One word position: a syllable (possibly from an expanded abbreviation) or a number. */
export interface Unit {
  kind: 'syllable' | 'number';
  /** Accent-free, lower case; numbers canonical ("14040", "7.71"). */
  folded: string;
  /** toneKey of the written syllable when it carries any diacritic ("hô5"), else null. */
  accent: string | null;
  /** Span in the analysed text; every word of an expanded abbreviation gets the abbreviation's. */
  start: number;
  end: number;
  /** Only whitespace separates it from the previous unit: a bigram may join them. */
  chained: boolean;
  /** A stop-word or part of a stop phrase: emits nothing and breaks bigrams. */
  stop: boolean;
}

/**
 * A key found in the text: an abbreviation's ("#bhyt", written short or out in full) or a
 * metric's from the metric lexicon, lexicon/metrics.ts ("@poverty-rate" for "tỷ lệ hộ nghèo", "tỉ lệ nghèo" …).
 */
export interface KeyMatch {
  key: string;
  start: number;
  end: number;
}

export interface Analysis {
  units: Unit[];
  keys: KeyMatch[];
}

const CHUNK = /[\p{L}\p{M}\p{N}]+(?:[-&./,][\p{L}\p{M}\p{N}]+)*/gu;
const PIECE_SEPARATOR = /([-&./,])/;
const HAS_SEPARATOR = /[-&./,]/;
const DIGITS = /^\d+$/;
const HAS_LETTER = /\p{L}/u;
const UPPER_START = /^\p{Lu}/u;

/**
 * A rough Vietnamese syllable shape. A lower-case word that does not fit it ("bhyt", "xkld")
 * can only be an abbreviation typed in lower case; one that fits ("te", "tu") is a word.
 */
const SYLLABLE_SHAPE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(?:ch|ng|nh|[cmnpt])?$/;

interface StopSyllable {
  folded: string;
  tone: string;
}

/** Single stop-words by toneKey; phrases by their first folded syllable, longest first. */
const STOP_SINGLE = new Set<string>();
const STOP_PHRASES = new Map<string, StopSyllable[][]>();
for (const line of STOPWORDS_TXT.normalize('NFC').split('\n')) {
  const words = line
    .trim()
    .split(/[\s.]+/)
    .filter(Boolean);
  if (words.length === 0) continue;
  if (words.length === 1) {
    STOP_SINGLE.add(toneKey(words[0] as string));
    continue;
  }
  const phrase = words.map((w) => ({ folded: foldVi(w), tone: toneKey(w) }));
  const first = phrase[0] as StopSyllable;
  const list = STOP_PHRASES.get(first.folded) ?? [];
  list.push(phrase);
  list.sort((a, b) => b.length - a.length);
  STOP_PHRASES.set(first.folded, list);
}

/**
 * Memo of bounded size: a corpus has a few tens of thousands of distinct written syllables, and
 * folding one (NFD, regexes, NFC) costs more than a map lookup by far. Cleared when full.
 */
const MISSING: unique symbol = Symbol('missing');

function memo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  // An undefined result is kept as MISSING: one lookup a call, not a get and a has.
  const cache = new Map<string, V | typeof MISSING>();
  return (key) => {
    const v = cache.get(key);
    if (v === MISSING) return undefined as V;
    if (v !== undefined) return v;
    if (cache.size >= limit) cache.clear();
    const fresh = compute(key);
    cache.set(key, fresh === undefined ? MISSING : fresh);
    return fresh;
  };
}

const MEMO_LIMIT = 200_000;

/** Folded form and accent key of a written syllable. */
const foldSyllable = memo(MEMO_LIMIT, (raw) => {
  const folded = foldVi(raw);
  const key = toneKey(raw);
  return { folded, accent: key === folded ? null : key };
});

function syllableUnit(raw: string, start: number, chained: boolean): Unit {
  const { folded, accent } = foldSyllable(raw);
  return { kind: 'syllable', folded, accent, start, end: start + raw.length, chained, stop: false };
}

function numberUnit(folded: string, start: number, end: number, chained: boolean): Unit {
  return { kind: 'number', folded, accent: null, start, end, chained, stop: false };
}

/** "14.040" → "14040", "7,71" → "7.71", "09" → "9"; null when it is not one vi-VN number. */
export function canonicalNumber(raw: string): string | null {
  const n = parseViNumber(raw);
  if (n === null || !Number.isFinite(n)) return null;
  // Beyond double precision (ID numbers, phone numbers) keep the digits rather than 1e+21.
  if (!Number.isSafeInteger(Math.trunc(n))) return raw.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return String(n);
}

const lookupAbbreviation = memo(MEMO_LIMIT, (piece: string): Abbreviation | undefined => {
  const exact = ABBREVIATIONS.get(piece);
  if (exact) return exact;
  const folded = foldSyllable(piece).folded;
  if (SYLLABLE_SHAPE.test(folded)) return undefined;
  return ABBREVIATIONS_FOLDED.get(folded.replace(/[^a-z0-9]/g, ''));
});

/** The expansion's words, standing where the abbreviation stands. */
function expansionUnits(expansion: string, start: number, end: number, chained: boolean): Unit[] {
  const inner = analyzeChunks(expansion, false);
  return inner.map((u, i) => ({ ...u, start, end, chained: i === 0 ? chained : u.chained }));
}

/**
 * A document number such as "25/KH-UBND" or "07/2021/NĐ-CP": its letters are kinds of
 * document and issuers, so they give keys but are not expanded into words.
 */
function isDocumentNumber(raw: string, pieces: string[]): boolean {
  if (!raw.includes('/')) return false;
  const letters = pieces.filter((p, i) => i % 2 === 0 && HAS_LETTER.test(p));
  // Issuer codes start with a capital and hold at least two ("UBND", "TTg", "NĐ").
  const caps = (p: string) => UPPER_START.test(p) && (p.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
  return letters.length > 0 && letters.every(caps) && pieces.some((p) => DIGITS.test(p));
}

/** A chunk of one word: its abbreviation and its folding, one memo lookup for both. */
const wordInfo = memo(MEMO_LIMIT, (raw) => ({ abbreviation: lookupAbbreviation(raw), syllable: foldSyllable(raw) }));

function analyzeChunk(raw: string, offset: number, chained: boolean, expand: boolean, out: Unit[], keys: KeyMatch[]) {
  // Most chunks are one word and no number: the general path below, with one lookup instead of three.
  const first = raw.charCodeAt(0);
  if (!(first >= 48 && first <= 57) && !HAS_SEPARATOR.test(raw)) {
    const info = wordInfo(raw);
    if (expand && info.abbreviation) {
      out.push(...expansionUnits(info.abbreviation.expansion, offset, offset + raw.length, chained));
      return;
    }
    const { folded, accent } = info.syllable;
    out.push({ kind: 'syllable', folded, accent, start: offset, end: offset + raw.length, chained, stop: false });
    return;
  }
  const whole = expand ? lookupAbbreviation(raw) : undefined;
  if (whole) {
    out.push(...expansionUnits(whole.expansion, offset, offset + raw.length, chained));
    return;
  }
  const pieces = HAS_SEPARATOR.test(raw) ? raw.split(PIECE_SEPARATOR) : [raw];
  const documentNumber = isDocumentNumber(raw, pieces);
  let pos = offset;
  let link = chained;
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i] as string;
    const start = pos;
    const lead = piece.charCodeAt(0);
    if (lead >= 48 && lead <= 57 && DIGITS.test(piece)) {
      // Greedily take "14" "." "040" "," "5" as one number; fall back to the digit groups.
      let j = i;
      let text = piece;
      while (pieces[j + 1] === '.' || pieces[j + 1] === ',') {
        const next = pieces[j + 2] ?? '';
        if (!DIGITS.test(next)) break;
        text += (pieces[j + 1] as string) + next;
        j += 2;
      }
      const canonical = canonicalNumber(text);
      if (canonical !== null) {
        out.push(numberUnit(canonical, start, start + text.length, link));
      } else {
        let p = start;
        for (let k = i; k <= j; k += 2) {
          const digits = pieces[k] as string;
          out.push(numberUnit(digits.replace(/^0+(?=\d)/, ''), p, p + digits.length, k === i ? link : false));
          p += digits.length + 1;
        }
      }
      pos = start + text.length + (pieces[j + 1]?.length ?? 0);
      i = j;
      link = false;
      continue;
    }
    const sep = pieces[i + 1] ?? '';
    const admin =
      expand && sep === '.' && UPPER_START.test(pieces[i + 2] ?? '') ? expandDottedAdmin(`${piece}.`) : undefined;
    // A chunk of one piece was looked up whole above, and found nothing.
    const abbreviation = expand && !admin && pieces.length > 1 ? lookupAbbreviation(piece) : undefined;
    if (admin) {
      out.push(...expansionUnits(admin, start, start + piece.length, link));
    } else if (abbreviation && documentNumber) {
      keys.push({ key: abbreviation.key, start, end: start + piece.length });
    } else if (abbreviation) {
      out.push(...expansionUnits(abbreviation.expansion, start, start + piece.length, link));
    } else if (piece) {
      out.push(syllableUnit(piece, start, link));
    }
    pos = start + piece.length + sep.length;
    // "H.Tịnh Biên" reads "huyện Tịnh Biên": the name after the dot continues the phrase.
    link = admin !== undefined;
  }
}

const SPACE = /\s/;

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 32 || ch === 10) continue;
    if (!SPACE.test(text[i] as string)) return false;
  }
  return true;
}

function analyzeChunks(text: string, expand: boolean, keys: KeyMatch[] = []): Unit[] {
  const units: Unit[] = [];
  let lastEnd = -1;
  for (const m of text.matchAll(CHUNK)) {
    const start = m.index;
    const chained = lastEnd >= 0 && onlySpaceBetween(text, lastEnd, start);
    analyzeChunk(m[0], start, chained, expand, units, keys);
    lastEnd = start + m[0].length;
  }
  return units;
}

function matchesStopSyllable(u: Unit, s: StopSyllable): boolean {
  if (u.kind !== 'syllable') return false;
  // Unaccented input can only be compared folded; accented input must match its accents.
  return u.accent === null ? u.folded === s.folded : u.accent === s.tone;
}

function markStopWords(units: Unit[]) {
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    if (u.kind !== 'syllable') continue;
    const phrase = STOP_PHRASES.get(u.folded)?.find((p) =>
      p.every((s, k) => {
        const v = units[i + k];
        return v !== undefined && matchesStopSyllable(v, s);
      }),
    );
    if (phrase) {
      for (let k = 0; k < phrase.length; k++) (units[i + k] as Unit).stop = true;
      i += phrase.length - 1;
    } else if (STOP_SINGLE.has(u.accent ?? u.folded)) {
      u.stop = true;
    }
  }
}

/** Folded metric synonyms (abbreviations expanded, ≥ 2 words) → "@metric-id"; built on first use. */
let metricPhrases: {
  map: Map<string, string[]>;
  words: Map<string, Set<string>>;
  maxLength: number;
  /** Every leading run of words of a key phrase or a metric phrase, as a tree of words: longer runs cannot match. */
  trie: PhraseNode;
} | null = null;

/** A run of words that begins a key phrase or a metric phrase, and the keys it is the whole of. */
interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** KEY_PHRASES' key of this run, when it is one of three words or more. */
  key: string | undefined;
  /** Metric keys of this run (metric phrases have two words or more). */
  metrics: string[] | undefined;
}

function metricPhraseMap() {
  if (metricPhrases) return metricPhrases;
  const map = new Map<string, string[]>();
  const allWords = new Map<string, Set<string>>();
  let maxLength = 0;
  for (const m of METRICS) {
    const key = `@${m.id.replace(/_/g, '-')}`;
    for (const synonym of m.synonyms) {
      const words = analyzeChunks(synonym.normalize('NFC'), true).map((u) => u.folded);
      const known = allWords.get(key) ?? new Set<string>();
      for (const w of words) known.add(w);
      allWords.set(key, known);
      if (words.length < 2) continue;
      const phrase = words.join(' ');
      const keys = map.get(phrase) ?? [];
      if (!keys.includes(key)) keys.push(key);
      map.set(phrase, keys);
      maxLength = Math.max(maxLength, words.length);
    }
  }
  const trie: PhraseNode = { next: new Map(), key: undefined, metrics: undefined };
  for (const phrase of [...map.keys(), ...KEY_PHRASES.keys()]) {
    const words = phrase.split(' ');
    let node = trie;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), key: undefined, metrics: undefined };
        node.next.set(w, child);
      }
      node = child;
    }
    if (words.length >= 3) node.key = KEY_PHRASES.get(phrase);
    node.metrics = map.get(phrase);
  }
  metricPhrases = { map, words: allWords, maxLength, trie };
  return metricPhrases;
}

/** Folded words of every synonym of a metric key: "@health-insurance-coverage" → bao, hiem, y, te, ty, le … */
export function metricWords(key: string): ReadonlySet<string> {
  return metricPhraseMap().words.get(key) ?? new Set();
}

function findKeyPhrases(units: Unit[], keys: KeyMatch[]) {
  const metric = metricPhraseMap();
  const maxLength = Math.max(KEY_PHRASE_MAX_LENGTH, metric.maxLength);
  for (let i = 0; i < units.length; i++) {
    // Walks the tree of phrase beginnings word by word: no phrase string built per unit.
    let node = metric.trie;
    for (let n = 1; n <= maxLength && i + n <= units.length; n++) {
      const u = units[i + n - 1] as Unit;
      if (u.kind !== 'syllable') break;
      const child = node.next.get(u.folded);
      if (!child) break;
      node = child;
      if (n < 2) continue;
      const start = (units[i] as Unit).start;
      if (node.key) keys.push({ key: node.key, start, end: u.end });
      for (const m of node.metrics ?? []) keys.push({ key: m, start, end: u.end });
    }
  }
}

/**
 * Splits text into word units and abbreviation keys, with spans into `text` (NFC).
 * @example analyzeVi('BHYT đạt 94,79%').units.map((u) => u.folded) // ['bao','hiem','y','te','dat','94.79']
 */
export function analyzeVi(text: string): Analysis {
  const keys: KeyMatch[] = [];
  const units = analyzeChunks(text.normalize('NFC'), true, keys);
  // Key phrases are matched before stop-words: "đi làm việc ở nước ngoài" holds "ở".
  findKeyPhrases(units, keys);
  markStopWords(units);
  keys.sort((a, b) => a.start - b.start || a.end - b.end);
  return { units, keys };
}

/** Tokens of an analysis, in text order, duplicates kept (they are term frequencies). */
export function tokensOf({ units, keys }: Analysis): string[] {
  const tokens: string[] = [];
  let prev: Unit | null = null;
  for (const u of units) {
    if (u.stop) {
      prev = null;
      continue;
    }
    if (prev && u.chained) tokens.push(`${prev.folded}${BIGRAM_JOINER}${u.folded}`);
    tokens.push(u.folded);
    if (u.accent) tokens.push(u.accent);
    prev = u;
  }
  for (const k of keys) tokens.push(k.key);
  return tokens;
}

/**
 * The search tokens of a text: folded syllables, accent keys for accented syllables, bigrams of
 * adjacent kept syllables, abbreviation keys, whole numbers. Stop-words are dropped.
 * @example tokenizeVi('Hộ nghèo') // ['ho', 'hô5', 'ho_ngheo', 'ngheo', 'ngheo2']
 */
export function tokenizeVi(text: string): string[] {
  return tokensOf(analyzeVi(text));
}

/** The token as stored: one string per token, so the index's maps hash it once. */
const terminated = memo(20_000, (token) => token + TERMINATOR);

/**
 * An Orama tokenizer around tokenizeVi. Tokens are de-duplicated, as Orama's own tokenizer does:
 * Orama adds one to a token's document count per token it is given, so repeats would inflate
 * document frequencies past the document count and turn BM25's IDF negative.
 */
export function createViTokenizer(): Tokenizer {
  return {
    language: 'vietnamese',
    normalizationCache: new Map(),
    tokenize(raw: string): string[] {
      if (typeof raw !== 'string') return [raw];
      if (raw.startsWith(PRETOKENIZED)) return raw.slice(PRETOKENIZED.length).split(' ').filter(Boolean);
      return [...new Set(tokenizeVi(raw))].map(terminated);
    },
  };
}
