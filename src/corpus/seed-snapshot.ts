// The seeds' built index as one JSON value (index/seeds.json), bundled into the Worker so a cold
// start answers without re-indexing. Built by `npm run index`; a test rebuilds it and fails when
// the committed file differs, i.e. when seeds/ or the code that builds it changed.
import type { Figure } from '../extract/types.ts';
import type { Report, ReportInput } from '../ingest/types.ts';
import {
  createPassageIndex,
  indexReport,
  loadPassageIndex,
  type PassageIndex,
  savePassageIndex,
} from '../search/passage-index.ts';
import { prepareNow } from './prepare.ts';

export const SNAPSHOT_FORMAT = 1;

export interface SeedSnapshot {
  format: number;
  reports: Report[];
  /** Each seed's figures, by report id. */
  figures: Record<string, Figure[]>;
  index: unknown;
}

export function buildSeedSnapshot(inputs: ReportInput[]): SeedSnapshot {
  const prepared = inputs.map(prepareNow);
  const reports = prepared.map((p) => p.report);
  const index = createPassageIndex();
  for (const r of reports) indexReport(index, r);
  const figures = Object.fromEntries(prepared.map((p) => [p.report.id, p.figures]));
  return { format: SNAPSHOT_FORMAT, reports, figures, index: savePassageIndex(index) };
}

export function restoreSeedSnapshot(snapshot: SeedSnapshot): {
  seeds: Report[];
  figures: Map<string, Figure[]>;
  index: PassageIndex;
} {
  if (snapshot.format !== SNAPSHOT_FORMAT) {
    throw new Error(
      `index/seeds.json has format ${snapshot.format}, this code reads ${SNAPSHOT_FORMAT}: run "npm run index".`,
    );
  }
  return {
    seeds: snapshot.reports,
    figures: new Map(Object.entries(snapshot.figures)),
    index: loadPassageIndex(snapshot.index, snapshot.reports),
  };
}
