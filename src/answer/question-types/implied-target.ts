// Question type: a plan implied by a result and the share of it attained.
import type { AskResponse } from '../../contract.ts';
import { isPlanMetric } from '../../lexicon/metrics.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import type { AnswerBuilder } from '../builder.ts';
import { answerValue, sayFigure } from '../lookup.ts';
import type { Question } from '../question.ts';
import { type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import type { QuestionType } from './question-type.ts';

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

/** A plan implied by a result and its attainment ("đạt 105% kế hoạch"). */
export const IMPLIED_TARGET: QuestionType = {
  intents: ['implied_target'],
  answer: (corpus, q, b) => answerImpliedTarget(corpus, q, b) ?? answerValue(corpus, q, b),
};
