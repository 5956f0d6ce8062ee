// npm run bench:search-cpu [-- N [SNAPSHOT.bin]]: search latency in CPU time (process.cpuUsage per
// query), which a shared machine disturbs far less than wall time. Builds the seeds + N generated
// reports (or restores them from a binary snapshot written by make-snapshot.ts for the same N, as
// a server opens its corpus: building 10.000 reports takes minutes), runs the bench's question mix
// (questions.ts) through searchPassages: as served (limit 10), then the BM25 step alone (rerank
// off, 50 candidates) and with re-ranking (50). Up to 1.000 reports (MiniSearch took 148 s to index
// 10.000), MiniSearch with the same tokenizer (alternatives.ts) runs the same queries in the same
// process, query by query in alternation with ours (limit 10): the peer, in CPU time.
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { buildReport } from '../../ingest/build-report.ts';
import { createPassageIndex, indexReport, type PassageIndex, searchPassages } from '../../search/passage-index.ts';
import { decodeSnapshot } from '../../snapshot-file.ts';
import { readSeedInputs } from '../../store/seed-files.ts';
import { readDevQuestions } from '../dev-questions.ts';
import { createMiniSearchEngine } from './alternatives.ts';
import { generateCorpus } from './generate.ts';
import { buildQuestionMix } from './questions.ts';

const size = Number(process.argv[2] ?? 1000);
const snapshot = process.argv[3];
const gen = generateCorpus(size);
let index: PassageIndex;
if (snapshot) {
  index = decodeSnapshot(readFileSync(snapshot)).index;
  if (index.reports.size !== size + 5)
    throw new Error(`${snapshot} holds ${index.reports.size} reports, not the seeds + ${size}`);
} else {
  const reports = [...(await readSeedInputs()), ...gen.map((g) => ({ id: g.id, text: g.text }))].map(buildReport);
  index = createPassageIndex();
  for (const r of reports) indexReport(index, r);
}
const mix = buildQuestionMix(gen, 200, readDevQuestions());
// Garbage collection during the searches (wall ms, any kind): what a search allocates costs here too.
let gcMs = 0;
const gcWatch = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
gcWatch.observe({ entryTypes: ['gc'] });
const times: number[] = [];
for (const q of mix) {
  const c = process.cpuUsage();
  searchPassages(index, q.question, { limit: 10 });
  const u = process.cpuUsage(c);
  times.push((u.user + u.system) / 1000);
}
times.sort((a, b) => a - b);
console.log(
  'n',
  times.length,
  'p50',
  (times[Math.floor(times.length / 2)] as number).toFixed(2),
  'p95',
  (times[Math.floor(times.length * 0.95)] as number).toFixed(2),
);
for (const rerank of [false, true]) {
  const ts: number[] = [];
  for (const q of mix) {
    const c = process.cpuUsage();
    searchPassages(index, q.question, { limit: 50, rerank });
    const u = process.cpuUsage(c);
    ts.push((u.user + u.system) / 1000);
  }
  ts.sort((a, b) => a - b);
  console.log(
    'rerank',
    rerank,
    'p50',
    (ts[Math.floor(ts.length / 2)] as number).toFixed(2),
    'p95',
    (ts[Math.floor(ts.length * 0.95)] as number).toFixed(2),
  );
}
if (size <= 1000 && !snapshot) {
  const mini = createMiniSearchEngine();
  mini.add([...index.reports.values()].map((e) => e.report));
  const ours: number[] = [];
  const theirs: number[] = [];
  const cpu = (f: () => unknown) => {
    const c = process.cpuUsage();
    f();
    const u = process.cpuUsage(c);
    return (u.user + u.system) / 1000;
  };
  for (const [i, q] of mix.entries()) {
    if (i % 2 === 0) theirs.push(cpu(() => mini.search(q.question, 10)));
    ours.push(cpu(() => searchPassages(index, q.question, { limit: 10 })));
    if (i % 2 === 1) theirs.push(cpu(() => mini.search(q.question, 10)));
  }
  const at = (xs: number[], p: number) =>
    ([...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)] as number).toFixed(2);
  console.log(
    'alternating, limit 10: ours p50',
    at(ours, 0.5),
    'p95',
    at(ours, 0.95),
    '| MiniSearch, same tokenizer, p50',
    at(theirs, 0.5),
    'p95',
    at(theirs, 0.95),
  );
}
await new Promise((resolve) => setTimeout(resolve, 50));
gcWatch.disconnect();
console.log('gc ms during the searches', gcMs.toFixed(0), 'over', 3 * mix.length, 'searches');
