// Minimal place lookup for queries: which provinces and districts a question names, by folded
// syllables, so ranking can prefer passages about that place. Names and aliases from lexicon/places.ts.
import { DISTRICTS, PROVINCES } from '../lexicon/places.ts';
import { foldVi } from '../text/fold.ts';
import { loanSyllable } from '../text/place-spelling.ts';

export interface QueryPlace {
  /** Folded name as the index stores it in `places`: "quang tri", "tay son". */
  key: string;
  /** Every folded spelling of it (name and aliases), to look for in a passage's words. */
  names: string[];
  level: 'province' | 'district';
  code: string;
  provinceCode: string;
}

/** Folded place name or alias, syllables joined by one space → the places it may denote. */
const BY_FOLDED = new Map<string, QueryPlace[]>();
/** Folded alias → its spellings with accents, tone-keyed (see toneKey): "pho yen" → "phổ yên". */
const ACCENTED = new Map<string, Set<string>>();

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Lower case with each syllable's tone moved to its end, so "hòa" and "hoà" meet and "phố" ≠ "phổ". */
function toneKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
    .map((syl) => loanSyllable(syl.normalize('NFC')).normalize('NFD'))
    .map((syl) => `${syl.replace(TONE_MARKS, '').normalize('NFC')}${(syl.match(TONE_MARKS) ?? []).join('')}`)
    .join(' ');
}
const hasMarks = (s: string) => /[^\x00-\x7f]/.test(s);
let maxSyllables = 1;

/** Folded keys by name: every figure and passage asks for its place's key (foldVi is ~100× a lookup). */
const placeKeys = new Map<string, string>();
const PLACE_KEYS_KEPT = 10_000;

/** Folds a place name the way `places` keys are stored: "Đakrông" → "dakrong", "Bà Rịa - Vũng Tàu" → "ba ria vung tau". */
export function placeKey(name: string): string {
  let key = placeKeys.get(name);
  if (key === undefined) {
    key = foldVi(name)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    // Place names are few (the gazetteer's ~800 and their spellings); a bound keeps odd input from growing it.
    if (placeKeys.size >= PLACE_KEYS_KEPT) placeKeys.clear();
    placeKeys.set(name, key);
  }
  return key;
}

/** One-syllable spellings that are not also common syllables or initials ("vinh", "qt"). */
function safeSingle(folded: string): boolean {
  return folded.length >= 5 || folded === 'hue' || folded === 'hcm';
}

function add(alias: string, place: QueryPlace) {
  const folded = placeKey(alias.replace(/^(tỉnh|thành phố|tp\.?|huyện|quận|thị xã)\s+/i, ''));
  const syllables = folded.split(' ');
  if (!folded || (syllables.length < 2 && !safeSingle(folded))) return;
  if (!place.names.includes(folded)) place.names.push(folded);
  const bare = alias.replace(/^(tỉnh|thành phố|tp\.?|huyện|quận|thị xã)\s+/i, '');
  if (hasMarks(bare)) {
    const forms = ACCENTED.get(folded) ?? new Set<string>();
    forms.add(toneKey(bare));
    ACCENTED.set(folded, forms);
  }
  maxSyllables = Math.max(maxSyllables, syllables.length);
  const list = BY_FOLDED.get(folded) ?? [];
  if (!list.some((p) => p.code === place.code && p.level === place.level)) list.push(place);
  BY_FOLDED.set(folded, list);
}

for (const p of PROVINCES) {
  const place: QueryPlace = { key: placeKey(p.name), names: [], level: 'province', code: p.code, provinceCode: p.code };
  const initials = new Set(p.initials ?? []);
  for (const alias of [p.name, ...p.aliases]) if (!initials.has(alias)) add(alias, place);
}
for (const d of DISTRICTS) {
  const place: QueryPlace = {
    key: placeKey(d.name),
    names: [],
    level: 'district',
    code: d.code,
    provinceCode: d.provinceCode,
  };
  for (const alias of [d.name, ...d.aliases]) add(alias, place);
}

/**
 * Places a query names, longest match first over folded syllables.
 * @example findQueryPlaces('ho ngheo quang tri') // [{ key: 'quang tri', level: 'province', code: '45', … }]
 */
export function findQueryPlaces(query: string): QueryPlace[] {
  const syllables = placeKey(query).split(' ').filter(Boolean);
  // Typed with accents, a name must agree with them: "thành phố Yên Bái" folds to "… pho yen bai",
  // which holds "pho yen", but "phố Yên" is not Phổ Yên.
  const raw = query
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const aligned = hasMarks(query) && raw.length === syllables.length;
  const agrees = (from: number, n: number, folded: string) => {
    const span = raw.slice(from, from + n).join(' ');
    const forms = ACCENTED.get(folded);
    return !aligned || !hasMarks(span) || !forms || forms.has(toneKey(span));
  };
  const found: QueryPlace[] = [];
  for (let i = 0; i < syllables.length; ) {
    let matched = 0;
    // A commune ("xã Bình Tân", "phường …", "thị trấn …") is not in the gazetteer: it may share
    // a district's name, so skip names right after those words ("thị xã" is a district type).
    const before = syllables.slice(Math.max(0, i - 2), i).join(' ');
    const commune =
      /(^|\s)(phuong|thi tran)$/.test(before) || (/(^|\s)xa$/.test(before) && !/(^|\s)thi xa$/.test(before));
    for (let n = Math.min(maxSyllables, syllables.length - i); n >= 1 && !matched && !commune; n--) {
      const key = syllables.slice(i, i + n).join(' ');
      const places = BY_FOLDED.get(key);
      if (!places || !agrees(i, n, key)) continue;
      matched = n;
      for (const p of places) if (!found.some((f) => f.key === p.key && f.code === p.code)) found.push(p);
    }
    i += matched || 1;
  }
  return found;
}
