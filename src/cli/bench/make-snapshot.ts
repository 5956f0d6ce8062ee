// Writes the binary snapshot (src/snapshot-file.ts) of the seeds + N generated reports, for
// isolate-fit.ts and restore.ts to restore. Run by bench/index.ts in a large heap, or alone for
// the 50.000-report snapshot. Prints the ingest and write times (wall and CPU) and the size.
import { closeSync, openSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { extractFigures } from '../../extract/figures.ts';
import { buildReport } from '../../ingest/build-report.ts';
import { createPassageIndex, indexReport } from '../../search/passage-index.ts';
import { encodeSnapshot } from '../../snapshot-file.ts';
import { readSeedInputs } from '../../store/seed-files.ts';
import { generateCorpus } from './generate.ts';

const [size, file] = parseArgs({ allowPositionals: true }).positionals;
if (!size || !file) throw new Error('usage: make-snapshot.ts N FILE');
const cpuS = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
const c0 = process.cpuUsage();
const t0 = performance.now();
const inputs = [...(await readSeedInputs()), ...generateCorpus(Number(size)).map((g) => ({ id: g.id, text: g.text }))];
const textMB = inputs.reduce((n, r) => n + Buffer.byteLength(r.text, 'utf8'), 0) / 1e6;
const reports = inputs.map(buildReport);
const figures = new Map(reports.map((r) => [r.id, extractFigures(r)]));
const index = createPassageIndex();
for (const r of reports) indexReport(index, r);
const ingestCpuS = cpuS(c0);
const ingestS = (performance.now() - t0) / 1000;
const c1 = process.cpuUsage();
const t1 = performance.now();
const fd = openSync(file, 'w');
let bytes = 0;
let sections = 0;
let largest = 0;
for (const part of encodeSnapshot({ reports, figures, index })) {
  writeSync(fd, part);
  bytes += part.length;
  sections++;
  largest = Math.max(largest, part.length);
}
closeSync(fd);
const writeS = (performance.now() - t1) / 1000;
const writeCpuS = cpuS(c1);
const heapMB = process.memoryUsage().heapUsed / 1e6;
process.stdout.write(
  JSON.stringify({
    reports: reports.length,
    textMB,
    bytes,
    sections,
    largestSectionBytes: largest,
    ingestS,
    ingestCpuS,
    writeS,
    writeCpuS,
    heapMB,
    loadavg: loadavg().map((x) => +x.toFixed(1)),
  }),
);
