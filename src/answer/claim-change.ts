// A claimed change ("giảm 2.270 hộ so với cuối năm 2023") where the report states only the two
// levels: the change is computed from them (formula printed from the cited figures) and compared
// with the claim, its size and its direction. A level alone never judges a change.
import type { AskResponse } from '../contract.ts';
import type { Figure } from '../extract/types.ts';
import { isPercentUnit, normaliseValue } from '../extract/units.ts';
import type { Period } from '../ingest/types.ts';
import { foldAligned } from '../text/fold-aligned.ts';
import { findPeriods } from '../text/periods.ts';
import { formatViNumber } from '../text/vi-number.ts';
import type { AnswerBuilder } from './builder.ts';
import { evidenceOf } from './evidence.ts';
import { describePeriod, formatValue } from './present.ts';
import type { Question } from './question.ts';
import { type Candidate, type CorpusView, rankFigures } from './retrieve.ts';

type Verdict = NonNullable<AskResponse['verdict']>;

/** Share of the claim's words the two levels must have around them, as for any figure a claim is judged on. */
const MIN_LEVEL_COVERAGE = 0.6;

/** The period a claim compares with: the one written after "so với" ("so với cuối năm 2023"). */
function basePeriod(claim: string): Period | null {
  const folded = foldAligned(claim);
  const p = findPeriods(claim, { bareYear: true }).find((x) =>
    /\bso(?: voi)?(?: cung ky)?\s*$/.test(folded.slice(Math.max(0, x.start - 14), x.start)),
  );
  return p ? { label: p.label, kind: p.kind, from: p.from, to: p.to, year: p.year } : null;
}

function levelAt(
  corpus: CorpusView,
  q: Question,
  cf: Figure,
  period: Period,
  metrics: string[],
): Candidate | undefined {
  return rankFigures(corpus, {
    metrics,
    places: q.places,
    period,
    wantsTarget: false,
    wantsChange: false,
    unitWanted: isPercentUnit(cf.unit) ? 'percent' : null,
    words: q.words,
    anchors: [],
    groups: q.groups,
    scope: q.scope,
  }).find(
    (c) =>
      c.figure.kind === 'result' &&
      c.figure.unit === cf.unit &&
      c.figure.period?.to === period.to &&
      evidenceOf(q.terms, [c], metrics).coverage >= MIN_LEVEL_COVERAGE,
  );
}

/**
 * The verdict on a claimed change from the report's levels at the claim's period and the period it
 * compares with, both of one series (same metric, place and unit); null when either is missing.
 */
export function judgeChangeByLevels(
  corpus: CorpusView,
  b: AnswerBuilder,
  q: Question,
  cf: Figure,
  claim: string,
  metrics: string[],
): Verdict | null {
  const dir = cf.qualifiers.includes('tăng') ? 1 : cf.qualifiers.includes('giảm') ? -1 : 0;
  const base = basePeriod(claim);
  if (!dir || !base || !cf.period || !metrics.length) return null;
  const now = levelAt(corpus, q, cf, cf.period, metrics);
  const then = now && levelAt(corpus, q, cf, base, [now.figure.metric]);
  if (!now || !then || now.figure.place !== then.figure.place || now.figure.id === then.figure.id) return null;
  const diff = now.figure.value - then.figure.value;
  // Larger minus smaller, so the size reads positive and the words say which way it went.
  const [hi, lo] = diff < 0 ? [then.figure, now.figure] : [now.figure, then.figure];
  const formula = `${formatViNumber(hi.value, 4)} − ${formatViNumber(lo.value, 4)}`;
  const way = diff < 0 ? 'giảm' : diff > 0 ? 'tăng' : 'không đổi';
  const at = (f: Figure, c: Candidate) =>
    `${formatValue(f.value, f.unit)} (${describePeriod(f.period)}) ${b.cite(f, c.report)}`;
  const levels = `báo cáo ghi ${at(then.figure, then)} và ${at(now.figure, now)}`;
  const shown = b.compute(`Mức ${way} tính từ hai số liệu`, formula, Math.abs(diff), now.figure.unit, [hi, lo]);
  const decimals = (cf.text.split(',')[1] ?? '').replace(/\D.*$/, '').length;
  const sameSize =
    Math.abs(normaliseValue(Math.abs(diff), now.figure.unit) - normaliseValue(cf.value, cf.unit)) <=
    0.5 * 10 ** -decimals + 1e-9;
  const agrees = sameSize && Math.sign(diff) === dir;
  b.say(
    `- ${dir < 0 ? 'giảm' : 'tăng'} ${formatValue(cf.value, cf.unit)}: ${levels}, tức ${way} ${shown} (= ${formula})${agrees ? ', khớp với nhận định' : ''}.`,
  );
  return agrees ? 'supported' : 'refuted';
}
