// Small reports for extractor tests: a title line and a body, built the way ingestion builds any
// report, so tests see the same passages, periods and place the extractor sees in production.
import { extractFigures } from '../../src/extract/figures.ts';
import type { Figure } from '../../src/extract/types.ts';
import { buildReport } from '../../src/ingest/build-report.ts';
import type { Report } from '../../src/ingest/types.ts';
import { seedReports } from './seed-reports.ts';

export interface Extracted {
  report: Report;
  figures: Figure[];
}

/** A report "<title>\n\n<body>" with id "t", and its figures. */
export function extract(title: string, body: string): Extracted {
  const report = buildReport({ id: 't', text: `${title}\n\n${body}` });
  return { report, figures: extractFigures(report) };
}

/** The figure whose text is exactly `text`; fails with the texts found, so a miss is readable. */
export function figureNamed(figures: Figure[], text: string): Figure {
  const found = figures.find((f) => f.text === text);
  if (!found) throw new Error(`no figure "${text}"; found: ${figures.map((f) => `"${f.text}"`).join(', ') || 'none'}`);
  return found;
}

/** The five seeds, built and extracted once per test file. */
export const extractedSeeds: (Extracted & { file: string })[] = seedReports.map((s) => {
  const report = buildReport({ id: s.id, text: s.raw });
  return { file: s.file, report, figures: extractFigures(report) };
});

export function extractedSeed(prefix: string): Extracted {
  const found = extractedSeeds.find((s) => s.file.startsWith(prefix));
  if (!found) throw new Error(`no seed ${prefix}`);
  return found;
}
