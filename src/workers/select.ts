// What a shard sends back for a question: its reports that could hold the answer, chosen by the
// same deterministic ranking the answerer runs (rankFigures, non-strict, under the variants of the
// question's constraints the answerer itself tries), so the merged view answers as one index would.
import { parseQuestion } from '../answer/question.ts';
import { type Constraints, constraintsOf, rankFigures } from '../answer/retrieve.ts';
import type { CorpusView } from '../corpus/port.ts';
import type { Figure } from '../extract/types.ts';
import type { Report } from '../ingest/types.ts';

export interface ShardReport {
  report: Report;
  figures: Figure[];
}

/** Reports kept per constraint variant; every report holding one of these top figures is sent. */
export const TOP_FIGURES_PER_VARIANT = 60;

function variants(c: Constraints): Constraints[] {
  return [
    c,
    { ...c, wantsTarget: !c.wantsTarget },
    { ...c, wantsChange: false },
    { ...c, unitWanted: 'count', anchors: [] },
    { ...c, unitWanted: null },
    { ...c, metrics: [] },
    ...c.metrics.map((m) => ({ ...c, metrics: [m] })),
  ];
}

/** What each question text asks, parsed once: the Worker sends these to every shard it asks. */
export function constraintsOfTexts(texts: readonly string[]): Constraints[] {
  return texts.map((t) => constraintsOf(parseQuestion(t)));
}

/**
 * Ids of the reports a question (and the user turn before it) may draw on, best first.
 * @example selectReports(view, constraintsOfTexts(['Tỷ lệ hộ nghèo Quảng Trị năm 2023?']))
 */
export function selectReports(
  view: CorpusView,
  asked: readonly Constraints[],
  perVariant = TOP_FIGURES_PER_VARIANT,
): string[] {
  const ids = new Set<string>();
  for (const c of asked) {
    for (const v of variants(c)) {
      const ranked = rankFigures(view, v, 'all');
      for (const cand of ranked.slice(0, perVariant)) ids.add(cand.report.id);
    }
  }
  return [...ids];
}

/** A read-only CorpusView over reports merged from several shards, in one fixed order. */
export function mergedView(parts: ShardReport[], order: (a: Report, b: Report) => number): CorpusView {
  const byId = new Map<string, ShardReport>();
  for (const p of parts) byId.set(p.report.id, p);
  const reports = [...byId.values()].map((p) => p.report).sort(order);
  return {
    list: () => reports,
    get: (id) => byId.get(id)?.report,
    figuresOf: (id) => byId.get(id)?.figures ?? [],
  };
}
