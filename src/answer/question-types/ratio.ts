// Question type: a share of a whole, or how many times one figure is another.
import type { AskResponse } from '../../contract.ts';
import { isPercentUnit } from '../../extract/units.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import type { AnswerBuilder } from '../builder.ts';
import { answerValue, best, sayFigure } from '../lookup.ts';
import { answerShareOfListed } from '../ops/share-of-listed.ts';
import { capitalise } from '../present.ts';
import type { Question } from '../question.ts';
import { type Candidate, type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import type { QuestionType } from './question-type.ts';

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

/** "chiếm bao nhiêu phần trăm", "gấp mấy lần": a part over its whole, or one figure over another. */
export const RATIO: QuestionType = {
  intents: ['share', 'times'],
  answer: (corpus, q, b) =>
    (q.intent === 'share' ? answerShareOfListed(corpus, q, b) : null) ??
    answerRatio(corpus, q, b) ??
    answerValue(corpus, q, b),
};
