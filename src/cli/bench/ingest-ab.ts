// npm run bench:ingest-ab -- <other checkout> [N]: ingest CPU time of this code and of another
// checkout's (e.g. `git archive` of main), in one process on the same inputs (seeds, the wide
// set, N generated reports), report by report in alternation, so a shared machine's load falls
// on both alike. Prints CPU seconds per phase for each and whether every Report and Figure is the same.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as oursFigures from '../../extract/figures.ts';
import * as oursBuild from '../../ingest/build-report.ts';
import type { ReportInput } from '../../ingest/types.ts';
import * as oursIndex from '../../search/passage-index.ts';
import { readSeedInputs } from '../../store/seed-files.ts';
import { generateCorpus } from './generate.ts';
import { readWideInputs } from './wide-inputs.ts';

const other = process.argv[2];
if (!other) throw new Error('usage: ingest-ab.ts <other checkout> [N]');
const size = Number(process.argv[3] ?? 1000);
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(resolve(other, path)).href)) as T;
const sides = [
  {
    name: 'other',
    build: await load<typeof oursBuild>('src/ingest/build-report.ts'),
    figures: await load<typeof oursFigures>('src/extract/figures.ts'),
    index: await load<typeof oursIndex>('src/search/passage-index.ts'),
  },
  { name: 'this', build: oursBuild, figures: oursFigures, index: oursIndex },
];
const inputs: ReportInput[] = [
  ...(await readSeedInputs()),
  ...readWideInputs(),
  ...generateCorpus(size).map((g) => ({ id: g.id, text: g.text })),
];
const mb = inputs.reduce((n, r) => n + Buffer.byteLength(r.text, 'utf8'), 0) / 1e6;
const cpu = <T>(f: () => T): [T, number] => {
  const c = process.cpuUsage();
  const out = f();
  const u = process.cpuUsage(c);
  return [out, (u.user + u.system) / 1e6];
};
const totals = sides.map(() => ({ build: 0, extract: 0, index: 0 }));
const indexes = sides.map((s) => s.index.createPassageIndex());
let differ = 0;
for (const input of inputs) {
  const json: string[] = [];
  sides.forEach((side, k) => {
    const t = totals[k] as { build: number; extract: number; index: number };
    const [report, b] = cpu(() => side.build.buildReport(input));
    const [figures, e] = cpu(() => side.figures.extractFigures(report));
    const [, i] = cpu(() =>
      side.index.indexReport(indexes[k] as ReturnType<typeof oursIndex.createPassageIndex>, report),
    );
    t.build += b;
    t.extract += e;
    t.index += i;
    json.push(JSON.stringify([report, figures]));
  });
  if (json[0] !== json[1]) differ++;
}
const rows = sides.map((s, k) => {
  const t = totals[k] as { build: number; extract: number; index: number };
  const all = t.build + t.extract + t.index;
  return {
    side: s.name,
    buildS: +t.build.toFixed(2),
    extractS: +t.extract.toFixed(2),
    indexS: +t.index.toFixed(2),
    totalS: +all.toFixed(2),
    mbPerCpuS: +(mb / all).toFixed(3),
  };
});
console.log(
  JSON.stringify(
    {
      reports: inputs.length,
      textMB: +mb.toFixed(2),
      reportsDiffering: differ,
      rows,
      loadavg: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)),
    },
    null,
    1,
  ),
);
