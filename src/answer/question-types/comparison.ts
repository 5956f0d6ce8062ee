// Question type: a comparison of two sides (places, periods), each cited, with their difference.
import type { AskResponse } from '../../contract.ts';
import { isMoneyUnit } from '../../extract/units.ts';
import type { QueryPlace } from '../../search/places.ts';
import { findPeriods } from '../../text/periods.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import type { AnswerBuilder } from '../builder.ts';
import { SCOPE_LABELS, SCOPES } from '../cues.ts';
import {
  answersKind,
  answerValue,
  byEvidence,
  commonMoneyUnit,
  inUnit,
  sayFigure,
  uniquePlaces,
  unitFamily,
} from '../lookup.ts';
import { capitalise, describePeriod, describePlace } from '../present.ts';
import type { Question } from '../question.ts';
import { type Candidate, type Constraints, type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import type { QuestionType } from './question-type.ts';

/** Two sides to compare: two places, two periods, or a result and a plan. */
function sidesOf(q: Question): Constraints[] {
  const base = constraintsOf(q);
  const folded = q.folded;
  const periods = findPeriods(q.raw, { bareYear: true });
  const at = (p: QueryPlace) => Math.min(...p.names.map((n) => folded.indexOf(n)).filter((i) => i >= 0));
  const places = [...q.places]
    .filter((p, i, all) => all.findIndex((x) => x.key === p.key) === i)
    .sort((a, b) => at(a) - at(b));
  const planBefore = (pos: number) =>
    /\b(?:ke hoach|chi tieu|muc tieu|phan dau)\b[^,;]*$/.test(folded.slice(Math.max(0, pos - 30), pos));
  if (places.length >= 2) {
    // "9 tháng 2025 của Phú Thọ so với 6 tháng đầu 2018 của Nam Định": a period written just before
    // "của <place>" is that place's, wherever the other place stands.
    const ownedBy = (p: QueryPlace) =>
      periods.find((x) =>
        /^\s*(?:\([^)]*\)\s*)?(?:cua|o|tai)\s+(?:(?:tinh|huyen|thanh pho|tp|thi xa|xa)\s+)?$/.test(
          folded.slice(x.end, at(p)),
        ),
      );
    const owned = new Set(
      places
        .slice(0, 2)
        .map(ownedBy)
        .filter((x) => x),
    );
    return places.slice(0, 2).map((p, i) => {
      const from = at(p);
      const to = i === 0 ? at(places[1] as QueryPlace) : folded.length;
      const free = periods.filter((x) => !owned.has(x));
      const own =
        ownedBy(p) ??
        free.find((x) => x.start >= from && x.start < to) ??
        free.find((x) => x.start < from && i === 0) ??
        null;
      return { ...base, places: [p], period: own, wantsTarget: own ? planBefore(own.start) : base.wantsTarget };
    });
  }
  // "Sóc Trăng năm 2024 thấp hơn … chung cả nước năm 2023": a place against the country or a region,
  // each side with the period written after its name.
  const words = ` ${q.plain.replace(/[^a-z0-9]+/g, ' ')} `;
  const scope = places.length === 1 ? SCOPES.find((x) => x.names.some((n) => words.includes(` ${n} `))) : undefined;
  if (scope && places[0]) {
    const scopeAt = Math.min(...scope.names.map((n) => folded.indexOf(n)).filter((i) => i >= 0));
    const placeAt = at(places[0]);
    const periodAfter = (from: number, to: number) => periods.find((x) => x.start >= from && x.start < to) ?? null;
    const placeSide = {
      ...base,
      places: [places[0]],
      scope: null,
      period:
        periodAfter(placeAt, placeAt < scopeAt ? scopeAt : folded.length) ??
        (periods.length === 1 ? (periods[0] ?? null) : null),
    };
    const scopeSide = {
      ...base,
      places: [],
      scope,
      period:
        periodAfter(scopeAt, scopeAt < placeAt ? placeAt : folded.length) ??
        (periods.length === 1 ? (periods[0] ?? null) : null),
    };
    return placeAt < scopeAt ? [placeSide, scopeSide] : [scopeSide, placeSide];
  }
  // "vùng Đồng bằng sông Cửu Long và Tây Nguyên", "Tây Nguyên so với cả nước": two regions, or a
  // region and the country, each side the scope it names, in the order the question names them.
  if (!places.length) {
    const named = SCOPES.map((x) => ({
      x,
      at: Math.min(...x.names.map((n) => words.indexOf(` ${n} `)).filter((i) => i >= 0)),
    }))
      .filter((s) => Number.isFinite(s.at))
      .sort((a, b) => a.at - b.at);
    if (named.length >= 2) {
      const single = periods.length === 1 ? (periods[0] ?? null) : null;
      return named.slice(0, 2).map(({ x }) => ({ ...base, places: [], scope: x, period: base.period ?? single }));
    }
  }
  if (periods.length >= 2) {
    return periods.slice(0, 2).map((p) => ({ ...base, period: p, wantsTarget: planBefore(p.start) }));
  }
  if (q.wantsTarget)
    return [
      { ...base, wantsTarget: false },
      { ...base, wantsTarget: true },
    ];
  return [];
}

function answerComparison(corpus: CorpusView, q: Question, b: AnswerBuilder): AskResponse['status'] | null {
  const sides = sidesOf(q);
  if (sides.length < 2) return null;
  // Each side chosen like a value: a figure that can answer, the one whose own words cover the question best.
  const picks = sides.map((s) => {
    const cands = rankFigures(corpus, s).filter((c) => answersKind(q, c.figure));
    return byEvidence(q, cands.slice(0, 12)) ?? cands[0];
  });
  // A side that is the country or a region is named so, not by its figure's (absent) place.
  const scopeOf = new Map(
    picks.map((p, i) => [p?.figure.id, sides[i]?.scope ? SCOPE_LABELS[sides[i]?.scope?.id ?? ''] : undefined]),
  );
  const [x, y] = picks;
  if (!x || !y || x.figure.id === y.figure.id) return null;
  if (unitFamily(x.figure.unit) !== unitFamily(y.figure.unit)) return null;
  const unit = isMoneyUnit(x.figure.unit) ? commonMoneyUnit([x.figure, y.figure]) : x.figure.unit;
  const a = inUnit(x.figure, unit);
  const c = inUnit(y.figure, unit);
  sayFigure(corpus, b, x, false);
  sayFigure(corpus, b, y, false);
  // Higher minus lower, so the difference reads as a positive amount whichever side was named first.
  const [hi, lo, hv, lv] = a >= c ? [x, y, a, c] : [y, x, c, a];
  const pts = unit === '%';
  const formula = `${formatViNumber(hv, 4)} − ${formatViNumber(lv, 4)}`;
  const shown = b.compute(pts ? 'Chênh lệch (điểm phần trăm)' : 'Chênh lệch', formula, hv - lv, unit, [
    hi.figure,
    lo.figure,
  ]);
  const who = (k: Candidate) =>
    `${scopeOf.get(k.figure.id) ?? describePlace(k.figure, k.report)} ${describePeriod(k.figure.period)}${k.figure.kind === 'target' ? ' (kế hoạch)' : ''}`.trim();
  const verdict =
    hv === lv
      ? 'Hai số liệu bằng nhau.'
      : `${capitalise(who(hi))} cao hơn ${who(lo)}: ${pts ? shown.replace('%', ' điểm phần trăm') : shown} (= ${formula}).`;
  b.lines.unshift(verdict);
  return 'answered';
}

/** "so sánh", "chênh bao nhiêu": two sides, each cited, and their difference. */
export const COMPARISON: QuestionType = {
  intents: ['difference', 'compare'],
  answer: (corpus, q, b) =>
    answerComparison(corpus, q, b) ??
    // Two places or two periods named: one figure alone would drop a side of the comparison.
    (uniquePlaces(q.places).length > 1 || q.periods.length > 1 ? null : answerValue(corpus, q, b)),
};
