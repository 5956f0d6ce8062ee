// Claim checking: the claim is read like a report sentence (the same extractor finds its figures,
// metric, place, period and kind), then each figure is matched against the reports.
import type { AskResponse } from '../contract.ts';
import { extractFigures } from '../extract/figures.ts';
import type { Figure } from '../extract/types.ts';
import { countFamily, isMoneyUnit, normaliseValue } from '../extract/units.ts';
import type { Place, Report } from '../ingest/types.ts';
import { placeKey } from '../search/places.ts';
import { foldAligned } from '../text/fold-aligned.ts';
import { AnswerBuilder } from './builder.ts';
import { judgeChangeByLevels } from './claim-change.ts';
import { clauseTextOf, evidenceOf, questionTerms, sentenceCoverage, subjectCoverage, type Term } from './evidence.ts';
import { levelOf } from './ops/level-before-change.ts';
import { capitalise, describePeriod, describePlace, formatValue, statedValue } from './present.ts';
import { parseQuestion, type Question } from './question.ts';
import { type Candidate, type CorpusView, rankFigures, reportPlaceKey } from './retrieve.ts';

type Verdict = NonNullable<AskResponse['verdict']>;

/** Below this share of the claim's content words around the matching figure, the match is not evidence. */
const MIN_CLAIM_COVERAGE = 0.6;

/** Distinct figures one claim is checked on; a sentence people write to be checked states a few. */
export const MAX_CLAIM_FIGURES = 8;

/** The figures a claim states, read with the report extractor over the claim as a one-sentence report. */
function claimFigures(corpus: CorpusView, claim: string) {
  const q = parseQuestion(claim);
  const place = placeOf(corpus, q.places[0]?.key);
  const text = claim.normalize('NFC').trim();
  const report: Report = {
    id: 'claim',
    title: text,
    text,
    place,
    publishedAt: null,
    periods: q.periods,
    passages: [
      {
        id: 'claim#0',
        reportId: 'claim',
        start: 0,
        end: text.length,
        section: null,
        place,
        period: q.periods[0] ?? null,
      },
    ],
    source: null,
  };
  return { q, figures: extractFigures(report), claimReport: report };
}

/** The place a claim names, as the first report naming it (or holding a figure there) describes it. */
function placeOf(corpus: CorpusView, key: string | undefined): Place | null {
  if (!key) return null;
  // With the place index, only the figures at the place are read, grouped by report.
  let atPlace: Map<string, Figure[]> | null = null;
  if (corpus.figuresAtPlaces) {
    atPlace = new Map();
    for (const f of corpus.figuresAtPlaces([key])) {
      const list = atPlace.get(f.reportId);
      if (list) list.push(f);
      else atPlace.set(f.reportId, [f]);
    }
  }
  for (const r of corpus.list()) {
    if (r.place && reportPlaceKey(r) === key) return r.place;
    for (const f of atPlace ? (atPlace.get(r.id) ?? []) : corpus.figuresOf(r.id)) {
      if (f.place && placeKey(f.place) === key && r.place)
        return {
          ...r.place,
          name: f.place,
          level: f.placeLevel === 'commune' ? 'district' : (f.placeLevel ?? r.place.level),
        };
    }
  }
  return { name: key, level: 'province', type: '', code: '', provinceCode: '', province: key };
}

/** Which way a change goes, as the figure's qualifiers say: "tăng", "giảm" or nothing. */
function direction(f: Figure): string | undefined {
  return f.kind === 'change' ? f.qualifiers.find((x) => x === 'tăng' || x === 'giảm') : undefined;
}

/** Equal as a reader would check: the claim's digits agree with the report's once rounded alike. */
function sameValue(claimed: Figure, stated: Figure) {
  const a = normaliseValue(claimed.value, claimed.unit);
  const b = normaliseValue(stated.value, stated.unit);
  const decimals = (claimed.text.split(',')[1] ?? '').replace(/\D.*$/, '').length;
  return (
    Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-9, claimed.unit === '%' ? 0.5 * 10 ** -Math.max(decimals, 2) : 0)
  );
}

export function verifyClaim(corpus: CorpusView, claim: string): AskResponse {
  const { q, figures, claimReport } = claimFigures(corpus, claim);
  const b = new AnswerBuilder();
  const understood = {
    intent: 'claim',
    metrics: q.metrics,
    places: q.places.map((p) => p.key),
    period: q.periods[0] ? describePeriod(q.periods[0]) : null,
  };
  if (!figures.length) {
    b.say('Chưa đủ thông tin: nhận định không nêu số liệu nào để đối chiếu.');
    return b.build('answered', understood, 'not_enough_info');
  }

  // The same figure written twice is checked once, and a claim is checked on its first few
  // figures: each check ranks the corpus, so a claim of 285 × "120 hộ" held the server for 8 s.
  const distinct = [
    ...new Map(figures.map((f) => [`${f.metric}|${f.unit}|${f.value}|${f.kind}|${f.period?.label ?? ''}`, f])).values(),
  ];
  const checked = distinct.slice(0, MAX_CLAIM_FIGURES);
  const verdicts: Verdict[] = [];
  if (checked.length < distinct.length) {
    verdicts.push('not_enough_info');
    b.say(
      `- Nhận định nêu ${distinct.length.toLocaleString('vi-VN')} số liệu khác nhau; chỉ đối chiếu ${MAX_CLAIM_FIGURES} số đầu. Hãy tách thành từng nhận định ngắn.`,
    );
  }
  for (const cf of checked) {
    const metrics = cf.metric.startsWith('other:') ? q.metrics : [cf.metric];
    const shown = `${statedValue(cf)}`;
    const byMetric = claimCandidates(corpus, q, cf, metrics);
    let judged = judgeFigure(corpus, b, q, cf, byMetric, metrics, { claimReport, figures });
    // The lexicon is a hint, not a gate: "hỗ trợ làm nhà cho 376 hộ nghèo" names "hộ nghèo", the
    // report's "hỗ trợ xây, sửa nhà ở cho 335 hộ nghèo" is housing. When the claim's metric finds
    // nothing to compare, the figures of its place and period whose own words name its subject do.
    if (!judged) {
      const bySubject = subjectCandidates(corpus, q, cf);
      judged = judgeFigure(corpus, b, q, cf, bySubject, [], { claimReport, figures });
    }
    if (!judged && cf.kind !== 'target') judged = planInsideProvince(corpus, b, q, cf, metrics);
    if (!judged && cf.kind === 'change') {
      const byLevels = judgeChangeByLevels(corpus, b, q, cf, claim, metrics);
      if (byLevels) {
        verdicts.push(byLevels);
        continue;
      }
    }
    if (!judged) {
      verdicts.push('not_enough_info');
      b.say(
        byMetric.length
          ? `- ${shown}: các báo cáo không nêu số liệu tương ứng để đối chiếu.`
          : `- ${shown}: các báo cáo không có số liệu về nội dung này cho địa bàn và thời điểm đó.`,
      );
      continue;
    }
    verdicts.push(leaderCheck(corpus, b, q, judged) ?? judged.verdict);
    if (cf.kind === 'change') levelOfChange(corpus, b, judged.figure);
  }
  const verdict: Verdict = verdicts.includes('refuted')
    ? 'refuted'
    : verdicts.every((v) => v === 'supported')
      ? 'supported'
      : 'not_enough_info';
  const head = {
    supported: 'Đúng với báo cáo.',
    refuted: 'Không đúng với báo cáo.',
    not_enough_info: 'Chưa đủ thông tin để kết luận.',
  }[verdict];
  b.lines.unshift(head);
  return b.build('answered', understood, verdict);
}

interface Judged {
  verdict: Verdict;
  /** The report's figure the verdict rests on: the matching number, or the one that differs. */
  figure: Candidate;
}

/** The figures of the claim's metric at its place and period, rates against rates. */
function claimCandidates(corpus: CorpusView, q: Question, cf: Figure, metrics: string[]): Candidate[] {
  return rankFigures(corpus, {
    metrics,
    places: q.places,
    period: cf.period ?? q.periods[0] ?? null,
    wantsTarget: cf.kind === 'target',
    wantsChange: cf.kind === 'change',
    unitWanted: cf.unit === '%' ? 'percent' : null,
    words: q.words,
    anchors: [],
    groups: q.groups,
  }).filter((c) => (c.figure.unit === '%') === (cf.unit === '%'));
}

/** Share of the claim's words a figure found without its metric must have in its own sentence. */
const MIN_SUBJECT_COVERAGE = 0.8;

/**
 * Figures of any metric at the claim's place and period that count what the claim's figure counts
 * (the same family of unit: hộ with hộ, money with money) and whose own words cover the claim.
 */
function subjectCandidates(corpus: CorpusView, q: Question, cf: Figure): Candidate[] {
  if (!q.places.length && !q.scope) return [];
  const family = countFamily(cf.unit);
  const period = cf.period ?? q.periods[0] ?? null;
  return claimCandidates(corpus, q, cf, []).filter((c) => {
    if (!c.figure.unit || !sameFamily(c.figure, cf)) return false;
    // Without the metric to tie them, only a figure of the very period claimed is about it: "năm
    // 2026" is inside "giai đoạn 2026 - 2030" but a year's amount is not the span's.
    if (period && (c.figure.period?.from !== period.from || c.figure.period?.to !== period.to)) return false;
    if (!isMoneyUnit(cf.unit) && cf.unit !== '%' && family !== countFamily(c.figure.unit)) return false;
    // The claim's words in the figure's own sentence, not merely in its passage: "hỗ trợ 376 hộ nghèo
    // vay vốn" is not about "hỗ trợ xây, sửa nhà ở cho 335 hộ nghèo" two sentences from a loan.
    return sentenceCoverage(q.terms, c.figure, c.report) >= MIN_SUBJECT_COVERAGE;
  });
}

/**
 * One claimed figure against the candidates: the same number about the same thing supports (or
 * refutes, when it is a plan claimed as done, or a change the other way); a differing figure about
 * the claim's subject refutes. Null when no candidate is about what the claim says.
 */
function judgeFigure(
  corpus: CorpusView,
  b: AnswerBuilder,
  q: Question,
  cf: Figure,
  cands: Candidate[],
  metrics: string[],
  claim: { claimReport: Report; figures: Figure[] },
): Judged | null {
  if (!cands.length) return null;
  const shown = `${statedValue(cf)}`;
  // The same number about the same thing: a level is not a change of that size, and a number
  // whose own words do not cover the claim's is about something else ("4.063 căn" in all, not new).
  const exact = cands.find(
    (c) =>
      sameValue(cf, c.figure) &&
      (c.figure.kind === 'target' || (c.figure.kind === 'change') === (cf.kind === 'change')) &&
      evidenceOf(q.terms, [c], metrics).coverage >= MIN_CLAIM_COVERAGE,
  );
  // "tăng 14 tỷ" where the report says "giảm 14 tỷ": the number agrees, the claim does not.
  if (exact && direction(exact.figure) && direction(cf) && direction(exact.figure) !== direction(cf)) {
    b.say(
      `- ${shown}: báo cáo ghi ${direction(exact.figure)}, không phải ${direction(cf)} (${describeOne(exact)}) ${b.cite(exact.figure, exact.report)}.`,
    );
    return { verdict: 'refuted', figure: exact };
  }
  // Judged by subject, not by number: a figure of the same report whose own clause names what the
  // claim's clause names clearly better ("xây mới 2.481 căn" for "xây mới 4.063 căn") is the one to compare.
  const rival = exact && subjectRival(exact, cands, claimTerms(cf, claim.claimReport, q, claim.figures), claim.figures);
  if (exact && rival) {
    b.say(
      `- ${shown}: con số này trong báo cáo là ${describeOne(exact)} ${b.cite(exact.figure, exact.report)}; đúng nội dung nhận định, báo cáo ghi ${formatValue(rival.figure.value, rival.figure.unit)} ${b.cite(rival.figure, rival.report)}${sameSentence(corpus, b, rival)}.`,
    );
    return { verdict: 'refuted', figure: rival };
  }
  if (exact) {
    const targetAsResult = exact.figure.kind === 'target' && cf.kind !== 'target';
    // What was achieved, when the report states it beside the plan ("412/800 lao động", "89,6% (chỉ tiêu 90,5%)").
    const achieved = targetAsResult
      ? cands.find(
          (c) =>
            c.figure.kind === cf.kind &&
            c.figure.metric === exact.figure.metric &&
            c.report.id === exact.report.id &&
            c.figure.period?.from === exact.figure.period?.from,
        )
      : undefined;
    if (achieved) b.say(`- Kết quả báo cáo ghi: ${describeOne(achieved)} ${b.cite(achieved.figure, achieved.report)}.`);
    b.say(
      targetAsResult
        ? `- ${shown}: báo cáo chỉ nêu con số này là chỉ tiêu kế hoạch, không phải kết quả đã đạt (${describeOne(exact)}) ${b.cite(exact.figure, exact.report)}.`
        : `- ${shown}: khớp với báo cáo (${describeOne(exact)}) ${b.cite(exact.figure, exact.report)}.`,
    );
    return { verdict: targetAsResult ? 'refuted' : 'supported', figure: exact };
  }
  // A differing figure refutes only when it is about what the claim is about.
  // A level never refutes a change ("giảm 2.270 hộ" against "còn 11.980 hộ"): only a stated change does.
  const other = cands.find(
    (c) =>
      c.figure.kind === (cf.kind === 'target' ? 'target' : cf.kind === 'change' ? 'change' : 'result') &&
      c.figure.unit !== '' &&
      sameFamily(c.figure, cf) &&
      evidenceOf(q.terms, [c], metrics).coverage >= MIN_CLAIM_COVERAGE,
  );
  if (!other) return null;
  b.say(
    `- ${shown}: báo cáo ghi ${describeOne(other)} ${b.cite(other.figure, other.report)}${sameSentence(corpus, b, other)}.`,
  );
  return { verdict: 'refuted', figure: other };
}

/**
 * "Dịp Tết 2025, Sóc Trăng đã trao quà cho 21.568 hộ … 10,7 tỷ đồng" where a report from inside the
 * province states exactly that number only as a plan ("vận động … kinh phí dự kiến khoảng 10,7 tỷ
 * đồng"), its figure placed at the report's district: the claim states a plan as done. Only the
 * same number about the same thing refutes so; a differing one from a part of the province never does.
 */
function planInsideProvince(
  corpus: CorpusView,
  b: AnswerBuilder,
  q: Question,
  cf: Figure,
  metrics: string[],
): Judged | null {
  const province = q.places.find((p) => p.level === 'province');
  if (!province) return null;
  const plan = claimCandidates(corpus, { ...q, places: [] }, { ...cf, kind: 'target' }, metrics).find(
    (c) =>
      c.figure.kind === 'target' &&
      c.report.place?.provinceCode === province.provinceCode &&
      sameValue(cf, c.figure) &&
      evidenceOf(q.terms, [c], metrics).coverage >= MIN_CLAIM_COVERAGE,
  );
  if (!plan) return null;
  b.say(
    `- ${statedValue(cf)}: báo cáo chỉ nêu con số này là kế hoạch, dự kiến, không phải kết quả đã đạt (${describeOne(plan)}) ${b.cite(plan.figure, plan.report)}.`,
  );
  return { verdict: 'refuted', figure: plan };
}

/** "dẫn đầu", "cao nhất", "nhiều nhất": the claim says its place ranks first. */
const CLAIMS_FIRST = /(?<!\p{L})(?:dẫn\s+đầu|đứng\s+đầu|cao\s+nhất|nhiều\s+nhất|lớn\s+nhất)(?!\p{L})/iu;

/**
 * "Vạn Ninh dẫn đầu … với 64 người": a claim that its place ranks first is checked against the
 * places the same report lists for the same series (metric, unit, kind, period, level of place).
 * Another place with more refutes it, and is cited; null when the claim says no such thing or the
 * report lists no other place.
 */
function leaderCheck(corpus: CorpusView, b: AnswerBuilder, q: Question, judged: Judged): Verdict | null {
  if (!CLAIMS_FIRST.test(q.raw)) return null;
  const f = judged.figure.figure;
  const peers = corpus
    .figuresOf(judged.figure.report.id)
    .filter(
      (g) =>
        g.metric === f.metric &&
        g.unit === f.unit &&
        g.kind === f.kind &&
        g.placeLevel === f.placeLevel &&
        g.period?.from === f.period?.from &&
        g.period?.to === f.period?.to &&
        !!g.place,
    );
  const others = peers.filter((g) => g.place !== f.place);
  if (!others.length) return null;
  const top = others.reduce((a, g) => (g.value > a.value ? g : a));
  if (top.value <= f.value) return judged.verdict;
  b.say(
    `- Dẫn đầu không phải ${f.place}: báo cáo ghi ${top.place} ${formatValue(top.value, top.unit)} ${b.cite(top, judged.figure.report)}, nhiều hơn ${f.place} (${formatValue(f.value, f.unit)}).`,
  );
  return 'refuted';
}

/**
 * A claimed change ("tăng 14 tỷ đồng so với Tết 2024") is read with the level it changes: the result
 * of the same series and period stated before it in the report ("tổng kinh phí trên 97,6 tỉ đồng"), cited.
 */
function levelOfChange(corpus: CorpusView, b: AnswerBuilder, c: Candidate): void {
  const f = c.figure;
  if (f.kind !== 'change') return;
  const level = levelOf(corpus, c, 0);
  if (level)
    b.say(
      `- Mức ${describePeriod(level.period)} báo cáo ghi: ${formatValue(level.value, level.unit)} ${b.cite(level, c.report)}.`,
    );
}

/** The content words of the claim around one of its figures (its own clause). */
function claimTerms(cf: Figure, claimReport: Report, q: Question, others: Figure[]): Term[] {
  // "155,69 tỷ đồng để xây mới 4.063 căn": the unit of the number before is not what 4.063 counts.
  const otherUnits = new Set(
    others.filter((o) => o !== cf).flatMap((o) => o.unit.split(/\s+/).map((w) => foldAligned(w))),
  );
  // "9.287 người tham gia BHXH tự nguyện, vượt chỉ tiêu 587 người": the words after a number up to
  // the comma describe that number, so the next one's own words start after the comma.
  const clause = clauseTextOf(cf, claimReport);
  const at = clause.indexOf(cf.text);
  const comma = at > 0 ? clause.lastIndexOf(',', at) : -1;
  const own = comma >= 0 ? clause.slice(comma + 1) : clause;
  return questionTerms(
    own,
    q.places.flatMap((p) => p.names),
  ).filter((t) => !otherUnits.has(t.folded));
}

/** Margin by which another figure's subject must beat the matching number's before it decides. */
const SUBJECT_MARGIN = 0.2;
/** The least share of the claim's weighted words a rival's clause must name to decide. */
const MIN_SUBJECT = 0.45;

/**
 * A figure of the matching number's report, of a value the claim does not state, whose clause is
 * clearly more about the claim's subject than the matching number's.
 */
function subjectRival(exact: Candidate, cands: Candidate[], terms: Term[], others: Figure[]): Candidate | undefined {
  if (terms.length < 2 || exact.figure.kind === 'target') return undefined;
  const own = subjectCoverage(terms, exact.figure, exact.report);
  let best: Candidate | undefined;
  let bestCover = Math.max(MIN_SUBJECT, own + SUBJECT_MARGIN);
  for (const c of cands.slice(0, 40)) {
    if (
      c.report.id !== exact.report.id ||
      c.figure.kind !== exact.figure.kind ||
      others.some((o) => sameValue(o, c.figure))
    )
      continue;
    if (c.figure.unit !== exact.figure.unit) continue;
    const v = subjectCoverage(terms, c.figure, c.report);
    if (v >= bestCover) {
      best = c;
      bestCover = v;
    }
  }
  return best;
}

/**
 * The refuting figure's sentence often breaks a total down ("4.063 căn; trong đó xây mới 2.481
 * căn, sửa chữa 1.582 căn"): its other figures of the same unit and kind, cited, for the reader.
 */
function sameSentence(corpus: CorpusView, b: AnswerBuilder, c: Candidate): string {
  const parts = corpus
    .figuresOf(c.report.id)
    .filter(
      (g) =>
        g.sentenceStart === c.figure.sentenceStart &&
        g.unit === c.figure.unit &&
        g.id !== c.figure.id &&
        g.kind === c.figure.kind,
    )
    .slice(0, 4);
  return parts.length
    ? `; cùng câu: ${parts.map((g) => `${formatValue(g.value, g.unit)} ${b.cite(g, c.report)}`).join(', ')}`
    : '';
}

/** Both rates, both money, or both counts: a sum of money never refutes a count of houses. */
function sameFamily(a: Figure, b: Figure) {
  return (a.unit === '%') === (b.unit === '%') && isMoneyUnit(a.unit) === isMoneyUnit(b.unit);
}

function describeOne(c: Candidate) {
  const f = c.figure;
  return `${capitalise(f.label)} của ${describePlace(f, c.report)} ${describePeriod(f.period)}: ${f.kind === 'target' ? 'kế hoạch ' : ''}${formatValue(f.value, f.unit)}`;
}
