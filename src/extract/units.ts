// Units as reports write them after a number: money scales, measures and counted nouns.
// Data first, then the one reader that finds the unit following a number.
import { foldAligned } from '../text/fold-aligned.ts';

/** Money units and their value in đồng, so "4,5 tỷ đồng" and "4.500 triệu đồng" compare. */
export const MONEY_UNITS: Record<string, number> = {
  đồng: 1,
  'nghìn đồng': 1e3,
  'ngàn đồng': 1e3,
  'triệu đồng': 1e6,
  'tỷ đồng': 1e9,
  'tỉ đồng': 1e9,
  triệu: 1e6,
  tỷ: 1e9,
  tỉ: 1e9,
};

/** Counted nouns and measures, multi-word first where one is a prefix of another. */
const COUNT_UNITS = [
  'lượt lao động',
  'lượt người',
  'lượt hộ',
  'lượt đối tượng',
  'lượt khách hàng',
  'lượt học viên',
  'lượt trẻ em',
  'lượt',
  'người lao động',
  'lao động',
  'người',
  'nhân khẩu',
  'khẩu',
  'hộ gia đình',
  'hộ',
  'suất quà',
  'phần quà',
  'suất',
  'phần',
  'thẻ',
  'lớp',
  'học viên',
  'học sinh',
  'sinh viên',
  'em',
  'trẻ em',
  'trẻ',
  'căn nhà',
  'căn hộ',
  'căn',
  'ngôi nhà',
  'nhà',
  'trường hợp',
  'đối tượng',
  'đơn thư',
  'đơn',
  'hồ sơ',
  'buổi',
  'cuộc',
  'phiên',
  'xã',
  'thôn',
  'bản',
  'huyện',
  'cơ sở',
  'doanh nghiệp',
  'mô hình',
  'dự án',
  'công trình',
  'hội nghị',
  'đoàn',
  'vụ',
  'con',
  'cây',
  'bộ',
  'chiếc',
  'lần',
  'tổ',
  'nhóm',
  'thân nhân',
  'gia đình',
  'cá nhân',
  'tập thể',
  'chương trình',
  'kg',
  'tấn',
  'tạ',
  'ha',
  'km',
  'm2',
  'm²',
  'm3',
  'kwh',
  'lít',
  'thiếp',
  'sổ',
  'quyết định',
  'bằng khen',
  'giấy khen',
];

const MONEY = Object.keys(MONEY_UNITS).sort((a, b) => b.length - a.length);
const COUNTS = [...COUNT_UNITS].sort((a, b) => b.length - a.length);
const FOLDED_MONEY = MONEY.map((u) => [u, foldAligned(u)] as const);
const FOLDED_COUNTS = COUNTS.map((u) => [u, foldAligned(u)] as const);

export interface UnitMatch {
  unit: string;
  /** Offset just after the unit in the text. */
  end: number;
}

const wordChar = /[\p{L}\p{N}]/u;

function matchAt(
  text: string,
  folded: string,
  pos: number,
  table: readonly (readonly [string, string])[],
): UnitMatch | null {
  for (const [unit, f] of table) {
    if (folded.startsWith(f, pos) && !wordChar.test(folded[pos + f.length] ?? '')) {
      // Accents decide between units that fold alike ("tỷ" vs "ty"): require the accented form.
      const written = text.slice(pos, pos + f.length).toLowerCase();
      if (written === unit || folded.slice(pos, pos + f.length) === written) return { unit, end: pos + f.length };
    }
  }
  return null;
}

/**
 * The unit written right after a number ending at `pos`: "%", a money unit, a counted noun.
 * @example readUnit('7,71% so với', …, 4) // { unit: '%', end: 5 }
 */
export function readUnit(text: string, folded: string, pos: number): UnitMatch | null {
  let p = pos;
  while (text[p] === ' ') p++;
  if (text[p] === '%') return { unit: '%', end: p + 1 };
  if (folded.startsWith('phan tram', p)) return { unit: '%', end: p + 9 };
  // A change in a rate stated in points: "giảm 1,12 điểm phần trăm".
  for (const form of ['diem phan tram', 'diem %'])
    if (folded.startsWith(form, p)) return { unit: 'điểm phần trăm', end: p + form.length };
  const money = matchAt(text, folded, p, FOLDED_MONEY);
  if (money) return money;
  // "hơn 47 nghìn lao động": a scale word before the counted noun.
  const scale = /^(nghìn|ngàn)\s+/u.exec(text.slice(p, p + 8).toLowerCase());
  if (scale) {
    const counted = matchAt(text, folded, p + scale[0].length, FOLDED_COUNTS);
    if (counted) return { unit: `${scale[1]} ${counted.unit}`, end: counted.end };
  }
  return matchAt(text, folded, p, FOLDED_COUNTS);
}

/** Percent and percentage points: both measure rates. */
export function isPercentUnit(unit: string): boolean {
  return unit === '%' || unit === 'điểm phần trăm';
}

export function isMoneyUnit(unit: string): boolean {
  return unit in MONEY_UNITS;
}

/** The value in đồng for money, the value itself otherwise. */
export function normaliseValue(value: number, unit: string): number {
  const scale = MONEY_UNITS[unit];
  if (scale) return value * scale;
  return /^(?:nghìn|ngàn) /u.test(unit) ? value * 1000 : value;
}

/**
 * What a counted noun counts, for telling apart "bao nhiêu người" and a figure in "hồ sơ" or
 * "huyện". Nouns of one family answer each other ("lao động" for "người"); a noun not listed
 * belongs to no family and is never ruled out.
 */
const COUNT_FAMILIES: Record<string, string[]> = {
  people: [
    'người',
    'lao động',
    'người lao động',
    'lượt người',
    'lượt lao động',
    'học viên',
    'lượt học viên',
    'đối tượng',
    'lượt đối tượng',
    'nạn nhân',
    'học sinh',
    'sinh viên',
    'trẻ em',
    'trẻ',
    'em',
    'thân nhân',
    'cá nhân',
    'lượt trẻ em',
  ],
  households: ['hộ', 'hộ gia đình', 'lượt hộ', 'gia đình', 'hộ dân'],
  members: ['nhân khẩu', 'khẩu'],
  houses: ['căn', 'nhà', 'căn nhà', 'ngôi nhà', 'căn hộ'],
  cases: ['vụ'],
  areas: ['xã', 'huyện', 'thôn', 'bản', 'phường', 'thị trấn', 'địa phương', 'tỉnh'],
  records: ['hồ sơ', 'đơn', 'đơn thư'],
  cards: ['thẻ'],
  gifts: ['suất', 'suất quà', 'phần quà'],
  sessions: ['phiên', 'buổi', 'hội nghị', 'cuộc', 'lớp'],
  firms: ['doanh nghiệp', 'cơ sở'],
};
const FAMILY_OF = new Map(
  Object.entries(COUNT_FAMILIES).flatMap(([family, nouns]) => nouns.map((n) => [foldAligned(n), family] as const)),
);

/** The family of a counted unit ("lao động" → people), or null when it is not a counted noun we know. */
export function countFamily(unit: string): string | null {
  return FAMILY_OF.get(foldAligned(unit).trim()) ?? null;
}

/**
 * The counted noun after "bao nhiêu"/"mấy" in folded text, longest listed first: "bao nhieu luot nguoi" → "luot nguoi".
 * @example askedCountNoun('co bao nhieu ho so') // 'ho so'
 */
export function askedCountNoun(folded: string): string | null {
  const m = /\b(?:bao nhieu|may)\s+([a-z]+(?:\s+[a-z]+)?)/.exec(folded);
  if (!m?.[1]) return null;
  const [a, b] = m[1].split(' ');
  if (b && FAMILY_OF.has(`${a} ${b}`)) return `${a} ${b}`;
  return a && FAMILY_OF.has(a) ? a : null;
}
