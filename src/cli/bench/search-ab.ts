// npm run bench:search-ab -- <other checkout> [N [SNAPSHOT.bin]]: search CPU time of this code and
// of another checkout's src/search (e.g. `git archive main` unpacked), in one process on the same
// reports, query by query in alternation, so a shared machine's load falls on both alike. Prints
// p50 / p95 CPU ms per query for each, as served (limit 10), and whether every hit is the same.
// With a snapshot (make-snapshot.ts, same N) each side restores it with its own snapshot code
// instead of building the reports (minutes at 10.000).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport } from '../../ingest/build-report.ts';
import * as ours from '../../search/passage-index.ts';
import * as oursSnapshot from '../../snapshot-file.ts';
import { readSeedInputs } from '../../store/seed-files.ts';
import { readDevQuestions } from '../dev-questions.ts';
import { generateCorpus } from './generate.ts';
import { buildQuestionMix } from './questions.ts';

const other = process.argv[2];
if (!other) throw new Error('usage: search-ab.ts <other checkout> [N]');
const size = Number(process.argv[3] ?? 1000);
const snapshot = process.argv[4];
const theirs = (await import(pathToFileURL(resolve(other, 'src/search/passage-index.ts')).href)) as typeof ours;
const gen = generateCorpus(size);
let a: ours.PassageIndex;
let b: ours.PassageIndex;
if (snapshot) {
  const theirsSnapshot = (await import(
    pathToFileURL(resolve(other, 'src/snapshot-file.ts')).href
  )) as typeof oursSnapshot;
  const file = readFileSync(snapshot);
  a = theirsSnapshot.decodeSnapshot(file).index;
  b = oursSnapshot.decodeSnapshot(file).index;
  if (b.reports.size !== size + 5)
    throw new Error(`${snapshot} holds ${b.reports.size} reports, not the seeds + ${size}`);
} else {
  const reports = [...(await readSeedInputs()), ...gen.map((g) => ({ id: g.id, text: g.text }))].map(buildReport);
  a = theirs.createPassageIndex();
  b = ours.createPassageIndex();
  for (const r of reports) {
    theirs.indexReport(a, r);
    ours.indexReport(b, r);
  }
}
const mix = buildQuestionMix(gen, 200, readDevQuestions());
const cpu = (f: () => unknown) => {
  const c = process.cpuUsage();
  const out = f();
  const u = process.cpuUsage(c);
  return { ms: (u.user + u.system) / 1000, out };
};
const pct = (xs: number[], p: number) =>
  ([...xs].sort((x, y) => x - y)[Math.floor(xs.length * p)] as number).toFixed(2);
for (const limit of [10, 50]) {
  const ta: number[] = [];
  const tb: number[] = [];
  let differ = 0;
  for (const [i, q] of mix.entries()) {
    // Alternate which runs first: the second meets warmer caches.
    const first = i % 2 === 0;
    const x = first ? cpu(() => theirs.searchPassages(a, q.question, { limit })) : null;
    const y = cpu(() => ours.searchPassages(b, q.question, { limit }));
    const z = x ?? cpu(() => theirs.searchPassages(a, q.question, { limit }));
    ta.push(z.ms);
    tb.push(y.ms);
    if (JSON.stringify(z.out) !== JSON.stringify(y.out)) differ++;
  }
  console.log(
    `limit ${limit}: other p50 ${pct(ta, 0.5)} p95 ${pct(ta, 0.95)} | this p50 ${pct(tb, 0.5)} p95 ${pct(tb, 0.95)} | queries with other hits ${differ}/${mix.length}`,
  );
}
