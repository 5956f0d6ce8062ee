// "… bao nhiêu người tham gia BHXH bắt buộc (tổng số trừ BHXH tự nguyện)?": the total less the part
// the question names after "trừ" / "không kể", both stated by one report for the same place and
// period in the same unit ("Tổng số tham gia BHXH | 59.177", "Trong đó: BHXH tự nguyện | 9.287").
import type { AskResponse } from '../../contract.ts';
import type { Figure } from '../../extract/types.ts';
import { countFamily, isMoneyUnit, isPercentUnit, MONEY_UNITS, normaliseValue } from '../../extract/units.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import type { AnswerBuilder } from '../builder.ts';
import { evidenceOf, questionTerms } from '../evidence.ts';
import type { Question } from '../question.ts';
import { type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import { stateFigure } from './state.ts';

/** "trừ", "không kể", "không tính": the words after it name the part taken out of the total. */
const LESS = /(?<!\p{L})(?:trừ(?:\s+đi)?|không\s+kể|không\s+tính)(?!\p{L})\s+([^()?,;.]+)/iu;

/** Share of the part's words its figure must have in its own clause. */
const MIN_PART_COVERAGE = 0.8;

/** Does the question take a part out of a total ("tổng số trừ BHXH tự nguyện")? */
export function asksTotalLessPart(q: Question): boolean {
  return LESS.test(q.raw);
}

/** The syllables the operation itself names ("trừ", "không kể"): not words of its inputs. */
export const LESS_WORDS = ['tru', 'di', 'khong', 'ke', 'tinh'];

function same(a: Figure, b: Figure) {
  const unit = (u: string) => (isMoneyUnit(u) ? 'money' : (countFamily(u) ?? u));
  // "Tính đến hết ngày 31/7/2020" and "7 tháng đầu năm 2020" end on the same day: one count at that date.
  return (
    unit(a.unit) === unit(b.unit) &&
    a.place === b.place &&
    a.kind === b.kind &&
    !!a.period &&
    a.period.to === b.period?.to
  );
}

export function answerTotalLessPart(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const phrase = LESS.exec(q.raw)?.[1]?.trim();
  if (!phrase) return null;
  const partTerms = questionTerms(
    phrase,
    q.places.flatMap((p) => p.names),
  );
  if (!partTerms.length) return null;
  const base = constraintsOf(q);
  const parts = rankFigures(corpus, { ...base, item: partTerms.map((t) => t.folded) }).filter(
    (x) =>
      x.figure.kind === 'result' &&
      !isPercentUnit(x.figure.unit) &&
      evidenceOf(partTerms, [x], []).coverage >= MIN_PART_COVERAGE,
  );
  for (const part of parts.slice(0, 6)) {
    const partCover = evidenceOf(partTerms, [part], []).coverage;
    // The total: a larger figure of the same series and report whose own words do not name the part.
    const total = rankFigures(corpus, base).find(
      (x) =>
        x.report.id === part.report.id &&
        x.figure.id !== part.figure.id &&
        same(x.figure, part.figure) &&
        normaliseValue(x.figure.value, x.figure.unit) > normaliseValue(part.figure.value, part.figure.unit) &&
        evidenceOf(partTerms, [x], []).coverage < partCover,
    );
    if (!total) continue;
    const unit = isMoneyUnit(total.figure.unit)
      ? ([total.figure.unit, part.figure.unit].sort((x, y) => (MONEY_UNITS[x] ?? 1) - (MONEY_UNITS[y] ?? 1))[0] ??
        total.figure.unit)
      : total.figure.unit;
    const inUnit = (f: Figure) =>
      isMoneyUnit(f.unit) ? normaliseValue(f.value, f.unit) / (MONEY_UNITS[unit] ?? 1) : f.value;
    const t = inUnit(total.figure);
    const p = inUnit(part.figure);
    stateFigure(b, total);
    stateFigure(b, part);
    const formula = `${formatViNumber(t, 4)} − ${formatViNumber(p, 4)}`;
    const shown = b.compute('Tổng số trừ phần được trừ', formula, t - p, unit, [total.figure, part.figure]);
    b.lines.unshift(
      `${shown} (= ${formula}): tổng số trừ ${phrase}; đây là số tính toán, báo cáo không nêu trực tiếp.`,
    );
    b.inferred = true;
    return 'answered';
  }
  return null;
}
