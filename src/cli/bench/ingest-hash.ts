// npm run bench:ingest-hash [-- N]: sha1 of what ingest makes of the seeds, the wide set's 24
// reports and N generated ones (default 1.000): every Report and every Figure as JSON; then the
// CPU time of each ingest phase. A change meant to make ingest faster must leave the hashes unchanged.
import { createHash } from 'node:crypto';
import { extractFigures } from '../../extract/figures.ts';
import { buildReport } from '../../ingest/build-report.ts';
import { createPassageIndex, indexReport } from '../../search/passage-index.ts';
import { readSeedInputs } from '../../store/seed-files.ts';
import { generateCorpus } from './generate.ts';
import { readWideInputs } from './wide-inputs.ts';

const size = Number(process.argv[2] ?? 1000);
const inputs = [
  ...(await readSeedInputs()),
  ...readWideInputs(),
  ...generateCorpus(size).map((g) => ({ id: g.id, text: g.text })),
];
const mb = inputs.reduce((n, r) => n + Buffer.byteLength(r.text, 'utf8'), 0) / 1e6;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const c0 = process.cpuUsage();
const reports = inputs.map(buildReport);
const buildMs = cpuMs(c0);
const c1 = process.cpuUsage();
const figures = reports.map(extractFigures);
const extractMs = cpuMs(c1);
const c2 = process.cpuUsage();
const index = createPassageIndex();
for (const r of reports) indexReport(index, r);
const indexMs = cpuMs(c2);

const hashOf = (values: unknown[]) => {
  const h = createHash('sha1');
  for (const v of values) h.update(`${JSON.stringify(v)}\n`);
  return h.digest('hex');
};
const seedsAndWide = inputs.length - size;
console.log(
  JSON.stringify({
    reports: reports.length,
    textMB: Number(mb.toFixed(2)),
    figures: figures.reduce((n, f) => n + f.length, 0),
    sha1SeedsWideFigures: hashOf(figures.slice(0, seedsAndWide)),
    sha1SeedsWideReports: hashOf(reports.slice(0, seedsAndWide)),
    sha1AllFigures: hashOf(figures),
    sha1AllReports: hashOf(reports),
    cpuMs: { build: Math.round(buildMs), extract: Math.round(extractMs), index: Math.round(indexMs) },
    mbPerCpuS: Number((mb / ((buildMs + extractMs + indexMs) / 1000)).toFixed(3)),
    loadavg: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(1))),
  }),
);
