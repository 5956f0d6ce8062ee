// "Lao động sang Nhật Bản chiếm bao nhiêu phần trăm tổng số người đi XKLĐ năm 2022?" over a total
// and its breakdown as a list ("… có 265 người lao động … Cơ cấu theo nước tiếp nhận như sau:" then
// "- Nhật Bản: 230 người;"): the listed part over the total its introduction states, × 100.
import type { AskResponse } from '../../contract.ts';
import type { Figure } from '../../extract/types.ts';
import { countFamily, isMoneyUnit, isPercentUnit } from '../../extract/units.ts';
import type { Report } from '../../ingest/types.ts';
import { foldAligned } from '../../text/fold-aligned.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import type { AnswerBuilder } from '../builder.ts';
import { capitalise } from '../present.ts';
import type { Question } from '../question.ts';
import { type Candidate, type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import { stateFigure } from './state.ts';

const LIST_ITEM = /^\s*[-+•*–]\s*/;
/** Share of the part's own words (those its list's introduction does not hold) its item must hold. */
const MIN_ITEM_WORDS = 0.6;

const words = (s: string) =>
  foldAligned(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);

/** The line of `text` holding `at`, with its start. */
function lineAt(text: string, at: number): { start: number; line: string } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return { start, line: text.slice(start, end < 0 ? text.length : end) };
}

/** The line that introduces the list holding `at` ("… như sau:"): the first non-item line above it, ending with ':'. */
function introOf(text: string, at: number): { start: number; end: number } | null {
  let { start } = lineAt(text, at);
  while (start > 0) {
    const prev = lineAt(text, start - 1);
    if (!prev.line.trim()) return null;
    if (!LIST_ITEM.test(prev.line))
      return prev.line.trimEnd().endsWith(':') ? { start: prev.start, end: prev.start + prev.line.length } : null;
    start = prev.start;
  }
  return null;
}

const sameCount = (a: Figure, b: Figure) =>
  !isMoneyUnit(a.unit) &&
  !isPercentUnit(a.unit) &&
  (a.unit === b.unit || (!!countFamily(a.unit) && countFamily(a.unit) === countFamily(b.unit)));

/** The total a listed part belongs to: the figure of its list's introduction counting the same thing, larger. */
function totalOf(corpus: CorpusView, part: Figure, report: Report): Figure | undefined {
  const intro = introOf(report.text, part.start);
  if (!intro) return undefined;
  return corpus
    .figuresOf(report.id)
    .filter(
      (g) =>
        g.start >= intro.start &&
        g.end <= intro.end &&
        g.kind === part.kind &&
        sameCount(g, part) &&
        g.value > part.value,
    )
    .pop();
}

export function answerShareOfListed(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const [before, after] = q.plain.split(/\bchiem\b/, 2);
  if (!before || !after) return null;
  const placeWords = new Set(q.places.flatMap((p) => p.names.flatMap((n) => n.split(' '))));
  const wholeWords = new Set(words(after));
  const partWords = words(before).filter((w) => !wholeWords.has(w) && !placeWords.has(w));
  if (!partWords.length) return null;
  const cands = rankFigures(corpus, { ...constraintsOf(q), metrics: [], unitWanted: 'count', item: partWords }).filter(
    (x) => x.figure.kind === 'result' && LIST_ITEM.test(lineAt(x.report.text, x.figure.start).line),
  );
  for (const part of cands.slice(0, 12)) {
    const total = totalOf(corpus, part.figure, part.report);
    if (!total) continue;
    // The part's own words (those its introduction does not hold) must be on its item's line.
    const intro = introOf(part.report.text, part.figure.start);
    const introWords = new Set(intro ? words(part.report.text.slice(intro.start, intro.end)) : []);
    const own = partWords.filter((w) => !introWords.has(w));
    const item = new Set(words(lineAt(part.report.text, part.figure.start).line));
    if (!own.length || own.filter((w) => item.has(w)).length / own.length < MIN_ITEM_WORDS) continue;
    const whole: Candidate = { ...part, figure: total };
    stateFigure(b, part);
    stateFigure(b, whole);
    const formula = `${formatViNumber(part.figure.value, 4)} / ${formatViNumber(total.value, 4)} × 100`;
    const shown = b.compute(`Tỷ trọng trong ${total.label}`, formula, (part.figure.value / total.value) * 100, '%', [
      part.figure,
      total,
    ]);
    const name = lineAt(part.report.text, part.figure.start).line.replace(LIST_ITEM, '').split(/[:|]/)[0]?.trim() ?? '';
    b.lines.unshift(
      `${capitalise(name)} chiếm ${shown} (= ${formula}) trong tổng số ${formatViNumber(total.value, 4)} ${total.unit}; đây là số tính toán.`,
    );
    return 'answered';
  }
  return null;
}
