// Question → what is asked: metrics, places, period, kind and intent, read from Vietnamese typed
// with or without accents, with abbreviations and in chat style ("XKLĐ Quảng Trị 2023 bao nhiêu").
import { GROUP_QUALIFIERS } from '../extract/cues.ts';
import { askedCountNoun, isMoneyUnit } from '../extract/units.ts';
import type { Period } from '../ingest/types.ts';
import { ABBREVIATIONS_FOLDED } from '../lexicon/abbreviations.ts';
import { findMetricMentions, metricById, rateMetricOf } from '../lexicon/metrics.ts';
import { findQueryPlaces, type QueryPlace } from '../search/places.ts';
import { foldAligned } from '../text/fold-aligned.ts';
import { findPeriods, type PeriodMention } from '../text/periods.ts';
import { parseViNumber } from '../text/vi-number.ts';
import { communesAsked } from './commune.ts';
import { INTENT_CUES, type Intent, SCOPES, UNIT_CUES, WANTS_CHANGE, WANTS_TARGET } from './cues.ts';
import { questionTerms, type Term } from './evidence.ts';
import { metricsOfMultidimensional } from './multidimensional.ts';

export interface QuestionNumber {
  value: number;
  raw: string;
  unit: string;
  start: number;
}

export interface Question {
  raw: string;
  /** Lower-case, accents folded, then the same with abbreviations expanded: for cue and metric matching. */
  folded: string;
  /** Lower-case, accents folded, as written. */
  plain: string;
  intent: Intent;
  /** Lexicon ids in the order the question names them. */
  metrics: string[];
  places: QueryPlace[];
  /** Communes named ("xã Tham Đôn" → "tham don"), folded: the gazetteer has none, so they are apart from `places`. */
  communes: string[];
  periods: Period[];
  /** The unit family asked for: "%", money, or a counted noun ("người", "hộ", "kg"). */
  unitWanted: 'percent' | 'money' | 'count' | 'kg' | null;
  wantsTarget: boolean;
  wantsChange: boolean;
  /** The country or a region asked about (SCOPES), when the question names one instead of a province. */
  scope: { id: string; names: string[] } | null;
  /** "Huyện nào của Lào Cai …": any district or commune of the places named can answer. */
  asksWhichPart: boolean;
  /** The counted noun asked for ("bao nhiêu hồ sơ" → "ho so"), folded; null when none is named. */
  countNoun: string | null;
  numbers: QuestionNumber[];
  /** Content syllables (folded) for matching labels and sentences. */
  words: string[];
  /** Content syllables with their accents, for judging a figure's evidence (see evidence.ts). */
  terms: Term[];
  /** Groups the question is about ("hộ cận nghèo", "tự nguyện"), as extraction names them in qualifiers. */
  groups: string[];
}

const STOP = new Set(
  'la bao nhieu co bao nhieu nam cua va o tai trong cho duoc da voi the nao nhu the nao ra sao khong gi nao hay hoi biet xin vui long minh toi ban a nhe the thi'.split(
    ' ',
  ),
);

/**
 * Replaces abbreviations by their expansion so lexicon phrases match: "bhxh tu nguyen" → "bao hiem
 * xa hoi tu nguyen". Only tokens that cannot be Vietnamese syllables (no vowel: bhxh, xkld, dtts) or
 * are written in capitals count, so "tu" in "tự nguyện" is never read as TƯ (trung ương).
 */
function expandAbbreviations(raw: string): string {
  return raw.replace(/[\p{L}\p{N}&-]+/gu, (w) => {
    const folded = foldAligned(w);
    const capitals = w.length >= 2 && w === w.toUpperCase() && /\p{L}/u.test(w);
    if (!capitals && /[aeiouy]/.test(folded.replace(/[^a-z]/g, ''))) return folded;
    const a = ABBREVIATIONS_FOLDED.get(folded.replace(/[^a-z0-9]/g, ''));
    return a ? foldAligned(a.expansion) : folded;
  });
}

const FOLDED_GROUPS = GROUP_QUALIFIERS.map((g) => [g, ` ${foldAligned(g)} `] as const).sort(
  (a, b) => b[1].length - a[1].length,
);

/** Groups named in the question, longest first so "hộ cận nghèo" does not also count as "hộ nghèo". */
function findGroups(folded: string): string[] {
  let rest = ` ${folded.replace(/[^a-z0-9]+/g, ' ')} `;
  const out: string[] = [];
  for (const [label, f] of FOLDED_GROUPS) {
    if (rest.includes(f)) {
      out.push(label);
      rest = rest.split(f).join(' | ');
    }
  }
  return out;
}

/** Metric ids in the order the text names them, as written and with abbreviations expanded. */
function metricsIn(plain: string, expanded: string, text: string): string[] {
  const mentions = findMetricMentions(plain);
  const written = mentions.filter((m) => agreesWithAccents(text, m)).map((m) => m.metricId);
  // The expansion differs only where abbreviations stood: a mention refused above is refused there too.
  const refused = new Set(mentions.map((m) => m.metricId).filter((id) => !written.includes(id)));
  const read = findMetricMentions(expanded)
    .map((m) => m.metricId)
    .filter((id) => !refused.has(id));
  return [...new Set([...written, ...read])];
}

/**
 * A one-syllable synonym matched on folded text must agree with the accents the question typed:
 * "5 năm qua" is not "quà", "vậy" is not "vay". A question typed without accents agrees with all.
 */
function agreesWithAccents(text: string, m: { metricId: string; start: number; end: number }): boolean {
  const written = text.slice(m.start, m.end).toLowerCase();
  if (!/[^\x00-\x7f]/.test(text) || /\s/.test(written)) return true;
  const metric = metricById(m.metricId);
  if (!metric) return true;
  return [metric.label, ...metric.synonyms].some((s) => s.normalize('NFC').toLowerCase() === written);
}

/**
 * Typed with accents, "mỗi", "bình quân", "trung bình" … must be written so: folded, "xây mới" reads
 * as "xây mỗi" and "bình quân" matches "quân". Typed without accents, the folded cue stands.
 */
function asksPerUnitAsWritten(text: string): boolean {
  if (!/[^\x00-\x7f]/.test(text)) return true;
  return /(?<![\p{L}])(?:bình quân|trung bình|trên (?:một|mỗi)|đầu người|mỗi|bq|tb)(?![\p{L}])/iu.test(text);
}

/** The money cues that ask for an amount, not words that only name money ("vay vốn"). */
const ASKS_AMOUNT =
  /\bbao nhieu (?:tien|trieu|ty|nghin|dong)\b|\bso tien\b|\bkinh phi\b|\bdu no\b|\btri gia\b|\bgia tri\b|\bngan sach\b|\bdoanh so\b/;

/** "giúp bao nhiêu hộ nghèo vay vốn": the count asked, when "vốn" only says what the households got. */
function countOverMoney(folded: string, unit: Question['unitWanted']): Question['unitWanted'] {
  if (unit !== 'money' || ASKS_AMOUNT.test(folded)) return unit;
  const count = UNIT_CUES.find(([u]) => u === 'count')?.[1];
  return count?.test(folded) ? 'count' : unit;
}

/** "tỷ lệ … hộ cận nghèo": the rate that goes with a count, when a rate is asked. */
function counterpartFor(id: string, unit: Question['unitWanted']): string {
  if (fitsUnitWanted(id, unit)) return id;
  if (unit === 'percent') return rateMetricOf(id) ?? id;
  return id;
}

/** A counted group named as a metric ("hộ nghèo") that the unit asked for turns into a qualifier. */
function groupOfMetric(id: string): string[] {
  const label = metricById(id)?.label.replace(/^số\s+/u, '') ?? '';
  return GROUP_QUALIFIERS.includes(label) ? [label] : [];
}

/** A metric fits the unit asked for when it is counted in it ("bao nhiêu tiền" → a money metric). */
export function fitsUnitWanted(id: string, unit: Question['unitWanted']): boolean {
  const m = metricById(id);
  if (!m || !unit || m.units.length === 0) return true;
  if (unit === 'money') return m.units.some(isMoneyUnit);
  if (unit === 'percent') return m.kind === 'rate' || m.kind === 'change' || m.units.includes('%');
  if (unit === 'kg') return m.units.some((u) => /kg|tấn|gạo/u.test(u));
  return true;
}

export function parseQuestion(raw: string): Question {
  const text = raw.normalize('NFC').trim();
  const plain = foldAligned(text);
  const expanded = expandAbbreviations(text);
  const folded = expanded === plain ? plain : `${plain} ${expanded}`;
  const found = metricsIn(plain, expanded, text);
  // "Từ số liệu năm 2024, tỷ lệ … năm 2023": the data named as a source does not time the question.
  const mentioned = findPeriods(text, { bareYear: true });
  const sources = mentioned.filter((p) =>
    /\bso lieu\s*(?:nam\s*)?$/.test(plain.slice(Math.max(0, p.start - 14), p.start)),
  );
  const periods =
    sources.length && sources.length < mentioned.length ? mentioned.filter((p) => !sources.includes(p)) : mentioned;
  const named = findQueryPlaces(text);
  const numbers = findQuestionNumbers(text, periods);
  let intent = (INTENT_CUES.find(
    ([i, re]) => re.test(folded) && (i !== 'per_unit' || asksPerUnitAsWritten(text)),
  )?.[0] ?? 'value') as Intent;
  const places = levelByTypeWord(plain, comparing(intent) ? sidesOfComparison(plain, named) : narrowestPlaces(named));
  // "tổng số hộ nghèo … giảm bao nhiêu so với năm 2022": "tổng số" names the level whose change is asked.
  if (
    intent === 'sum' &&
    WANTS_CHANGE.test(folded) &&
    !/\btong\b(?! so\b)|\bcong lai\b|\bgop lai\b|\bca hai\b/.test(folded)
  )
    intent = 'value';
  // "cộng" (add) folds like "công" (công tác, người có công): only the accented word counts.
  if (intent === 'value' && /(?<![\p{L}])cộng(?![\p{L}])/iu.test(text)) intent = 'sum';
  const unitWanted = countOverMoney(
    folded,
    (UNIT_CUES.find(([, re]) => re.test(folded))?.[0] ?? null) as Question['unitWanted'],
  );
  // "bao nhiêu gạo cho hộ nghèo": the households are who got it, not what is counted.
  // A share, a ratio or a plan gap is asked in % of counts: the unit filters only direct questions.
  const unitFilters = !['share', 'times', 'implied_base', 'implied_target', 'attainment', 'exceed'].includes(intent);
  const metrics = unitFilters
    ? [...new Set(found.map((id) => counterpartFor(id, unitWanted)).filter((id) => fitsUnitWanted(id, unitWanted)))]
    : found;
  const words = plain
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w));
  const communes = communesAsked(text);
  const scope =
    places.length || communes.length
      ? null
      : (SCOPES.find((x) => x.names.some((n) => ` ${plain.replace(/[^a-z0-9]+/g, ' ')} `.includes(` ${n} `))) ?? null);
  return {
    raw: text,
    folded,
    plain,
    intent,
    metrics: metricsOfMultidimensional(plain, orderMetrics(metrics, unitWanted), scope !== null),
    groups: [...findGroups(plain), ...found.filter((id) => !metrics.includes(id)).flatMap((id) => groupOfMetric(id))],
    places,
    communes,
    periods: periods.map(stripOffsets),
    unitWanted,
    wantsTarget: WANTS_TARGET.test(folded) && intent !== 'attainment' && intent !== 'exceed',
    wantsChange: WANTS_CHANGE.test(folded),
    // "giảm bao nhiêu hộ so với năm 2022": folded, "hộ so" would read as "hồ sơ".
    countNoun: askedCountNoun(plain.replace(/\bso voi\b/g, ' ')),
    asksWhichPart: /\b(?:huyen|xa|phuong|quan|thi xa|dia phuong|don vi) nao\b/.test(plain),
    scope,
    numbers,
    words,
    // The scope's words ("cả nước") are checked by the scope test, as a place's are by placeFit:
    // "toàn quốc" in the report answers "cả nước" in the question.
    terms: questionTerms(withoutWhenClause(text), [
      ...named.flatMap((p) => p.names),
      ...(scope?.names ?? []),
      ...communes,
    ]),
  };
}

/**
 * "Khi được công nhận đạt chuẩn nông thôn mới năm 2018, xã … còn bao nhiêu": a "khi …" clause
 * holding a period says when, and the period says it for the ranking; its words are not what the
 * figure counts, so they are left out of the terms its evidence must cover.
 */
function withoutWhenClause(text: string): string {
  return text.replace(/(?<![\p{L}])(?:khi|lúc)\s+[^,.;?()]*(?:\([^)]*\))?[^,.;?]*/giu, (m) =>
    findPeriods(m, { bareYear: true }).length ? ' '.repeat(m.length) : m,
  );
}

function stripOffsets(p: PeriodMention): Period {
  return { label: p.label, kind: p.kind, from: p.from, to: p.to, year: p.year };
}

/** "Huyện Kỳ Sơn (Nghệ An)": the district is what is asked about; its province only locates it. */
function narrowestPlaces(places: QueryPlace[]): QueryPlace[] {
  const locatesDistrict = (p: QueryPlace) =>
    places.some((d) => d.level === 'district' && d.provinceCode === p.provinceCode && d.key !== p.key);
  // "Mường Ảng (Điện Biên)": the province only locates the district, and so does its name read as
  // the district of the same name (huyện Điện Biên).
  const provinces = places.filter((p) => p.level === 'province');
  // "Kỳ Sơn (Nghệ An)": of two districts of one name, the one in the province named.
  const elsewhere = (p: QueryPlace) =>
    p.level === 'district' &&
    provinces.length > 0 &&
    !provinces.some((x) => x.code === p.provinceCode) &&
    places.some(
      (d) => d !== p && d.level === 'district' && d.key === p.key && provinces.some((x) => x.code === d.provinceCode),
    );
  return places.filter(
    (p) =>
      !elsewhere(p) &&
      (!locatesDistrict(p) ||
        (p.level === 'district' && !places.some((x) => x.level === 'province' && x.key === p.key))),
  );
}

const comparing = (intent: Intent) => intent === 'compare' || intent === 'difference';

/**
 * "tỷ lệ huyện Bình Gia cao hơn tỷ lệ chung tỉnh Lạng Sơn": in a comparison the province is a side,
 * unless written in parentheses after its district ("xã Vân Hòa (Ba Vì, Hà Nội)").
 */
function sidesOfComparison(plain: string, places: QueryPlace[]): QueryPlace[] {
  const narrowed = narrowestPlaces(places);
  const inParentheses = (p: QueryPlace) => p.names.some((n) => new RegExp(`\\([^)]*\\b${n}\\b[^(]*\\)`).test(plain));
  const kept = places.filter(
    (p) =>
      narrowed.includes(p) ||
      (p.level === 'province' &&
        !inParentheses(p) &&
        !places.some((x) => x !== p && x.level === 'district' && x.key === p.key)),
  );
  return kept;
}

/** Cities governed by the centre: "thành phố" before their name means the province-level unit. */
const CENTRAL_CITIES = new Set(['01', '31', '48', '79', '92']);

/**
 * "thành phố Lào Cai", "huyện Điện Biên": a name shared by a province and a district is the one its
 * type word says ("tỉnh" the province; "huyện", "thị xã", "quận" or a non-central "thành phố" the district).
 */
function levelByTypeWord(plain: string, places: QueryPlace[]): QueryPlace[] {
  return places.filter((p) => {
    const twin = places.find((x) => x !== p && x.key === p.key && x.level !== p.level);
    if (!twin) return true;
    const m = new RegExp(`\\b(tinh|huyen|thi xa|quan|thanh pho|tp)\\.?\\s+${p.key}\\b`).exec(plain);
    if (!m) return true;
    const district =
      m[1] === 'huyen' ||
      m[1] === 'thi xa' ||
      m[1] === 'quan' ||
      ((m[1] === 'thanh pho' || m[1] === 'tp') && !CENTRAL_CITIES.has(p.level === 'province' ? p.code : twin.code));
    return district ? p.level === 'district' : p.level === 'province';
  });
}

/** Rates first when a rate is asked, counts first otherwise. */
function orderMetrics(ids: string[], unit: Question['unitWanted']): string[] {
  if (unit !== 'percent') return ids;
  return [...ids].sort((a, b) => Number(metricById(b)?.kind === 'rate') - Number(metricById(a)?.kind === 'rate'));
}

const NUM = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;

/** Numbers the question states ("hỗ trợ 80 nhà", "biết 49 người đạt 68,05%"), not its years. */
function findQuestionNumbers(text: string, periods: PeriodMention[]): QuestionNumber[] {
  const out: QuestionNumber[] = [];
  for (const m of text.matchAll(NUM)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (periods.some((p) => p.start <= start && end <= p.end)) continue;
    if (/^\d{4}$/.test(m[0]) && Number(m[0]) >= 1900 && Number(m[0]) <= 2100) continue;
    if (text[end] === '/' || text[start - 1] === '/') continue;
    const value = parseViNumber(m[0]);
    if (value === null) continue;
    const after = text.slice(end, end + 20);
    const unit = /^\s*%/.test(after) ? '%' : (/^\s*([\p{L}]+(?:\s+đồng)?)/u.exec(after)?.[1] ?? '');
    out.push({ value, raw: m[0], unit, start });
  }
  return out;
}
