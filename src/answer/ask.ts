// The deterministic answerer: a question (and the conversation so far) → figures → computations →
// a Vietnamese answer with citations. No language model; every number is a figure or computed here.
// Which computation a question gets is its question type's (question-types/).
import type { AskBody, AskResponse } from '../contract.ts';
import { resolvePlaceName } from '../ingest/gazetteer.ts';
import type { QueryPlace } from '../search/places.ts';
import { formatViNumber } from '../text/vi-number.ts';
import { AnswerBuilder, ComputationError } from './builder.ts';
import { evidenceOf } from './evidence.ts';
import { uniquePlaces } from './lookup.ts';
import { asksTotalLessPart, LESS_WORDS } from './ops/total-less-part.ts';
import { capitalise, describePeriod, describePlace, metricLabel, statedValue } from './present.ts';
import { parseQuestion, type Question } from './question.ts';
import { questionTypeOf } from './question-types/index.ts';
import { type Candidate, type CorpusView, constraintsOf, rankFigures, reportPlaceKey } from './retrieve.ts';

type Understood = NonNullable<AskResponse['understood']>;

export function answerQuestion(corpus: CorpusView, body: AskBody): AskResponse {
  const q = withHistory(parseQuestion(body.question), body.history);
  if (q.intent === 'source') return answerSource(corpus, body);
  const understood: Understood = {
    intent: q.intent,
    metrics: q.metrics,
    places: [...uniquePlaces(q.places).map((p) => p.key), ...(q.scope ? [q.scope.names[0] as string] : [])],
    period: q.periods[0] ? describePeriod(q.periods[0]) : null,
  };
  const b = new AnswerBuilder();
  let handled: AskResponse['status'] | null;
  try {
    handled = questionTypeOf(q.intent).answer(corpus, q, b);
  } catch (err) {
    if (!(err instanceof ComputationError)) throw err;
    handled = null;
  }
  if (handled === 'answered') {
    const evidence = answerEvidence(corpus, q, b);
    // A quantity the report does not state (the plan or the base behind a stated result) is named
    // by words no figure holds: those words do not count against the inputs.
    const inferred = q.intent === 'implied_base' || q.intent === 'implied_target' || b.inferred;
    const needed = evidence.missing.length && !inferred ? MIN_COVERAGE_WITH_MISSING : MIN_COVERAGE;
    if (evidence.coverage >= needed) return b.build(handled, { ...understood, evidence });
    return notFound(corpus, q, {
      ...understood,
      evidence: {
        ...evidence,
        reasons: [
          ...evidence.reasons,
          `độ phủ ${formatViNumber(evidence.coverage, 2)} dưới ngưỡng ${formatViNumber(needed, 2)}: không trả lời`,
        ],
      },
    });
  }
  if (handled) return b.build(handled, understood);
  return notFound(corpus, q, understood);
}

/**
 * Below this share of the question's content words in the chosen figures' own words, the answer
 * is "không tìm thấy": a cited number about something else is worse than none.
 */
const MIN_COVERAGE = 0.7;

/** A question word found nowhere near the figures (not even in their passage) hints at another subject: demand more. */
const MIN_COVERAGE_WITH_MISSING = 0.85;

/** How well the facts an answer states cover the question (evidence.ts), with the reasons a reader sees. */
function answerEvidence(corpus: CorpusView, q: Question, b: AnswerBuilder): NonNullable<Understood['evidence']> {
  const used = b.facts.flatMap((fact) => {
    const figure = corpus.figuresOf(fact.reportId).find((f) => f.id === fact.id);
    const report = corpus.get(fact.reportId);
    return figure && report ? [{ figure, report }] : [];
  });
  // A change computed from two levels answers "giảm/tăng bao nhiêu" itself, as its unit answers "hộ".
  const terms =
    q.wantsChange && b.computations.length
      ? operandTerms(q).filter((t) => t.folded !== 'giam' && t.folded !== 'tang')
      : operandTerms(q);
  const e = evidenceOf(
    terms,
    used,
    q.metrics,
    b.computations.map((c) => c.unit),
  );
  const reasons = [
    `các từ của câu hỏi: ${q.terms.map((t) => t.folded).join(', ') || '(không có)'}`,
    ...(e.missing.length ? [`không thấy quanh số liệu: ${e.missing.join(', ')}`] : []),
  ];
  return { coverage: Math.round(e.coverage * 1000) / 1000, missing: e.missing, reasons };
}

/**
 * The question's words that name what the figures count, without those that name the operation:
 * "cả hai cổng" says how many parts to add, "từ nguồn khác" that a part is set aside.
 */
function operandTerms(q: Question) {
  const drop = new Set<string>();
  const parts = /\bca (?:hai|ba|bon) ((?:[a-z]+ ?){1,2})/.exec(q.plain)?.[1];
  if (parts) for (const w of parts.trim().split(' ')) drop.add(w);
  if (q.intent === 'remainder') for (const w of ['khac', 'nguon', 'con', 'lai']) drop.add(w);
  if (asksTotalLessPart(q)) for (const w of LESS_WORDS) drop.add(w);
  return drop.size ? q.terms.filter((t) => !drop.has(t.folded)) : q.terms;
}

/** Follow-ups keep the metric, place and period of the previous question unless they name new ones. */
function withHistory(q: Question, history: AskBody['history']): Question {
  const prevText = [...history].reverse().find((t) => t.role === 'user')?.content;
  if (!prevText || q.intent === 'source') return q;
  const prev = parseQuestion(prevText);
  const followUp =
    !q.metrics.length &&
    (q.places.length > 0 || q.periods.length > 0 || /\b(?:thi sao|con|the con|vay con)\b/.test(q.folded));
  if (!followUp) return q;
  const comparing = /\bso voi\b/.test(q.folded) && q.places.length > 0;
  return {
    ...q,
    metrics: prev.metrics,
    places: comparing
      ? [...prev.places, ...q.places.filter((p) => !prev.places.some((x) => x.key === p.key))]
      : q.places.length
        ? q.places
        : prev.places,
    periods: q.periods.length ? q.periods : prev.periods,
    intent: comparing ? 'compare' : q.intent === 'value' ? prev.intent : q.intent,
    unitWanted: q.unitWanted ?? prev.unitWanted,
    wantsTarget: q.wantsTarget || prev.wantsTarget,
    wantsChange: q.wantsChange || prev.wantsChange,
    words: [...new Set([...prev.words, ...q.words])],
    terms: [...prev.terms, ...q.terms.filter((t) => !prev.terms.some((p) => p.folded === t.folded))],
    numbers: q.numbers.length ? q.numbers : prev.numbers,
  };
}

function answerSource(corpus: CorpusView, body: AskBody): AskResponse {
  const prevText = [...body.history].reverse().find((t) => t.role === 'user')?.content;
  const b = new AnswerBuilder();
  if (!prevText) {
    b.say('Chưa có câu trả lời nào trước đó để dẫn nguồn. Hãy hỏi một số liệu, ví dụ "hộ nghèo Quảng Trị cuối 2023?".');
    return b.build('not_found', { intent: 'source', metrics: [], places: [], period: null });
  }
  const prev = answerQuestion(corpus, { question: prevText, history: [] });
  if (!prev.citations.length) {
    b.say('Câu trả lời trước không dẫn báo cáo nào.');
    return b.build('not_found', { intent: 'source', metrics: [], places: [], period: null });
  }
  const lines = prev.citations.map(
    (c) => `[${c.n}] ${c.title} (${c.reportId}, ký tự ${c.start}–${c.end}): “${c.quote}”`,
  );
  return {
    ...prev,
    answer: `Nguồn của câu trả lời trước:\n${lines.join('\n')}`,
    understood: { ...(prev.understood ?? { metrics: [], places: [], period: null }), intent: 'source' },
  };
}

// ——— value ———

function notFound(corpus: CorpusView, q: Question, understood: Understood): AskResponse {
  const b = new AnswerBuilder();
  const what = q.metrics.length ? metricLabel(q.metrics[0] as string) : 'nội dung này';
  const where = q.places.length
    ? ` của ${uniquePlaces(q.places)
        .map((p) => displayPlace(corpus, p))
        .join(', ')}`
    : '';
  const when = q.periods[0] ? ` ${describePeriod(q.periods[0])}` : '';
  b.say(`Không tìm thấy số liệu ${what}${where}${when} trong các báo cáo hiện có.`);
  if (q.metrics.length) {
    // The best three of one misfit each, one per series and period.
    const near: Candidate[] = [];
    const seen = new Set<string>();
    for (const x of rankFigures(corpus, constraintsOf(q), 'near')) {
      if (x.misfit.length !== 1 || x.misfit[0] === 'metric' || x.figure.kind === 'target') continue;
      const key = `${x.figure.metric}\u0000${x.figure.place}\u0000${x.figure.period?.from}`;
      if (seen.has(key)) continue;
      seen.add(key);
      near.push(x);
      if (near.length === 3) break;
    }
    if (near.length) {
      b.say('Số liệu gần nhất các báo cáo có:');
      for (const x of near) {
        b.say(
          `- ${capitalise(x.figure.label)} của ${describePlace(x.figure, x.report)} ${describePeriod(x.figure.period)}: ${statedValue(x.figure)} ${b.cite(x.figure, x.report)}`,
        );
        b.suggestions.push(
          `${capitalise(metricLabel(x.figure.metric))} ${x.figure.place ?? ''} ${describePeriod(x.figure.period)}`.trim(),
        );
      }
    }
  }
  return b.build('not_found', understood);
}

/** The place as a report spells it, else as the gazetteer does. */
function displayPlace(corpus: CorpusView, p: QueryPlace): string {
  for (const r of corpus.list()) if (r.place && reportPlaceKey(r) === p.key) return r.place.name;
  return resolvePlaceName(p.key)?.name ?? p.key;
}
