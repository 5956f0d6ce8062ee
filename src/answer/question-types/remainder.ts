// Question type: what is left of a total after its parts ("còn lại bao nhiêu").
import type { AskResponse } from '../../contract.ts';
import { isMoneyUnit, isPercentUnit, normaliseValue } from '../../extract/units.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import type { AnswerBuilder } from '../builder.ts';
import { commonMoneyUnit, inUnit, sayFigure, unitFamily } from '../lookup.ts';
import type { Question } from '../question.ts';
import { type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import type { QuestionType } from './question-type.ts';

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

/** "còn lại bao nhiêu": a total less its parts. */
export const REMAINDER: QuestionType = {
  intents: ['remainder'],
  // Without the part and its total, one figure would answer something else: no fallback.
  answer: (corpus, q, b) => answerRemainder(corpus, q, b),
};
