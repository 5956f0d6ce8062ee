// Question type: a plain lookup, and what a lookup may need beyond one figure (a series, a change
// from two levels, each of several metrics, the level before a stated change).
import type { AskResponse } from '../../contract.ts';
import { isPercentUnit } from '../../extract/units.ts';
import { metricById } from '../../lexicon/metrics.ts';
import { foldAligned } from '../../text/fold-aligned.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import { AnswerBuilder } from '../builder.ts';
import { answersMetric, answerValue, sameSeries, sayFigure } from '../lookup.ts';
import { answerLevelBeforeChange } from '../ops/level-before-change.ts';
import { answerTotalLessPart, asksTotalLessPart } from '../ops/total-less-part.ts';
import { describePeriod } from '../present.ts';
import type { Question } from '../question.ts';
import { type Candidate, type CorpusView, constraintsOf, periodFit, rankFigures } from '../retrieve.ts';
import { answerSeries } from '../series.ts';
import type { QuestionType } from './question-type.ts';

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

/**
 * The lookup every other question is: a series, a change from two levels, each metric named, the
 * figure itself, or the level before a change. The type of any intent no other type takes.
 */
export const LOOKUP: QuestionType = {
  intents: ['value'],
  answer: (corpus, q, b) =>
    (asksTotalLessPart(q) ? answerTotalLessPart(corpus, q, b) : null) ??
    answerSeries(corpus, q, b) ??
    (q.wantsChange ? answerChangeFromLevels(corpus, q, b) : null) ??
    answerEach(corpus, q, b) ??
    answerLevelBeforeChange(corpus, q, b) ??
    answerValue(corpus, q, b) ??
    answerLevelBefore(corpus, q, b),
};
