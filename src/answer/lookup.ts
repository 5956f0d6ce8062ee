// The lookup every question type builds on: the figure whose evidence covers the question
// (answerValue), how a figure is said with its related figures (sayFigure), the best candidate for
// a set of constraints, and the unit families computations need.
import type { AskResponse } from '../contract.ts';
import { SUBGROUP_QUALIFIERS } from '../extract/cues.ts';
import type { Figure } from '../extract/types.ts';
import { isMoneyUnit, isPercentUnit, MONEY_UNITS, normaliseValue } from '../extract/units.ts';
import type { Report } from '../ingest/types.ts';
import { countMetricOf, isPlanMetric, metricById } from '../lexicon/metrics.ts';
import type { QueryPlace } from '../search/places.ts';
import { foldAligned } from '../text/fold-aligned.ts';
import type { AnswerBuilder } from './builder.ts';
import { captionAbove, clausePrecision, evidenceOf } from './evidence.ts';
import {
  capitalise,
  describePeriod,
  describePlace,
  formatValue,
  kindNote,
  metricLabel,
  statedValue,
  targetWord,
} from './present.ts';
import type { Question } from './question.ts';
import { type Candidate, type Constraints, type CorpusView, constraintsOf, rankFigures } from './retrieve.ts';

/** The metric asked is itself an average ("thu nhập bình quân đầu người"), by its lexicon label. */
export function metricsAreAverages(q: Question) {
  return q.metrics.some((m) => /bình quân|đầu người|trung bình/u.test(metricById(m)?.label ?? ''));
}

// An average or per-head amount ("thu nhập bình quân") is a figure of its own, never a division.
export function metricsAreAmounts(q: Question) {
  return q.metrics.some((m) => metricById(m)?.kind === 'amount');
}

/**
 * What a question naming no metric is about: its words (places and time words aside) and their
 * neighbouring pairs, since "tỷ giá" is not "tỷ lệ … tham gia". Null when it names a metric.
 */
function topicOf(q: Question): { words: string[]; pairs: string[] } | null {
  if (q.metrics.length) return null;
  const placeWords = new Set(q.places.flatMap((p) => p.names.flatMap((n) => n.split(' '))));
  const words = q.words.filter(
    (w) => !placeWords.has(w) && !/^(?:nam|thang|cuoi|dau|quy|so|bao|nhieu|hom|nay)$/.test(w),
  );
  return { words, pairs: words.slice(1).map((w, i) => `${words[i]} ${w}`) };
}

/** Is a candidate about what was asked? With no metric named, most of the words must be in its sentence. */
function relevant(topic: { words: string[] } | null, cands: Candidate[]): Candidate[] {
  if (!topic) return cands;
  const { words } = topic;
  return cands.filter((c) => {
    // A table row is read with its caption and header, which say what its cells count.
    const own = `${c.report.text.slice(c.figure.sentenceStart, c.figure.sentenceEnd)} ${captionAbove(c.report.text, c.figure.start)}`;
    const ctx = ` ${foldAligned(own).replace(/[^a-z0-9]+/g, ' ')} `;
    const hits = words.filter((w) => ctx.includes(` ${w} `)).length;
    return hits >= Math.max(2, Math.ceil(words.length * 0.6));
  });
}

/**
 * The candidate whose own words cover the question clearly better than the best-scored one's
 * ("6 người chết" over "19 người bị nạn" for "bao nhiêu người chết"); undefined when none does.
 */
export function byEvidence(q: Question, cands: Candidate[]): Candidate | undefined {
  const [top] = cands;
  if (!top || !q.terms.length) return undefined;
  const cover = (c: Candidate) => evidenceOf(q.terms, [c], q.metrics).coverage;
  const base = cover(top);
  let best: Candidate | undefined;
  let bestCover = base + 0.15;
  for (const c of cands.slice(1)) {
    const v = cover(c);
    if (v >= bestCover) {
      best = c;
      bestCover = v;
    }
  }
  if (best) return best;
  // A word of the question found nowhere near the best-scored figure, and another figure that has
  // every word at least as well: the complete one ("đạt 68,4% kế hoạch" over "6,9%" for "% kế hoạch").
  if (evidenceOf(q.terms, [top], q.metrics).missing.length) {
    const complete = cands.slice(1).find((c) => {
      const e = evidenceOf(q.terms, [c], q.metrics);
      return !e.missing.length && e.coverage >= base;
    });
    if (complete) return complete;
  }
  // Equal cover and a close score: the figure whose own clause says no more than was asked.
  const tied = cands
    .slice(1)
    .filter((c) => c.score >= top.score - 1.5 && Math.abs(cover(c) - base) < 1e-9 && c.figure.unit === top.figure.unit);
  if (!tied.length) return undefined;
  const precision = (c: Candidate) => clausePrecision(q.terms, c.figure, c.report);
  const own = precision(top);
  const sharper = tied.reduce((a, c) => (precision(c) > precision(a) ? c : a));
  return precision(sharper) >= own + 0.2 ? sharper : undefined;
}

/**
 * Can this figure be the answer at all? A plan never answers a question about what was done, nor a
 * change one about a level ("còn bao nhiêu" is not "tăng 10%"), nor a rate one asking for a count.
 */
export function answersKind(q: Question, f: Figure): boolean {
  if (f.kind === 'target' && !q.wantsTarget) return false;
  // A rate asked and no count named ("tỷ lệ … là bao nhiêu"): a count is not the answer.
  if (q.unitWanted === 'percent' && !q.countNoun && !isPercentUnit(f.unit)) return false;
  if (f.kind === 'change' && !q.wantsChange && metricById(f.metric)?.kind !== 'change') return false;
  const asked = q.metrics[0] ? metricById(q.metrics[0]) : undefined;
  if (asked?.kind === 'count' && q.unitWanted !== 'percent' && isPercentUnit(f.unit) && !q.metrics.includes(f.metric))
    return false;
  return true;
}

/**
 * A lookup naming a metric is answered by a figure of that metric (or one the lexicon could not
 * name): "hộ cận nghèo" is related to "hộ nghèo" but is not it, so 412 hộ cận nghèo never answers
 * "bao nhiêu hộ nghèo".
 */
/** "hộ dân tộc Khmer giảm 78 hộ nghèo" is not the district's reduction: a subgroup's figure answers only a question naming a subgroup. */
function answersGroup(q: Question, f: Figure): boolean {
  const sub = f.qualifiers.filter((x) => SUBGROUP_QUALIFIERS.includes(x));
  return (
    !sub.length ||
    q.groups.some((g) => SUBGROUP_QUALIFIERS.includes(g)) ||
    /\b(?:dtts|dan toc|khmer|dong bao|nu)\b/.test(q.folded)
  );
}

export function answersMetric(q: Question, f: Figure): boolean {
  if (!q.metrics.length || q.metrics.includes(f.metric) || f.metric.startsWith('other:')) return true;
  const kind = metricById(f.metric)?.kind;
  // A rate or a change of the series asked ("tỷ lệ hộ nghèo" for "hộ nghèo … chiếm bao nhiêu") stays admissible.
  return q.metrics.some((m) => metricById(m)?.kind !== kind);
}

export function sameSeries(a: Figure, b: Figure) {
  return a.metric === b.metric && a.place === b.place && a.unit === b.unit;
}

export function answerValue(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const topic = topicOf(q);
  // The pairs are a constraint of the ranking, so a national corpus is not scanned for them.
  const cands = relevant(
    topic,
    rankFigures(corpus, { ...constraintsOf(q), ...(topic ? { phrases: topic.pairs } : {}) }),
  ).filter((x) => answersKind(q, x.figure) && answersMetric(q, x.figure) && answersGroup(q, x.figure));
  const top = cands[0];
  if (!top) return null;

  // Several places fit and the question names none: say which, rather than pick one.
  if (!q.places.length && !q.scope && !q.communes.length) {
    const close = cands.filter((x) => x.score >= top.score - 1 && x.figure.metric === top.figure.metric);
    const places = [...new Set(close.map((x) => x.figure.place))];
    if (places.length > 1) {
      b.say(
        `Câu hỏi chưa nêu địa bàn; các báo cáo có số liệu ${metricLabel(top.figure.metric)} của: ${places.join(', ')}.`,
      );
      for (const x of close
        .filter((x, i, all) => all.findIndex((y) => y.figure.place === x.figure.place) === i)
        .slice(0, 4)) {
        b.say(
          `- ${describePlace(x.figure, x.report)}, ${describePeriod(x.figure.period)}: ${statedValue(x.figure)}${kindNote(x.figure)} ${b.cite(x.figure, x.report)}`,
        );
        b.suggestions.push(
          `${capitalise(metricLabel(x.figure.metric))} ${x.figure.place} ${describePeriod(x.figure.period)}`,
        );
      }
      return 'ambiguous';
    }
  }

  // No period asked: the latest the reports hold for this series, said explicitly.
  let chosen = byEvidence(q, cands.slice(0, 12)) ?? top;
  if (!q.periods.length) {
    const series = cands.filter(
      (x) => sameSeries(x.figure, top.figure) && x.figure.kind === top.figure.kind && x.score >= top.score - 3,
    );
    const latest = series.reduce((a, x) => ((x.figure.period?.to ?? '') > (a.figure.period?.to ?? '') ? x : a), chosen);
    chosen = latest;
  }
  sayFigure(corpus, b, chosen, true);
  if (!q.periods.length) {
    const periods = new Set(
      cands.filter((x) => sameSeries(x.figure, chosen.figure)).map((x) => describePeriod(x.figure.period)),
    );
    if (periods.size > 1)
      b.say(
        `Câu hỏi không nêu thời điểm; đây là số liệu mới nhất các báo cáo có (${describePeriod(chosen.figure.period)}).`,
      );
  }
  // The plan that goes with a result, when there is one and it is not the same figure: labelled as a plan.
  if (!q.wantsTarget && chosen.figure.kind === 'result' && !q.periods.length) {
    const plan = cands.find(
      (x) =>
        x.figure.kind === 'target' &&
        x.figure.metric === chosen.figure.metric &&
        x.figure.place === chosen.figure.place &&
        (x.figure.period?.from ?? '') > (chosen.figure.period?.from ?? ''),
    );
    if (plan)
      b.say(
        `Kế hoạch ${describePeriod(plan.figure.period)}: ${statedValue(plan.figure)}${kindNote(plan.figure)} ${b.cite(plan.figure, plan.report)}.`,
      );
  }
  return 'answered';
}

/** One figure in a sentence, with the figures its sentence ties to it (rate, plan, attainment, money). */
export function sayFigure(corpus: CorpusView, b: AnswerBuilder, c: Candidate, withRelated: boolean) {
  const f = c.figure;
  const marker = b.cite(f, c.report);
  const period = describePeriod(f.period);
  const head = `${capitalise(f.label)} của ${describePlace(f, c.report)}${period ? ` ${period}` : ''}`;
  const extras = withRelated
    ? relatedOf(corpus, f, c.report).map((g) => {
        b.cite(g, c.report);
        return roleOf(f, g);
      })
    : [];
  b.say(
    `${head}: ${f.kind === 'target' ? `${targetWord(f)} ` : ''}${statedValue(f)}${kindNote(f)}${extras.length ? `; ${extras.join(', ')}` : ''} ${marker}.`,
  );
}

/** How a related figure reads next to the main one: "kế hoạch 6.400 người", "chiếm 7,71%", "kinh phí 616 triệu đồng". */
function roleOf(main: Figure, g: Figure): string {
  const v = formatValue(g.value, g.unit);
  if (isPlanMetric(g.metric) || g.kind === 'change') return statedValue(g);
  if (g.kind === 'target' && main.kind !== 'target') return `kế hoạch ${v}`;
  if (main.kind === 'target' && g.kind === 'result') return `kết quả thực hiện ${v}`;
  if (g.unit === main.unit && g.value < main.value && main.sentenceStart === g.sentenceStart && !isPercentUnit(g.unit))
    return `trong đó ${v}`;
  if (g.unit === '%') return `chiếm ${v}`;
  if (isMoneyUnit(g.unit)) return `kinh phí ${v}`;
  return v;
}

function relatedOf(corpus: CorpusView, f: Figure, report: Report): Figure[] {
  const all = corpus.figuresOf(report.id);
  const out: Figure[] = [];
  if (f.relation)
    for (const id of f.relation.with) {
      const g = all.find((x) => x.id === id);
      if (g && f.relation.type !== 'parts_of_total') out.push(g);
    }
  // A figure that is itself the partner of another (the plan of "7.000/6.400") shows its main figure.
  const owner = all.find((x) => x.relation?.with.includes(f.id));
  if (owner && owner.relation?.type !== 'parts_of_total')
    out.push(
      owner,
      ...(owner.relation?.with ?? [])
        .map((id) => all.find((x) => x.id === id))
        .filter((g): g is Figure => !!g && g.id !== f.id),
    );
  // "17.400 lượt người, đạt khoảng 54,38% kế hoạch", "3.640 lao động, trong đó 65% đã qua đào tạo":
  // the percentage right after a count, before any other number of its sentence, goes with it.
  // "giảm được 0,77% số hộ nghèo (290 hộ)": the change in the other unit, written beside it.
  if (!out.length && f.kind === 'change') {
    const prev = [...all].reverse().find((g) => g.sentenceStart === f.sentenceStart && g.end <= f.start);
    if (
      prev &&
      prev.kind === 'change' &&
      prev.unit !== f.unit &&
      /^[^()]*\(\s*$/u.test(report.text.slice(prev.end, f.start))
    )
      out.push(prev);
  }
  if (!out.length && !isPercentUnit(f.unit)) {
    const next = all.find((g) => g.sentenceStart === f.sentenceStart && g.start > f.end && g.id !== f.id);
    if (
      next &&
      isPercentUnit(next.unit) &&
      next.kind !== 'change' &&
      next.kind !== 'target' &&
      !/[;.]/.test(report.text.slice(f.end, next.start))
    )
      out.push(next);
    // "Tổng kinh phí … 697,8 tỷ đồng, trong đó kinh phí Trung ương hỗ trợ 292,9 tỷ đồng": the part a total names.
    else if (
      next &&
      next.unit === f.unit &&
      next.kind === f.kind &&
      next.value < f.value &&
      /(?<!\p{L})trong đó(?!\p{L})/iu.test(report.text.slice(f.end, next.start)) &&
      !/[;.]/.test(report.text.slice(f.end, next.start))
    )
      out.push(next);
  }
  // "tỷ lệ … là 5,71%; tổng số hộ … là 1.586.336 hộ", "Tây Nguyên | 12,46 | 195.795": a rate and the
  // count of the same households and period stated right after it go together.
  if (!out.length && isPercentUnit(f.unit) && f.kind === 'result') {
    const next = all.find((g) => g.sentenceStart === f.sentenceStart && g.start > f.end);
    const sameCount = next && (next.metric === f.metric || next.metric === countMetricOf(f.metric));
    const samePeriod = next && next.period?.from === f.period?.from && next.period?.to === f.period?.to;
    if (
      next &&
      sameCount &&
      samePeriod &&
      next.kind === 'result' &&
      !isPercentUnit(next.unit) &&
      !isMoneyUnit(next.unit) &&
      next.unit &&
      !/[.\n]/.test(report.text.slice(f.end, next.start))
    )
      out.push(next);
  }
  return out;
}

// ——— computations ———

export function best(corpus: CorpusView, c: Constraints): Candidate | undefined {
  return rankFigures(corpus, c)[0];
}

export function unitFamily(u: string) {
  if (isMoneyUnit(u)) return 'money';
  if (isPercentUnit(u)) return '%';
  return 'count';
}

/** Counts add up only when they count the same thing: people, households, persons in them … */
export function countKey(u: string) {
  if (isMoneyUnit(u)) return 'money';
  if (/^(?:người|lao động|người lao động|lượt lao động|lượt người)$/u.test(u)) return 'people';
  if (/^(?:hộ|hộ gia đình|lượt hộ)$/u.test(u)) return 'households';
  if (/^(?:nhân khẩu|khẩu)$/u.test(u)) return 'members';
  return u;
}

/** Adds values in a common unit: money in the smallest money unit used, counts as they are. */
export function commonMoneyUnit(figs: Figure[]): string {
  const units = figs.map((f) => f.unit).filter(isMoneyUnit);
  return units.sort((a, b) => (MONEY_UNITS[a] ?? 1) - (MONEY_UNITS[b] ?? 1))[0] ?? 'đồng';
}

export function inUnit(f: Figure, unit: string) {
  return isMoneyUnit(f.unit) ? normaliseValue(f.value, f.unit) / (MONEY_UNITS[unit] ?? 1) : f.value;
}

/** The listed items of a question: "hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo" → three items. */

/** The places a question names, once each (a province and a town can share a name). */
export function uniquePlaces(places: QueryPlace[]): QueryPlace[] {
  return places.filter((p, i) => places.findIndex((x) => x.key === p.key) === i);
}
