// Collects what an answer states: facts with their citations, computations with their formulas,
// and the Vietnamese lines that show them. The one place citations are numbered and quoted, so
// every quote is exactly the report's text at its offsets.
import type { AskResponse, Citation, Computation, Fact, Series } from '../contract.ts';
import type { Figure } from '../extract/types.ts';
import type { Report } from '../ingest/types.ts';
import { formatViNumber } from '../text/vi-number.ts';
import { describePeriod } from './present.ts';

/**
 * Largest magnitude an answer computes with. Figures stop at 1e15 (parseViNumber); a product of
 * two or a division by a tiny figure can still leave any plausible welfare quantity behind.
 */
export const MAX_COMPUTED = 1e18;

/** A computation whose result is not a finite, plausible number: the answer is given without it. */
export class ComputationError extends Error {
  constructor(label: string) {
    super(`"${label}" gives no finite result`);
    this.name = 'ComputationError';
  }
}

export class AnswerBuilder {
  readonly facts: Fact[] = [];
  readonly computations: Computation[] = [];
  readonly citations: Citation[] = [];
  readonly lines: string[] = [];
  readonly suggestions: string[] = [];
  /** Set by a series answer (series.ts); its points are among `facts`. */
  series: Series | undefined;
  /**
   * Set by an operation whose result the reports do not name ("BHXH bắt buộc" as total − voluntary):
   * the words that name it are found near no figure and do not count against the inputs.
   */
  inferred = false;

  /** Adds the figure as a fact (once) and returns its citation marker "[n]". */
  cite(f: Figure, report: Report): string {
    let citation = this.citations.find(
      (c) => c.reportId === report.id && c.start === f.sentenceStart && c.end === f.sentenceEnd,
    );
    if (!citation) {
      citation = {
        n: this.citations.length + 1,
        reportId: report.id,
        title: report.title,
        quote: report.text.slice(f.sentenceStart, f.sentenceEnd),
        start: f.sentenceStart,
        end: f.sentenceEnd,
      };
      this.citations.push(citation);
    }
    if (!this.facts.some((x) => x.id === f.id)) {
      this.facts.push({
        id: f.id,
        metric: f.metric,
        label: f.label,
        value: f.value,
        unit: f.unit,
        place: f.place,
        period: f.period ? describePeriod(f.period) : null,
        kind: f.kind,
        reportId: report.id,
        citation: citation.n,
        text: f.text,
      });
    }
    return `[${citation.n}]`;
  }

  /**
   * Records a computation and returns its value as shown in the answer.
   * @param decimals how many decimals the answer shows; the rounding is stated in the computation.
   */
  compute(label: string, formula: string, value: number, unit: string, inputs: Figure[], decimals = 2): string {
    // Never "Infinity" or "NaN" in an answer: the caller's answer is dropped for the plain not-found one.
    if (!Number.isFinite(value) || Math.abs(value) > MAX_COMPUTED) throw new ComputationError(label);
    const shown = formatViNumber(value, decimals);
    this.computations.push({
      label,
      formula,
      value,
      unit,
      inputs: inputs.map((f) => f.id),
      rounding: decimals === 0 ? 'làm tròn đến hàng đơn vị' : `làm tròn đến ${decimals} chữ số thập phân`,
    });
    return unit === '%' ? `${shown}%` : `${shown} ${unit}`.trim();
  }

  say(line: string) {
    this.lines.push(line);
  }

  build(
    status: AskResponse['status'],
    understood: AskResponse['understood'],
    verdict?: AskResponse['verdict'],
  ): AskResponse {
    return {
      status,
      answer: this.lines.join('\n'),
      facts: this.facts,
      computations: this.computations,
      citations: this.citations,
      ...(verdict ? { verdict } : {}),
      ...(this.series ? { series: this.series } : {}),
      understood,
      suggestions: this.suggestions,
    };
  }
}
