// One report in, one Report out: clean → metadata → passages. Pure and I/O-free (Web APIs only),
// so the Node CLI and the Workers entry ingest a report the same way.

import { AppError } from '../errors.ts';
import { cleanReportText } from './clean.ts';
import { extractMetadata } from './metadata.ts';
import { splitPassages } from './passages.ts';
import type { Report, ReportInput } from './types.ts';

/**
 * Builds the stored form of a report; every passage offset points into `report.text`.
 * @throws AppError MISSING_ID when `input.id` is blank, EMPTY_TEXT when nothing readable is left after cleaning.
 */
export function buildReport(input: ReportInput): Report {
  const steps = buildReportSteps(input);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** buildReport in steps, yielding between cleaning, metadata and passages (see corpus/prepare.ts). */
export function* buildReportSteps(input: ReportInput): Generator<void, Report, void> {
  if (!input.id.trim()) throw new AppError('MISSING_ID');
  const text = cleanReportText(input.text);
  yield;
  if (!text)
    throw new AppError(
      'EMPTY_TEXT',
      `Report ${input.id}: no readable text after cleaning; check that the source is not empty or only site navigation.`,
    );
  const hints: { title?: string; publishedAt?: string } = {};
  if (input.title) hints.title = input.title;
  if (input.publishedAt) hints.publishedAt = input.publishedAt;
  const meta = extractMetadata(text, hints);
  yield;
  return {
    id: input.id,
    title: meta.title,
    text,
    place: meta.place,
    publishedAt: meta.publishedAt,
    periods: meta.periods,
    passages: splitPassages(input.id, text, meta),
    source: input.source ?? null,
  };
}
