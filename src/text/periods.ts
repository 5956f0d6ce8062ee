// Period phrases in Vietnamese reports and questions ("6 tháng đầu năm 2023", "quý I/2024",
// "đến 30/6/2023", "cuoi 2023") → ISO spans. Matching runs on a length-preserving fold, so the
// same rules read accented reports and unaccented questions, and offsets stay valid.
import { foldAligned } from './fold-aligned.ts';

/**
 * A time span a report or a sentence speaks of, normalised to ISO dates (inclusive). Defined here,
 * where it is read, so text/ imports nothing above it; ingest/types.ts re-exports it.
 */
export interface Period {
  /** As written, cleaned: "năm 2023", "6 tháng đầu năm 2023", "cuối năm 2022". */
  label: string;
  /** 'during' a span, or 'as_of' a point in time (cuối năm, đến 30/6). */
  kind: 'during' | 'as_of';
  from: string;
  to: string;
  year: number;
}

export type PeriodMention = Period & { start: number; end: number };

export interface FindPeriodsOptions {
  /** Year for phrases that omit it ("6 tháng đầu năm", "cuối năm", "cùng kỳ năm trước"). */
  defaultYear?: number;
  /** Also read a lone year ("ho ngheo 2023") as that year; off for reports, where bare years are noise. */
  bareYear?: boolean;
}

const S = '[ \\t\\u00a0]+';
const Y = '((?:19|20)\\d{2})';
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
// A year must not be part of a document number or a longer number ("78/2002/NĐ-CP", "2.023").
const YR = '(?![\\p{L}\\p{N}]|/\\d|[.,]\\d)';
const YL = '(?<![\\p{L}\\p{N}/.,])';

const CAN = ['giap', 'at', 'binh', 'dinh', 'mau', 'ky', 'canh', 'tan', 'nham', 'quy'];
const CHI: Record<string, number[]> = {
  ty: [0, 5],
  ti: [5],
  suu: [1],
  dan: [2],
  mao: [3],
  meo: [3],
  thin: [4],
  ngo: [6],
  mui: [7],
  than: [8],
  dau: [9],
  tuat: [10],
  hoi: [11],
};
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

interface Candidate {
  start: number;
  end: number;
  /** null: the span is consumed (a calendar date of a document) but is not a period. */
  period: Omit<Period, 'label'> | null;
  relative?: { shiftToYear?: number };
}

type Rule = {
  re: RegExp;
  /** Words of which every match holds at least one (folded): without any, the regex is not run. */
  needs: string[];
  build: (m: RegExpExecArray, ctx: Ctx) => Omit<Candidate, 'start' | 'end'> | undefined;
};

interface Ctx {
  original: string;
  defaultYear: number | undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function during(from: string, to: string): Omit<Period, 'label'> {
  return { kind: 'during', from, to, year: Number(to.slice(0, 4)) };
}
function asOf(date: string): Omit<Period, 'label'> {
  return { kind: 'as_of', from: date, to: date, year: Number(date.slice(0, 4)) };
}
function wholeYear(y: number): Omit<Period, 'label'> {
  return during(iso(y, 1, 1), iso(y, 12, 31));
}

function yearOf(group: string | undefined, ctx: Ctx): number | undefined {
  return group ? Number(group) : ctx.defaultYear;
}

/** The accented word at `index` in the original text, lower-cased (checks "năm" vs "Nam", "quý" vs "quỹ"). */
function originalWord(ctx: Ctx, index: number, length: number): string {
  return ctx.original.slice(index, index + length).toLowerCase();
}

// An unaccented word is accepted as typed without accents; an accented one must be the right word.
function wordIs(ctx: Ctx, index: number, accented: string): boolean {
  const w = originalWord(ctx, index, accented.length);
  return w === accented || w === foldAligned(accented);
}

function canChiYear(can: string, chi: string, near: number | undefined): number | undefined {
  const c = CAN.indexOf(can);
  const options = CHI[chi];
  if (c < 0 || !options) return undefined;
  const z = options.find((o) => o % 2 === c % 2);
  if (z === undefined) return undefined;
  // The sexagenary cycle repeats every 60 years: take the one nearest the context year.
  const target = near ?? 2020;
  let best: number | undefined;
  for (let y = target - 60; y <= target + 60; y++) {
    if (
      (y - 4) % 10 === c &&
      (y - 4) % 12 === z &&
      (best === undefined || Math.abs(y - target) < Math.abs(best - target))
    )
      best = y;
  }
  return best;
}

const re = (src: string): RegExp => new RegExp(src, 'gu');

const RULES: Rule[] = [
  // Calendar dates of documents ("ngày 19/01/2023", "ngày tháng 6 năm 2023") are not periods; they
  // are consumed so the "năm 2023" inside them is not read as the year 2023.
  {
    re: re(`${L}ngay[\\s.…\\d]*(?:thang${S}\\d{1,2}${S}nam${S}${Y}|\\d{1,2}/\\d{1,2}/${Y})${YR}`),
    needs: ['ngay'],
    build: () => ({ period: null }),
  },
  // "từ năm 2021 đến năm 2025"
  {
    re: re(`${L}tu${S}(?:nam${S})?${Y}${S}(?:den|toi)${S}(?:(?:het|cuoi)${S})?(?:nam${S})?${Y}${YR}`),
    needs: ['tu'],
    build: (m) => rangeOf(m[1], m[2]),
  },
  // "giai đoạn 2021 - 2025", "2021–2025", "năm học 2023-2024"
  {
    re: re(`${L}(?:(?:giai doan|thoi ky|nhiem ky|nam hoc|nam)${S})?${YL}${Y}\\s*[-–—]\\s*(?:nam${S})?${Y}${YR}`),
    needs: ['-', '–', '—'],
    build: (m) => rangeOf(m[1], m[2]),
  },
  // "6 tháng đầu năm 2023", "9 tháng năm 2023", "6 tháng cuối năm", "6 thang dau 2023"
  {
    re: re(`${L}(\\d{1,2})${S}thang(?:${S}(dau|cuoi))?(?:${S}nam(?:${S}${Y})?|${S}${Y})?${YR}`),
    needs: ['thang'],
    build: (m, ctx) => {
      const n = Number(m[1]);
      const dir = m[2];
      const year = yearOf(m[3] ?? m[4], ctx);
      if (n < 1 || n > 12 || year === undefined) return undefined;
      // "9 tháng 2025" as well as "9 tháng năm 2025"; a bare "9 tháng" (a duration) is no period.
      if (!dir && !(m[3] ?? m[4])) return undefined;
      if (dir === 'dau' && !wordIs(ctx, m.index + m[0].indexOf('dau'), 'đầu')) return undefined;
      if (dir === 'cuoi' && !wordIs(ctx, m.index + m[0].indexOf('cuoi'), 'cuối')) return undefined;
      if (dir === 'cuoi') return { period: during(iso(year, 13 - n, 1), iso(year, 12, 31)) };
      return { period: during(iso(year, 1, 1), iso(year, n, lastDay(year, n))) };
    },
  },
  // "quý I/2024", "quý 2 năm 2023", "quý IV"
  {
    re: re(`${L}quy${S}(iv|iii|ii|i|[1-4])(?:\\s*[/-]\\s*${Y}|${S}(?:nam${S})?${Y})?${YR}`),
    needs: ['quy'],
    build: (m, ctx) => {
      if (!wordIs(ctx, m.index, 'quý')) return undefined;
      const q = ROMAN[m[1] as string] ?? Number(m[1]);
      const year = yearOf(m[2] ?? m[3], ctx);
      if (year === undefined) return undefined;
      const first = (q - 1) * 3 + 1;
      return { period: during(iso(year, first, 1), iso(year, first + 2, lastDay(year, first + 2))) };
    },
  },
  // "đến ngày 30/6/2023", "tính đến hết 31/12/2023", "đến 30/6"
  {
    re: re(
      `${L}(?:tinh${S})?den${S}(?:het${S})?(?:ngay${S})?(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*${Y})?${YR}`,
    ),
    needs: ['den'],
    build: (m, ctx) => dateAsOf(Number(m[1]), Number(m[2]), yearOf(m[3], ctx)),
  },
  // "đến ngày 30 tháng 6 năm 2023"
  {
    re: re(`${L}(?:tinh${S})?den${S}(?:het${S})?ngay${S}(\\d{1,2})${S}thang${S}(\\d{1,2})(?:${S}nam${S}${Y})?${YR}`),
    needs: ['den'],
    build: (m, ctx) => dateAsOf(Number(m[1]), Number(m[2]), yearOf(m[3], ctx)),
  },
  // "tháng 6/2023", "tháng 6 năm 2023", "đến hết tháng 6/2023" (as of the month's end)
  {
    re: re(
      `${L}(?:((?:tinh${S})?den)${S}(?:het${S})?)?(?<!ngay[\\s.…\\d]*)thang${S}(\\d{1,2})(?:\\s*[/-]\\s*${Y}|${S}(?:nam${S})?${Y})?${YR}`,
    ),
    needs: ['thang'],
    build: (m, ctx) => {
      const month = Number(m[2]);
      const year = yearOf(m[3] ?? m[4], ctx);
      if (month < 1 || month > 12 || year === undefined) return undefined;
      const end = iso(year, month, lastDay(year, month));
      return { period: m[1] ? asOf(end) : during(iso(year, month, 1), end) };
    },
  },
  // "cuối năm 2023", "đầu năm 2024", "cuối năm", "cuoi 2023"
  {
    re: re(`${L}(cuoi|dau)${S}(?:nam(?:${S}${Y})?|${Y})${YR}`),
    needs: ['cuoi', 'dau'],
    build: (m, ctx) => {
      const isEnd = m[1] === 'cuoi';
      if (!wordIs(ctx, m.index, isEnd ? 'cuối' : 'đầu')) return undefined;
      const year = yearOf(m[2] ?? m[3], ctx);
      if (year === undefined) return undefined;
      return { period: asOf(isEnd ? iso(year, 12, 31) : iso(year, 1, 1)) };
    },
  },
  // "Tết Nguyên Đán 2023", "tết Quý Mão", "Tết Nguyên đán Giáp Thìn 2024"
  {
    re: re(
      `${L}tet(?:${S}nguyen${S}dan)?(?:${S}(${CAN.join('|')})${S}(${Object.keys(CHI).join('|')}))?(?:${S}(?:nam${S})?${Y})?${YR}`,
    ),
    needs: ['tet'],
    build: (m, ctx) => {
      const year = m[3] ? Number(m[3]) : m[1] && m[2] ? canChiYear(m[1], m[2], ctx.defaultYear) : undefined;
      if (year === undefined) return undefined;
      // Tết falls between 21 January and 20 February; reports count gifts and relief from the new
      // year to the end of February, so the window is 1/1–28/2 of that year.
      return { period: during(iso(year, 1, 1), iso(year, 2, 28)) };
    },
  },
  // "cùng kỳ năm trước", "so với cùng kỳ", "cùng kỳ năm 2022": the span of the preceding mention, a year back.
  {
    re: re(`${L}cung${S}ky(?:${S}nam${S}(?:truoc|ngoai)|${S}(?:nam${S})?${Y})?${YR}`),
    needs: ['cung'],
    build: (m) => ({ period: null, relative: m[1] ? { shiftToYear: Number(m[1]) } : {} }),
  },
  // "năm nay", "năm qua", "năm trước", "năm ngoái" (not "những năm qua")
  {
    re: re(`(?<!(?:nhung|cac|nhieu|may|vai)${S})${L}nam${S}(nay|qua|truoc|ngoai)${R}`),
    needs: ['nam'],
    build: (m, ctx) => {
      if (ctx.defaultYear === undefined || !wordIs(ctx, m.index, 'năm')) return undefined;
      const back = m[1] === 'truoc' || m[1] === 'ngoai' ? 1 : 0;
      return { period: wholeYear(ctx.defaultYear - back) };
    },
  },
  // "năm 2023"
  {
    re: re(`${L}nam${S}?${Y}${YR}`),
    needs: ['nam'],
    build: (m, ctx) => {
      const w = ctx.original.slice(m.index, m.index + 3);
      // "Việt Nam 2023", "Quảng Nam 2024": a capitalised unaccented Nam after a word is a name.
      if (!wordIs(ctx, m.index, 'năm')) return undefined;
      if (w === 'Nam' && /\p{L}\s$/u.test(ctx.original.slice(Math.max(0, m.index - 2), m.index))) return undefined;
      return { period: wholeYear(Number(m[1])) };
    },
  },
];

const BARE_YEAR: Rule = {
  re: re(`${YL}${Y}${YR}`),
  needs: ['19', '20'],
  build: (m) => ({ period: wholeYear(Number(m[1])) }),
};

function rangeOf(a: string | undefined, b: string | undefined): Omit<Candidate, 'start' | 'end'> | undefined {
  const y1 = Number(a);
  const y2 = Number(b);
  if (!(y2 > y1) || y2 - y1 > 15) return undefined;
  return { period: during(iso(y1, 1, 1), iso(y2, 12, 31)) };
}

function dateAsOf(d: number, m: number, y: number | undefined): Omit<Candidate, 'start' | 'end'> | undefined {
  if (y === undefined || m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return undefined;
  return { period: asOf(iso(y, m, d)) };
}

function shiftDate(date: string, toYear: number): string {
  const m = Number(date.slice(5, 7));
  const d = Math.min(Number(date.slice(8, 10)), lastDay(toYear, m));
  return iso(toYear, m, d);
}

/**
 * Every period phrase in `text`, in order, with offsets into `text` and the phrase as written.
 * Phrases without a year use `defaultYear`, or are skipped when it is not given.
 * @example findPeriods('Đến cuối năm 2023, toàn tỉnh còn 14.040 hộ nghèo')
 * // [{ label: 'cuối năm 2023', kind: 'as_of', from: '2023-12-31', to: '2023-12-31', year: 2023, start: 4, end: 17 }]
 */
export function findPeriods(text: string, opts: FindPeriodsOptions = {}): PeriodMention[] {
  const folded = foldAligned(text);
  const ctx: Ctx = { original: text, defaultYear: opts.defaultYear };
  const candidates: Candidate[] = [];
  const rules = opts.bareYear ? [...RULES, BARE_YEAR] : RULES;
  for (const rule of rules) {
    if (!rule.needs.some((word) => folded.includes(word))) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(folded); m; m = rule.re.exec(folded)) {
      const built = rule.build(m, ctx);
      if (built) candidates.push({ start: m.index, end: m.index + m[0].length, ...built });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);

  const out: PeriodMention[] = [];
  let lastEnd = 0;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    lastEnd = c.end;
    const label = text.slice(c.start, c.end).trim();
    if (c.period) {
      out.push({ label, ...c.period, start: c.start, end: c.end });
      continue;
    }
    if (!c.relative) continue;
    const resolved = resolveRelative(text, c, out, opts.defaultYear);
    if (resolved) out.push({ label, ...resolved, start: c.start, end: c.end });
  }
  return mergeRanges(text, folded, out);
}

/**
 * "Từ đầu năm 2018 đến giữa tháng 6": a start and an end written as two mentions are one span,
 * from the first's start to the second's end (the year carried from the first when the second has none).
 */
function mergeRanges(text: string, folded: string, found: PeriodMention[]): PeriodMention[] {
  const out: PeriodMention[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i] as PeriodMention;
    const b = found[i + 1];
    const opens = /(?:^|[^a-z])tu\s*$/.test(folded.slice(Math.max(0, a.start - 4), a.start));
    const between = folded.slice(a.end, b?.start ?? a.end);
    const bOpens = b ? /^(?:den|toi)\s/.test(folded.slice(b.start, b.end)) : false;
    const joins = b && (/^\s*(?:den|toi)\s+(?:giua|cuoi|het)?\s*$/.test(between) || (bOpens && /^\s*$/.test(between)));
    if (!b || !opens || !joins) {
      out.push(a);
      continue;
    }
    // A side written without its year ("đến tháng 6", "từ tháng 1") takes the other side's.
    const aYear = /\d{4}/.test(a.label);
    const bYear = /\d{4}/.test(b.label);
    const from = !aYear && bYear ? `${b.to.slice(0, 4)}${a.from.slice(4)}` : a.from;
    const to = aYear && !bYear ? `${a.from.slice(0, 4)}${b.to.slice(4)}` : b.to;
    if (to < from) {
      out.push(a);
      continue;
    }
    const start =
      a.start -
      (folded.slice(Math.max(0, a.start - 4), a.start).length -
        folded.slice(Math.max(0, a.start - 4), a.start).replace(/tu\s*$/, '').length);
    out.push({
      label: text.slice(start, b.end).trim(),
      kind: 'during',
      from,
      to,
      year: Number(to.slice(0, 4)),
      start,
      end: b.end,
    });
    i++;
  }
  return out;
}

// "cùng kỳ" means the same span as the period just named in that paragraph, one year earlier.
function resolveRelative(
  text: string,
  c: Candidate,
  before: PeriodMention[],
  defaultYear: number | undefined,
): Omit<Period, 'label'> | null {
  const prev = before[before.length - 1];
  const sameParagraph = prev !== undefined && !text.slice(prev.end, c.start).includes('\n');
  if (prev && sameParagraph) {
    const toYear = c.relative?.shiftToYear ?? Number(prev.to.slice(0, 4)) - 1;
    const delta = Number(prev.to.slice(0, 4)) - toYear;
    const from = shiftDate(prev.from, Number(prev.from.slice(0, 4)) - delta);
    const to = shiftDate(prev.to, toYear);
    return { kind: prev.kind, from, to, year: toYear };
  }
  const year = c.relative?.shiftToYear ?? (defaultYear === undefined ? undefined : defaultYear - 1);
  return year === undefined ? null : wholeYear(year);
}

/**
 * The first period named in a short phrase, without offsets; null when there is none.
 * @example parsePeriod('6 thang dau nam 2023') // { label: '6 thang dau nam 2023', kind: 'during', from: '2023-01-01', to: '2023-06-30', year: 2023 }
 */
export function parsePeriod(phrase: string, opts: FindPeriodsOptions = {}): Period | null {
  const first = findPeriods(phrase, opts)[0];
  if (!first) return null;
  const { start: _start, end: _end, ...period } = first;
  return period;
}
