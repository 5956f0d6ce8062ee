// The deterministic answerer: a question (and the conversation so far) → figures → computations →
// a Vietnamese answer with citations. No language model; every number is a figure or computed here.
import type { AskBody, AskResponse } from '../contract.ts';
import { SUBGROUP_QUALIFIERS } from '../extract/cues.ts';
import type { Figure } from '../extract/types.ts';
import { isMoneyUnit, isPercentUnit, MONEY_UNITS, normaliseValue } from '../extract/units.ts';
import { resolvePlaceName } from '../ingest/gazetteer.ts';
import type { Report } from '../ingest/types.ts';
import { countMetricOf, findMetricMentions, isPlanMetric, metricById, rateMetricOf } from '../lexicon/metrics.ts';
import type { QueryPlace } from '../search/places.ts';
import { foldAligned } from '../text/fold-aligned.ts';
import { findPeriods } from '../text/periods.ts';
import { formatViNumber } from '../text/vi-number.ts';
import { AnswerBuilder, ComputationError } from './builder.ts';
import { SCOPE_LABELS, SCOPES } from './cues.ts';
import { captionAbove, clausePrecision, evidenceOf } from './evidence.ts';
import { answerLevelBeforeChange } from './ops/level-before-change.ts';
import { answerShareOfListed } from './ops/share-of-listed.ts';
import { answerTotalLessPart, asksTotalLessPart, LESS_WORDS } from './ops/total-less-part.ts';
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
import { fitsUnitWanted as fitsUnit, parseQuestion, type Question } from './question.ts';
import {
  type Candidate,
  type Constraints,
  type CorpusView,
  constraintsOf,
  periodFit,
  rankFigures,
  reportPlaceKey,
} from './retrieve.ts';
import { answerSeries } from './series.ts';

type Understood = NonNullable<AskResponse['understood']>;

export function answerQuestion(corpus: CorpusView, body: AskBody): AskResponse {
  const q = withHistory(parseQuestion(body.question), body.history);
  if (q.intent === 'source') return answerSource(corpus, body);
  const understood: Understood = {
    intent: q.intent,
    metrics: q.metrics,
    places: [...uniquePlaces(q.places).map((p) => p.key), ...(q.scope ? [q.scope.names[0] as string] : [])],
    period: q.periods[0] ? describePeriod(q.periods[0]) : null,
  };
  const b = new AnswerBuilder();
  let handled: AskResponse['status'] | null;
  try {
    handled = dispatch(corpus, q, b);
  } catch (err) {
    if (!(err instanceof ComputationError)) throw err;
    handled = null;
  }
  if (handled === 'answered') {
    const evidence = answerEvidence(corpus, q, b);
    // A quantity the report does not state (the plan or the base behind a stated result) is named
    // by words no figure holds: those words do not count against the inputs.
    const inferred = q.intent === 'implied_base' || q.intent === 'implied_target' || b.inferred;
    const needed = evidence.missing.length && !inferred ? MIN_COVERAGE_WITH_MISSING : MIN_COVERAGE;
    if (evidence.coverage >= needed) return b.build(handled, { ...understood, evidence });
    return notFound(corpus, q, {
      ...understood,
      evidence: {
        ...evidence,
        reasons: [
          ...evidence.reasons,
          `độ phủ ${formatViNumber(evidence.coverage, 2)} dưới ngưỡng ${formatViNumber(needed, 2)}: không trả lời`,
        ],
      },
    });
  }
  if (handled) return b.build(handled, understood);
  return notFound(corpus, q, understood);
}

/**
 * Below this share of the question's content words in the chosen figures' own words, the answer
 * is "không tìm thấy": a cited number about something else is worse than none.
 */
const MIN_COVERAGE = 0.7;
/** A question word found nowhere near the figures (not even in their passage) hints at another subject: demand more. */
const MIN_COVERAGE_WITH_MISSING = 0.85;

/** How well the facts an answer states cover the question (evidence.ts), with the reasons a reader sees. */
function answerEvidence(corpus: CorpusView, q: Question, b: AnswerBuilder): NonNullable<Understood['evidence']> {
  const used = b.facts.flatMap((fact) => {
    const figure = corpus.figuresOf(fact.reportId).find((f) => f.id === fact.id);
    const report = corpus.get(fact.reportId);
    return figure && report ? [{ figure, report }] : [];
  });
  // A change computed from two levels answers "giảm/tăng bao nhiêu" itself, as its unit answers "hộ".
  const terms =
    q.wantsChange && b.computations.length
      ? operandTerms(q).filter((t) => t.folded !== 'giam' && t.folded !== 'tang')
      : operandTerms(q);
  const e = evidenceOf(
    terms,
    used,
    q.metrics,
    b.computations.map((c) => c.unit),
  );
  const reasons = [
    `các từ của câu hỏi: ${q.terms.map((t) => t.folded).join(', ') || '(không có)'}`,
    ...(e.missing.length ? [`không thấy quanh số liệu: ${e.missing.join(', ')}`] : []),
  ];
  return { coverage: Math.round(e.coverage * 1000) / 1000, missing: e.missing, reasons };
}

/**
 * The question's words that name what the figures count, without those that name the operation:
 * "cả hai cổng" says how many parts to add, "từ nguồn khác" that a part is set aside.
 */
function operandTerms(q: Question) {
  const drop = new Set<string>();
  const parts = /\bca (?:hai|ba|bon) ((?:[a-z]+ ?){1,2})/.exec(q.plain)?.[1];
  if (parts) for (const w of parts.trim().split(' ')) drop.add(w);
  if (q.intent === 'remainder') for (const w of ['khac', 'nguon', 'con', 'lai']) drop.add(w);
  if (asksTotalLessPart(q)) for (const w of LESS_WORDS) drop.add(w);
  return drop.size ? q.terms.filter((t) => !drop.has(t.folded)) : q.terms;
}

function dispatch(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  switch (q.intent) {
    case 'sum':
      // "tổng số trừ BHXH tự nguyện": a total less a part is not a sum.
      if (asksTotalLessPart(q)) return answerTotalLessPart(corpus, q, b) ?? answerValue(corpus, q, b);
      return answerSum(corpus, q, b) ?? answerLevelBeforeChange(corpus, q, b) ?? answerValue(corpus, q, b);
    case 'difference':
    case 'compare':
      // Two places or two periods named: one figure alone would drop a side of the comparison.
      return (
        answerComparison(corpus, q, b) ??
        (uniquePlaces(q.places).length > 1 || q.periods.length > 1 ? null : answerValue(corpus, q, b))
      );
    case 'share':
    case 'times':
      return (
        (q.intent === 'share' ? answerShareOfListed(corpus, q, b) : null) ??
        answerRatio(corpus, q, b) ??
        answerValue(corpus, q, b)
      );
    case 'attainment':
    case 'exceed':
      return answerPlanGap(corpus, q, b) ?? answerValue(corpus, q, b);
    case 'implied_base':
      return answerImpliedBase(corpus, q, b) ?? answerValue(corpus, q, b);
    case 'implied_target':
      return answerImpliedTarget(corpus, q, b) ?? answerValue(corpus, q, b);
    case 'per_unit':
      // "thu nhập bình quân đầu người" is a figure of its own, an average already: looked up, never divided.
      if (metricsAreAverages(q)) return answerValue(corpus, q, b);
      return answerPerUnit(corpus, q, b) ?? (metricsAreAmounts(q) ? null : answerValue(corpus, q, b));
    case 'list':
      return answerList(corpus, q, b) ?? answerValue(corpus, q, b);
    case 'remainder':
      // Without the part and its total, one figure would answer something else: no fallback.
      return answerRemainder(corpus, q, b);
    default:
      return (
        (asksTotalLessPart(q) ? answerTotalLessPart(corpus, q, b) : null) ??
        answerSeries(corpus, q, b) ??
        (q.wantsChange ? answerChangeFromLevels(corpus, q, b) : null) ??
        answerEach(corpus, q, b) ??
        answerLevelBeforeChange(corpus, q, b) ??
        answerValue(corpus, q, b) ??
        answerLevelBefore(corpus, q, b)
      );
  }
}

/**
 * "bao nhiêu hộ nghèo và hộ cận nghèo", "tỷ lệ … là bao nhiêu, có bằng cấp bao nhiêu": a lookup
 * naming several metrics asks for each. Answered only when every one named is found; a metric the
 * first figure already brings with it (its rate) is not looked up again. Null: one metric or a miss.
 */
function answerEach(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  if (q.metrics.length < 2 || q.wantsChange) return null;
  const asks = q.metrics
    .slice(0, 3)
    .map((m) => ({ ...q, metrics: [m], groups: q.groups.filter((g) => !groupOfMetricLabel(m).includes(g)) }));
  // Each ask tried alone first: the figure it would state, so one figure is never stated twice.
  const kept: Question[] = [];
  const stated = new Set<string>();
  for (const one of asks) {
    if ([...stated].some((id) => id.split('\u0000')[1] === one.metrics[0])) continue;
    const trial = new AnswerBuilder();
    if (answerValue(corpus, one, trial) !== 'answered') return null;
    const main = trial.facts[0];
    if (!main || [...stated].some((id) => id.startsWith(`${main.id}\u0000`))) continue;
    for (const f of trial.facts) stated.add(`${f.id}\u0000${f.metric}`);
    kept.push(one);
  }
  if (kept.length < 2) return null;
  for (const one of kept) answerValue(corpus, one, b);
  return 'answered';
}

/** The group a count metric names ("số hộ cận nghèo" → "hộ cận nghèo"): not a qualifier of the other asks. */
function groupOfMetricLabel(id: string): string[] {
  const label = metricById(id)?.label.replace(/^số\s+/u, '') ?? '';
  return label ? [label] : [];
}

/**
 * "Năm 2021 giảm được bao nhiêu hộ nghèo?" when the report states only the levels ("đầu năm 2021
 * … 1.596 hộ nghèo", "cuối năm … còn 1.032 hộ"): the change is their difference, computed.
 */
function answerChangeFromLevels(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const base = constraintsOf(q);
  // A change the report states is the answer itself.
  if (rankFigures(corpus, base)[0]?.figure.kind === 'change') return null;
  // "Năm 2023 … giảm bao nhiêu so với năm 2022": the levels of the two years named.
  const years = q.periods.length >= 2 ? q.periods : null;
  const cands = rankFigures(corpus, { ...base, wantsChange: false, ...(years ? { period: null } : {}) }).filter(
    (x) => !years || years.some((p) => periodFit(x.figure, p) >= 2.5),
  );
  const top = cands[0];
  if (!top) return null;
  const series = cands.filter(
    (x) =>
      x.figure.kind === 'result' &&
      sameSeries(x.figure, top.figure) &&
      x.figure.period &&
      x.report.id === top.report.id,
  );
  const byTime = [...series].sort((x, y) => (x.figure.period?.to ?? '').localeCompare(y.figure.period?.to ?? ''));
  const first = byTime[0];
  // Of several figures of the latest period, the best-scored (the sort is stable, the candidates ranked):
  // "Vân Hòa chỉ còn 34 hộ nghèo" over another commune's 21 hộ of the same year.
  const latest = byTime[byTime.length - 1]?.figure.period?.to;
  const last = byTime.find((x) => x.figure.period?.to === latest);
  if (!first || !last || first.figure.period?.to === last.figure.period?.to) return null;
  const diff = last.figure.value - first.figure.value;
  sayFigure(corpus, b, first, false);
  sayFigure(corpus, b, last, false);
  const formula = `${formatViNumber(first.figure.value, 4)} − ${formatViNumber(last.figure.value, 4)}`;
  const shown = b.compute(
    diff <= 0 ? 'Mức giảm' : 'Mức tăng',
    diff <= 0 ? formula : `${formatViNumber(last.figure.value, 4)} − ${formatViNumber(first.figure.value, 4)}`,
    Math.abs(diff),
    top.figure.unit,
    [first.figure, last.figure],
  );
  b.lines.unshift(
    `${diff <= 0 ? 'Giảm' : 'Tăng'} ${shown} (= ${diff <= 0 ? formula : `${formatViNumber(last.figure.value, 4)} − ${formatViNumber(first.figure.value, 4)}`}), từ ${describePeriod(first.figure.period)} đến ${describePeriod(last.figure.period)}; đây là số tính toán từ hai số liệu của báo cáo.`,
  );
  return 'answered';
}

/** "… giảm 7,69% so năm 2023", "giảm 24,07% so với cuối năm 2015": the year a stated change is measured from. */
const CHANGE_BASE_YEAR =
  /^\s*%?\s*\)?\s*,?\s*(?:so (?:voi )?(?:cung ky )?(?:thoi diem )?(?:cuoi |dau )?(?:nam )?)(\d{4}|truoc)\b/;

/** The base year of a change stated right after it; "so với năm trước" is the year before the change's own. */
function changeBaseYear(c: Candidate): string | undefined {
  // A page footer can fall inside the phrase ("so với\nTrang 2/4\nnăm trước").
  const after = foldAligned(c.report.text.slice(c.figure.end, c.figure.end + 60))
    .replace(/\btrang \d+\s*\/\s*\d+\b/g, ' ')
    .replace(/\s+/g, ' ');
  const m = CHANGE_BASE_YEAR.exec(after)?.[1];
  if (m !== 'truoc') return m;
  const own = c.figure.period?.to.slice(0, 4);
  return own ? String(Number(own) - 1) : undefined;
}

/**
 * "Tỷ lệ hộ nghèo năm 2023 là bao nhiêu?" when the report states only a later level and the change
 * since then ("năm 2024 còn 33,05%, giảm 7,69% so năm 2023"): the level before the change, computed
 * (33,05 + 7,69). The change must name the year asked as its base, and the level be in its sentence.
 */
function answerLevelBefore(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const asked = q.periods[0];
  if (!asked || q.wantsChange || q.wantsTarget) return null;
  const year = asked.to.slice(0, 4);
  const changes = rankFigures(corpus, { ...constraintsOf(q), period: null, wantsChange: true }).filter(
    (x) =>
      (x.figure.kind === 'change' && answersMetric({ ...q, metrics: q.metrics.map((m) => m) }, x.figure)) ||
      (x.figure.kind === 'change' && !q.metrics.length),
  );
  for (const c of changes.slice(0, 8)) {
    if (changeBaseYear(c) !== year) continue;
    const dir = c.figure.qualifiers.includes('tăng') ? 1 : c.figure.qualifiers.includes('giảm') ? -1 : 0;
    if (!dir) continue;
    const level = corpus
      .figuresOf(c.report.id)
      .filter(
        (g) =>
          g.sentenceStart === c.figure.sentenceStart &&
          g.kind === 'result' &&
          g.unit === c.figure.unit &&
          g.start < c.figure.start &&
          g.place === c.figure.place,
      )
      .pop();
    if (!level || (q.unitWanted === 'percent') !== isPercentUnit(level.unit)) continue;
    const levelCand = { ...c, figure: level };
    sayFigure(corpus, b, levelCand, false);
    sayFigure(corpus, b, c, false);
    const sign = dir < 0 ? '+' : '−';
    const formula = `${formatViNumber(level.value, 4)} ${sign} ${formatViNumber(c.figure.value, 4)}`;
    const value = dir < 0 ? level.value + c.figure.value : level.value - c.figure.value;
    const shown = b.compute(`Mức năm ${year} suy ra`, formula, value, level.unit, [level, c.figure]);
    b.lines.unshift(
      `Năm ${year} khoảng ${shown} (= ${formula}): mức ${describePeriod(level.period)} cộng lại phần đã ${dir < 0 ? 'giảm' : 'tăng'} so với năm ${year}; đây là số tính toán.`,
    );
    return 'answered';
  }
  return null;
}

/** The metric asked is itself an average ("thu nhập bình quân đầu người"), by its lexicon label. */
function metricsAreAverages(q: Question) {
  return q.metrics.some((m) => /bình quân|đầu người|trung bình/u.test(metricById(m)?.label ?? ''));
}

// An average or per-head amount ("thu nhập bình quân") is a figure of its own, never a division.
function metricsAreAmounts(q: Question) {
  return q.metrics.some((m) => metricById(m)?.kind === 'amount');
}

/** Follow-ups keep the metric, place and period of the previous question unless they name new ones. */
function withHistory(q: Question, history: AskBody['history']): Question {
  const prevText = [...history].reverse().find((t) => t.role === 'user')?.content;
  if (!prevText || q.intent === 'source') return q;
  const prev = parseQuestion(prevText);
  const followUp =
    !q.metrics.length &&
    (q.places.length > 0 || q.periods.length > 0 || /\b(?:thi sao|con|the con|vay con)\b/.test(q.folded));
  if (!followUp) return q;
  const comparing = /\bso voi\b/.test(q.folded) && q.places.length > 0;
  return {
    ...q,
    metrics: prev.metrics,
    places: comparing
      ? [...prev.places, ...q.places.filter((p) => !prev.places.some((x) => x.key === p.key))]
      : q.places.length
        ? q.places
        : prev.places,
    periods: q.periods.length ? q.periods : prev.periods,
    intent: comparing ? 'compare' : q.intent === 'value' ? prev.intent : q.intent,
    unitWanted: q.unitWanted ?? prev.unitWanted,
    wantsTarget: q.wantsTarget || prev.wantsTarget,
    wantsChange: q.wantsChange || prev.wantsChange,
    words: [...new Set([...prev.words, ...q.words])],
    terms: [...prev.terms, ...q.terms.filter((t) => !prev.terms.some((p) => p.folded === t.folded))],
    numbers: q.numbers.length ? q.numbers : prev.numbers,
  };
}

function answerSource(corpus: CorpusView, body: AskBody): AskResponse {
  const prevText = [...body.history].reverse().find((t) => t.role === 'user')?.content;
  const b = new AnswerBuilder();
  if (!prevText) {
    b.say('Chưa có câu trả lời nào trước đó để dẫn nguồn. Hãy hỏi một số liệu, ví dụ "hộ nghèo Quảng Trị cuối 2023?".');
    return b.build('not_found', { intent: 'source', metrics: [], places: [], period: null });
  }
  const prev = answerQuestion(corpus, { question: prevText, history: [] });
  if (!prev.citations.length) {
    b.say('Câu trả lời trước không dẫn báo cáo nào.');
    return b.build('not_found', { intent: 'source', metrics: [], places: [], period: null });
  }
  const lines = prev.citations.map(
    (c) => `[${c.n}] ${c.title} (${c.reportId}, ký tự ${c.start}–${c.end}): “${c.quote}”`,
  );
  return {
    ...prev,
    answer: `Nguồn của câu trả lời trước:\n${lines.join('\n')}`,
    understood: { ...(prev.understood ?? { metrics: [], places: [], period: null }), intent: 'source' },
  };
}

// ——— value ———

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
function byEvidence(q: Question, cands: Candidate[]): Candidate | undefined {
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
function answersKind(q: Question, f: Figure): boolean {
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

function answersMetric(q: Question, f: Figure): boolean {
  if (!q.metrics.length || q.metrics.includes(f.metric) || f.metric.startsWith('other:')) return true;
  const kind = metricById(f.metric)?.kind;
  // A rate or a change of the series asked ("tỷ lệ hộ nghèo" for "hộ nghèo … chiếm bao nhiêu") stays admissible.
  return q.metrics.some((m) => metricById(m)?.kind !== kind);
}

function sameSeries(a: Figure, b: Figure) {
  return a.metric === b.metric && a.place === b.place && a.unit === b.unit;
}

function answerValue(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
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
function sayFigure(corpus: CorpusView, b: AnswerBuilder, c: Candidate, withRelated: boolean) {
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

function best(corpus: CorpusView, c: Constraints): Candidate | undefined {
  return rankFigures(corpus, c)[0];
}

function unitFamily(u: string) {
  if (isMoneyUnit(u)) return 'money';
  if (isPercentUnit(u)) return '%';
  return 'count';
}

/** Counts add up only when they count the same thing: people, households, persons in them … */
function countKey(u: string) {
  if (isMoneyUnit(u)) return 'money';
  if (/^(?:người|lao động|người lao động|lượt lao động|lượt người)$/u.test(u)) return 'people';
  if (/^(?:hộ|hộ gia đình|lượt hộ)$/u.test(u)) return 'households';
  if (/^(?:nhân khẩu|khẩu)$/u.test(u)) return 'members';
  return u;
}

/** Adds values in a common unit: money in the smallest money unit used, counts as they are. */
function commonMoneyUnit(figs: Figure[]): string {
  const units = figs.map((f) => f.unit).filter(isMoneyUnit);
  return units.sort((a, b) => (MONEY_UNITS[a] ?? 1) - (MONEY_UNITS[b] ?? 1))[0] ?? 'đồng';
}
function inUnit(f: Figure, unit: string) {
  return isMoneyUnit(f.unit) ? normaliseValue(f.value, f.unit) / (MONEY_UNITS[unit] ?? 1) : f.value;
}

/** The listed items of a question: "hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo" → three items. */
export { questionItems as questionItemsForDebug };

function questionItems(q: Question): string[][] {
  // Blank out periods first (their offsets are the question's), then places and filler words.
  let s = q.plain;
  for (const p of findPeriods(q.raw, { bareYear: true }))
    s = `${s.slice(0, p.start)}|${' '.repeat(p.end - p.start - 1)}${s.slice(p.end)}`;
  for (const p of q.places)
    for (const n of p.names) s = s.replace(new RegExp(`\\b(?:tinh|huyen|thi xa|thanh pho|tp)?\\s*${n}\\b`, 'g'), ' | ');
  s = s.replace(
    /\b(?:tong|cong lai|cong|bao nhieu|la|cua|o|tai|trong|nam|so|gia tri|tien|so tien|muc|chung|cac|nhung|cho|cuoi|dau|thang|quy|den)\b/g,
    ' ',
  );
  return s
    .split(/[,;()|?.:]|\bva\b|\bvoi\b/)
    .map((x) =>
      x
        .trim()
        .split(/\s+/)
        .filter((w) => w.length > 1 && !/^\d+$/.test(w)),
    )
    .filter((x) => x.length);
}

function answerSum(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const base = constraintsOf(q);
  const fitsKind = (x: Candidate) => (q.wantsTarget ? x.figure.kind === 'target' : x.figure.kind !== 'target');
  let picks: Candidate[] = [];
  if (q.metrics.length >= 2) {
    // "hộ nghèo và hộ cận nghèo": one figure per metric named.
    for (const m of q.metrics) {
      const first = picks[0];
      const cand = rankFigures(corpus, { ...base, metrics: [m] }).find(
        (x) => fitsKind(x) && (!first || countKey(x.figure.unit) === countKey(first.figure.unit)),
      );
      if (cand) picks.push(cand);
    }
  } else {
    // "quà của Chủ tịch nước, UBND tỉnh, … và hộ nghèo": one figure per listed item.
    const items = questionItems(q);
    const head = items[0]?.slice(0, 1) ?? [];
    for (const item of items) {
      let metrics = [...new Set(findMetricMentions(item.join(' ')).map((m) => m.metricId))];
      if (!metrics.length && head.length)
        metrics = [...new Set(findMetricMentions([...head, ...item].join(' ')).map((m) => m.metricId))];
      if (!metrics.length && q.unitWanted === 'percent') {
        metrics = [...new Set(findMetricMentions(['ty', 'le', ...item].join(' ')).map((m) => m.metricId))].filter(
          (m) => metricById(m)?.kind === 'rate',
        );
      }
      // An item naming a group ("hộ nghèo" in a question about money) narrows, it does not change the metric.
      metrics = metrics.filter((m) => fitsUnit(m, q.unitWanted));
      const first = picks[0];
      const cand = rankFigures(corpus, { ...base, metrics: metrics.length ? metrics : base.metrics, item }).find(
        (x) => fitsKind(x) && (!first || countKey(x.figure.unit) === countKey(first.figure.unit)),
      );
      if (cand) picks.push(cand);
    }
  }
  picks = picks.filter((p, i) => picks.findIndex((x) => x.figure.id === p.figure.id) === i);
  if (picks.length < 2) picks = siblingsToAdd(corpus, q) ?? picks;
  const first = picks[0];
  if (!first) return null;
  picks = picks.filter(
    (p) => p.figure.place === first.figure.place && countKey(p.figure.unit) === countKey(first.figure.unit),
  );
  if (picks.length < 2) return null;
  const figs = picks.map((p) => p.figure);
  const money = figs.some((f) => isMoneyUnit(f.unit));
  const unit = money ? commonMoneyUnit(figs) : (figs[0]?.unit ?? '');
  const values = figs.map((f) => inUnit(f, unit));
  const total = values.reduce((a, v) => a + v, 0);
  const formula = values.map((v) => formatViNumber(v, 4)).join(' + ');
  const shown = b.compute(`Tổng: ${figs.map((f) => f.label).join(' + ')}`, formula, total, unit, figs);
  b.say(`Tổng cộng: ${shown} (= ${formula}), tính từ các số liệu sau:`);
  for (const p of picks) sayFigure(corpus, b, p, false);
  return 'answered';
}

/**
 * "tổng cộng bao nhiêu hồ sơ … (cả hai cổng)": the question asks to add what one sentence states
 * side by side ("5.498 hồ sơ … qua Cổng A và 696 hồ sơ nộp trên Cổng B"). The best figure and the
 * figures of its sentence with its unit, kind and period, joined by "và" or a comma. Only when the
 * question says to add ("cả hai", "tổng cộng", "cộng lại", "gộp").
 */
function siblingsToAdd(corpus: CorpusView, q: Question): Candidate[] | null {
  if (!/\b(?:ca hai|ca ba|tong cong|cong lai|gop lai)\b/.test(q.plain)) return null;
  const top = rankFigures(corpus, constraintsOf(q)).find(
    (x) => x.figure.kind !== 'target' && !isPercentUnit(x.figure.unit),
  );
  if (!top) return null;
  const all = corpus.figuresOf(top.report.id).filter((g) => g.sentenceStart === top.figure.sentenceStart);
  const same = all.filter(
    (g) =>
      g.unit === top.figure.unit &&
      g.kind === top.figure.kind &&
      g.period?.from === top.figure.period?.from &&
      g.period?.to === top.figure.period?.to,
  );
  const i = same.findIndex((g) => g.id === top.figure.id);
  const next = same[i + 1];
  const prev = same[i - 1];
  const joined = (a: Figure, b: Figure) =>
    /(?:(?<!\p{L})và(?!\p{L})|,)/u.test(top.report.text.slice(a.end, b.start)) &&
    !all.some((g) => g.start > a.end && g.start < b.start);
  const partner = next && joined(top.figure, next) ? next : prev && joined(prev, top.figure) ? prev : undefined;
  if (!partner) return null;
  return [top, { ...top, figure: partner }].sort((a, b) => a.figure.start - b.figure.start);
}

/**
 * "Ngoài phần Trung ương hỗ trợ, kinh phí … từ các nguồn khác là bao nhiêu?": the total less the
 * part the question sets aside. The part is the figure whose clause names the words after "ngoài";
 * the total, a larger figure of the same unit stated before it in its sentence ("tổng kinh phí
 * 697,8 tỷ đồng, trong đó Trung ương 292,9 tỷ đồng").
 */
function answerRemainder(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const aside = /^\s*ngoai ((?:[a-z]+ ?){1,6})/
    .exec(q.plain)?.[1]
    ?.trim()
    .split(' ')
    .filter((w) => !/^(?:phan|so|khoan)$/.test(w));
  const base = constraintsOf(q);
  const parts = aside?.length
    ? rankFigures(corpus, { ...base, item: aside }).filter(
        (x) => x.figure.kind === 'result' && !isPercentUnit(x.figure.unit),
      )
    : [];
  for (const part of parts.slice(0, 4)) {
    const all = corpus.figuresOf(part.report.id);
    const total = all
      .filter(
        (g) =>
          g.sentenceStart === part.figure.sentenceStart &&
          g.start < part.figure.start &&
          g.kind === 'result' &&
          unitFamily(g.unit) === unitFamily(part.figure.unit) &&
          normaliseValue(g.value, g.unit) > normaliseValue(part.figure.value, part.figure.unit),
      )
      .pop();
    if (!total) continue;
    const unit = isMoneyUnit(total.unit) ? commonMoneyUnit([total, part.figure]) : total.unit;
    const t = inUnit(total, unit);
    const p = inUnit(part.figure, unit);
    const totalCand = { ...part, figure: total };
    sayFigure(corpus, b, totalCand, false);
    sayFigure(corpus, b, part, false);
    const formula = `${formatViNumber(t, 4)} − ${formatViNumber(p, 4)}`;
    const shown = b.compute('Phần còn lại', formula, t - p, unit, [total, part.figure]);
    const asideWords = /^\s*ngoài\s+([^,;?]+)/iu.exec(q.raw)?.[1]?.trim() ?? '';
    b.lines.unshift(`Phần còn lại khoảng ${shown} (= ${formula}): tổng số trừ ${asideWords}; đây là số tính toán.`);
    return 'answered';
  }
  return null;
}

/** Two sides to compare: two places, two periods, or a result and a plan. */
function sidesOf(q: Question): Constraints[] {
  const base = constraintsOf(q);
  const folded = q.folded;
  const periods = findPeriods(q.raw, { bareYear: true });
  const at = (p: QueryPlace) => Math.min(...p.names.map((n) => folded.indexOf(n)).filter((i) => i >= 0));
  const places = [...q.places]
    .filter((p, i, all) => all.findIndex((x) => x.key === p.key) === i)
    .sort((a, b) => at(a) - at(b));
  const planBefore = (pos: number) =>
    /\b(?:ke hoach|chi tieu|muc tieu|phan dau)\b[^,;]*$/.test(folded.slice(Math.max(0, pos - 30), pos));
  if (places.length >= 2) {
    // "9 tháng 2025 của Phú Thọ so với 6 tháng đầu 2018 của Nam Định": a period written just before
    // "của <place>" is that place's, wherever the other place stands.
    const ownedBy = (p: QueryPlace) =>
      periods.find((x) =>
        /^\s*(?:\([^)]*\)\s*)?(?:cua|o|tai)\s+(?:(?:tinh|huyen|thanh pho|tp|thi xa|xa)\s+)?$/.test(
          folded.slice(x.end, at(p)),
        ),
      );
    const owned = new Set(
      places
        .slice(0, 2)
        .map(ownedBy)
        .filter((x) => x),
    );
    return places.slice(0, 2).map((p, i) => {
      const from = at(p);
      const to = i === 0 ? at(places[1] as QueryPlace) : folded.length;
      const free = periods.filter((x) => !owned.has(x));
      const own =
        ownedBy(p) ??
        free.find((x) => x.start >= from && x.start < to) ??
        free.find((x) => x.start < from && i === 0) ??
        null;
      return { ...base, places: [p], period: own, wantsTarget: own ? planBefore(own.start) : base.wantsTarget };
    });
  }
  // "Sóc Trăng năm 2024 thấp hơn … chung cả nước năm 2023": a place against the country or a region,
  // each side with the period written after its name.
  const words = ` ${q.plain.replace(/[^a-z0-9]+/g, ' ')} `;
  const scope = places.length === 1 ? SCOPES.find((x) => x.names.some((n) => words.includes(` ${n} `))) : undefined;
  if (scope && places[0]) {
    const scopeAt = Math.min(...scope.names.map((n) => folded.indexOf(n)).filter((i) => i >= 0));
    const placeAt = at(places[0]);
    const periodAfter = (from: number, to: number) => periods.find((x) => x.start >= from && x.start < to) ?? null;
    const placeSide = {
      ...base,
      places: [places[0]],
      scope: null,
      period:
        periodAfter(placeAt, placeAt < scopeAt ? scopeAt : folded.length) ??
        (periods.length === 1 ? (periods[0] ?? null) : null),
    };
    const scopeSide = {
      ...base,
      places: [],
      scope,
      period:
        periodAfter(scopeAt, scopeAt < placeAt ? placeAt : folded.length) ??
        (periods.length === 1 ? (periods[0] ?? null) : null),
    };
    return placeAt < scopeAt ? [placeSide, scopeSide] : [scopeSide, placeSide];
  }
  // "vùng Đồng bằng sông Cửu Long và Tây Nguyên", "Tây Nguyên so với cả nước": two regions, or a
  // region and the country, each side the scope it names, in the order the question names them.
  if (!places.length) {
    const named = SCOPES.map((x) => ({
      x,
      at: Math.min(...x.names.map((n) => words.indexOf(` ${n} `)).filter((i) => i >= 0)),
    }))
      .filter((s) => Number.isFinite(s.at))
      .sort((a, b) => a.at - b.at);
    if (named.length >= 2) {
      const single = periods.length === 1 ? (periods[0] ?? null) : null;
      return named.slice(0, 2).map(({ x }) => ({ ...base, places: [], scope: x, period: base.period ?? single }));
    }
  }
  if (periods.length >= 2) {
    return periods.slice(0, 2).map((p) => ({ ...base, period: p, wantsTarget: planBefore(p.start) }));
  }
  if (q.wantsTarget)
    return [
      { ...base, wantsTarget: false },
      { ...base, wantsTarget: true },
    ];
  return [];
}

function answerComparison(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const sides = sidesOf(q);
  if (sides.length < 2) return null;
  // Each side chosen like a value: a figure that can answer, the one whose own words cover the question best.
  const picks = sides.map((s) => {
    const cands = rankFigures(corpus, s).filter((c) => answersKind(q, c.figure));
    return byEvidence(q, cands.slice(0, 12)) ?? cands[0];
  });
  // A side that is the country or a region is named so, not by its figure's (absent) place.
  const scopeOf = new Map(
    picks.map((p, i) => [p?.figure.id, sides[i]?.scope ? SCOPE_LABELS[sides[i]?.scope?.id ?? ''] : undefined]),
  );
  const [x, y] = picks;
  if (!x || !y || x.figure.id === y.figure.id) return null;
  if (unitFamily(x.figure.unit) !== unitFamily(y.figure.unit)) return null;
  const unit = isMoneyUnit(x.figure.unit) ? commonMoneyUnit([x.figure, y.figure]) : x.figure.unit;
  const a = inUnit(x.figure, unit);
  const c = inUnit(y.figure, unit);
  sayFigure(corpus, b, x, false);
  sayFigure(corpus, b, y, false);
  // Higher minus lower, so the difference reads as a positive amount whichever side was named first.
  const [hi, lo, hv, lv] = a >= c ? [x, y, a, c] : [y, x, c, a];
  const pts = unit === '%';
  const formula = `${formatViNumber(hv, 4)} − ${formatViNumber(lv, 4)}`;
  const shown = b.compute(pts ? 'Chênh lệch (điểm phần trăm)' : 'Chênh lệch', formula, hv - lv, unit, [
    hi.figure,
    lo.figure,
  ]);
  const who = (k: Candidate) =>
    `${scopeOf.get(k.figure.id) ?? describePlace(k.figure, k.report)} ${describePeriod(k.figure.period)}${k.figure.kind === 'target' ? ' (kế hoạch)' : ''}`.trim();
  const verdict =
    hv === lv
      ? 'Hai số liệu bằng nhau.'
      : `${capitalise(who(hi))} cao hơn ${who(lo)}: ${pts ? shown.replace('%', ' điểm phần trăm') : shown} (= ${formula}).`;
  b.lines.unshift(verdict);
  return 'answered';
}

function answerRatio(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const base = constraintsOf(q);
  let part: Candidate | undefined;
  let whole: Candidate | undefined;
  if (q.metrics.length >= 2) {
    part = best(corpus, { ...base, metrics: [q.metrics[0] as string], unitWanted: 'count' });
    whole = part && best(corpus, { ...base, metrics: [q.metrics[1] as string], unitWanted: 'count' });
  } else {
    // "Hộ nghèo đồng bào Khmer chiếm bao nhiêu phần trăm tổng số hộ nghèo": the words before
    // "chiếm" name the part, the words after it the whole.
    const [before, after] = q.plain.split(/\bchiem\b|\bso voi\b|\btren\b/, 2);
    if (!before || !after) return null;
    const words = (t: string) => t.split(/[^a-z0-9]+/).filter((w) => w.length > 1);
    const partWords = words(before);
    const wholeWords = words(after);
    const extra = partWords.filter((w) => !wholeWords.includes(w));
    part = rankFigures(corpus, { ...base, unitWanted: 'count', item: extra.length ? extra : partWords }).find(
      (x) => !isPercentUnit(x.figure.unit),
    );
    whole =
      part &&
      rankFigures(corpus, { ...base, unitWanted: 'count', metrics: [part.figure.metric], item: wholeWords }).find(
        (x) =>
          x.figure.id !== part?.figure.id &&
          x.figure.unit === part?.figure.unit &&
          x.figure.value > (part?.figure.value ?? 0),
      );
  }
  if (!part || !whole || part.figure.id === whole.figure.id) return null;
  sayFigure(corpus, b, part, false);
  sayFigure(corpus, b, whole, false);
  const times = q.intent === 'times';
  const value = times ? part.figure.value / whole.figure.value : (part.figure.value / whole.figure.value) * 100;
  const shown = b.compute(
    times ? 'Số lần' : `Tỷ trọng ${part.figure.label} trong ${whole.figure.label}`,
    times
      ? `${formatViNumber(part.figure.value, 4)} / ${formatViNumber(whole.figure.value, 4)}`
      : `${formatViNumber(part.figure.value, 4)} / ${formatViNumber(whole.figure.value, 4)} × 100`,
    value,
    times ? 'lần' : '%',
    [part.figure, whole.figure],
  );
  b.lines.unshift(times ? `Gấp ${shown}.` : `${capitalise(part.figure.label)} chiếm ${shown} ${whole.figure.label}.`);
  return 'answered';
}

/** A result with its plan: attainment (result / plan × 100) or the excess (result − plan). */
function answerPlanGap(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const base = constraintsOf(q);
  const results = rankFigures(corpus, { ...base, wantsTarget: false }).filter(
    (x) => x.figure.kind === 'result' && x.figure.unit !== '%',
  );
  for (const r of results.slice(0, 5)) {
    const all = corpus.figuresOf(r.report.id);
    // The plan stated with the result ("7.000/6.400", "(chỉ tiêu giao 50 lao động)"), else one the
    // report sets elsewhere for the same series and a period that contains the result's.
    const plan =
      r.figure.relation?.with.map((id) => all.find((g) => g.id === id)).find((g) => g?.kind === 'target') ??
      all.find(
        (g) =>
          g.kind === 'target' &&
          g.metric === r.figure.metric &&
          g.place === r.figure.place &&
          countKey(g.unit) === countKey(r.figure.unit) &&
          !!g.period &&
          !!r.figure.period &&
          g.period.from <= r.figure.period.from &&
          r.figure.period.to <= g.period.to,
      );
    if (!plan) continue;
    // The attainment the report states, tied to the result or written after its plan in the sentence
    // ("so với chỉ tiêu giao (70.544 người) đạt 84%"): quoted, never replaced by our own division.
    const stated =
      r.figure.relation?.with.map((id) => all.find((g) => g.id === id)).find((g) => g?.metric === 'plan_attainment') ??
      all.find(
        (g) =>
          g.metric === 'plan_attainment' &&
          g.sentenceStart === plan.sentenceStart &&
          g.start > plan.end &&
          g.start - plan.end < 40,
      );
    b.cite(r.figure, r.report);
    b.cite(plan, r.report);
    if (stated) b.cite(stated, r.report);
    const lead = `${capitalise(r.figure.label)} của ${describePlace(r.figure, r.report)} ${describePeriod(r.figure.period)}: ${formatValue(r.figure.value, r.figure.unit)} so với kế hoạch ${formatValue(plan.value, plan.unit || r.figure.unit)}`;
    if (q.intent === 'exceed') {
      const gap = r.figure.value - plan.value;
      // Larger minus smaller, so the amount is positive and the words say which way it goes.
      const formula =
        gap >= 0
          ? `${formatViNumber(r.figure.value, 4)} − ${formatViNumber(plan.value, 4)}`
          : `${formatViNumber(plan.value, 4)} − ${formatViNumber(r.figure.value, 4)}`;
      const shown = b.compute(
        gap >= 0 ? 'Vượt kế hoạch' : 'Còn thiếu so với kế hoạch',
        formula,
        Math.abs(gap),
        r.figure.unit || plan.unit,
        [r.figure, plan],
        0,
      );
      b.say(
        `${gap >= 0 ? 'Vượt' : 'Còn thiếu'} ${shown} so với kế hoạch (= ${formula}). ${lead} ${b.cite(r.figure, r.report)}.`,
      );
    } else {
      const pct = (r.figure.value / plan.value) * 100;
      const shown = b.compute(
        'Tỷ lệ hoàn thành kế hoạch',
        `${formatViNumber(r.figure.value, 4)} / ${formatViNumber(plan.value, 4)} × 100`,
        pct,
        '%',
        [r.figure, plan],
      );
      b.say(
        `Tỷ lệ hoàn thành kế hoạch: ${shown} (= ${formatViNumber(r.figure.value, 4)} / ${formatViNumber(plan.value, 4)} × 100). ${lead} ${b.cite(r.figure, r.report)}${stated ? `; báo cáo ghi ${statedValue(stated)}` : ''}.`,
      );
    }
    return 'answered';
  }
  return null;
}

/** "Suy ra số hộ dân cư": a count divided by the rate it represents. */
function answerImpliedBase(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const base = constraintsOf(q);
  const counts = rankFigures(corpus, { ...base, unitWanted: 'count' }).filter(
    (x) => x.figure.kind === 'result' && x.figure.unit !== '%',
  );
  for (const c of counts.slice(0, 6)) {
    const all = corpus.figuresOf(c.report.id);
    const rate =
      c.figure.relation?.with.map((id) => all.find((g) => g.id === id)).find((g) => g?.unit === '%') ??
      all.find(
        (g) =>
          g.sentenceStart === c.figure.sentenceStart &&
          g.unit === '%' &&
          g.metric === rateMetricOf(c.figure.metric) &&
          g.start > c.figure.start,
      );
    if (!rate || rate.value <= 0) continue;
    const value = c.figure.value / (rate.value / 100);
    sayFigure(corpus, b, c, true);
    const shown = b.compute(
      `Tổng số suy ra từ ${c.figure.label} và tỷ lệ`,
      `${formatViNumber(c.figure.value, 4)} / ${formatViNumber(rate.value / 100, 6)}`,
      value,
      c.figure.unit,
      [c.figure, rate],
      0,
    );
    b.lines.unshift(
      `Khoảng ${shown} (= ${formatViNumber(c.figure.value, 4)} / ${formatViNumber(rate.value / 100, 6)}), suy ra từ số liệu sau; đây là số tính toán, báo cáo không nêu trực tiếp.`,
    );
    return 'answered';
  }
  return null;
}

/** "Kế hoạch là khoảng bao nhiêu, biết đã vượt kế hoạch 31%": the result divided back by its attainment. */
function answerImpliedTarget(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const base = constraintsOf(q);
  const results = rankFigures(corpus, { ...base, wantsTarget: false, anchors: [] }).filter(
    (x) => x.figure.kind === 'result' && x.figure.unit !== '%',
  );
  const anchored = [...results.filter((x) => q.numbers.some((n) => n.value === x.figure.value)), ...results];
  for (const r of anchored.slice(0, 8)) {
    const all = corpus.figuresOf(r.report.id);
    const att = r.figure.relation?.with.map((id) => all.find((g) => g.id === id)).find((g) => isPlanMetric(g?.metric));
    if (!att) continue;
    const ratio = att.metric === 'plan_exceeded' ? 1 + att.value / 100 : att.value / 100;
    const value = r.figure.value / ratio;
    sayFigure(corpus, b, r, true);
    const shown = b.compute(
      'Kế hoạch suy ra',
      `${formatViNumber(r.figure.value, 4)} / ${formatViNumber(ratio, 6)}`,
      value,
      r.figure.unit,
      [r.figure, att],
      0,
    );
    b.lines.unshift(
      `Kế hoạch khoảng ${shown} (= ${formatViNumber(r.figure.value, 4)} / ${formatViNumber(ratio, 6)}), suy ra từ kết quả và mức ${att.metric === 'plan_exceeded' ? 'vượt' : 'đạt'} kế hoạch; báo cáo không nêu trực tiếp con số này.`,
    );
    return 'answered';
  }
  return null;
}

/** The noun after "mỗi" ("mỗi lượt hộ", "mỗi đối tượng", "bình quân đầu người"): what an amount is divided by. */
function perNoun(q: Question): string[] | null {
  if (/\bdau nguoi\b/.test(q.plain)) return ['nguoi'];
  const m = /\bmoi ((?:[a-z]+ ?){1,3})/.exec(q.plain);
  return m?.[1] ? m[1].trim().split(' ') : null;
}

/** Does a count's unit name the noun ("lượt hộ" for "lượt hộ", "căn" for "căn nhà", "nhân khẩu" for "khẩu")? */
function unitNames(unit: string, noun: string[]): boolean {
  const uj = foldAligned(unit).trim();
  if (!uj) return false;
  // "mỗi căn nhà cho …": the noun is a prefix of the words after "mỗi", with or without its classifier.
  const words = /^(?:can|ngoi|chiec|con|suat|phan|buoi)$/.test(noun[0] ?? '') ? [noun, noun.slice(1)] : [noun];
  for (const w of words)
    for (let k = 1; k <= w.length; k++)
      if (w.slice(0, k).join(' ') === uj || uj.endsWith(` ${w.slice(0, k).join(' ')}`)) return true;
  return noun[0] === 'nguoi' && /^(?:nguoi|nhan khau|khau)$/.test(uj);
}

/** "Bình quân mỗi khẩu bao nhiêu kg gạo": an amount over the count it was given to, in one sentence. */
function answerPerUnit(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  if (/\b(?:moi|mot|hang) nam\b|\/ ?nam\b/.test(q.plain)) return answerPerYear(corpus, q, b);
  const noun = perNoun(q);
  if (!noun) return null;
  const base = constraintsOf(q);
  const amounts = rankFigures(corpus, base).filter(
    (x) => !isPercentUnit(x.figure.unit) && !unitNames(x.figure.unit, noun) && x.figure.kind === 'result',
  );
  for (const a of amounts.slice(0, 6)) {
    const all = corpus.figuresOf(a.report.id);
    // The nearest count of that noun in the same sentence: "6.912 suất, trị giá 2.073,6 triệu đồng".
    const denom = all
      .filter(
        (g) =>
          g.sentenceStart === a.figure.sentenceStart &&
          g.id !== a.figure.id &&
          unitNames(g.unit, noun) &&
          g.kind === a.figure.kind &&
          g.value > 0,
      )
      .sort((x, y) => Math.abs(x.start - a.figure.start) - Math.abs(y.start - a.figure.start))[0];
    if (!denom) continue;
    const askedMoney = Object.keys(MONEY_UNITS)
      .sort((x, y) => y.length - x.length)
      .find((u) => new RegExp(`\\b${foldAligned(u)}\\b`).test(q.plain));
    let unit = isMoneyUnit(a.figure.unit) ? (askedMoney ?? a.figure.unit) : a.figure.unit;
    // Below one unit, say it in the next smaller one (0,3 triệu đồng → 300 nghìn đồng).
    if (isMoneyUnit(unit) && !askedMoney)
      unit = readableMoneyUnit(normaliseValue(a.figure.value, a.figure.unit) / denom.value);
    const num = inUnit(a.figure, unit);
    const value = num / denom.value;
    sayFigure(corpus, b, a, false);
    b.cite(denom, a.report);
    const shown = b.compute(
      `Bình quân mỗi ${denom.unit}`,
      `${formatViNumber(num, 4)} / ${formatViNumber(denom.value, 4)}`,
      value,
      unit,
      [a.figure, denom],
    );
    b.lines.unshift(
      `Bình quân khoảng ${shown} mỗi ${denom.unit} (= ${formatViNumber(num, 4)} ${unit} / ${formatViNumber(denom.value, 4)} ${denom.unit}); đây là số tính toán.`,
    );
    return 'answered';
  }
  return null;
}

/**
 * "Giai đoạn 2016 - 2020, bình quân mỗi năm giảm được bao nhiêu hộ nghèo?": a figure stated for a
 * span of whole years, divided by the number of years the span counts (2016–2020 is five).
 */
function answerPerYear(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const cands = rankFigures(corpus, constraintsOf(q)).filter(
    (x) => answersKind(q, x.figure) && answersMetric(q, x.figure) && !isPercentUnit(x.figure.unit),
  );
  const top = cands[0];
  const p = top?.figure.period;
  if (!top || !p || p.kind !== 'during' || !p.from.endsWith('-01-01') || !p.to.endsWith('-12-31')) return null;
  const years = Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) + 1;
  if (years < 2) return null;
  sayFigure(corpus, b, top, false);
  const formula = `${formatViNumber(top.figure.value, 4)} / ${years}`;
  const shown = b.compute('Bình quân mỗi năm', formula, top.figure.value / years, top.figure.unit, [top.figure]);
  b.lines.unshift(`Bình quân mỗi năm khoảng ${shown} (= ${formula} năm, ${describePeriod(p)}); đây là số tính toán.`);
  return 'answered';
}

function readableMoneyUnit(dong: number): string {
  if (dong >= 1e9) return 'tỷ đồng';
  if (dong >= 1e6) return 'triệu đồng';
  if (dong >= 1e3) return 'nghìn đồng';
  return 'đồng';
}

function answerList(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const cands = rankFigures(corpus, constraintsOf(q)).filter((x) => q.metrics.includes(x.figure.metric));
  if (cands.length < 2) return null;
  const top = cands[0] as Candidate;
  const same = cands
    .filter((x) => x.figure.place === top.figure.place && x.report.id === top.report.id)
    .sort((x, y) => x.figure.start - y.figure.start)
    .slice(0, 15);
  b.say(`${capitalise(metricLabel(top.figure.metric))} của ${describePlace(top.figure, top.report)}:`);
  for (const x of same)
    b.say(
      `- ${capitalise(x.figure.label)}, ${describePeriod(x.figure.period)}: ${statedValue(x.figure)}${kindNote(x.figure)} ${b.cite(x.figure, x.report)}`,
    );
  return 'answered';
}

// ——— not found ———

function notFound(corpus: CorpusView, q: Question, understood: Understood): AskResponse {
  const b = new AnswerBuilder();
  const what = q.metrics.length ? metricLabel(q.metrics[0] as string) : 'nội dung này';
  const where = q.places.length
    ? ` của ${uniquePlaces(q.places)
        .map((p) => displayPlace(corpus, p))
        .join(', ')}`
    : '';
  const when = q.periods[0] ? ` ${describePeriod(q.periods[0])}` : '';
  b.say(`Không tìm thấy số liệu ${what}${where}${when} trong các báo cáo hiện có.`);
  if (q.metrics.length) {
    // The best three of one misfit each, one per series and period.
    const near: Candidate[] = [];
    const seen = new Set<string>();
    for (const x of rankFigures(corpus, constraintsOf(q), 'near')) {
      if (x.misfit.length !== 1 || x.misfit[0] === 'metric' || x.figure.kind === 'target') continue;
      const key = `${x.figure.metric}\u0000${x.figure.place}\u0000${x.figure.period?.from}`;
      if (seen.has(key)) continue;
      seen.add(key);
      near.push(x);
      if (near.length === 3) break;
    }
    if (near.length) {
      b.say('Số liệu gần nhất các báo cáo có:');
      for (const x of near) {
        b.say(
          `- ${capitalise(x.figure.label)} của ${describePlace(x.figure, x.report)} ${describePeriod(x.figure.period)}: ${statedValue(x.figure)} ${b.cite(x.figure, x.report)}`,
        );
        b.suggestions.push(
          `${capitalise(metricLabel(x.figure.metric))} ${x.figure.place ?? ''} ${describePeriod(x.figure.period)}`.trim(),
        );
      }
    }
  }
  return b.build('not_found', understood);
}

/** The place as a report spells it, else as the gazetteer does. */
function displayPlace(corpus: CorpusView, p: QueryPlace): string {
  for (const r of corpus.list()) if (r.place && reportPlaceKey(r) === p.key) return r.place.name;
  return resolvePlaceName(p.key)?.name ?? p.key;
}

/** The places a question names, once each (a province and a town can share a name). */
function uniquePlaces(places: QueryPlace[]): QueryPlace[] {
  return places.filter((p, i) => places.findIndex((x) => x.key === p.key) === i);
}
