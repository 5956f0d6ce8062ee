// Place names in report text → gazetteer units (63 pre-2025 provinces, their districts). Tables are
// built once at load, keyed by accent/tone-normalised names; the scan walks type words and
// capitalised word runs, so a 30 KB report costs milliseconds, not 800 indexOf passes.

import { DISTRICTS, mergerOf, PROVINCES, type ProvinceRecord } from '../lexicon/places.ts';
import { foldVi, toneKey } from '../text/fold.ts';
import { foldAligned, hasDiacritics } from '../text/fold-aligned.ts';
import { loanSyllable } from '../text/place-spelling.ts';
import type { Place } from './types.ts';

interface Entry {
  place: Place;
  /** The gazetteer type first, then former types ("huyện Tịnh Biên" before 2023). */
  types: string[];
  active: boolean;
  /** Initialisms (HN, HCM, BR-VT) are only trusted after a type word or when asked for by name. */
  initialism: boolean;
}

export interface PlaceMention {
  place: Place;
  start: number;
  end: number;
  matched: string;
}

// "Quan Hóa", "Quan Sơn" are names: an unaccented "quan" is a type word only before a number.
const PREFIX =
  /^(?:tỉnh|tinh|thành phố|thanh pho|thủ đô|thu do|tp\.?|huyện|huyen|quận|quan(?=\s+\d)|thị xã|thi xa|tx\.?)\s+|^(?:tp|tx)\.\s*/iu;

/** Syllables joined by spaces, accents kept, tone placement ignored: "Hoà Bình" ≡ "Hòa Bình". */
function accentKey(name: string): string {
  // "Đắk Glong" ≡ "Đăk Glong", "Bắc Cạn" ≡ "Bắc Kạn" (see place-spelling.ts).
  return syllables(name)
    .map((s) => toneKey(loanSyllable(s)))
    .join(' ');
}
function foldKey(name: string): string {
  return syllables(name)
    .map((s) => foldVi(s))
    .join(' ');
}
function syllables(name: string): string[] {
  return name
    .normalize('NFC')
    .split(/[^\p{L}\p{N}'’]+/u)
    .filter(Boolean);
}

const byAccent = new Map<string, Entry[]>();
const byFold = new Map<string, Entry[]>();
const byCompactFold = new Map<string, Entry[]>();
const provinceByCode = new Map<string, ProvinceRecord>();

function addKey(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
}

function index(entry: Entry, names: string[]): void {
  for (const raw of names) {
    const name = raw.replace(PREFIX, '').trim();
    const initialism = !/\p{Ll}/u.test(name);
    const target = initialism === entry.initialism ? entry : { ...entry, initialism };
    addKey(byAccent, accentKey(name), target);
    if (hasDiacritics(name) || !initialism) {
      addKey(byFold, foldKey(name), target);
      addKey(byCompactFold, foldKey(name).replace(/ /g, ''), target);
    }
  }
}

for (const p of PROVINCES) {
  provinceByCode.set(p.code, p);
  const place: Place = {
    name: p.name,
    level: 'province',
    type: p.type,
    code: p.code,
    provinceCode: p.code,
    province: p.name,
  };
  index({ place, types: [p.type], active: true, initialism: false }, [p.name, ...p.aliases]);
}
for (const d of DISTRICTS) {
  const place: Place = {
    name: d.name,
    level: 'district',
    type: d.type,
    code: d.code,
    provinceCode: d.provinceCode,
    province: d.province,
  };
  const types = [d.type, ...(d.formerTypes ?? [])];
  index({ place, types, active: d.status === 'active', initialism: false }, [
    d.name,
    ...d.aliases,
    ...(d.formerNames ?? []),
  ]);
}

interface TypeWord {
  /** Folded tokens of the type word. */
  tokens: string[];
  /** How the word is spelled with accents (unaccented spellings are accepted too). */
  accented: string;
  types: string[] | 'commune';
  /** Abbreviations that must be written in capitals and followed by a dot ("H.", "Q.", "X."). */
  dotted?: boolean;
  upper?: boolean;
}

const TYPE_WORDS: TypeWord[] = [
  { tokens: ['thanh', 'pho'], accented: 'thành phố', types: ['thành phố'] },
  { tokens: ['thu', 'do'], accented: 'thủ đô', types: ['thành phố'] },
  { tokens: ['thi', 'xa'], accented: 'thị xã', types: ['thị xã'] },
  { tokens: ['thi', 'tran'], accented: 'thị trấn', types: 'commune' },
  { tokens: ['tinh'], accented: 'tỉnh', types: ['tỉnh'] },
  { tokens: ['huyen'], accented: 'huyện', types: ['huyện'] },
  { tokens: ['quan'], accented: 'quận', types: ['quận'] },
  { tokens: ['tp'], accented: 'tp', types: ['thành phố'] },
  { tokens: ['tx'], accented: 'tx', types: ['thị xã'], upper: true },
  { tokens: ['h'], accented: 'h', types: ['huyện', 'thị xã', 'thành phố'], dotted: true, upper: true },
  { tokens: ['q'], accented: 'q', types: ['quận'], dotted: true, upper: true },
  { tokens: ['xa'], accented: 'xã', types: 'commune' },
  { tokens: ['phuong'], accented: 'phường', types: 'commune' },
  { tokens: ['thon'], accented: 'thôn', types: 'commune' },
  { tokens: ['ap'], accented: 'ấp', types: 'commune' },
  { tokens: ['xom'], accented: 'xóm', types: 'commune' },
  { tokens: ['khom'], accented: 'khóm', types: 'commune' },
  { tokens: ['x'], accented: 'x', types: 'commune', dotted: true, upper: true },
  { tokens: ['p'], accented: 'p', types: 'commune', dotted: true, upper: true },
];

// Titles and kinship words before a capitalised run make it a person's name ("ông Hoàng Nam").
const PERSON_CUES = new Set(['ông', 'bà', 'anh', 'chị', 'em', 'cháu', 'cô', 'chú', 'bác', 'cụ', 'đ/c']);

interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Folded words: a report repeats its words, and folding goes character by character. Bounded. */
const foldedWords = new Map<string, string>();
const FOLDED_WORDS_LIMIT = 100_000;

function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldAligned(word);
    if (foldedWords.size >= FOLDED_WORDS_LIMIT) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}

/** Longest type word, folded ("phuong"): a longer token is never compared folded. */
const TYPE_WORD_MAX = 6;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const word = m[0];
    // `folded` is only compared with type words' tokens (typeWordAt): a longer word need not be folded.
    out.push({
      text: word,
      folded: word.length <= TYPE_WORD_MAX ? foldWord(word) : '',
      start: m.index,
      end: m.index + word.length,
    });
  }
  return out;
}

/**
 * The last text tokenised and its tokens. A report's text is scanned whole (its main place), then
 * passage by passage (passages.ts): the passages read their tokens from the whole text's.
 * Titles and questions (shorter than KEPT_TEXT_MIN) do not replace it; texts longer than
 * KEPT_TEXT_MAX are not kept (a 2 MB report's tokens would hold ~20 MB until the next report).
 */
let lastText: string | null = null;
let lastTokens: Token[] = [];
const KEPT_TEXT_MIN = 1000;
const KEPT_TEXT_MAX = 200_000;

function tokensOf(text: string): Token[] {
  if (text.length > KEPT_TEXT_MAX) return tokenize(text);
  if (text !== lastText) {
    lastTokens = tokenize(text);
    lastText = text;
  }
  return lastTokens;
}

/** The tokens of `text.slice(start, end)`, with offsets into the slice, as tokenize(slice) gives them. */
function sliceTokens(text: string, start: number, end: number): Token[] {
  if (text.length > KEPT_TEXT_MAX) return tokenize(text.slice(start, end));
  const all = tokensOf(text);
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((all[mid] as Token).end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < all.length; i++) {
    const t = all[i] as Token;
    if (t.start >= end) break;
    // A word cut by the slice's edge tokenises differently on its own: tokenise the slice instead.
    if (t.start < start || t.end > end) return tokenize(text.slice(start, end));
    out.push({ text: t.text, folded: t.folded, start: t.start - start, end: t.end - start });
  }
  return out;
}

const isCapitalised = (t: Token): boolean => {
  const ch = t.text[0] as string;
  return ch !== ch.toLowerCase() || (ch >= '0' && ch <= '9');
};

/** Tokens belong to one name when only a space, or a hyphen between capitalised parts, separates them. */
function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || /^ ?[-–] ?$/.test(gap);
}

const TYPE_WORDS_BY_FIRST = new Map<string, TypeWord[]>();
for (const word of TYPE_WORDS) {
  const first = word.tokens[0] as string;
  TYPE_WORDS_BY_FIRST.set(first, [...(TYPE_WORDS_BY_FIRST.get(first) ?? []), word]);
}

function typeWordAt(
  text: string,
  tokens: Token[],
  i: number,
  accented: boolean,
): { word: TypeWord; length: number } | null {
  for (const word of TYPE_WORDS_BY_FIRST.get((tokens[i] as Token).folded) ?? []) {
    const n = word.tokens.length;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const t = tokens[i + k];
      ok = t !== undefined && t.folded === word.tokens[k] && (k === 0 || joined(text, tokens[i + k - 1] as Token, t));
    }
    if (!ok) continue;
    const first = tokens[i] as Token;
    const last = tokens[i + n - 1] as Token;
    const written = text.slice(first.start, last.end).toLowerCase();
    // In accented text "Quan Hóa" is a name and "quận" the type word; only unaccented text may drop marks.
    if (written !== word.accented && (accented || written !== word.tokens.join(' '))) continue;
    if (word.upper && !/^\p{Lu}+$/u.test(first.text)) continue;
    if (word.dotted && text[last.end] !== '.') continue;
    return { word, length: n };
  }
  return null;
}

/**
 * Gazetteer entries by the name as written. A report's scan looks up every capitalised run, most
 * of them again and again ("Ủy ban nhân dân", the report's own place); keys cost NFD and regexes.
 * Bounded: cleared when full.
 */
const spanCache = new Map<string, Entry[]>();
const SPAN_CACHE_LIMIT = 50_000;

function lookupSpan(text: string, tokens: Token[], from: number, to: number): Entry[] {
  const name = text.slice((tokens[from] as Token).start, (tokens[to] as Token).end);
  let entries = spanCache.get(name);
  if (entries === undefined) {
    // Accent-insensitive only for text typed without accents; an accented name must match its accents.
    entries = byAccent.get(accentKey(name)) ?? (hasDiacritics(name) ? [] : (byFold.get(foldKey(name)) ?? []));
    if (spanCache.size >= SPAN_CACHE_LIMIT) spanCache.clear();
    spanCache.set(name, entries);
  }
  return entries;
}

function narrow(entries: Entry[], types: string[] | null, allowInitialism: boolean): Entry[] {
  let list = entries.filter((e) => allowInitialism || !e.initialism);
  if (types) list = list.filter((e) => e.types.some((t) => types.includes(t)));
  if (list.some((e) => e.active)) list = list.filter((e) => e.active);
  return dedupe(list);
}

function dedupe(list: Entry[]): Entry[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.place.level}:${e.place.code}:${e.place.provinceCode}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface RawMention {
  entries: Entry[];
  start: number;
  end: number;
  writtenType: string | null;
  bare: boolean;
}

const DISTRICT_TYPES = ['huyện', 'quận', 'thị xã', 'thành phố'];

// "tỉnh Thừa Thiên Huế" (now a thành phố), "thị xã X" for a unit since upgraded: the level is right
// even when the type has changed, and the report's own word is kept.
function levelTypes(types: string[]): string[] {
  return types.includes('tỉnh') ? ['tỉnh', 'thành phố'] : DISTRICT_TYPES;
}

function withType(entry: Entry, writtenType: string | null): Place {
  const sameLevel =
    writtenType !== null &&
    (entry.place.level === 'province'
      ? writtenType === 'tỉnh' || writtenType === 'thành phố'
      : DISTRICT_TYPES.includes(writtenType));
  if (writtenType && sameLevel && writtenType !== entry.place.type) {
    return { ...entry.place, type: writtenType };
  }
  return entry.place;
}

export interface FindPlaceOptions {
  /** The report's province: settles names shared by several provinces (Châu Thành). */
  provinceCode?: string;
}

/**
 * Places named in `text`: after a type word ("tỉnh Quảng Trị", "huyện Đakrông", "TX. Tịnh Biên"),
 * or as a capitalised multi-syllable name standing alone ("Quảng Trị", "Bắc Kạn"). Unaccented
 * lower-case text (a question) is matched loosely ("ho ngheo quang tri"). Communes (xã, phường)
 * are not in the gazetteer and are skipped, so "xã Bình Tân" is not the district Bình Tân.
 * @example findPlaceMentions('Tỷ lệ nghèo đa chiều huyện Đakrông giảm 4,31%')[0].place.name // 'Đakrông'
 */
export function findPlaceMentions(text: string, opts: FindPlaceOptions = {}): PlaceMention[] {
  // A title or a question is not kept: the report text scanned before it is, for its passages.
  return mentionsIn(text, text.length >= KEPT_TEXT_MIN ? tokensOf(text) : tokenize(text), opts);
}

/**
 * findPlaceMentions(text.slice(start, end), opts), offsets into the slice, reading the words of
 * the slice from those of the whole text when it was the last one scanned (a report's passages).
 */
export function findPlaceMentionsInSlice(
  text: string,
  start: number,
  end: number,
  opts: FindPlaceOptions = {},
): PlaceMention[] {
  return mentionsIn(text.slice(start, end), sliceTokens(text, start, end), opts);
}

function mentionsIn(text: string, tokens: Token[], opts: FindPlaceOptions): PlaceMention[] {
  const accented = hasDiacritics(text);
  const loose = !accented && !/\p{Lu}/u.test(text);
  const raw: RawMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tw = typeWordAt(text, tokens, i, accented);
    if (tw) {
      const nameFrom = i + tw.length;
      let last = nameFrom - 1;
      while (
        last + 1 < tokens.length &&
        last + 1 - nameFrom < 4 &&
        (last + 1 === nameFrom
          ? /^[ .]*$/.test(text.slice((tokens[last] as Token).end, (tokens[last + 1] as Token).start))
          : joined(text, tokens[last] as Token, tokens[last + 1] as Token))
      ) {
        last++;
      }
      const first = tokens[nameFrom];
      if (tw.word.types === 'commune') {
        // Skip the commune's own name so "xã Bình Tân" is not read as the district Bình Tân.
        let skip = nameFrom;
        while (skip <= last && isCapitalised(tokens[skip] as Token)) skip++;
        i = skip;
        continue;
      }
      let found = false;
      // A lower-case name after a type word is a question typed casually ("huyện tay son"); one
      // lower-case syllable is too often an ordinary word ("huyện đã chỉ đạo").
      const minEnd = first && (loose || isCapitalised(first)) ? nameFrom : nameFrom + 1;
      for (let end = last; end >= minEnd && !found; end--) {
        const candidates = lookupSpan(text, tokens, nameFrom, end);
        const exact = narrow(candidates, tw.word.types, true);
        // A number is a name only for a quận ("Quận 1"); "huyện 6 tháng cuối năm" is not Quận 6.
        const numeric = /^\p{N}/u.test((tokens[nameFrom] as Token).text);
        const entries = exact.length || numeric ? exact : narrow(candidates, levelTypes(tw.word.types), true);
        if (entries.length) {
          const writtenType = tw.word.types.length === 1 ? (tw.word.types[0] as string) : null;
          raw.push({
            entries,
            start: (tokens[i] as Token).start,
            end: (tokens[end] as Token).end,
            writtenType,
            bare: false,
          });
          i = end + 1;
          found = true;
        }
      }
      if (!found) i = nameFrom;
      continue;
    }
    const bare = loose ? bareLoose(text, tokens, i) : bareCapitalised(text, tokens, i);
    if (bare) {
      raw.push(bare.mention);
      i = bare.next;
    } else {
      i++;
    }
  }
  return resolveMentions(text, raw, opts);
}

function bareCapitalised(text: string, tokens: Token[], i: number): { mention: RawMention; next: number } | null {
  const first = tokens[i] as Token;
  if (!isCapitalised(first) || /^\p{N}/u.test(first.text)) return null;
  const prev = tokens[i - 1];
  if (prev && isCapitalised(prev) && joined(text, prev, first)) return null;
  let runEnd = i;
  // A number ends a bare name ("Tuy Đức 6.610" in a table row): only "Quận 1" has one, after its type word.
  while (
    runEnd + 1 < tokens.length &&
    isCapitalised(tokens[runEnd + 1] as Token) &&
    !/^\p{N}/u.test((tokens[runEnd + 1] as Token).text) &&
    joined(text, tokens[runEnd] as Token, tokens[runEnd + 1] as Token)
  ) {
    runEnd++;
  }
  if (prev && PERSON_CUES.has(prev.text.toLowerCase())) return null;
  // The name must be the whole capitalised run ("Tân Phú Hiệp" is a company, not Tân Phú), except
  // for one sentence-initial word before it ("Tại Quảng Trị, …").
  const starts = [i];
  if (runEnd > i && sentenceInitial(text, first.start)) starts.push(i + 1);
  for (const from of starts) {
    const count = runEnd - from + 1;
    if (count > 5) continue;
    const only = tokens[from] as Token;
    if (count === 1 && [...only.text].length < 6) continue;
    const entries = narrow(lookupSpan(text, tokens, from, runEnd), null, false);
    if (entries.length) {
      return {
        mention: { entries, start: only.start, end: (tokens[runEnd] as Token).end, writtenType: null, bare: true },
        next: runEnd + 1,
      };
    }
  }
  return null;
}

function bareLoose(text: string, tokens: Token[], i: number): { mention: RawMention; next: number } | null {
  for (let end = Math.min(i + 3, tokens.length - 1); end >= i + 1; end--) {
    if (!joined(text, tokens[end - 1] as Token, tokens[end] as Token)) continue;
    const entries = narrow(lookupSpan(text, tokens, i, end), null, false);
    if (entries.length) {
      return {
        mention: {
          entries,
          start: (tokens[i] as Token).start,
          end: (tokens[end] as Token).end,
          writtenType: null,
          bare: true,
        },
        next: end + 1,
      };
    }
  }
  return null;
}

function sentenceInitial(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 3), at);
  return at === 0 || /(?:^|\n|[.!?:;(“"]\s*)$/u.test(before);
}

function resolveMentions(text: string, raw: RawMention[], opts: FindPlaceOptions): PlaceMention[] {
  // Provinces the text names outright give the context for district names shared by several provinces.
  const context = new Set<string>();
  if (opts.provinceCode) context.add(opts.provinceCode);
  for (const m of raw) {
    const provinces = m.entries.filter((e) => e.place.level === 'province');
    if (provinces.length === 1 && (m.entries.length === 1 || !m.bare)) context.add((provinces[0] as Entry).place.code);
  }
  const out: PlaceMention[] = [];
  for (const m of raw) {
    let entries = m.entries;
    if (m.bare && entries.some((e) => e.place.level === 'province'))
      entries = entries.filter((e) => e.place.level === 'province');
    if (entries.length > 1 && context.size) {
      const inContext = entries.filter((e) => context.has(e.place.provinceCode));
      if (inContext.length) entries = inContext;
    }
    const provincesNamed = new Set(entries.map((e) => e.place.provinceCode));
    if (provincesNamed.size > 1) continue;
    const entry = entries[0];
    if (!entry) continue;
    // A bare district name in a text about other provinces is more likely something else.
    if (m.bare && entry.place.level === 'district' && context.size && !context.has(entry.place.provinceCode)) continue;
    out.push({
      place: withType(entry, m.writtenType),
      start: m.start,
      end: m.end,
      matched: text.slice(m.start, m.end),
    });
  }
  return out;
}

export interface ResolvePlaceOptions {
  provinceCode?: string;
  /** Tolerate one wrong accent or letter ("Tịnh Biến" → Tịnh Biên); meant for titles and questions. */
  fuzzy?: boolean;
}

/**
 * One place for a name as a person wrote it, with or without type word and accents; null when
 * unknown or ambiguous (a district name shared by provinces without `provinceCode`).
 * @example resolvePlaceName('Tịnh Biến', { fuzzy: true })?.province // 'An Giang'
 */
export function resolvePlaceName(name: string, opts: ResolvePlaceOptions = {}): Place | null {
  const input = name.normalize('NFC').trim();
  const prefix = PREFIX.exec(input);
  if (prefix) {
    const typed = resolveBare(input.slice(prefix[0].length).trim(), typeOfPrefix(prefix[0]), opts);
    // "tinh bien" is Tịnh Biên, not a province called "Biên".
    if (typed || hasDiacritics(prefix[0])) return typed;
  }
  return resolveBare(input, null, opts);
}

function resolveBare(bareName: string, writtenType: string | null, opts: ResolvePlaceOptions): Place | null {
  if (!bareName) return null;
  const types = writtenType ? [writtenType] : null;

  let entries = narrow(byAccent.get(accentKey(bareName)) ?? [], types, true);
  if (!entries.length) {
    const folded = narrow(
      byFold.get(foldKey(bareName)) ?? byCompactFold.get(foldKey(bareName).replace(/ /g, '')) ?? [],
      types,
      true,
    );
    if (!hasDiacritics(bareName)) entries = folded;
    else if (opts.fuzzy) entries = folded.filter((e) => accentDistance(bareName, e.place.name) <= 1);
  }
  if (!entries.length && opts.fuzzy) entries = fuzzyFold(bareName, types);
  return pick(entries, writtenType, opts.provinceCode);
}

function pick(entries: Entry[], writtenType: string | null, provinceCode: string | undefined): Place | null {
  let list = entries;
  if (provinceCode) {
    const inProvince = list.filter((e) => e.place.provinceCode === provinceCode);
    if (inProvince.length) list = inProvince;
  }
  if (!writtenType && list.some((e) => e.place.level === 'province'))
    list = list.filter((e) => e.place.level === 'province');
  if (new Set(list.map((e) => e.place.provinceCode)).size !== 1) return null;
  const entry = list[0];
  return entry ? withType(entry, writtenType) : null;
}

function typeOfPrefix(prefix: string): string | null {
  const f = foldVi(prefix)
    .replace(/[^a-z ]/g, '')
    .trim();
  if (f === 'tinh') return 'tỉnh';
  if (f === 'thanh pho' || f === 'tp' || f === 'thu do') return 'thành phố';
  if (f === 'huyen') return 'huyện';
  if (f === 'quan') return 'quận';
  if (f === 'thi xa' || f === 'tx') return 'thị xã';
  return null;
}

/** Edit distance on the accented, tone-normalised keys: one wrong or missing mark counts once. */
function accentDistance(a: string, b: string): number {
  const ka = accentKey(a);
  const kb = accentKey(b);
  const na = a.normalize('NFC').toLowerCase();
  const nb = b.normalize('NFC').toLowerCase();
  return Math.min(levenshtein(ka, kb, 2), levenshtein(na, nb, 2));
}

function fuzzyFold(name: string, types: string[] | null): Entry[] {
  const key = foldKey(name);
  // Short names are a letter away from too many others to guess.
  if (key.replace(/ /g, '').length < 5) return [];
  const hits: Entry[] = [];
  for (const [k, entries] of byFold) {
    if (Math.abs(k.length - key.length) <= 1 && levenshtein(k, key, 1) <= 1) hits.push(...entries);
  }
  return narrow(hits, types, false);
}

function levenshtein(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * What a pre-2025 unit is part of after the 1 July 2025 reform (Nghị quyết 202/2025/QH15).
 * @example placeToday(bacKan) // { name: 'Thái Nguyên', note: 'Từ 1/7/2025, tỉnh Bắc Kạn cùng tỉnh Thái Nguyên hợp thành tỉnh Thái Nguyên.' }
 */
export function placeToday(place: Place): { name: string; note: string } | null {
  const record = mergerOf(place.provinceCode);
  if (!record) return null;
  const self = `${place.type} ${place.name}`;
  const target = `${record.type} ${record.new}`;
  if (place.level === 'district') {
    return {
      name: record.new,
      note: `Từ 1/7/2025 không còn cấp huyện; địa bàn ${self} (${place.province}) nay thuộc ${target}.`,
    };
  }
  if (record.unchanged)
    return { name: record.new, note: `${capitalise(self)} giữ nguyên sau sắp xếp đơn vị hành chính ngày 1/7/2025.` };
  const others = record.memberCodes
    .filter((c) => c !== place.provinceCode)
    .map((c) => provinceByCode.get(c))
    .filter((p): p is ProvinceRecord => p !== undefined)
    .map((p) => `${p.type} ${p.name}`);
  return { name: record.new, note: `Từ 1/7/2025, ${self} cùng ${others.join(', ')} hợp thành ${target}.` };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The province record for a code (for callers that need the province of a district). */
export function provincePlace(code: string): Place | null {
  const p = provinceByCode.get(code);
  return p
    ? { name: p.name, level: 'province', type: p.type, code: p.code, provinceCode: p.code, province: p.name }
    : null;
}

/** Every type a unit has had in the gazetteer, current first ("thị xã", then "huyện" for Tịnh Biên). */
export function typesOf(place: Place): string[] {
  const entries = byAccent.get(accentKey(place.name.replace(PREFIX, ''))) ?? [];
  const match = entries.find((e) => e.place.code === place.code && e.place.level === place.level);
  return match ? match.types : [place.type];
}
