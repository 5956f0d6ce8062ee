// "Tổng kinh phí Tết Giáp Thìn 2024 ước khoảng bao nhiêu?" when the report states the later level
// and the change from the period asked ("Tết Ất Tỵ 2025 … 97,6 tỉ đồng. So với Tết Giáp Thìn 2024,
// tổng kinh phí giảm trên 14 tỉ đồng"): the earlier level, computed as level ± change.
import type { AskResponse } from '../../contract.ts';
import type { Figure } from '../../extract/types.ts';
import { isMoneyUnit, isPercentUnit } from '../../extract/units.ts';
import type { Period } from '../../ingest/types.ts';
import { foldAligned } from '../../text/fold-aligned.ts';
import { findPeriods } from '../../text/periods.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import type { AnswerBuilder } from '../builder.ts';
import { capitalise, describePeriod } from '../present.ts';
import type { Question } from '../question.ts';
import { type Candidate, type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import { stateFigure } from './state.ts';

const samePeriod = (a: Period | null | undefined, b: Period | null | undefined) =>
  !!a && !!b && a.from === b.from && a.to === b.to;

/** Does the change's sentence name `asked` as what it is compared with ("so với Tết Giáp Thìn 2024")? */
function comparedWith(c: Candidate, asked: Period): boolean {
  const sentence = c.report.text.slice(c.figure.sentenceStart, c.figure.sentenceEnd);
  const folded = foldAligned(sentence);
  return findPeriods(sentence, { bareYear: true }).some(
    (p) =>
      samePeriod(p, asked) && /\bso(?: voi)?(?: cung ky)?\s*$/.test(folded.slice(Math.max(0, p.start - 14), p.start)),
  );
}

/**
 * The level a change is of: the result of the same series (metric, unit, place, period) stated
 * before it, the nearest one at or after `from` (its paragraph's start here; the report's for a claim).
 */
export function levelOf(
  corpus: CorpusView,
  c: Candidate,
  from = c.report.text.lastIndexOf('\n\n', c.figure.start) + 1,
): Figure | undefined {
  const f = c.figure;
  return corpus
    .figuresOf(c.report.id)
    .filter(
      (g) =>
        g.kind === 'result' &&
        g.metric === f.metric &&
        g.unit === f.unit &&
        g.place === f.place &&
        samePeriod(g.period, f.period) &&
        g.start < f.start &&
        g.start >= from,
    )
    .pop();
}

export function answerLevelBeforeChange(
  corpus: CorpusView,
  q: Question,
  b: AnswerBuilder,
): AskResponse['status'] | null {
  const asked = q.periods[0];
  if (!asked || q.wantsChange || q.wantsTarget) return null;
  const fitsUnit = (f: Figure) =>
    q.unitWanted === 'percent'
      ? isPercentUnit(f.unit)
      : q.unitWanted === 'money'
        ? isMoneyUnit(f.unit)
        : !isPercentUnit(f.unit);
  const changes = rankFigures(corpus, { ...constraintsOf(q), period: null, wantsChange: true }).filter(
    (x) => x.figure.kind === 'change' && fitsUnit(x.figure) && !samePeriod(x.figure.period, asked),
  );
  for (const c of changes.slice(0, 8)) {
    const dir = c.figure.qualifiers.includes('tăng') ? 1 : c.figure.qualifiers.includes('giảm') ? -1 : 0;
    if (!dir || !comparedWith(c, asked)) continue;
    const level = levelOf(corpus, c);
    if (!level) continue;
    // The level of the period asked, when the report states it, is the answer: a lookup, not this.
    if (
      corpus
        .figuresOf(c.report.id)
        .some(
          (g) =>
            g.kind === 'result' &&
            g.metric === level.metric &&
            g.unit === level.unit &&
            g.place === level.place &&
            samePeriod(g.period, asked),
        )
    )
      return null;
    stateFigure(b, { ...c, figure: level });
    stateFigure(b, c);
    // A fall since the period asked means it was higher then: add it back; a rise, take it away.
    const formula = `${formatViNumber(level.value, 4)} ${dir < 0 ? '+' : '−'} ${formatViNumber(c.figure.value, 4)}`;
    const value = dir < 0 ? level.value + c.figure.value : level.value - c.figure.value;
    const shown = b.compute(`Mức ${describePeriod(asked)} suy ra`, formula, value, level.unit, [level, c.figure]);
    const approx =
      c.figure.qualifiers.some((x) => /^(?:hơn|trên|gần|khoảng|dưới)$/u.test(x)) ||
      level.qualifiers.some((x) => /^(?:hơn|trên|gần|khoảng|dưới)$/u.test(x));
    b.lines.unshift(
      `${capitalise(describePeriod(asked))} ${approx ? 'ước khoảng' : 'khoảng'} ${shown} (= ${formula}): mức ${describePeriod(level.period)} ${dir < 0 ? 'cộng lại phần đã giảm' : 'trừ đi phần đã tăng'} so với ${describePeriod(asked)}; đây là số tính toán.`,
    );
    return 'answered';
  }
  return null;
}
