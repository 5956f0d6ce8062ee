// Question type: a result against its plan (attainment, excess, the gap).
import type { AskResponse } from '../../contract.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import type { AnswerBuilder } from '../builder.ts';
import { answerValue, countKey } from '../lookup.ts';
import { capitalise, describePeriod, describePlace, formatValue, statedValue } from '../present.ts';
import type { Question } from '../question.ts';
import { type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import type { QuestionType } from './question-type.ts';

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

/** "đạt bao nhiêu % kế hoạch", "vượt bao nhiêu": a result against its plan. */
export const PLAN_GAP: QuestionType = {
  intents: ['attainment', 'exceed'],
  answer: (corpus, q, b) => answerPlanGap(corpus, q, b) ?? answerValue(corpus, q, b),
};
