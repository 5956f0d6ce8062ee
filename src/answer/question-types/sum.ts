// Question type: a sum of the parts a question names ("tổng số hộ nghèo và cận nghèo").
import type { AskResponse } from '../../contract.ts';
import type { Figure } from '../../extract/types.ts';
import { isMoneyUnit, isPercentUnit } from '../../extract/units.ts';
import { findMetricMentions, metricById } from '../../lexicon/metrics.ts';
import { findPeriods } from '../../text/periods.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import type { AnswerBuilder } from '../builder.ts';
import { answerValue, commonMoneyUnit, countKey, inUnit, sayFigure } from '../lookup.ts';
import { answerLevelBeforeChange } from '../ops/level-before-change.ts';
import { answerTotalLessPart, asksTotalLessPart } from '../ops/total-less-part.ts';
import { fitsUnitWanted as fitsUnit, type Question } from '../question.ts';
import { type Candidate, type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import type { QuestionType } from './question-type.ts';

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

/** "tổng … là bao nhiêu": the parts named, added in one unit. */
export const SUM: QuestionType = {
  intents: ['sum'],
  answer: (corpus, q, b) =>
    // "tổng số trừ BHXH tự nguyện": a total less a part is not a sum.
    asksTotalLessPart(q)
      ? (answerTotalLessPart(corpus, q, b) ?? answerValue(corpus, q, b))
      : (answerSum(corpus, q, b) ?? answerLevelBeforeChange(corpus, q, b) ?? answerValue(corpus, q, b)),
};
