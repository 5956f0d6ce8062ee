// Claim checking: the claim is read like a report sentence (the same extractor finds its figures,
// metric, place, period and kind), then each figure is matched against the reports.
import type { AskResponse } from '../contract.ts';
import { extractFigures } from '../extract/figures.ts';
import type { Figure } from '../extract/types.ts';
import { isMoneyUnit, normaliseValue } from '../extract/units.ts';
import type { Place, Report } from '../ingest/types.ts';
import { placeKey } from '../search/places.ts';
import { foldAligned } from '../text/fold-aligned.ts';
import { AnswerBuilder } from './builder.ts';
import { clauseTextOf, evidenceOf, questionTerms, subjectCoverage, type Term } from './evidence.ts';
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
    passages: [{ id: 'claim#0', reportId: 'claim', start: 0, end: text.length, section: null, place, period: q.periods[0] ?? null }],
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
      if (f.place && placeKey(f.place) === key && r.place) return { ...r.place, name: f.place, level: f.placeLevel === 'commune' ? 'district' : (f.placeLevel ?? r.place.level) };
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
  return Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-9, claimed.unit === '%' ? 0.5 * 10 ** -Math.max(decimals, 2) : 0);
}

export function verifyClaim(corpus: CorpusView, claim: string): AskResponse {
  const { q, figures, claimReport } = claimFigures(corpus, claim);
  const b = new AnswerBuilder();
  const understood = { intent: 'claim', metrics: q.metrics, places: q.places.map((p) => p.key), period: q.periods[0] ? describePeriod(q.periods[0]) : null };
  if (!figures.length) {
    b.say('Chưa đủ thông tin: nhận định không nêu số liệu nào để đối chiếu.');
    return b.build('answered', understood, 'not_enough_info');
  }

  // The same figure written twice is checked once, and a claim is checked on its first few
  // figures: each check ranks the corpus, so a claim of 285 × "120 hộ" held the server for 8 s.
  const distinct = [...new Map(figures.map((f) => [`${f.metric}|${f.unit}|${f.value}|${f.kind}|${f.period?.label ?? ''}`, f])).values()];
  const checked = distinct.slice(0, MAX_CLAIM_FIGURES);
  const verdicts: Verdict[] = [];
  if (checked.length < distinct.length) {
    verdicts.push('not_enough_info');
    b.say(`- Nhận định nêu ${distinct.length.toLocaleString('vi-VN')} số liệu khác nhau; chỉ đối chiếu ${MAX_CLAIM_FIGURES} số đầu. Hãy tách thành từng nhận định ngắn.`);
  }
  for (const cf of checked) {
    const metrics = cf.metric.startsWith('other:') ? q.metrics : [cf.metric];
    const cands = rankFigures(corpus, {
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
    const shown = `${statedValue(cf)}`;
    if (!cands.length) {
      verdicts.push('not_enough_info');
      b.say(`- ${shown}: các báo cáo không có số liệu về nội dung này cho địa bàn và thời điểm đó.`);
      continue;
    }
    // The same number about the same thing: a level is not a change of that size, and a number
    // whose own words do not cover the claim's is about something else ("4.063 căn" in all, not new).
    const exact = cands.find(
      (c) => sameValue(cf, c.figure) && (c.figure.kind === 'target' || (c.figure.kind === 'change') === (cf.kind === 'change')) && evidenceOf(q.terms, [c], metrics).coverage >= MIN_CLAIM_COVERAGE,
    );
    // "tăng 14 tỷ" where the report says "giảm 14 tỷ": the number agrees, the claim does not.
    if (exact && direction(exact.figure) && direction(cf) && direction(exact.figure) !== direction(cf)) {
      verdicts.push('refuted');
      b.say(`- ${shown}: báo cáo ghi ${direction(exact.figure)}, không phải ${direction(cf)} (${describeOne(exact)}) ${b.cite(exact.figure, exact.report)}.`);
      continue;
    }
    // Judged by subject, not by number: a figure of the same report whose own clause names what the
    // claim's clause names clearly better ("xây mới 2.481 căn" for "xây mới 4.063 căn") is the one to compare.
    const rival = exact && subjectRival(exact, cands, claimTerms(cf, claimReport, q, figures), figures);
    if (exact && rival) {
      verdicts.push('refuted');
      b.say(`- ${shown}: con số này trong báo cáo là ${describeOne(exact)} ${b.cite(exact.figure, exact.report)}; đúng nội dung nhận định, báo cáo ghi ${formatValue(rival.figure.value, rival.figure.unit)} ${b.cite(rival.figure, rival.report)}${sameSentence(corpus, b, rival)}.`);
      continue;
    }
    if (exact) {
      const targetAsResult = exact.figure.kind === 'target' && cf.kind !== 'target';
      verdicts.push(targetAsResult ? 'refuted' : 'supported');
      // What was achieved, when the report states it beside the plan ("412/800 lao động", "89,6% (chỉ tiêu 90,5%)").
      const achieved = targetAsResult ? cands.find((c) => c.figure.kind === cf.kind && c.figure.metric === exact.figure.metric && c.report.id === exact.report.id && c.figure.period?.from === exact.figure.period?.from) : undefined;
      if (achieved) b.say(`- Kết quả báo cáo ghi: ${describeOne(achieved)} ${b.cite(achieved.figure, achieved.report)}.`);
      b.say(
        targetAsResult
          ? `- ${shown}: báo cáo chỉ nêu con số này là chỉ tiêu kế hoạch, không phải kết quả đã đạt (${describeOne(exact)}) ${b.cite(exact.figure, exact.report)}.`
          : `- ${shown}: khớp với báo cáo (${describeOne(exact)}) ${b.cite(exact.figure, exact.report)}.`,
      );
      continue;
    }
    // A differing figure refutes only when it is about what the claim is about.
    const other = cands.find(
      (c) =>
        c.figure.kind === (cf.kind === 'target' ? 'target' : c.figure.kind === 'change' && cf.kind === 'change' ? 'change' : 'result') &&
        c.figure.unit !== '' &&
        sameFamily(c.figure, cf) &&
        evidenceOf(q.terms, [c], metrics).coverage >= MIN_CLAIM_COVERAGE,
    );
    if (other) {
      verdicts.push('refuted');
      b.say(`- ${shown}: báo cáo ghi ${describeOne(other)} ${b.cite(other.figure, other.report)}${sameSentence(corpus, b, other)}.`);
    } else {
      verdicts.push('not_enough_info');
      b.say(`- ${shown}: các báo cáo không nêu số liệu tương ứng để đối chiếu.`);
    }
  }
  const verdict: Verdict = verdicts.includes('refuted') ? 'refuted' : verdicts.every((v) => v === 'supported') ? 'supported' : 'not_enough_info';
  const head = { supported: 'Đúng với báo cáo.', refuted: 'Không đúng với báo cáo.', not_enough_info: 'Chưa đủ thông tin để kết luận.' }[verdict];
  b.lines.unshift(head);
  return b.build('answered', understood, verdict);
}

/** The content words of the claim around one of its figures (its own clause). */
function claimTerms(cf: Figure, claimReport: Report, q: Question, others: Figure[]): Term[] {
  // "155,69 tỷ đồng để xây mới 4.063 căn": the unit of the number before is not what 4.063 counts.
  const otherUnits = new Set(others.filter((o) => o !== cf).flatMap((o) => o.unit.split(/\s+/).map((w) => foldAligned(w))));
  // "9.287 người tham gia BHXH tự nguyện, vượt chỉ tiêu 587 người": the words after a number up to
  // the comma describe that number, so the next one's own words start after the comma.
  const clause = clauseTextOf(cf, claimReport);
  const at = clause.indexOf(cf.text);
  const comma = at > 0 ? clause.lastIndexOf(',', at) : -1;
  const own = comma >= 0 ? clause.slice(comma + 1) : clause;
  return questionTerms(own, q.places.flatMap((p) => p.names)).filter((t) => !otherUnits.has(t.folded));
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
    if (c.report.id !== exact.report.id || c.figure.kind !== exact.figure.kind || others.some((o) => sameValue(o, c.figure))) continue;
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
    .filter((g) => g.sentenceStart === c.figure.sentenceStart && g.unit === c.figure.unit && g.id !== c.figure.id && g.kind === c.figure.kind)
    .slice(0, 4);
  return parts.length ? `; cùng câu: ${parts.map((g) => `${formatValue(g.value, g.unit)} ${b.cite(g, c.report)}`).join(', ')}` : '';
}

/** Both rates, both money, or both counts: a sum of money never refutes a count of houses. */
function sameFamily(a: Figure, b: Figure) {
  return (a.unit === '%') === (b.unit === '%') && isMoneyUnit(a.unit) === isMoneyUnit(b.unit);
}

function describeOne(c: Candidate) {
  const f = c.figure;
  return `${capitalise(f.label)} của ${describePlace(f, c.report)} ${describePeriod(f.period)}: ${f.kind === 'target' ? 'kế hoạch ' : ''}${formatValue(f.value, f.unit)}`;
}
