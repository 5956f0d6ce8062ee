// Which shard a report lives in, and which shards a question needs. One shard per province as it
// is since the 1 July 2025 reform (34; merger-2025.json maps each of the 63 old provinces to its
// new one), plus "national" for reports with no place. Old district names still route: a district
// carries its old provinceCode, which the merger table maps to today's province.

import { parseQuestion, type Question } from '../answer/question.ts';
import type { Place } from '../ingest/types.ts';
import { MERGERS } from '../lexicon/places.ts';
import type { QueryPlace } from '../search/places.ts';

export const NATIONAL_SHARD = 'national';

const TODAY = new Map<string, string>();
for (const m of MERGERS) for (const c of m.memberCodes) TODAY.set(c, m.newCode);

/** Every province shard there can be (34), for simulations and docs. */
export const PROVINCE_SHARDS: readonly string[] = [...new Set(TODAY.values())].sort().map((c) => `p-${c}`);

/**
 * The shard of a (pre-2025) province code: today's province.
 * @example shardOfProvince('44') // Quảng Bình → 'p-45', Quảng Trị's shard since the merger
 */
export function shardOfProvince(provinceCode: string): string {
  const today = TODAY.get(provinceCode);
  return today ? `p-${today}` : NATIONAL_SHARD;
}

/** The shard a report is stored in: its place's province today, else "national". */
export function shardOfPlace(place: Place | null): string {
  return place?.provinceCode ? shardOfProvince(place.provinceCode) : NATIONAL_SHARD;
}

export interface Route {
  /** 'places': only the shards of the named places (and whatever holds their figures); 'all': every shard. */
  scope: 'places' | 'all';
  places: QueryPlace[];
  /** Province shards of the named places (districts via their province), before any lookup. */
  shards: string[];
}

/**
 * Which shards a question needs. A question that names places goes to their shards; one that
 * names none, or compares ("so sánh", "so với", several provinces) goes to every shard. A
 * follow-up keeps the previous question's places, as the answerer does.
 * @example routeQuestion('Tỷ lệ hộ nghèo huyện Đakrông năm 2023?').shards // ['p-45']
 */
export function routeQuestion(question: string, previous?: string): Route {
  return routeParsed(parseQuestion(question), previous === undefined ? undefined : parseQuestion(previous));
}

/** routeQuestion over questions already parsed (the Worker parses each text once). */
export function routeParsed(q: Question, previous?: Question): Route {
  if (!q.places.length) return { scope: 'all', places: [], shards: [] };
  const prev = previous?.places ?? [];
  const places = [...q.places, ...prev];
  const shards = [...new Set(places.map((p) => shardOfProvince(p.provinceCode)))].sort();
  return { scope: 'places', places, shards };
}
