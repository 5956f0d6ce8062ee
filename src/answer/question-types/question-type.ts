// What a question type is: the intents (cues.ts) it answers, and how it drafts the answer. One
// file a type in this folder, one line in the registry (index.ts).
import type { AskResponse } from '../../contract.ts';
import type { AnswerBuilder } from '../builder.ts';
import type { Intent } from '../cues.ts';
import type { Question } from '../question.ts';
import type { CorpusView } from '../retrieve.ts';

/** The answer's status, or null when the reports do not hold what the type needs (the caller says "không tìm thấy"). */
export type Answered = AskResponse['status'] | null;

export interface QuestionType {
  intents: readonly Intent[];
  /** Drafts the answer into `b` (cited figures, computations with their formulas). */
  answer(corpus: CorpusView, q: Question, b: AnswerBuilder): Answered;
}
