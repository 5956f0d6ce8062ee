// Question type: an amount per unit (per household, per person, per year).
import type { AskResponse } from '../../contract.ts';
import { isMoneyUnit, isPercentUnit, MONEY_UNITS, normaliseValue } from '../../extract/units.ts';
import { foldAligned } from '../../text/fold-aligned.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import type { AnswerBuilder } from '../builder.ts';
import {
  answersKind,
  answersMetric,
  answerValue,
  inUnit,
  metricsAreAmounts,
  metricsAreAverages,
  sayFigure,
} from '../lookup.ts';
import { describePeriod } from '../present.ts';
import type { Question } from '../question.ts';
import { type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import type { QuestionType } from './question-type.ts';

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

/** "bình quân mỗi hộ", "mỗi năm": an amount over the count it is shared by. */
export const PER_UNIT: QuestionType = {
  intents: ['per_unit'],
  answer: (corpus, q, b) =>
    // "thu nhập bình quân đầu người" is a figure of its own, an average already: looked up, never divided.
    metricsAreAverages(q)
      ? answerValue(corpus, q, b)
      : (answerPerUnit(corpus, q, b) ?? (metricsAreAmounts(q) ? null : answerValue(corpus, q, b))),
};
