// A posted report made ready to serve before anything is stored: built (clean → metadata →
// passages), its figures extracted within a budget, with the event loop given back between
// passages. A report over its budget is refused with an AppError, so the store never holds a
// report that cannot be loaded (issue 15: one 2 MB report of one number took the service down).
// Every place that stores a report prepares it here, once, and decides "unchanged" by one rule.
import { sha256Hex } from '../digest.ts';
import { AppError } from '../errors.ts';
import { extractFigures, figureSteps } from '../extract/figures.ts';
import type { Figure } from '../extract/types.ts';
import { buildReport, buildReportSteps } from '../ingest/build-report.ts';
import type { Report, ReportInput } from '../ingest/types.ts';

export interface PreparedReport {
  report: Report;
  figures: Figure[];
}

export interface PrepareBudget {
  /**
   * Most figures one report may state. The densest real report read so far (24 wide reports and
   * the 5 seeds) states one figure per ~60 bytes, so 2 MB of real prose holds ~35.000; 2 MB of
   * "1.2.3.4…" would hold a million, which no reader could use and the index would carry forever.
   */
  maxFigures: number;
  /** Wall-clock milliseconds for the whole preparation: a backstop, whatever the text's shape. */
  maxMs: number;
  /** How long one synchronous stretch may run before the event loop is given back. */
  sliceMs: number;
}

export const DEFAULT_PREPARE_BUDGET: PrepareBudget = { maxFigures: 100_000, maxMs: 30_000, sliceMs: 20 };

/** Gives the event loop back so other requests (a /healthz, a question) are served in between. */
const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Builds the report and extracts its figures, yielding every `sliceMs`.
 * @throws AppError EMPTY_TEXT / MISSING_ID from buildReport, TOO_COMPLEX over the budget.
 */
export async function prepareReport(
  input: ReportInput,
  budget: PrepareBudget = DEFAULT_PREPARE_BUDGET,
): Promise<PreparedReport> {
  const t0 = performance.now();
  const building = buildReportSteps(input);
  let built = building.next();
  while (!built.done) {
    await yieldToLoop();
    built = building.next();
  }
  const report = built.value;
  await yieldToLoop();
  let slice = performance.now();
  const steps = figureSteps(report);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { report, figures: step.value };
    if (step.value > budget.maxFigures) {
      throw new AppError(
        'TOO_COMPLEX',
        `The report states more than ${budget.maxFigures.toLocaleString('vi-VN')} figures; nothing was stored. Split it into several reports, or check that it is prose and tables rather than a dump of numbers.`,
      );
    }
    const now = performance.now();
    if (now - t0 > budget.maxMs) {
      throw new AppError(
        'TOO_COMPLEX',
        `Reading the report's figures took longer than ${budget.maxMs / 1000} s; nothing was stored. Split it into several reports.`,
      );
    }
    if (now - slice > budget.sliceMs) {
      await yieldToLoop();
      slice = performance.now();
    }
  }
}

/**
 * The same preparation at once, without yielding and without a budget: for reports already
 * accepted (a start preparing again what an older version stored) and the bundled seeds.
 * @throws AppError EMPTY_TEXT / MISSING_ID from buildReport.
 */
export function prepareNow(input: ReportInput): PreparedReport {
  const report = buildReport(input);
  return { report, figures: extractFigures(report) };
}

/** What a stored report is compared by: its cleaned text and the metadata a reader sees. */
type Content = Pick<Report, 'text' | 'title' | 'source' | 'publishedAt'>;

/** The one "unchanged" rule: a report posted again with the same cleaned text, title, source and date. */
export function sameContent(a: Content, b: Content): boolean {
  return contentKey(a) === contentKey(b);
}

/** The same rule as a hash, for stores that keep only the hash of what they hold (D1). */
export function contentHash(r: Content): Promise<string> {
  return sha256Hex(contentKey(r));
}

function contentKey(r: Content): string {
  return JSON.stringify([r.text, r.title, r.source, r.publishedAt]);
}

/**
 * Bumped when preparation changes in a way the seeds would not show. The stamp also hashes the
 * seeds' own figures, so any change to extraction that moves one seed figure renews it by itself.
 */
const PREPARATION_REVISION = 1;

/** The stamp a prepared form carries: the revision and a hash of what this code makes of the seeds. */
export function preparationStamp(seedFigures: readonly (readonly Figure[])[]): string {
  return `${PREPARATION_REVISION}-${fnv1a(JSON.stringify(seedFigures))}`;
}

/** FNV-1a, 32 bits, over UTF-16 code units: a fingerprint, not a security hash. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
