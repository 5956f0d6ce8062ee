// Ranks the corpus's figures against what a question asks: metric, place, period, kind and unit,
// then the words around each figure. Hard constraints (a named place or period) exclude; the rest
// only orders, and the reasons are kept so an answer can say why a figure was chosen.
import type { CorpusView } from '../corpus/port.ts';
import { GROUP_QUALIFIERS } from '../extract/cues.ts';
import { SHARE_QUALIFIER } from '../extract/figures.ts';
import type { Figure } from '../extract/types.ts';
import { countFamily, isMoneyUnit, isPercentUnit } from '../extract/units.ts';
import type { Period, Report } from '../ingest/types.ts';
import { isPlanMetric, METRICS, metricById } from '../lexicon/metrics.ts';
import { placeKey, type QueryPlace } from '../search/places.ts';
import { foldAligned } from '../text/fold-aligned.ts';
import { isTableRow, rowStartOf } from '../text/table-lines.ts';
import { communeOfFigure } from './commune.ts';
import type { Question } from './question.ts';
import { scopeNamedBefore } from './scope-of.ts';

const GROUPS = new Set(GROUP_QUALIFIERS);
const FOLDED_GROUPS = GROUP_QUALIFIERS.map((g) => [g, foldAligned(g)] as const);

/** The snapshot of the corpus port the ranking reads; defined with the port (corpus/port.ts). */
export type { CorpusView };

/**
 * Which figures a ranking keeps: those that fit every named constraint (the answer); those of the
 * named metric that miss at most one of place and period (the nearest figures when nothing fits);
 * or all, with their misfits.
 */
export type Keep = 'fitting' | 'near' | 'all';

export interface Candidate {
  figure: Figure;
  report: Report;
  score: number;
  /** Why the figure did not fit, when it was kept only as a "nearest" suggestion. */
  misfit: string[];
}

export interface Constraints {
  metrics: string[];
  places: QueryPlace[];
  period: Period | null;
  wantsTarget: boolean;
  wantsChange: boolean;
  unitWanted: Question['unitWanted'];
  words: string[];
  /** Phrase the figure's neighbourhood should contain (an item of a list in the question). */
  item?: string[];
  /** Numbers the question gives: figures stated beside them are what it asks about. */
  anchors: number[];
  /** Groups the question names; a figure about another group fits less. */
  groups: string[];
  /** The country or region asked: a figure fits only when its own clause names it. */
  scope?: { id: string; names: string[] } | null;
  /** "Huyện nào của …": a figure of a part of the place named fits as well as the place's own. */
  anyPart?: boolean;
  /**
   * Communes asked (folded): only a figure about one of them fits; with none asked, a commune's own
   * figure is not its district's. Null: not checked (a comparison of a commune with another place).
   */
  communes?: string[] | null;
  /** The counted noun asked ("ho so"): a figure counting another family of things does not fit. */
  countNoun?: string | null;
  /** When given, a figure's sentence must hold one of these folded phrases ("gia vang"); none given, nothing fits. */
  phrases?: string[];
}

export function constraintsOf(q: Question): Constraints {
  return {
    metrics: q.metrics,
    places: q.places,
    period: q.periods[0] ?? null,
    wantsTarget: q.wantsTarget,
    wantsChange: q.wantsChange,
    unitWanted: q.unitWanted,
    words: q.words,
    anchors: q.numbers.map((n) => n.value),
    groups: q.groups,
    countNoun: q.countNoun,
    scope: q.scope,
    anyPart: q.asksWhichPart,
    // A comparison's sides are places and communes together; each side's commune is not told apart here.
    communes: q.communes.length && (q.intent === 'compare' || q.intent === 'difference') ? null : q.communes,
  };
}

/** `fn` computed once per object (figures and reports are immutable once built), forgotten with it. */
function oncePer<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** A figure's folded place, folded once: ranking reads it for every figure of every question. */
const placeKeyOf = oncePer((f: Figure) => placeKey(f.place ?? ''));

/** A report's folded place ("quang tri"), folded once; '' when it names none. */
export const reportPlaceKey = oncePer((report: Report) => (report.place ? placeKey(report.place.name) : ''));

/** Does the figure's place (or its report's) fit the place asked? 2 exact, 1 inside it, 0 not. */
export function placeFit(f: Figure, report: Report, places: QueryPlace[]): number {
  if (!places.length) return 2;
  const fk = placeKeyOf(f);
  let best = 0;
  for (const p of places) {
    // "thành phố Lào Cai" is not "tỉnh Lào Cai": one name, two levels.
    const otherLevel =
      (p.level === 'district' && f.placeLevel === 'province') ||
      (p.level === 'province' && f.placeLevel === 'district');
    if ((p.names.includes(fk) || p.key === fk) && !otherLevel) best = Math.max(best, 2);
    else if (p.level === 'province' && report.place && report.place.provinceCode === p.provinceCode)
      best = Math.max(best, 1);
  }
  return best;
}

const MONTH_SPAN = /(?<!\p{L})(?:tháng|quý|thang|quy)(?!\p{L})/iu;

const spanDays = (p: Period) => (Date.parse(p.to) - Date.parse(p.from)) / 86400_000;

/**
 * A commune asked is answered by that commune's figure only; a place asked without one, not by a
 * commune's figure (the district's own place in a commune's report, "Xã Tham Đôn: … còn 3,82%").
 */
function communeFits(f: Figure, report: Report, c: Constraints): boolean {
  if (c.communes === null) return true;
  const asked = c.communes ?? [];
  if (!asked.length)
    return !c.places.length || c.anyPart === true || communeOfFigure(f, report) === null || f.placeLevel === 'commune';
  const own = communeOfFigure(f, report);
  return own !== null && asked.includes(own.key);
}

/** Does the figure's period fit the period asked? 3 same, 2 inside or same year, 1 overlapping, 0 not. */
export function periodFit(f: Figure, period: Period | null): number {
  if (!period) return 2;
  const fp = f.period;
  if (!fp) return 0;
  if (fp.from === period.from && fp.to === period.to) return 3;
  // A span of months asked ("10 tháng năm 2023") is answered by that span, and a year by the year:
  // "6 tháng đầu năm" or "11 tháng" count other things. A Tết or an event inside the year still fits.
  // Spans ending on the same day ("quý I/2024", "đến hết tháng 3/2024") are the same cumulative count.
  if (
    period.kind === 'during' &&
    fp.kind === 'during' &&
    fp.to !== period.to &&
    (MONTH_SPAN.test(fp.label) || MONTH_SPAN.test(period.label))
  )
    return 0;
  if (fp.from >= period.from && fp.to <= period.to)
    return fp.kind === period.kind || period.kind === 'during' ? 2.5 : 2;
  // "giai đoạn 2021 - 2024" does not answer "năm 2024": a span of years holds more than the year asked.
  if (fp.kind === 'during' && period.kind === 'during' && spanDays(fp) > 400 && spanDays(period) < 400) return 0;
  if (
    period.kind === 'as_of' &&
    fp.kind === 'during' &&
    fp.to.slice(0, 4) === period.to.slice(0, 4) &&
    fp.to >= period.to.slice(0, 4)
  )
    return 2;
  if (fp.from <= period.to && period.from <= fp.to) return fp.to.slice(0, 4) === period.to.slice(0, 4) ? 2 : 1;
  return 0;
}

/** Does a figure's unit count what "bao nhiêu <noun>" asks? Unknown nouns are never ruled out. */
function unitCounts(unit: string, noun: string): boolean {
  // "bao nhiêu căn nhà" is not answered in tỷ đồng, nor by a bare number.
  if (isMoneyUnit(unit) || !unit.trim()) return false;
  const asked = countFamily(noun);
  const has = countFamily(unit);
  return !asked || !has || asked === has;
}

function unitFit(f: Figure, wanted: Question['unitWanted']): number {
  if (!wanted) return 0;
  const isPct = isPercentUnit(f.unit);
  const isMoney = isMoneyUnit(f.unit);
  const isKg = f.unit === 'kg' || f.unit === 'tấn';
  if (wanted === 'percent') return isPct ? 3 : -4;
  if (wanted === 'money') return isMoney ? 3 : -4;
  if (wanted === 'kg') return isKg ? 3 : -3;
  return !isPct && !isMoney ? 1 : -4;
}

const contextCache = new WeakMap<Figure, { near: string; sentence: string }>();
function contextOf(f: Figure, report: Report) {
  let c = contextCache.get(f);
  if (!c) {
    const segStart = Math.max(f.sentenceStart, report.text.lastIndexOf(';', f.start - 1) + 1, f.start - 90);
    const semiAfter = report.text.indexOf(';', f.end);
    const segEnd = Math.min(f.sentenceEnd, semiAfter < 0 ? f.sentenceEnd : semiAfter, f.end + 70);
    c = {
      near: ` ${foldAligned(`${report.text.slice(segStart, segEnd)} ${f.label}`).replace(/[^a-z0-9]+/g, ' ')} `,
      sentence: ` ${foldAligned(report.text.slice(f.sentenceStart, f.sentenceEnd)).replace(/[^a-z0-9]+/g, ' ')} `,
    };
    contextCache.set(f, c);
  }
  return c;
}

const metricPhrases = new Map<string, string[]>();
/** Does a folded sentence (" words ") hold a synonym of one of the metrics? */
function namesMetric(sentence: string, metrics: string[]): boolean {
  return metrics.some((id) => {
    let phrases = metricPhrases.get(id);
    if (!phrases) {
      const m = metricById(id);
      phrases = m
        ? [m.label, ...m.synonyms]
            .map(
              (x) =>
                ` ${foldAligned(x)
                  .replace(/[^a-z0-9]+/g, ' ')
                  .trim()} `,
            )
            .filter((x) => x.trim().includes(' '))
        : [];
      metricPhrases.set(id, phrases);
    }
    return phrases.some((p) => sentence.includes(p));
  });
}

function metricFit(metric: string, metrics: string[]): number {
  if (!metrics.length) return 0;
  if (metrics.includes(metric)) return metrics[0] === metric ? 10 : 8;
  const m = metricById(metric);
  if (m && metrics.some((id) => m.related.includes(id) || metricById(id)?.related.includes(metric))) return 2;
  return -6;
}

/**
 * The figures worth scoring, in corpus order: with an index, those at the named place (a few
 * hundred) or else of an admissible metric; without one, or with nothing to narrow by, all.
 * Always a superset of what `keep` keeps, in the same order, so the ranking is the same.
 */
function* candidates(corpus: CorpusView, c: Constraints, keep: Keep): Iterable<[Figure, Report | undefined]> {
  if (c.phrases && !c.phrases.length) return;
  let pool: readonly Figure[] | undefined;
  // "Huyện nào của …" looks beyond the figures at the place itself, at those of its parts.
  if (keep === 'fitting' && c.places.length && corpus.figuresAtPlaces && !c.anyPart) {
    // A commune's own figures are indexed at the commune ("xã Tản Lĩnh"), not at its district.
    pool = corpus.figuresAtPlaces([...c.places.flatMap((p) => [p.key, ...p.names]), ...(c.communes ?? [])]);
  } else if (keep !== 'all' && c.metrics.length && corpus.figuresWithMetrics) {
    const admissible = [
      ...c.metrics,
      ...METRICS.map((m) => m.id).filter((id) => !c.metrics.includes(id) && metricFit(id, c.metrics) >= 0),
    ];
    pool = corpus.figuresWithMetrics(admissible);
  }
  if (!pool) {
    for (const report of corpus.list()) {
      // A report without the phrase anywhere has no sentence with it: one test instead of one a figure.
      if (c.phrases && !c.phrases.some((p) => plainTextOf(report).includes(p))) continue;
      for (const f of corpus.figuresOf(report.id)) yield [f, report];
    }
    return;
  }
  // The report is looked up only for the figures that pass the cheap tests.
  for (const f of pool) yield [f, undefined];
}

/**
 * Is the figure's subject the country or region asked? Its name must come before the figure in
 * its clause, with no other region named in between ("Tây Nguyên 12,46%, … bình quân cả nước" is
 * the region's, not the country's).
 */
function namesScopeBefore(f: Figure, report: Report, scope: { id: string; names: string[] }): boolean {
  return scopeNamedBefore(f, report)?.id === scope.id;
}

/** Is the figure counted in a unit one of the metrics counts in ("căn nhà" for nhà ở: căn, nhà, hộ)? */
function countsInMetricUnit(f: Figure, metrics: string[]): boolean {
  const family = countFamily(f.unit);
  if (!f.unit.trim()) return false;
  return metrics.some((id) =>
    (metricById(id)?.units ?? []).some(
      (u) => u === f.unit || (family !== null && countFamily(u) === family) || (isMoneyUnit(u) && isMoneyUnit(f.unit)),
    ),
  );
}

/** A report's title folded as `contextOf` folds a sentence. */
const foldedTitleOf = oncePer((report: Report) => ` ${foldAligned(report.title).replace(/[^a-z0-9]+/g, ' ')} `);

/** A report's text folded to letters, digits and single spaces, as `contextOf` folds a sentence. */
const plainTextOf = oncePer((report: Report) => foldAligned(report.text).replace(/[^a-z0-9]+/g, ' '));

const relatedCache = new WeakMap<Figure[], Set<string>>();
/** Ids of the figures some relation of the report names as a partner (a plan, a rate, a part). */
function relatedIds(corpus: CorpusView, reportId: string): Set<string> {
  const figures = corpus.figuresOf(reportId);
  let ids = relatedCache.get(figures);
  if (!ids) {
    ids = new Set(figures.flatMap((f) => [...(f.relation?.with ?? []), ...(f.breakdown ?? [])]));
    relatedCache.set(figures, ids);
  }
  return ids;
}

/** A headline's figure summarises one stated in the body, where its context is. */
function inTitle(f: Figure, report: Report): boolean {
  const sentence = report.text.slice(f.sentenceStart, f.sentenceEnd).trim();
  return sentence === report.title.trim() || (report.title.length > 20 && sentence.includes(report.title.trim()));
}

/**
 * Every figure that could answer, best first. With `keep` 'fitting', figures outside a named place
 * or period, or of another metric when one is named, are dropped; otherwise they are kept with
 * their misfits, for "nearest figures" suggestions (see Keep).
 */
export function rankFigures(corpus: CorpusView, c: Constraints, keep: Keep = 'fitting'): Candidate[] {
  const strict = keep === 'fitting';
  const out: Candidate[] = [];
  const placeWords = new Set(c.places.flatMap((p) => p.names.flatMap((n) => n.split(' '))));
  const words = c.words.filter((w) => !placeWords.has(w));
  const itemText = c.item ? ` ${c.item.join(' ')} ` : '';
  const itemGroups = FOLDED_GROUPS.filter(([, f]) => itemText.includes(` ${f} `)).map(([g]) => g);
  for (const [f, known] of candidates(corpus, c, keep)) {
    // The cheap tests first: with a metric named, most figures are of another one; with a period, of another time.
    let mf = metricFit(f.metric, c.metrics);
    // A figure the lexicon could not name is still answerable when its sentence names the metric asked.
    // Only at a named place, where the place index holds every figure, so index and scan agree.
    if (mf < 0 && strict && c.places.length && !c.anyPart && f.metric.startsWith('other:')) {
      const r = known ?? corpus.get(f.reportId);
      // So is one in a report whose title names it ("… hoàn thành xóa nhà tạm, nhà dột nát năm 2025":
      // "bàn giao 8.915 căn nhà"), counted in a unit of that metric: the programme is the report's
      // subject, not repeated in each sentence. Not a table's cell: its caption and header say what it
      // counts ("01 hộ không bố trí được" in a housing report is not a house built).
      if (
        r &&
        (namesMetric(contextOf(f, r).sentence, c.metrics) ||
          (countsInMetricUnit(f, c.metrics) &&
            !isTableRow(r.text, rowStartOf(r.text, f.start)) &&
            namesMetric(foldedTitleOf(r), c.metrics)))
      )
        mf = 1;
    }
    if (keep !== 'all' && c.metrics.length && mf < 0) continue;
    const tf = periodFit(f, c.period);
    if (strict && tf === 0) continue;
    const report = known ?? corpus.get(f.reportId);
    if (!report) continue;
    // "xã Tản Lĩnh (Ba Vì)": the commune's figure is the place asked, its district only locates it.
    const fit =
      c.communes?.length && f.placeLevel === 'commune' && communeFits(f, report, c) ? 2 : placeFit(f, report, c.places);
    const pf = fit === 1 && c.anyPart && f.placeLevel !== 'province' ? 2 : fit;
    const misfit: string[] = [];
    // A district's figure is not its province's (nor the reverse): offered as nearest, never as the answer.
    if (pf < 2 || !communeFits(f, report, c)) misfit.push('place');
    if (tf === 0) misfit.push('period');
    if (c.metrics.length && mf < 0) misfit.push('metric');
    if (c.countNoun && !unitCounts(f.unit, c.countNoun)) misfit.push('unit');
    // "98,66% tổng số hộ nghèo" is a share of the poor, not the poverty rate asked.
    if (f.qualifiers.includes(SHARE_QUALIFIER) && !c.words.some((w) => w === 'tong' || w === 'chiem' || w === 'trong'))
      misfit.push('share');
    if (strict && misfit.length) continue;
    if (keep === 'near' && misfit.length > 1) continue;

    const ctx = contextOf(f, report);
    if (c.scope && !namesScopeBefore(f, report, c.scope)) {
      if (strict) continue;
      misfit.push('place');
      if (keep === 'near' && misfit.length > 1) continue;
    }
    if (c.phrases && !c.phrases.some((p) => ctx.sentence.includes(` ${p} `))) continue;
    let score = mf + pf * 2 + tf * 1.5 + unitFit(f, c.unitWanted);
    const nearHits = words.filter((w) => ctx.near.includes(` ${w} `)).length;
    const sentHits = words.filter((w) => ctx.sentence.includes(` ${w} `)).length;
    if (words.length) score += (4 * nearHits + 2 * sentHits) / words.length;
    if (c.item?.length) {
      const itemHits = c.item.filter((w) => ctx.near.includes(` ${w} `)).length;
      score += (8 * itemHits) / c.item.length;
    }
    const figureGroups = f.qualifiers.filter((g) => GROUPS.has(g));
    const shared = figureGroups.filter((g) => c.groups.includes(g)).length;
    score += 4 * shared - 2 * (figureGroups.length - shared);
    if (itemGroups.some((g) => figureGroups.includes(g))) score += 6;
    if (f.kind === 'target') score += c.wantsTarget ? 6 : -8;
    else if (c.wantsTarget) score -= 3;
    if (f.kind === 'change') score += c.wantsChange ? 5 : -3;
    else if (c.wantsChange) score -= 2;
    if (isPlanMetric(f.metric)) score -= 5;
    // A figure stated with its context (a plan, a rate) beats the same number in a headline;
    // an approximate one ("hơn 47 nghìn") loses to the exact one.
    if (f.relation || relatedIds(corpus, report.id).has(f.id)) score += 0.5;
    if (inTitle(f, report)) score -= 1;
    if (f.qualifiers.some((q) => /^(?:hơn|trên|gần|khoảng|dưới)$/u.test(q))) score -= 1.5;
    if (c.anchors.includes(f.value)) score -= 2;
    else if (
      c.anchors.length &&
      corpus.figuresOf(report.id).some((g) => g.sentenceStart === f.sentenceStart && c.anchors.includes(g.value))
    )
      score += 4;
    out.push({ figure: f, report, score, misfit });
  }
  return out.sort((a, b) => b.score - a.score || a.figure.start - b.figure.start);
}
