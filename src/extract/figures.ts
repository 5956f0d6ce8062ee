// Report → figures. Each number that states a figure becomes one, with its unit, what it counts
// (metric), place, period and kind, read from its sentence, then its paragraph and section, then
// the report. Rules are about how Vietnamese welfare reports phrase things, not about one report.
import { findPlaceMentions } from '../ingest/gazetteer.ts';
import { headingLevel } from '../ingest/passages.ts';
import type { Passage, Period, Report } from '../ingest/types.ts';
import type { Metric } from '../lexicon/metrics.ts';
import {
  countMetricOf,
  findMetricMentions,
  isPlanMetric,
  type MetricMention,
  metricById,
  rateMetricOf,
} from '../lexicon/metrics.ts';
import { foldAligned, hasDiacritics } from '../text/fold-aligned.ts';
import { findPeriods, type PeriodMention } from '../text/periods.ts';
import { splitSentences } from '../text/sentences.ts';
import { blockStartAbove, isTableRow, MAX_ROW, rowStartOf } from '../text/table-lines.ts';
import {
  ACTION_LINKS,
  APPROX_BEFORE,
  ATTAINMENT_AFTER,
  ATTAINMENT_AFTER_PLAN,
  CHANGE_BEFORE_NUMBER,
  EXCEEDED_BEFORE,
  GROUP_QUALIFIERS,
  LEVEL_AFTER_CHANGE,
  MONEY_OF_COUNT,
  PLAN_SECTION,
  RESULT_MARKERS,
  TARGET_BEFORE_NUMBER,
  TARGET_SCOPE_CUE,
  TARGET_SCOPE_CUE_FOLDED,
} from './cues.ts';
import { findNumberMentions, type NumberMention } from './numbers.ts';
import { linkRelations } from './relations.ts';
import { reportOwnPeriod } from './report-period.ts';
import type { Figure, FigureKind } from './types.ts';
import { isMoneyUnit, normaliseValue, readUnit } from './units.ts';

interface PlaceRef {
  name: string;
  level: 'province' | 'district' | 'commune';
  start: number;
  end: number;
  provinceCode: string | null;
}

interface Ctx {
  report: Report;
  text: string;
  folded: string;
  metrics: MetricMention[];
  periods: PeriodMention[];
  places: PlaceRef[];
  /** Publication date, or the end of the report's main period: a period starting later is a plan. */
  horizon: string | null;
  /** Figures of the current sentence found so far. */
  figuresSoFar: Figure[];
  /** Offsets of the text's newlines, for finding a line's start by binary search. */
  lineBreaks: number[];
  /** Headings that name a period, with where they start, in text order. */
  headingPeriods: { start: number; period: Period }[];
  /** Headings in order, and whether each opens a section about the whole province ("2. Kết quả chung toàn tỉnh"). */
  headingScopes: { start: number; province: boolean }[];
  /** Offsets of the clause marks , ; : . ( ) in text order, found once per text: a clause's end by binary search. */
  clauseMarks: number[];
}

const FOLDED_GROUPS = GROUP_QUALIFIERS.map((g) => [g, foldAligned(g)] as const).sort(
  (a, b) => b[1].length - a[1].length,
);
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Every figure a report states, in text order.
 * @example extractFigures(report).find((f) => f.text === '14.040 hộ') // { metric: 'poor_households', kind: 'result', … }
 */
export function extractFigures(report: Report): Figure[] {
  const steps = figureSteps(report);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * extractFigures in steps: it yields after each passage with the number of figures found so far,
 * so a caller can give the event loop back and stop a report that exceeds its budget
 * (corpus/prepare.ts) instead of holding the server for one long text.
 */
export function* figureSteps(report: Report): Generator<number, Figure[], void> {
  const text = report.text;
  const folded = foldAligned(text);
  const defaultYear =
    report.periods[0]?.year ?? (report.publishedAt ? Number(report.publishedAt.slice(0, 4)) : undefined);
  const ctx: Ctx = {
    report,
    text,
    folded,
    metrics: findMetricMentions(folded),
    periods: findPeriods(text, defaultYear === undefined ? {} : { defaultYear }),
    places: findPlaces(report, text),
    horizon: endOf(report.publishedAt),
    figuresSoFar: [],
    lineBreaks: [],
    headingPeriods: [],
    headingScopes: [],
    clauseMarks: [],
  };
  ctx.lineBreaks = lineBreaksOf(text);
  ctx.clauseMarks = clauseMarksOf(text);
  ctx.headingPeriods = headingPeriodsOf(text, ctx.lineBreaks, report.periods[0]?.year);
  ctx.headingScopes = headingScopesOf(text, ctx.lineBreaks, report.place);

  const figures: Figure[] = [];
  let carryTarget = false;
  let lastLine = -1;
  for (const passage of report.passages) {
    const planSection = passage.section !== null && PLAN_SECTION.test(foldAligned(passage.section));
    for (const s of splitSentences(text, passage.start, passage.end)) {
      const line = lineStartIn(ctx, s.start);
      if (line !== lastLine) carryTarget = false;
      lastLine = line;
      const sentenceText = text.slice(s.start, s.end);
      const scopeAt = targetScopeStart(text, folded, s.start, s.end);
      // A plan announced in one sentence carries to the next ones of its paragraph
      // ("Năm 2024 phấn đấu …. Tỷ lệ lao động qua đào tạo đạt 75,16%"), until one reports a result.
      const carried = (carryTarget || planSection) && !RESULT_MARKERS.test(sentenceText);
      const found = figuresOfSentence(ctx, passage, s.start, s.end, scopeAt, carried);
      figures.push(...found);
      if (scopeAt !== null) carryTarget = true;
      else if (RESULT_MARKERS.test(sentenceText)) carryTarget = false;
    }
    yield figures.length;
  }
  linkRelations(text, figures);
  return figures;
}

interface Span {
  start: number;
  end: number;
}

/** First index in `items` (sorted by `key`) whose key is ≥ `at`: binary search, not a scan. */
function firstAtOrAfter<T>(items: readonly T[], at: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid] as T) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const startOf = (item: { start: number }) => item.start;
const itself = (n: number) => n;

/** First index in `items` (sorted by start) whose start is ≥ `at`. */
function lowerBound(items: Span[], at: number): number {
  return firstAtOrAfter(items, at, startOf);
}

/**
 * The items lying within [from, to), found by binary search: per number the cost depends on the
 * neighbourhood, not on the report's length (a 2 MB line of figures stays linear).
 */
function within<T extends Span>(items: T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(items, from); i < items.length && (items[i] as T).start < to; i++) {
    const it = items[i] as T;
    if (it.end <= to) out.push(it);
  }
  return out;
}

/** The first item starting in [from, to) that passes `ok`, looking at most `limit` items ahead. */
function firstFrom<T extends Span>(
  items: T[],
  from: number,
  to: number,
  ok: (t: T) => boolean,
  limit = 200,
): T | undefined {
  for (let i = lowerBound(items, from), seen = 0; i < items.length && seen < limit; i++, seen++) {
    const it = items[i] as T;
    if (it.start >= to) return undefined;
    if (ok(it)) return it;
  }
  return undefined;
}

/** The last item ending at or before `at` and starting at or after `floor`, scanning back at most `limit` items. */
function lastBefore<T extends Span>(
  items: T[],
  at: number,
  floor: number,
  ok: (t: T) => boolean = () => true,
  limit = 40,
): T | undefined {
  for (let i = lowerBound(items, at) - 1, seen = 0; i >= 0 && seen < limit; i--, seen++) {
    const it = items[i] as T;
    if (it.start < floor) return undefined;
    if (it.end <= at && ok(it)) return it;
  }
  return undefined;
}

/** "2023-06" → "2023-06-30", "2024" → "2024-12-31": a partial date stands for its last day. */
function endOf(date: string | null): string | null {
  if (!date) return null;
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return `${date}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return date;
}

/** Where the line holding `at` starts; newline positions are found once per text, then binary-searched. */
function lineStartIn(ctx: { text: string; lineBreaks: number[] }, at: number): number {
  const b = ctx.lineBreaks;
  const lo = firstAtOrAfter(b, at, itself);
  return lo === 0 ? 0 : (b[lo - 1] as number) + 1;
}

function lineBreaksOf(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i);
  return out;
}

function targetScopeStart(text: string, folded: string, start: number, end: number): number | null {
  const sentence = text.slice(start, end);
  const m = hasDiacritics(sentence)
    ? TARGET_SCOPE_CUE.exec(sentence)
    : TARGET_SCOPE_CUE_FOLDED.exec(folded.slice(start, end));
  return m ? start + m.index : null;
}

/** After a percentage: what it is a share of ("98,66% tổng số hộ nghèo", "so với tổng số lao động"). */
// Not the population a rate is taken over ("tổng số hộ dân cư", "tổng số hộ", "dân số").
const SHARE_OF_TOTAL = /^\s*(?:so voi |trong |cua )?tong so (?!ho dan|dan|nhan khau|ho(?!\s+(?:ngheo|can ngheo)))/u;
/** The qualifier such a share carries, so a question about the place's own rate passes it by. */
export const SHARE_QUALIFIER = 'tỷ trọng trong tổng số';

/** Words that make "A/B" a result over its plan rather than a part over its whole. */
const PLAN_CUE = /(?<![a-z])(?:ke hoach|chi tieu|kh|muc tieu|nhiem vu|duoc giao|giao)(?![a-z])/u;

function figuresOfSentence(
  ctx: Ctx,
  passage: Passage,
  sStart: number,
  sEnd: number,
  scopeAt: number | null,
  carried: boolean,
): Figure[] {
  const { text, folded } = ctx;
  const nums = findNumberMentions(text, sStart, sEnd);
  const out: Figure[] = [];
  ctx.figuresSoFar = out;
  const byIndex = new Map<number, Figure>();
  let prevFigure: Figure | undefined;
  let lastCountUnit = '';

  for (let i = 0; i < nums.length; i++) {
    const n = nums[i] as NumberMention;
    // The unit of "A/B người" and of "1,0 - 1,5%" is written once, after the second number.
    const unitFrom =
      n.pairRole === 'result' || (n.rangeWith !== undefined && n.rangeWith > i)
        ? (nums[(n.pairedWith ?? n.rangeWith) as number] as NumberMention)
        : n;
    const unitMatch = readUnit(text, folded, unitFrom.end);
    let unit = unitMatch?.unit ?? '';
    // "(trong đó cao đẳng: 19; trung cấp: 285 …)": a list of parts takes the unit of what it breaks down.
    if (!unit && /^\s*[;,.)]/.test(text.slice(n.end, n.end + 3)) && lastCountUnit) unit = lastCountUnit;
    // A table cell's number takes the unit its caption or header declares ("(đơn vị: nhà)", "ĐVT: người").
    if (!unit) unit = rowLabelUnit(text, n.start) || tableUnitAbove(text, n.start) || columnHeaderUnit(text, n.start);
    const figEnd = unitFrom === n && unitMatch ? unitMatch.end : n.end;
    // The words after "A/B người …" describe A too.
    const describedEnd = unitFrom !== n && unitMatch ? unitMatch.end : figEnd;
    if (unit && unit !== '%' && !isMoneyUnit(unit)) lastCountUnit = unit;

    const segStart = segmentStart(text, sStart, n.start, prevFigure);
    const beforeFolded = folded.slice(segStart, n.start);
    const beforeText = text.slice(segStart, n.start);
    const afterFolded = folded.slice(figEnd, Math.min(sEnd, figEnd + 60));

    // Kind.
    let kind: FigureKind = 'result';
    let isChange = false;
    let metric: string | undefined;
    const qualifiers: string[] = [];
    // "A/B" is a result over its plan only when the sentence speaks of a plan; else a part of a
    // whole ("20.411/181.603 hộ", "15/15 xã đạt chuẩn"), both stated results.
    const planPair = n.pairRole !== undefined && PLAN_CUE.test(folded.slice(sStart, sEnd));
    if (n.pairRole === 'target' && planPair) kind = 'target';
    else if (n.pairRole === 'target') kind = 'result';
    else if (EXCEEDED_BEFORE.test(beforeFolded) && unit === '%') metric = 'plan_exceeded';
    else if (
      unit === '%' &&
      ATTAINMENT_AFTER.test(folded.slice(n.end, n.end + 30)) &&
      /(?:dat|vuot|bang|chiem)\s*$/u.test(beforeFolded.trimEnd())
    ) {
      // "vượt 8,67% kế hoạch" is by how much the plan was exceeded; "đạt 109,4% kế hoạch" how much of it was done.
      metric = /vuot\s*$/u.test(beforeFolded.trimEnd()) ? 'plan_exceeded' : 'plan_attainment';
    } else if (
      unit === '%' &&
      ATTAINMENT_AFTER_PLAN.test(folded.slice(Math.max(sStart, n.start - 160), n.start)) &&
      !/^\s*%?\s*(?:so voi|cung ky)/u.test(folded.slice(n.end, n.end + 20))
    ) {
      metric = 'plan_attainment';
    } else if (TARGET_BEFORE_NUMBER.test(beforeFolded) && !/(?:dat|vuot)\s+(?:\S+\s+){0,2}$/u.test(beforeFolded)) {
      kind = 'target';
      // "đạt 94,79% dân số (kế hoạch 95%)": the plan of the figure the parenthesis follows.
      const planned = [...out].reverse().find((g) => !isPlanMetric(g.metric));
      if (planned && /\(\s*(?:ke hoach|kh|chi tieu)[^()]*$/u.test(beforeFolded)) metric = planned.metric;
    } else if (CHANGE_BEFORE_NUMBER.test(beforeText) && !LEVEL_AFTER_CHANGE.test(beforeText)) {
      kind = 'change';
      isChange = true;
      qualifiers.push(/tăng/iu.test(CHANGE_BEFORE_NUMBER.exec(beforeText)?.[0] ?? '') ? 'tăng' : 'giảm');
    } else if (
      prevFigure?.kind === 'change' &&
      (/tuong ung\s*(?:voi\s*)?$/u.test(beforeFolded) ||
        (/^[^()]*\(\s*$/u.test(folded.slice(prevFigure.end, n.start)) && prevFigure.unit !== unit))
    ) {
      // "giảm được 0,77% số hộ nghèo (290 hộ)": the same change in another unit.
      kind = 'change';
      isChange = true;
      qualifiers.push(...prevFigure.qualifiers.filter((q) => q === 'tăng' || q === 'giảm'));
    }
    // "| Mức giảm so với năm 2023 (%) |": a column headed by a change holds changes, not levels.
    if (kind === 'result' && !isChange && metric === undefined) {
      const head = columnHeaderCell(text, n.start);
      const cue = head ? /^\s*(?:mức\s+)?(giảm|tăng)(?!\p{L})/iu.exec(head) : null;
      if (cue?.[1]) {
        kind = 'change';
        isChange = true;
        qualifiers.push(cue[1].toLowerCase());
      }
    }
    const inScope = scopeAt !== null && scopeAt < n.start;
    if ((inScope || carried) && kind !== 'target' && !isPlanMetric(metric)) {
      kind = 'target';
    }
    if (n.pairRole === 'result' && kind === 'target' && !inScope && !carried) kind = 'result';

    // Metric.
    metric ??= chooseMetric(ctx, n, describedEnd, segStart, sEnd, unit, beforeFolded, prevFigure, isChange);
    // "Bảng 1. Số hộ nghèo năm 2015 theo huyện" over "Đắk Glong 8.256": a row's number counts what its
    // caption or header names, when its own words name no metric.
    if (metric.startsWith('other:'))
      metric = columnHeaderMetric(ctx, n.start, unit) ?? tableMetricAbove(ctx, n.start) ?? metric;
    // "1.000.000 đồng | Người có công …" under "Mức quà | Đối tượng": a sum of money is not a count
    // of the people its row names; its column's header says what the money is.
    else if (isMoneyUnit(unit) && !unitFits(metricById(metric), unit))
      metric = columnHeaderMetric(ctx, n.start, unit, true) ?? metric;
    // "11.248 hộ rơi vào diện hộ nghèo và 14.465 hộ rơi vào diện hộ cận nghèo": the class after
    // "diện" is what each count counts, not a class named earlier in the sentence.
    const classAfter = CLASS_AFTER_COUNT.exec(afterFolded)?.[1];
    if (classAfter && unit === 'hộ') metric = classAfter.startsWith('can') ? 'near_poor_households' : 'poor_households';
    // "chiếm tỷ lệ 98,66% tổng số hộ nghèo": a share of a total, not the rate of the place.
    if (unit === '%' && SHARE_OF_TOTAL.test(afterFolded)) qualifiers.push(SHARE_QUALIFIER);
    if (isChange && !/tuong ung\s*(?:voi\s*)?$/u.test(beforeFolded)) metric = changeMetricOf(metric);
    // "tỷ lệ hộ nghèo giảm còn 3,5%", "… giảm 3,5%, còn 28,6%": the level reached is the rate itself.
    // "Tỷ lệ giảm hộ nghèo … đạt 3,7%" is the reduction itself, not a level.
    else if (!isChange && metricById(metric)?.kind === 'change' && !/(?:ty|ti) le giam|muc giam/u.test(beforeFolded))
      metric = metricById(metric)?.related.find((r) => metricById(r)?.kind === 'rate') ?? metric;
    // "chiếm tỷ lệ 0,13%, giảm 235 hộ": a count of households is never a rate nor a rate's change.
    if (
      unit &&
      unit !== '%' &&
      !isMoneyUnit(unit) &&
      metricById(metric)?.units.every((u) => u.includes('%') || u.includes('phần trăm'))
    )
      metric = countMetricOf(metric) ?? metric;
    if (n.pairRole === 'target') {
      const partner = byIndex.get(n.pairedWith as number);
      if (partner) metric = partner.metric;
    }
    // "giảm từ 1,0 - 1,5%": the second end of a range is read like the first.
    const rangeFirst = n.rangeWith !== undefined && n.rangeWith < i ? byIndex.get(n.rangeWith) : undefined;
    if (rangeFirst) {
      metric = rangeFirst.metric;
      kind = rangeFirst.kind;
      qualifiers.push(...rangeFirst.qualifiers.filter((q) => q === 'tăng' || q === 'giảm'));
    }

    let period = choosePeriod(ctx, passage, n.start, sStart, sEnd);
    // A change happens over a span: "cuối năm 2023 … giảm 4,31%" is a change during 2023.
    if (isChange && period?.kind === 'as_of' && period.from.endsWith('-12-31')) {
      const y = period.from.slice(0, 4);
      period = { label: `năm ${y}`, kind: 'during', from: `${y}-01-01`, to: `${y}-12-31`, year: Number(y) };
    }
    let effectiveKind = kind;
    // "Dự báo năm 2026 …", "Dự kiến năm 2026, thành phố có khoảng 11.248 hộ rơi vào diện hộ nghèo":
    // a forecast of what will happen, not a plan anyone set; kept a target, said as a forecast.
    const forecast =
      FORECAST_BEFORE.test(folded.slice(sStart, n.start)) ||
      (/\bdu kien\b/.test(folded.slice(sStart, n.start)) && FORECAST_OUTCOME.test(afterFolded));
    if (forecast) qualifiers.push(FORECAST_QUALIFIER);
    // "STT | Chỉ tiêu | Kế hoạch năm 2018 | Thực hiện": a cell under a plan's column is the plan.
    if (effectiveKind === 'result' && PLAN_COLUMN.test(columnHeaderCell(ctx.text, n.start) ?? ''))
      effectiveKind = 'target';
    // A figure about a time after the report was written can only be a plan.
    if (
      effectiveKind === 'result' &&
      period &&
      ctx.horizon &&
      period.from > ctx.horizon &&
      metric !== 'plan_attainment'
    )
      effectiveKind = 'target';

    const place = choosePlace(ctx, n.start, sStart, sEnd);
    // Groups named in the figure's own clause: from after the previous figure to the next comma or semicolon.
    qualifiers.push(
      ...findQualifiers(
        ctx,
        segStart,
        Math.min(
          nextClauseEnd(ctx, describedEnd, sEnd),
          nextNumberStart(nums, n.pairRole === 'result' ? i + 1 : i, sEnd),
        ),
        unit,
      ),
    );
    // "không còn hộ nghèo, chỉ có 5.944 hộ cận nghèo": the noun the number counts names its group,
    // and a household class named earlier in the clause is another count's, not this one's.
    const counted = countedGroup(folded, n.end);
    if (counted && HOUSEHOLD_CLASSES.includes(counted)) {
      for (let k = qualifiers.length - 1; k >= 0; k--)
        if (qualifiers[k] !== counted && HOUSEHOLD_CLASSES.includes(qualifiers[k] as string)) qualifiers.splice(k, 1);
      if (!qualifiers.includes(counted)) qualifiers.push(counted);
    }
    const approx = APPROX_BEFORE.exec(beforeFolded);
    if (approx?.[1])
      qualifiers.push(
        text
          .slice(n.start - approx[0].trimStart().length, n.start)
          .trim()
          .toLowerCase(),
      );

    // "442 hộ cận nghèo vay với số tiền 12.061 triệu đồng": the money is about the same group.
    if (
      isMoneyUnit(unit) &&
      prevFigure &&
      prevFigure.metric === metric &&
      !isMoneyUnit(prevFigure.unit) &&
      !text.slice(prevFigure.end, n.start).includes(';')
    ) {
      qualifiers.push(...prevFigure.qualifiers.filter((q) => GROUP_QUALIFIERS.includes(q)));
    }
    const label = labelOf(metric, qualifiers);
    const fig: Figure = {
      id: `${ctx.report.id}@${n.start}`,
      reportId: ctx.report.id,
      value: n.value,
      unit,
      normalizedValue: normaliseValue(n.value, unit),
      text: text.slice(n.start, figEnd),
      start: n.start,
      end: figEnd,
      metric,
      label,
      place: place?.name ?? null,
      placeLevel: place?.level ?? null,
      period,
      kind: effectiveKind,
      qualifiers: [...new Set(qualifiers)],
      sentenceStart: sStart,
      sentenceEnd: sEnd,
    };
    out.push(fig);
    byIndex.set(i, fig);
    prevFigure = fig;
  }
  return out;
}

/** Where the words that describe a number begin: after the previous figure or the last ';'. */
function segmentStart(text: string, sStart: number, at: number, prev: Figure | undefined): number {
  let start = sStart;
  if (prev && prev.end > start) start = prev.end;
  const semi = text.slice(start, at).lastIndexOf(';');
  if (semi >= 0) start += semi + 1;
  return start;
}

function chooseMetric(
  ctx: Ctx,
  n: NumberMention,
  describedEnd: number,
  segStart: number,
  sEnd: number,
  unit: string,
  beforeFolded: string,
  prev: Figure | undefined,
  isChange: boolean,
): string {
  const { folded } = ctx;
  const clauseEnd = nextClauseEnd(ctx, describedEnd, sEnd);
  const next = ctx.metrics[lowerBound(ctx.metrics, n.end)];
  const after = next && next.start <= describedEnd + 12 && next.start < clauseEnd ? next : undefined;
  // A phrase may start inside the previous figure's unit ("14 lớp đào tạo nghề với 352 …").
  // Lexicon phrases are short, so one ending after segStart starts at most ~60 characters before it.
  const befores = within(ctx.metrics, Math.max(sentenceStartOf(ctx, n.start), segStart - 80), n.start).filter(
    (m) => m.end > segStart,
  );
  const before = headOf(folded, befores);
  const sentenceBefore = lastBefore(ctx.metrics, n.start, lineStartIn(ctx, n.start));
  const sameClausePrev = prev && !/[;]/.test(ctx.text.slice(prev.end, n.start)) ? prev : undefined;
  const fits = (id: string | undefined) => (id && unitFits(metricById(id), unit) ? id : undefined);
  // A phrase right before the number names it whatever the unit ("quà cho hộ nghèo: 2.597 hộ");
  // a distant one only when the unit agrees.
  const fitsBefore = (m: MetricMention | undefined) =>
    m && (n.start - m.end <= 30 || unitFits(metricById(m.metricId), unit)) ? m.metricId : undefined;
  // "… 1.211 người), chiếm tỷ lệ 9,78%": the rate of the total before the parenthesis, not of its last part.
  const subject = prev && ctx.text.slice(prev.end, n.start).includes(')') ? (outerOf(ctx, prev) ?? prev) : prev;

  if (unit === '%') {
    // "14.040 hộ nghèo, chiếm tỷ lệ 7,71%": the rate of the count just stated.
    if (subject && subject.unit !== '%' && /chiem(?:\s+ty le|\s+ti le)?\s*$/u.test(beforeFolded.trimEnd()) && !before) {
      return rateMetricOf(subject.metric) ?? subject.metric;
    }
    const id =
      before?.metricId ??
      (subject && /chiem|dat|bang/u.test(beforeFolded)
        ? (rateMetricOf(subject.metric) ?? subject.metric)
        : (after?.metricId ?? sentenceBefore?.metricId));
    // "hộ cận nghèo 1%": a percentage of a counted group is that group's rate.
    return id
      ? metricById(id)?.kind === 'count'
        ? (rateMetricOf(id) ?? id)
        : id
      : nounPhraseMetric(ctx, describedEnd, sEnd, unit);
  }
  if (isMoneyUnit(unit)) {
    if (
      sameClausePrev?.unit &&
      !isMoneyUnit(sameClausePrev.unit) &&
      MONEY_OF_COUNT.test(folded.slice(sameClausePrev.end, n.start))
    ) {
      return moneyMetricOf(sameClausePrev.metric);
    }
    return (
      before?.metricId ?? after?.metricId ?? sentenceBefore?.metricId ?? nounPhraseMetric(ctx, describedEnd, sEnd, unit)
    );
  }
  // "tăng 1.366 người so với cùng kỳ": what changed is what was just counted;
  // "giảm 4,31% tương ứng 386 hộ": the households behind the rate.
  if (isChange && !after && !before && sameClausePrev) {
    return /tuong ung\s*(?:voi\s*)?$/u.test(beforeFolded)
      ? (countMetricOf(sameClausePrev.metric) ?? sameClausePrev.metric)
      : sameClausePrev.metric;
  }
  // "01 hộ nghèo phát sinh với 02 nhân khẩu": the persons of the households just counted.
  if (
    sameClausePrev &&
    /^(?:nhân khẩu|khẩu|người)$/u.test(unit) &&
    !/^(?:nhân khẩu|khẩu|người)$/u.test(sameClausePrev.unit) &&
    /^\s*(?:[\p{L}]+\s+){0,5}voi\s*$/u.test(beforeFolded) &&
    !after
  ) {
    return sameClausePrev.metric;
  }
  // "hỗ trợ … cho 16.479 khẩu": the action before "cho" is what the number counts.
  if (ACTION_LINKS.test(beforeFolded)) {
    const action = before?.metricId ?? (sameClausePrev ? sameClausePrev.metric : undefined);
    if (action) return action;
  }
  // Otherwise the more specific of the phrases right after and right before the number.
  const a = fits(after?.metricId);
  const b = fitsBefore(before);
  if (a && b && before && after) return before.end - before.start > after.end - after.start ? b : a;
  const fallback = lastBefore(ctx.metrics, n.start, lineStartIn(ctx, n.start), (m) =>
    unitFits(metricById(m.metricId), unit),
  );
  return a ?? b ?? nounPhraseMetric(ctx, describedEnd, sEnd, unit, fallback?.metricId);
}

/** The figure a parenthesis breaks down: the last one stated before its "(". */
function outerOf(ctx: Ctx, inner: Figure): Figure | undefined {
  const open = ctx.text.lastIndexOf('(', inner.start);
  if (open < inner.sentenceStart) return undefined;
  return ctx.figuresSoFar.filter((f) => f.sentenceStart === inner.sentenceStart && f.end <= open).pop();
}

function sentenceStartOf(ctx: Ctx, at: number) {
  return ctx.figuresSoFar[0]?.sentenceStart ?? lineStartIn(ctx, at);
}

/**
 * Of the phrases before a number, the head: "quà cho đối tượng bảo trợ xã hội" counts quà, not
 * đối tượng; "cho vay xuất khẩu lao động có 24 hộ vay" counts loans, not workers.
 */
function headOf(folded: string, mentions: MetricMention[]): MetricMention | undefined {
  const last = mentions[mentions.length - 1];
  if (!last) return undefined;
  const credit = [...mentions].reverse().find((m) => metricById(m.metricId)?.category === 'credit');
  if (credit && credit !== last) return credit;
  for (let i = mentions.length - 2; i >= 0; i--) {
    const m = mentions[i] as MetricMention;
    if (/^\s*(?:cho|doi voi)\s*$/u.test(folded.slice(m.end, last.start))) return m;
  }
  // "Tư vấn, giới thiệu việc làm và học nghề cho 18.612 lượt": of two phrases joined by "và", the first leads.
  const prev = mentions[mentions.length - 2];
  if (
    prev &&
    /^\s*va\s*$/u.test(folded.slice(prev.end, last.start)) &&
    /^\s*cho\s*$/u.test(folded.slice(last.end, last.end + 6).replace(/\d.*$/u, ''))
  )
    return prev;
  return last;
}

/** A lexicon metric fits a unit it lists, or a unit sharing its last word ("lượt đối tượng" ~ "đối tượng"). */
function unitFits(m: Metric | undefined, unit: string): boolean {
  if (!m) return false;
  if (!unit || m.units.length === 0) return true;
  const last = (u: string) => u.split(' ').pop() ?? u;
  return m.units.some(
    (u) => u === unit || last(u) === last(unit) || u.startsWith(`${unit} `) || unit.startsWith(`${u} `),
  );
}

/** The money of a count: its own metric when it is counted in money too, else its spending metric. */
function moneyMetricOf(countId: string): string {
  const m = metricById(countId);
  if (!m || m.units.some(isMoneyUnit)) return countId;
  return m.related.find((r) => metricById(r)?.kind === 'amount') ?? countId;
}

function nextNumberStart(nums: NumberMention[], i: number, limit: number): number {
  return nums[i + 1]?.start ?? limit;
}

/** The first clause mark in [from, limit), or `limit`. */
function nextClauseEnd(ctx: { clauseMarks: number[] }, from: number, limit: number): number {
  const at = ctx.clauseMarks[firstAtOrAfter(ctx.clauseMarks, from, itself)];
  return at !== undefined && at < limit ? at : limit;
}

function clauseMarksOf(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // , ; : . ( )
    if (c === 44 || c === 59 || c === 58 || c === 46 || c === 40 || c === 41) out.push(i);
  }
  return out;
}

/** With no lexicon phrase, the metric is the noun phrase the number counts ("14 lớp đào tạo nghề"). */
function nounPhraseMetric(ctx: Ctx, figEnd: number, sEnd: number, unit: string, fallback?: string): string {
  const tail = ctx.text.slice(figEnd, Math.min(sEnd, figEnd + 50));
  const m = tail.match(
    /^\s*([\p{L}\s-]*?)(?=\s+(?:với|cho|của|tại|trong|đạt|chiếm|và|được|có|để|từ|theo|là|thuộc|so|tăng|giảm|nhân|ở)(?![\p{L}])|[,;:.()/]|$)/u,
  );
  const words = (m?.[1] ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 4).join(' ');
  const phrase = [unit, words].filter(Boolean).join(' ').trim();
  if (!phrase && fallback) return fallback;
  if (unit && !words && fallback) return fallback;
  return `other:${(phrase || 'số liệu').toLowerCase()}`;
}

function changeMetricOf(metric: string): string {
  const m = metricById(metric);
  return m?.related.find((r) => metricById(r)?.kind === 'change') ?? metric;
}

function labelOf(metric: string, qualifiers: string[]): string {
  const base = metric.startsWith('other:') ? metric.slice(6) : (metricById(metric)?.label ?? metric);
  // Groups name what is counted; bounds ("hơn", "trên") and turns ("lượt") qualify the number, not the label.
  const groups = qualifiers.filter((q) => GROUP_QUALIFIERS.includes(q) && !base.includes(q));
  return groups.length ? `${base} (${groups.join(', ')})` : base;
}

/**
 * The period its column's header names, for a number in a cell of a piped table ("Số người chết |
 * 31 | 41" under "Chỉ tiêu | 6 tháng 2022 | 6 tháng 2023"); null otherwise. The header is the first
 * piped line of the block with as many cells and no number outside its periods.
 */
function columnHeaderPeriod(ctx: Ctx, at: number): Period | null {
  // "Mức giảm so với năm 2023": the year compared with is not the cell's period.
  const raw = columnHeaderCell(ctx.text, at);
  if (raw === null) return unpipedColumnPeriod(ctx, at);
  const cell = raw.replace(/(?<!\p{L})so\s+với(?!\p{L}).*$/isu, '');
  const year = ctx.report.periods[0]?.year;
  const found = findPeriods(cell, year ? { defaultYear: year } : {});
  return found.length === 1 && found[0] ? strip(found[0]) : null;
}

/** A cell's period in a table without pipes (orderedHeaderPeriod), when the number is in a table row. */
function unpipedColumnPeriod(ctx: Ctx, at: number): Period | null {
  const rowStart = rowStartOf(ctx.text, at);
  if (!isTableRow(ctx.text, rowStart)) return null;
  const window = ctx.text.slice(rowStart, rowStart + MAX_ROW + 1);
  const endAt = window.indexOf('\n');
  const row = endAt < 0 ? window : window.slice(0, endAt);
  return row.includes('|') || row.includes('\t') ? null : orderedHeaderPeriod(ctx, rowStart, row, at);
}

/** Marks a target that is a forecast ("dự báo"), so answers say so instead of "kế hoạch". */
export const FORECAST_QUALIFIER = 'dự báo';
const FORECAST_BEFORE = /\b(?:du bao|uoc tinh se|co kha nang)\b/;
/** What no one plans: falling (back) into poverty, arising. */
const FORECAST_OUTCOME = /^\s*(?:ho\s+)?(?:(?:se\s+)?roi vao|tai ngheo|phat sinh|co nguy co)\b/;

/** A column header that names a plan: "Kế hoạch năm 2018", "Chỉ tiêu giao", "KH 2024", "Mục tiêu". */
const PLAN_COLUMN = /^\s*(?:kế hoạch|chỉ tiêu|mục tiêu|kh)(?![\p{L}])/iu;

/**
 * The header cell above a number's cell in a piped table: the first piped line of its block,
 * when it has as many cells; null otherwise (not a table cell, first column, no such header).
 */
function columnHeaderCell(text: string, at: number, firstColumn = false): string | null {
  const rowStart = rowStartOf(text, at);
  if (!isTableRow(text, rowStart)) return null;
  const rowWindow = text.slice(rowStart, rowStart + MAX_ROW + 1);
  const rowEndAt = rowWindow.indexOf('\n');
  const row = rowEndAt < 0 ? rowWindow : rowWindow.slice(0, rowEndAt);
  if (!row.includes('|')) return null;
  const col = text.slice(rowStart, at).split('|').length - 1;
  // The first column names the row, except where the caller knows the cell is a value ("1.000.000 đồng | …").
  if (col < 1 && !firstColumn) return null;
  const cells = row.split('|').length;
  const block = blockStartAbove(text, rowStart);
  for (let line = block; line < rowStart; ) {
    const rel = text.slice(line, rowStart).indexOf('\n');
    const end = rel < 0 ? -1 : line + rel;
    const header = text.slice(line, end < 0 ? rowStart : end);
    if (header.includes('|')) {
      if (header.split('|').length !== cells) return null;
      return header.split('|')[col] ?? '';
    }
    line = end < 0 ? rowStart : end + 1;
  }
  return null;
}

/**
 * A table whose columns are no longer aligned (cleaning folds runs of spaces): "Chỉ tiêu Năm 2011
 * Năm 2018" over "Tỷ lệ hộ nghèo trên 31,38% 3,82%". When the first line of the block names as many
 * periods as the row holds numbers, the k-th number is the k-th period's.
 */
function orderedHeaderPeriod(ctx: Ctx, rowStart: number, row: string, at: number): Period | null {
  const numbers = [...row.matchAll(/(?<![\p{L}\d.,/])\d[\d.,]*(?![\d/])/gu)].filter(
    (m) => !/^(?:19|20)\d\d$/.test(m[0]),
  );
  const col = numbers.findIndex((m) => rowStart + (m.index ?? 0) === at);
  if (col < 0 || numbers.length < 2) return null;
  const block = blockStartAbove(ctx.text, rowStart);
  for (let line = block; line < rowStart; ) {
    const rel = ctx.text.slice(line, rowStart).indexOf('\n');
    const end = rel < 0 ? rowStart : line + rel;
    const header = ctx.text.slice(line, end);
    const periods = findPeriods(header).filter((p) => Date.parse(p.to) - Date.parse(p.from) <= 400 * 86400_000);
    if (periods.length >= 2)
      return periods.length === numbers.length && !/\d/.test(header.replace(/(?:19|20)\d\d/g, ''))
        ? strip(periods[col] as PeriodMention)
        : null;
    line = end + 1;
  }
  return null;
}

/**
 * The unit a column's header cell declares: "Năm 2023: tỷ lệ (%)" → %, "Số hộ" → hộ; '' otherwise.
 * Wide tables give each column its own unit, which no caption-wide "(đơn vị: …)" states.
 */
function columnHeaderUnit(text: string, at: number): string {
  const cell = columnHeaderCell(text, at);
  if (!cell) return '';
  const declared = /\(([%\p{L}][\p{L} ]{0,15}|%)\)\s*$/u.exec(cell.trim())?.[1]?.trim().toLowerCase();
  if (declared) return declared;
  if (/(?<!\p{L})(?:tỷ|tỉ) lệ(?!\p{L})/iu.test(cell)) return '%';
  return /(?<!\p{L})số hộ$/iu.test(cell.trim()) ? 'hộ' : '';
}

/**
 * The metric a column's header cell names ("Hộ cận nghèo: số hộ"), fitted to the cell's unit: a
 * household class's column in % is that class's rate. Undefined when the cell names none.
 */
function columnHeaderMetric(ctx: Ctx, at: number, unit: string, firstColumn = false): string | undefined {
  const cell = columnHeaderCell(ctx.text, at, firstColumn);
  if (!cell) return undefined;
  const found = findMetricMentions(foldAligned(cell.normalize('NFC')));
  const id = found[found.length - 1]?.metricId;
  if (!id) return undefined;
  return unit === '%' && metricById(id)?.kind === 'count' ? (rateMetricOf(id) ?? id) : id;
}

/** The metric a table's header line (else its caption) names, for a row of that table; undefined otherwise. */
function tableMetricAbove(ctx: Ctx, at: number): string | undefined {
  const line = rowStartOf(ctx.text, at);
  if (!isTableRow(ctx.text, line)) return undefined;
  const block = blockStartAbove(ctx.text, line);
  if (block >= line) return undefined;
  const captionEnd = ctx.text.slice(block, line).indexOf('\n');
  const headerStart = line - 1 > block ? Math.max(block, rowStartOf(ctx.text, line - 1)) : block;
  for (const [from, to] of [
    [headerStart, line],
    [block, captionEnd < 0 ? line : block + captionEnd],
  ] as const) {
    const found = findMetricMentions(ctx.folded.slice(from, to));
    const last = found[found.length - 1];
    if (last) return last.metricId;
  }
  return undefined;
}

/** "Số người chết (người) | 31 | 41": a piped row whose first cell ends with "(unit)" counts its cells in it. */
function rowLabelUnit(text: string, at: number): string {
  const rowStart = rowStartOf(text, at);
  if (rowStart < 0) return '';
  const bar = text.slice(rowStart, at).indexOf('|');
  if (bar < 0) return '';
  return (
    /\(([\p{L}][\p{L} ]{0,15})\)\s*$/u
      .exec(text.slice(rowStart, rowStart + bar))?.[1]
      ?.trim()
      .toLowerCase() ?? ''
  );
}

const DECLARED_UNIT = /(?:đơn vị(?: tính)?|ĐVT)\s*:\s*([\p{L}][\p{L} ]{0,20}?)\s*[),;\n]/iu;

/**
 * The unit a table declares above a cell: the nearest "(đơn vị: X)" / "ĐVT: X" in the unbroken
 * block of lines the number's line belongs to (a blank line ends a table). '' when none.
 */
function tableUnitAbove(text: string, at: number): string {
  let lineStart = rowStartOf(text, at);
  if (!isTableRow(text, lineStart)) return '';
  for (let k = 0; k < 30 && lineStart > 0; k++) {
    const prevStart = rowStartOf(text, lineStart - 1);
    if (prevStart < 0) return '';
    const line = text.slice(prevStart, lineStart);
    if (!line.trim()) return '';
    const m = DECLARED_UNIT.exec(line);
    if (m?.[1]) return m[1].trim().toLowerCase();
    lineStart = prevStart;
  }
  return '';
}

/** Household classes: one household is in one of them, so a count of one is never a count of another. */
const HOUSEHOLD_CLASSES = ['hộ nghèo', 'hộ cận nghèo', 'hộ mới thoát nghèo'];

/** "… hộ rơi vào diện hộ cận nghèo", "… hộ thuộc diện nghèo": the class a count of households falls into. */
const CLASS_AFTER_COUNT =
  /^\s*(?:ho\s+)?(?:(?:se\s+)?roi vao|(?:duoc\s+)?xep vao|thuoc|vao)\s+dien\s+(?:ho\s+)?(can ngheo|ngheo)(?![a-z])/;

/** The group named by the words right after a number ("5.944 hộ cận nghèo" → "hộ cận nghèo"), if any. */
function countedGroup(folded: string, end: number): string | undefined {
  const after = folded.slice(end, end + 40).replace(/^\s+/, '');
  return FOLDED_GROUPS.find(([, f]) => after.startsWith(f) && !isLetter(after[f.length]))?.[0];
}

function findQualifiers(ctx: Ctx, from: number, to: number, unit: string): string[] {
  const out: string[] = [];
  const span = ctx.folded.slice(from, to);
  const taken = new Uint8Array(span.length);
  for (const [label, f] of FOLDED_GROUPS) {
    let at = span.indexOf(f);
    while (at >= 0) {
      const end = at + f.length;
      if (!isLetter(span[at - 1]) && !isLetter(span[end]) && !taken.subarray(at, end).some((x) => x)) {
        taken.fill(1, at, end);
        out.push(label);
      }
      at = span.indexOf(f, at + 1);
    }
  }
  if (unit.startsWith('lượt')) out.push('lượt');
  // Ages have at most three digits; an unbounded (\d+) backtracked over every start of a long digit run.
  const age = /(?<!\d)(\d{1,3})\s+tuổi/u.exec(ctx.text.slice(from, to));
  if (age) out.push(`${age[1]} tuổi`);
  return out;
}

/** The period the figure speaks of: its clause, its sentence, its paragraph, its section, the report. */
function choosePeriod(ctx: Ctx, passage: Passage, at: number, sStart: number, sEnd: number): Period | null {
  // "giảm 7,69% so năm 2023", "so với cùng kỳ": the base of a comparison is not the figure's period.
  const usable = (p: PeriodMention) =>
    !/(?:^|[^a-z])so(?: voi)?\s*(?:cung ky\s*)?$/u.test(ctx.folded.slice(Math.max(0, p.start - 14), p.start));
  const isSpan = (p: Period) => Date.parse(p.to) - Date.parse(p.from) > 400 * 86400_000;
  // The nearest specific period before the number in its sentence, else the first one after it;
  // searched from the number outwards, so a sentence of thousands of figures stays linear.
  const specificOk = (p: PeriodMention) => p.end <= sEnd && usable(p) && !isSpan(p);
  // "Chỉ tiêu | 6 tháng 2022 | 6 tháng 2023": a cell of a piped table is timed by its column's header.
  const column = columnHeaderPeriod(ctx, at);
  if (column) return column;
  const pick = lastBefore(ctx.periods, at, sStart, specificOk, 200) ?? firstFrom(ctx.periods, sStart, sEnd, specificOk);
  // "… dự kiến năm 2026 gần 3.609 tỷ đồng; cả giai đoạn 2026 - 2030 dự kiến gần 18.044 tỷ đồng": a
  // span named in the number's own clause (after the last ';') is its period over a year of another clause.
  const clauseStart = Math.max(sStart, ctx.text.lastIndexOf(';', at - 1) + 1);
  const semi = ctx.text.indexOf(';', at);
  const clauseEnd = semi < 0 || semi > sEnd ? sEnd : semi;
  if (pick && (pick.start < clauseStart || pick.start >= clauseEnd)) {
    const own = lastBefore(ctx.periods, at, clauseStart, (p) => p.end <= at && usable(p) && isSpan(p), 200);
    if (own) return strip(own);
  }
  // "Năm 2011, … 13,15%; đến nay chỉ còn 177 hộ": what "đến nay" follows is as of the report's time.
  // "Từ năm 2020 đến nay" is a span from that year, read (as questions read "từ 2020") by its start.
  const since = pick ? /(?<![\p{L}])từ\s*$/iu.test(ctx.text.slice(Math.max(0, pick.start - 8), pick.start)) : false;
  if (pick && !since && pick.end <= at && NOW_SINCE.test(ctx.text.slice(pick.end, at))) {
    const own = ownPeriodOf(ctx.report);
    if (own && own.to > pick.to) return own;
  }
  if (pick) return strip(pick);
  // "Kết quả cả giai đoạn 2021 - 2024: tỷ lệ … đạt 76,56%": a span the figure's own sentence names
  // before it is its period, over a year named on an earlier line.
  const span = lastBefore(ctx.periods, at, sStart, (p) => p.end <= at && usable(p) && isSpan(p), 200);
  if (span) return strip(span);
  const line = lineStartIn(ctx, sStart);
  // A table row under a caption that names a period ("Bảng 2. … giai đoạn 2016 - 2020
  // (đơn vị: căn)"): the caption's, the nearest above in the unbroken block of lines.
  const ownLine = rowStartOf(ctx.text, at);
  const block = isTableRow(ctx.text, ownLine) ? blockStartAbove(ctx.text, ownLine) : ownLine;
  if (ownLine >= 0 && block < ownLine) {
    const above = lastBefore(
      ctx.periods,
      ownLine,
      block,
      (p) => usable(p) && !/\btet\b/u.test(foldAligned(p.label)),
      200,
    );
    if (above) return strip(above);
  }
  // An event named earlier in the paragraph ("chăm lo Tết năm 2023") dates that event, not what follows.
  const isEvent = (p: PeriodMention) => /\btet\b/u.test(foldAligned(p.label));
  const earlier = lastBefore(ctx.periods, sStart, line, (p) => usable(p) && !isSpan(p) && !isEvent(p), 200);
  if (earlier) return strip(earlier);
  // A list introduced by "… như sau:" takes the period of its introduction.
  const intro = introducingLine(ctx.text, line);
  if (intro) {
    const fromIntro = within(ctx.periods, intro.start, intro.end).filter((p) => usable(p) && !isSpan(p));
    if (fromIntro.length) return strip(fromIntro[fromIntro.length - 1] as PeriodMention);
  }
  // The nearest heading above that names a period ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022" over
  // "1. Chỉ tiêu chủ yếu"), then the report's.
  const sectionPeriod = headingPeriod(ctx, passage.start);
  if (sectionPeriod) return sectionPeriod;
  const own = ownPeriodOf(ctx.report);
  if (own) return own;
  const anyInSentence = firstFrom(ctx.periods, sStart, sEnd, (p) => p.end <= sEnd && usable(p));
  return (anyInSentence ? strip(anyInSentence) : null) ?? ctx.report.periods[0] ?? null;
}

/** "đến nay", "hiện nay", "tới nay": the time the report was written, not the period named before. */
const NOW_SINCE = /(?<![\p{L}])(?:đến|tới|cho đến|hiện) nay(?![\p{L}])/iu;

/** The report's own period, found once per report. */
const ownPeriods = new WeakMap<Report, Period | null>();
function ownPeriodOf(report: Report): Period | null {
  let p = ownPeriods.get(report);
  if (p === undefined) {
    p = reportOwnPeriod(report);
    ownPeriods.set(report, p);
  }
  return p;
}

/** The period of the nearest heading above `at` that names one (headings found once per report). */
function headingPeriod(ctx: Ctx, at: number): Period | null {
  const list = ctx.headingPeriods;
  const lo = firstAtOrAfter(list, at, startOf);
  return lo === 0 ? null : (list[lo - 1] as { period: Period }).period;
}

function headingPeriodsOf(
  text: string,
  lineBreaks: number[],
  defaultYear: number | undefined,
): { start: number; period: Period }[] {
  const out: { start: number; period: Period }[] = [];
  let start = 0;
  for (const end of [...lineBreaks, text.length]) {
    const line = text.slice(start, end).trim();
    if (line && line.length <= 160 && headingLevel(line) > 0) {
      const p = findPeriods(line, defaultYear ? { defaultYear } : {}).find(
        (x) => Date.parse(x.to) - Date.parse(x.from) <= 400 * 86400_000,
      );
      if (p) out.push({ start, period: strip(p) });
    }
    start = end + 1;
  }
  return out;
}

/** Each heading, and whether it opens a section on the report's whole province (only for a district's report). */
function headingScopesOf(
  text: string,
  lineBreaks: number[],
  own: Report['place'],
): { start: number; province: boolean }[] {
  if (own?.level !== 'district' || !own.province) return [];
  const province = foldAligned(own.province);
  const district = foldAligned(own.name);
  const out: { start: number; province: boolean }[] = [];
  let start = 0;
  for (const end of [...lineBreaks, text.length]) {
    const line = text.slice(start, end).trim();
    if (line && line.length <= 160 && headingLevel(line) > 0) {
      const f = ` ${foldAligned(line).replace(/[^a-z0-9]+/g, ' ')} `;
      out.push({
        start,
        province:
          !f.includes(` ${district} `) && (/ (?:toan|ca|chung|cap) tinh /.test(f) || f.includes(` tinh ${province} `)),
      });
    }
    start = end + 1;
  }
  return out;
}

function introducingLine(text: string, line: number): { start: number; end: number } | null {
  // Walk back over the list items of this list to the line that introduced it with ':'.
  let end = line - 1;
  for (let guard = 0; guard < 40 && end > 0; guard++) {
    while (end > 0 && text[end - 1] === '\n') end--;
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const content = text.slice(start, end).trim();
    if (content.endsWith(':')) return { start, end };
    if (!/^[-+•]/.test(content)) return null;
    end = start - 1;
  }
  return null;
}

function strip(p: PeriodMention): Period {
  return { label: p.label, kind: p.kind, from: p.from, to: p.to, year: p.year };
}

/**
 * The place a figure is about: the last place its clause names before it (the report's own
 * included: "tỉnh Điện Biên còn 28.400 hộ nghèo, trong khi tỉnh Lai Châu còn 21.300"), else a
 * narrower place named after it ("… tại xã Bình Tân"), else the report's place.
 */
/** "tỉnh Trà Vinh", with the type word before the name or inside the mention. */
function writtenAsProvince(folded: string, p: PlaceRef): boolean {
  return (
    folded.startsWith('tinh ', p.start) ||
    /(?:^|[^\p{L}])tinh\s*$/u.test(folded.slice(Math.max(0, p.start - 8), p.start))
  );
}

function choosePlace(
  ctx: Ctx,
  at: number,
  sStart: number,
  sEnd: number,
): { name: string; level: PlaceRef['level'] } | null {
  const own = ctx.report.place;
  // The ';'-clause around the figure, looked for within a few hundred characters only.
  const lo = Math.max(sStart, at - 400);
  const hi = Math.min(sEnd, at + 400);
  const semiBefore = ctx.text.slice(lo, at).lastIndexOf(';');
  const semiAfter = ctx.text.slice(at, hi).indexOf(';');
  const from = semiBefore >= 0 ? lo + semiBefore + 1 : lo;
  const to = semiAfter >= 0 ? at + semiAfter : hi;
  // "thành phố Lào Cai" in the report of tỉnh Lào Cai is the city, not the report's own place.
  const isOwn = (p: PlaceRef) => !!own && p.name === own.name && (p.level === own.level || p.level === 'commune');
  // A table row's first cell names its subject ("Tuy Đức 6.610" under "Số hộ nghèo theo huyện").
  const rowStart = rowStartOf(ctx.text, at);
  if (isTableRow(ctx.text, rowStart)) {
    const label = within(ctx.places, rowStart, at).find((p) => p.start - rowStart <= 4);
    if (label) return { name: label.name, level: label.level };
  }
  const acceptable = within(ctx.places, from, to).filter((p) => {
    if (isOwn(p) || p.level === 'commune') return true;
    if (p.level === 'district')
      return !own || own.level === 'province' ? p.provinceCode === (own?.provinceCode ?? p.provinceCode) : false;
    // A district report's own province, only where it is written as the place ("tỉnh Trà Vinh giảm …").
    if (own && p.provinceCode === own.provinceCode && !(own.level === 'district' && writtenAsProvince(ctx.folded, p)))
      return false;
    // Another province, unless it only names the body that acted ("Trung tâm Dịch vụ việc làm tỉnh Bình Định").
    return !/(?:so|trung tam|hoi|ban|ngan hang|bao hiem xa hoi|cong ty|ubnd|uy ban nhan dan)\s+(?:[\p{L}&-]+\s+){0,6}$/u.test(
      ctx.folded.slice(Math.max(0, p.start - 60), p.start),
    );
  });
  const before = acceptable.filter((p) => p.end <= at);
  // After the figure only "tại xã Bình Tân", "ở huyện X": a place the figure happened in, not a list of where.
  const located = acceptable.find(
    (p) =>
      p.start > at &&
      !isOwn(p) &&
      p.level !== 'province' &&
      /(?:tai|o)\s+(?:xa|phuong|thi tran|huyen|thi xa)?\s*$/u.test(
        ctx.folded.slice(Math.max(0, p.start - 20), p.start),
      ),
  );
  const pick = before[before.length - 1] ?? located;
  // "6 tháng đầu năm 2023 toàn quốc xảy ra … làm 353 người chết" in a city's report: the country's figure.
  const national = [...ctx.folded.slice(from, at).matchAll(/(?:^|[^\p{L}])(?:toan quoc|ca nuoc)(?![\p{L}])/gu)].pop();
  if (
    national &&
    !/(?:so voi|binh quan|chung|cua|trong)\s*$/u.test(
      ctx.folded.slice(Math.max(from, from + (national.index ?? 0) - 12), from + (national.index ?? 0) + 1),
    ) &&
    (!pick || pick.end <= from + (national.index ?? 0))
  )
    return null;
  // "toàn tỉnh còn 3.440 hộ" in a district's report: the province, unless a place follows the words.
  if (own?.level === 'district' && own.province) {
    const whole = [...ctx.folded.slice(from, at).matchAll(/(?:^|[^\p{L}])(?:toan|ca|cua) tinh(?![\p{L}])/gu)].pop();
    if (whole && (!pick || pick.end <= from + (whole.index ?? 0))) return { name: own.province, level: 'province' };
  }
  if (pick && !isOwn(pick)) return { name: pick.name, level: pick.level };
  // Under "2. Kết quả chung toàn tỉnh năm 2024" in a district's report, a figure naming no place is the province's.
  if (own?.level === 'district' && own.province && !pick) {
    const heading = [...ctx.headingScopes].reverse().find((h) => h.start < at);
    if (heading?.province) return { name: own.province, level: 'province' };
  }
  return own ? { name: own.name, level: own.level } : null;
}

const COMMUNE =
  /(?<![\p{L}])(?<![Tt]hị\s+)([Xx]ã|[Pp]hường|[Tt]hị trấn)\s+((?:\p{Lu}[\p{Ll}]*)(?:\s+\p{Lu}[\p{Ll}]*){0,2})/gu;

function findPlaces(report: Report, text: string): PlaceRef[] {
  const out: PlaceRef[] = findPlaceMentions(text).map((m) => ({
    name: m.place.name,
    level: m.place.level,
    start: m.start,
    end: m.end,
    provinceCode: m.place.provinceCode,
  }));
  for (const m of text.matchAll(COMMUNE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (out.some((p) => p.start < end && start < p.end)) continue;
    out.push({ name: m[2] as string, level: 'commune', start, end, provinceCode: report.place?.provinceCode ?? null });
  }
  return out.sort((a, b) => a.start - b.start);
}
