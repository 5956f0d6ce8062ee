// A series over time ("hộ nghèo Nghệ An 2021–2024", "tỷ lệ hộ nghèo qua các năm"): one metric at one
// place over several periods, each point a cited result. Plans are named apart and never become a
// point, so a chart drawn from the series shows only what was achieved.
import type { Series } from '../contract.ts';
import { GROUP_QUALIFIERS } from '../extract/cues.ts';
import type { Figure } from '../extract/types.ts';
import { isPercentUnit } from '../extract/units.ts';
import type { Period } from '../ingest/types.ts';
import { foldAligned } from '../text/fold-aligned.ts';
import { formatViNumber } from '../text/vi-number.ts';
import type { AnswerBuilder } from './builder.ts';
import { capitalise, describePeriod, describePlace, formatValue } from './present.ts';
import type { Question } from './question.ts';
import { type Candidate, type CorpusView, constraintsOf, rankFigures } from './retrieve.ts';

/**
 * Words asking for values over time (folded). Not "hằng năm" or "mỗi năm": those ask for a yearly
 * amount ("bình quân mỗi năm giảm bao nhiêu hộ"), one number.
 */
export const SERIES_CUES =
  /\b(?:qua (?:cac|tung) nam|cac nam|tung nam|theo (?:tung )?nam|xu huong|theo thoi gian|chuoi so lieu)\b/;

/** The same, matched with their accents only: folded, "diễn biến" is Điện Biên and "biến động" is biển Đông. */
export const SERIES_CUES_ACCENTED = /(?<![\p{L}])(?:diễn biến|biến động)(?![\p{L}])/iu;

/**
 * A span asked as a whole ("cả giai đoạn", "tổng", "bình quân"), or the span of a programme or plan
 * ("chương trình xóa nhà tạm 2021-2025"): one figure, not a series.
 */
const WHOLE_SPAN =
  /\b(?:giai doan|ca giai doan|ca thoi ky|thoi ky|tong|binh quan|trung binh|luy ke|chuong trinh|de an|du an|nghi quyet|ke hoach)\b/;

/** A range of years written bare or with "từ … đến": "2021–2024", "từ năm 2021 đến 2024". */
const YEAR_RANGE = /^(?:tu\s+)?(?:nam\s+)?(\d{4})\s*(?:[-–—]|den(?:\s+nam)?)\s*(\d{4})$/;

const GROUPS = new Set(GROUP_QUALIFIERS);

/** What a series question asks: the years it spans (null: any the reports hold). */
export interface SeriesAsk {
  from: number | null;
  to: number | null;
  /** "các năm 2021, 2022 và 2023": only these years. */
  years: number[] | null;
  /** Asked with words ("qua các năm"), not only by a range of years. */
  cued: boolean;
}

/** Does the question ask for a series, and over which years? Null when it asks for one value. */
export function seriesAsked(q: Question): SeriesAsk | null {
  if (q.intent !== 'value' || q.wantsTarget || q.wantsChange || !q.metrics.length) return null;
  const cued = SERIES_CUES.test(q.folded) || SERIES_CUES_ACCENTED.test(q.raw);
  const [first] = q.periods;
  if (cued) {
    if (!first) return { from: null, to: null, years: null, cued };
    const singleYears = q.periods.every((p) => p.from.slice(0, 4) === p.to.slice(0, 4));
    if (q.periods.length >= 2 && singleYears)
      return { from: null, to: null, years: [...new Set(q.periods.map((p) => p.year))].sort(), cued };
    return { from: Number(first.from.slice(0, 4)), to: Number(first.to.slice(0, 4)), years: null, cued };
  }
  if (q.periods.length !== 1 || !first || WHOLE_SPAN.test(q.plain)) return null;
  const m = YEAR_RANGE.exec(foldAligned(first.label).trim());
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return to > from ? { from, to, years: null, cued } : null;
}

/** The groups a figure is about ("hộ nghèo dân tộc thiểu số"): points of one series count the same group. */
function groupsOf(f: Figure): string {
  return f.qualifiers
    .filter((g) => GROUPS.has(g))
    .sort()
    .join('|');
}

/**
 * Which periods are comparable: levels at any date ("cuối năm 2021", "30/6/2023"), flows only over
 * spans of one shape ("năm 2022" with "năm 2023", not with "6 tháng đầu năm 2024").
 */
function shapeOf(p: Period): string | null {
  if (p.kind === 'as_of') return 'as_of';
  if (p.from.slice(0, 4) !== p.to.slice(0, 4)) return null;
  return `${p.from.slice(5)}|${p.to.slice(5)}`;
}

const yearOf = (p: Period) => Number(p.to.slice(0, 4));

/** Which periods a series question admits. */
function rangeTest(ask: SeriesAsk): (p: Period) => boolean {
  return (p) => {
    const y = yearOf(p);
    if (ask.years) return ask.years.includes(y) && p.from.slice(0, 4) === p.to.slice(0, 4);
    return (ask.from === null || Number(p.from.slice(0, 4)) >= ask.from) && (ask.to === null || y <= ask.to);
  };
}

/** The figures of one series (metric, place, unit and group), each with a period. */
const seriesKey = (g: Figure) => `${g.metric}\u0000${g.place}\u0000${g.unit}\u0000${groupsOf(g)}`;

/**
 * One point a year from the figures of one series, oldest first: of comparable periods (shapeOf),
 * the shape with the most years, the top figure's on a tie.
 */
function pointsOf(series: Candidate[], inRange: (p: Period) => boolean, preferred: string | null): Candidate[] {
  const byShape = new Map<string, Map<number, Candidate>>();
  for (const x of series) {
    const p = x.figure.period as Period;
    const shape = shapeOf(p);
    if (!shape || !inRange(p)) continue;
    let byYear = byShape.get(shape);
    if (!byYear) {
      byYear = new Map();
      byShape.set(shape, byYear);
    }
    const y = yearOf(p);
    const held = byYear.get(y);
    // The latest date in the year (a level at year end), then the best-ranked figure.
    if (!held || (held.figure.period as Period).to < p.to) byYear.set(y, x);
  }
  let best: Map<number, Candidate> | undefined;
  for (const [shape, byYear] of byShape) {
    if (!best || byYear.size > best.size || (byYear.size === best.size && shape === preferred)) best = byYear;
  }
  return best ? [...best.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x) : [];
}

export type SeriesPick = { points: Candidate[]; plans: Candidate[] } | { places: Candidate[][] };

/**
 * The points of the best-ranked figure's series with the plans of that series; or, when the
 * question names no place and several places have a series, one series a place to choose from.
 * Null when no series has two periods.
 */
export function pickSeries(corpus: CorpusView, q: Question, ask: SeriesAsk): SeriesPick | null {
  const base = { ...constraintsOf(q), period: null, wantsTarget: false, wantsChange: false };
  const inRange = rangeTest(ask);
  const rateAsked = q.unitWanted === 'percent' && !q.countNoun;
  const results = rankFigures(corpus, base).filter(
    (x) => x.figure.kind === 'result' && !!x.figure.period && (!rateAsked || isPercentUnit(x.figure.unit)),
  );
  const top = results[0];
  if (!top?.figure.period) return null;
  let lead = top;
  if (!q.places.length && !q.scope && !q.communes.length) {
    // No place named and other places' figures fit as well: ask which, as a single value would;
    // when only one place has a series, that is the one the question can mean.
    const close = results.filter(
      (x) => x.score >= top.score - 1 && x.figure.metric === top.figure.metric && x.figure.place !== top.figure.place,
    );
    if (close.length) {
      const keys = [...new Set([top, ...close].map((x) => seriesKey(x.figure)))];
      const places = keys
        .map((k) =>
          pointsOf(
            results.filter((x) => seriesKey(x.figure) === k),
            inRange,
            null,
          ),
        )
        .filter((pts) => pts.length >= 2);
      if (places.length > 1) return { places };
      lead = places[0]?.[0] ?? top;
    }
  }
  const same = (x: Candidate) => seriesKey(x.figure) === seriesKey(lead.figure);
  const series = results.filter(same);
  // A range the reports state as a whole ("2021–2024: giảm 5.000 hộ") is answered by that figure.
  if (
    !ask.cued &&
    ask.from !== null &&
    series.some(
      (x) =>
        x.figure.period && Number(x.figure.period.from.slice(0, 4)) === ask.from && yearOf(x.figure.period) === ask.to,
    )
  )
    return null;
  const points = pointsOf(series, inRange, shapeOf(lead.figure.period as Period));
  if (points.length < 2) return null;
  const lastTo = ((points[points.length - 1] as (typeof points)[number]).figure.period as Period).to;
  // Plans of the same series inside the range, or after the last result when none is named.
  const plans = rankFigures(corpus, { ...base, wantsTarget: true })
    .filter((x) => x.figure.kind === 'target' && !!x.figure.period && same(x))
    .filter((x) =>
      ask.from === null && !ask.years ? (x.figure.period as Period).to > lastTo : inRange(x.figure.period as Period),
    )
    .filter(
      (x, i, all) =>
        all.findIndex((y) => y.figure.value === x.figure.value && y.figure.period?.to === x.figure.period?.to) === i,
    )
    .slice(0, 2);
  return { points, plans };
}

/**
 * Answers a series question with every point cited, the change from the first to the last point
 * computed, and any plan named as a plan; null when the question asks for one value or the reports
 * hold fewer than two periods of the series (the ordinary answer then applies).
 * @example "Số hộ nghèo Lào Cai 2021–2023" → cuối năm 2021: 30.000 hộ [1]; … cuối năm 2023: 22.000 hộ [3]
 */
export function answerSeries(corpus: CorpusView, q: Question, b: AnswerBuilder): 'answered' | 'ambiguous' | null {
  const ask = seriesAsked(q);
  if (!ask) return null;
  const picked = pickSeries(corpus, q, ask);
  if (!picked) return null;
  if ('places' in picked) return askWhichPlace(b, picked.places);
  const { points, plans } = picked;
  const first = points[0] as Candidate;
  const last = points[points.length - 1] as Candidate;
  const f = first.figure;
  const span = `${yearOf(f.period as Period)}–${yearOf(last.figure.period as Period)}`;
  b.say(
    `${capitalise(f.label)} của ${describePlace(f, first.report)} qua các năm (${span}), số liệu thực hiện theo báo cáo:`,
  );
  const wire: Series['points'] = [];
  for (const x of points) {
    const marker = b.cite(x.figure, x.report);
    b.say(`- ${describePeriod(x.figure.period)}: ${formatValue(x.figure.value, x.figure.unit)} ${marker}`);
    const p = x.figure.period as Period;
    wire.push({
      period: describePeriod(p),
      from: p.from,
      to: p.to,
      year: yearOf(p),
      value: x.figure.value,
      factId: x.figure.id,
      citation: Number(marker.slice(1, -1)),
    });
  }
  const diff = last.figure.value - f.value;
  const pts = isPercentUnit(f.unit);
  const formula =
    diff <= 0
      ? `${formatViNumber(f.value, 4)} − ${formatViNumber(last.figure.value, 4)}`
      : `${formatViNumber(last.figure.value, 4)} − ${formatViNumber(f.value, 4)}`;
  if (diff === 0) {
    b.say(`Từ ${describePeriod(f.period)} đến ${describePeriod(last.figure.period)}: không đổi.`);
  } else {
    const shown = b.compute(
      pts ? (diff < 0 ? 'Mức giảm (điểm phần trăm)' : 'Mức tăng (điểm phần trăm)') : diff < 0 ? 'Mức giảm' : 'Mức tăng',
      formula,
      Math.abs(diff),
      f.unit,
      [f, last.figure],
    );
    b.say(
      `Từ ${describePeriod(f.period)} đến ${describePeriod(last.figure.period)}: ${diff < 0 ? 'giảm' : 'tăng'} ${pts ? shown.replace('%', ' điểm phần trăm') : shown} (= ${formula}); đây là số tính toán từ hai số liệu của báo cáo.`,
    );
  }
  for (const x of plans) {
    b.say(
      `Kế hoạch ${describePeriod(x.figure.period)}: ${formatValue(x.figure.value, x.figure.unit)} (chỉ tiêu, không phải kết quả; không tính vào chuỗi số liệu) ${b.cite(x.figure, x.report)}.`,
    );
  }
  b.series = { metric: f.metric, label: f.label, place: f.place, unit: f.unit, points: wire };
  return 'answered';
}

/** "Tỷ lệ hộ nghèo qua các năm" with several places holding a series: which place, each with its span. */
function askWhichPlace(b: AnswerBuilder, places: Candidate[][]): 'ambiguous' {
  const first = places[0]?.[0] as Candidate;
  b.say(
    `Câu hỏi chưa nêu địa bàn; các báo cáo có số liệu ${first.figure.label} qua các năm của: ${places.map((pts) => pts[0]?.figure.place ?? 'không rõ địa bàn').join(', ')}.`,
  );
  for (const pts of places.slice(0, 4)) {
    const a = pts[0] as Candidate;
    const z = pts[pts.length - 1] as Candidate;
    b.say(
      `- ${describePlace(a.figure, a.report)}: ${describePeriod(a.figure.period)} ${formatValue(a.figure.value, a.figure.unit)} ${b.cite(a.figure, a.report)}, ${describePeriod(z.figure.period)} ${formatValue(z.figure.value, z.figure.unit)} ${b.cite(z.figure, z.report)}`,
    );
    b.suggestions.push(`${capitalise(a.figure.label)} ${a.figure.place ?? ''} qua các năm`.replace(/\s+/g, ' '));
  }
  return 'ambiguous';
}
