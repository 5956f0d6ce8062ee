// npm run bench:http-search -- N SNAPSHOT.bin [SECONDS]: /api/search at the seeds + N reports
// restored from a binary snapshot (make-snapshot.ts; building 10.000 reports takes minutes). First
// what the route costs beside the search, in CPU time in this process: each question of the bench
// mix through searchPassages and through app.request('/api/search?…') (query parsing with zod,
// middleware, JSON of the hits), in alternating order; then autocannon over HTTP (load.ts in a child
// process) with 1 and 8 connections, as measure.ts runs it.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createAssistant } from '../../answer/assistant.ts';
import { parseConfig } from '../../config.ts';
import { memoryPort } from '../../corpus/memory-port.ts';
import { createApp } from '../../http/app.ts';
import { searchPassages } from '../../search/passage-index.ts';
import { decodeSnapshot } from '../../snapshot-file.ts';
import { readDevQuestions } from '../dev-questions.ts';
import { generateCorpus } from './generate.ts';
import { openSnapshotCorpus } from './open-snapshot.ts';
import { buildQuestionMix } from './questions.ts';
import { runLoad } from './run-load.ts';

const [sizeArg, file, secondsArg] = process.argv.slice(2);
if (!sizeArg || !file) throw new Error('usage: http-search.ts N SNAPSHOT.bin [SECONDS]');
const size = Number(sizeArg);
const duration = Number(secondsArg ?? 8);
const restored = decodeSnapshot(readFileSync(file));
if (restored.reports.length !== size + 5)
  throw new Error(`${file} holds ${restored.reports.length} reports, not the seeds + ${size}`);
const corpus = await openSnapshotCorpus(restored);
const assistant = createAssistant(corpus);
// As measure.ts serves it: no per-client rate limit (the load generator is one client on purpose).
const config = parseConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0' });
const app = createApp({ config, corpus: memoryPort(corpus), assistant, runtime: 'node', log: () => {} });
const questions = buildQuestionMix(generateCorpus(size), 200, readDevQuestions())
  .slice(0, 200)
  .map((q) => q.question);

const cpuMs = async (f: () => unknown) => {
  const c = process.cpuUsage();
  await f();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]?.toFixed(2);
const direct: number[] = [];
const routed: number[] = [];
const viaRoute = async (q: string) => {
  const res = await app.request(`/api/search?limit=10&q=${encodeURIComponent(q)}`);
  if (res.status !== 200) throw new Error(`/api/search answered ${res.status} for ${q}`);
  await res.text();
};
for (const [i, q] of questions.entries()) {
  // Whichever runs second meets the candidate analyses the first kept: alternate the order.
  if (i % 2 === 0) direct.push(await cpuMs(() => searchPassages(restored.index, q, { limit: 10 })));
  routed.push(await cpuMs(() => viaRoute(q)));
  if (i % 2 === 1) direct.push(await cpuMs(() => searchPassages(restored.index, q, { limit: 10 })));
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(
  `in process, CPU ms per search over ${questions.length} questions: searchPassages p50 ${pct(direct, 0.5)} p95 ${pct(direct, 0.95)} mean ${(sum(direct) / direct.length).toFixed(2)} | app.request p50 ${pct(routed, 0.5)} p95 ${pct(routed, 0.95)} mean ${(sum(routed) / routed.length).toFixed(2)}`,
);

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const port = (server.address() as AddressInfo).port;
for (const connections of [1, 8]) {
  const cpu0 = process.cpuUsage();
  const out = await runLoad({ port, route: 'search', connections, duration, questions });
  const cpu = process.cpuUsage(cpu0);
  const r = out as {
    requests: number;
    rps: number;
    p50: number;
    p99: number;
    errors: number;
    non2xx: number;
  };
  console.log(
    `http /api/search, ${connections} connection(s), ${duration} s: ${r.rps.toFixed(1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}; server CPU ${((cpu.user + cpu.system) / 1000 / r.requests).toFixed(2)} ms a request`,
  );
}
await new Promise((resolve) => server.close(resolve));
