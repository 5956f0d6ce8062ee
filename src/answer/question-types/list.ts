// Question type: a list of the figures of one kind ("những huyện nào …").
import type { AskResponse } from '../../contract.ts';
import type { AnswerBuilder } from '../builder.ts';
import { answerValue } from '../lookup.ts';
import { capitalise, describePeriod, describePlace, kindNote, metricLabel, statedValue } from '../present.ts';
import type { Question } from '../question.ts';
import { type Candidate, type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import type { QuestionType } from './question-type.ts';

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

/** "những huyện nào", "liệt kê": every figure of the kind asked, one line each. */
export const LIST: QuestionType = {
  intents: ['list'],
  answer: (corpus, q, b) => answerList(corpus, q, b) ?? answerValue(corpus, q, b),
};
