// Question type: a level implied by what the report states (a rate and its count, a change and its level).
import type { AskResponse } from '../../contract.ts';
import { rateMetricOf } from '../../lexicon/metrics.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import type { AnswerBuilder } from '../builder.ts';
import { answerValue, sayFigure } from '../lookup.ts';
import type { Question } from '../question.ts';
import { type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import type { QuestionType } from './question-type.ts';

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

/** A level the report implies but does not state (from a rate and its count, a change and its level). */
export const IMPLIED_BASE: QuestionType = {
  intents: ['implied_base'],
  answer: (corpus, q, b) => answerImpliedBase(corpus, q, b) ?? answerValue(corpus, q, b),
};
