// One cited figure as an answer line ("Số hộ nghèo của huyện X năm 2023: 409 hộ [1]."): the shared
// wording of the operations in this folder, which state their inputs before what they compute.

import type { AnswerBuilder } from '../builder.ts';
import { capitalise, describePeriod, describePlace, kindNote, statedValue } from '../present.ts';
import type { Candidate } from '../retrieve.ts';

export function stateFigure(b: AnswerBuilder, c: Candidate): void {
  const f = c.figure;
  const marker = b.cite(f, c.report);
  const period = describePeriod(f.period);
  b.say(
    `${capitalise(f.label)} của ${describePlace(f, c.report)}${period ? ` ${period}` : ''}: ${f.kind === 'target' ? 'kế hoạch ' : ''}${statedValue(f)}${kindNote(f)} ${marker}.`,
  );
}
