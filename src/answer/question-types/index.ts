// The question types, one file each: the intents it answers and how it drafts the answer.
// Adding a type = its file in this folder + one line here. A question whose intent no type takes
// (a plain "bao nhiêu") is a lookup.
import type { Intent } from '../cues.ts';
import { COMPARISON } from './comparison.ts';
import { IMPLIED_BASE } from './implied-base.ts';
import { IMPLIED_TARGET } from './implied-target.ts';
import { LIST } from './list.ts';
import { LOOKUP } from './lookup-each.ts';
import { PER_UNIT } from './per-unit.ts';
import { PLAN_GAP } from './plan-gap.ts';
import type { QuestionType } from './question-type.ts';
import { RATIO } from './ratio.ts';
import { REMAINDER } from './remainder.ts';
import { SUM } from './sum.ts';

const QUESTION_TYPES: readonly QuestionType[] = [
  SUM,
  COMPARISON,
  RATIO,
  PLAN_GAP,
  IMPLIED_BASE,
  IMPLIED_TARGET,
  PER_UNIT,
  LIST,
  REMAINDER,
  LOOKUP,
];

/** The type that answers a question of this intent. */
export function questionTypeOf(intent: Intent): QuestionType {
  return QUESTION_TYPES.find((t) => t.intents.includes(intent)) ?? LOOKUP;
}
