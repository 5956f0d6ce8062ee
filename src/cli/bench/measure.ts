// One corpus size, measured in a fresh process (node --expose-gc): ingest, snapshot, heap,
// in-process latency of search and ask, HTTP latency and saturation (autocannon in a child),
// and the alternative engines. Prints one JSON object to the --out file. Run by bench/index.ts.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createAssistant } from '../../answer/assistant.ts';
import { parseConfig } from '../../config.ts';
import { Corpus } from '../../corpus/corpus.ts';
import { memoryPort } from '../../corpus/memory-port.ts';
import { extractFigures } from '../../extract/figures.ts';
import type { Figure } from '../../extract/types.ts';
import { createApp } from '../../http/app.ts';
import { buildReport } from '../../ingest/build-report.ts';
import type { Report, ReportInput } from '../../ingest/types.ts';
import { createPassageIndex, indexReport, searchPassages } from '../../search/passage-index.ts';
import { encodeSnapshot } from '../../snapshot-file.ts';
import { MemoryStore } from '../../store/memory-store.ts';
import { readSeedInputs } from '../../store/seed-files.ts';
import { readDevQuestions } from '../dev-questions.ts';
import {
  createFts5Engine,
  createMiniSearchEngine,
  createOramaDefaultEngine,
  type Engine,
  recallAt,
} from './alternatives.ts';
import { generateCorpus } from './generate.ts';
import { type BenchQuestion, buildQuestionMix } from './questions.ts';
import { runLoad } from './run-load.ts';
import { gcHeap, percentiles } from './stats.ts';

interface Args {
  size: number;
  out: string;
  snapshot: string;
  http: boolean;
  alts: boolean;
  questions: number;
  /** Seconds of load per autocannon run. */
  duration: number;
}

function parseOptions(args: string[]): Args {
  const { values } = parseArgs({
    args,
    options: {
      size: { type: 'string', default: '0' },
      out: { type: 'string', default: '/dev/stdout' },
      snapshot: { type: 'string', default: '' },
      http: { type: 'boolean', default: false },
      alts: { type: 'boolean', default: false },
      questions: { type: 'string', default: '300' },
      duration: { type: 'string', default: '8' },
    },
  });
  return {
    size: Number(values.size),
    out: values.out,
    snapshot: values.snapshot,
    http: values.http,
    alts: values.alts,
    questions: Number(values.questions),
    duration: Number(values.duration),
  };
}

const bytesOf = (s: string) => Buffer.byteLength(s, 'utf8');

async function main() {
  const args = parseOptions(process.argv.slice(2));
  const heapBase = gcHeap();
  const seedInputs = await readSeedInputs();
  const generated = generateCorpus(args.size);
  const inputs: ReportInput[] = [...seedInputs, ...generated.map((g) => ({ id: g.id, text: g.text }))];
  const textBytes = inputs.reduce((n, r) => n + bytesOf(r.text), 0);

  // Ingest: clean + metadata + passages, figures, passage index, figure table; each phase over all reports.
  const t0 = performance.now();
  const reports: Report[] = inputs.map(buildReport);
  const t1 = performance.now();
  const figures = new Map<string, Figure[]>(reports.map((r) => [r.id, extractFigures(r)]));
  const t2 = performance.now();
  const index = createPassageIndex();
  for (const r of reports) indexReport(index, r);
  const t3 = performance.now();
  // The figure lookups are built as the corpus opens, the Orama figure table on the first
  // /api/figures query: both part of ingesting, as for a POST to a server that has served one.
  const corpus = await Corpus.open({
    store: new MemoryStore({ writable: false }),
    seeds: reports,
    seedIndex: index,
    seedFigures: figures,
  });
  corpus.queryFigures({ metric: 'poor_households' });
  const t4 = performance.now();
  const ingestS = (t4 - t0) / 1000;
  const passages = reports.reduce((n, r) => n + r.passages.length, 0);
  const figureCount = [...figures.values()].reduce((n, f) => n + f.length, 0);
  const ingest = {
    reports: reports.length,
    passages,
    figures: figureCount,
    textMB: textBytes / 1e6,
    seconds: ingestS,
    mbPerS: textBytes / 1e6 / ingestS,
    reportsPerS: reports.length / ingestS,
    phasesMs: { build: t1 - t0, extract: t2 - t1, index: t3 - t2, figureTable: t4 - t3 },
  };
  log(`ingest ${reports.length} reports ${ingest.textMB.toFixed(1)} MB in ${ingestS.toFixed(1)} s`);

  const assistant = createAssistant(corpus);
  const heapCorpus = gcHeap() - heapBase;

  // The cold start's snapshot: the binary sections of snapshot-file.ts, written one at a time
  // (no section holds the whole corpus as one string).
  const s0 = performance.now();
  let snapshotBytes = 0;
  let indexBytes = 0;
  let sections = 0;
  const fd = args.snapshot ? openSync(args.snapshot, 'w') : null;
  for (const part of encodeSnapshot({ reports, figures, index })) {
    snapshotBytes += part.length;
    sections++;
    // Reports and figures come first, the index's sections last (after the last figures chunk).
    if (part[0] === 4 || part[0] === 5) indexBytes += part.length;
    if (fd !== null) writeSync(fd, part);
  }
  if (fd !== null) closeSync(fd);
  const s1 = performance.now();
  const snapshotInfo = {
    format: 'binary sections (src/snapshot-file.ts)',
    indexBytes,
    snapshotBytes,
    sections,
    saveMs: s1 - s0,
    stringifyMs: 0,
  };

  const dev = readDevQuestions();
  const mix = buildQuestionMix(generated, args.size > 0 ? args.questions : 0, dev);
  log(`latency over ${mix.length} questions`);
  const warm = mix.slice(0, 20);
  for (const q of warm) {
    await corpus.search(q.question, { limit: 10 });
    await assistant.ask({ question: q.question, history: [] });
  }
  // One pass, search then ask per question, bounded in time: at 10.000 reports a slow ask must
  // not hold the whole benchmark.
  const budgetMs = args.size >= 10_000 ? 60_000 : 45_000;
  const searchTimes: number[] = [];
  const askTimes: number[] = [];
  const byType = new Map<string, number[]>();
  const until = performance.now() + budgetMs;
  for (const q of mix) {
    const ts = performance.now();
    await corpus.search(q.question, { limit: 10 });
    const ta = performance.now();
    await assistant.ask({ question: q.question, history: [] });
    const te = performance.now();
    searchTimes.push(ta - ts);
    askTimes.push(te - ta);
    byType.set(q.type, [...(byType.get(q.type) ?? []), te - ta]);
    if (te > until) break;
  }
  const latency = {
    search: { n: searchTimes.length, ...percentiles(searchTimes) },
    ask: { n: askTimes.length, ...percentiles(askTimes) },
    askByType: Object.fromEntries(
      [...byType].map(([type, times]) => [type, { n: times.length, ...percentiles(times) }]),
    ),
  };

  let http: unknown = null;
  if (args.http) http = await measureHttp(corpus, assistant, mix, args.duration);

  let alternatives: unknown = null;
  if (args.alts) alternatives = measureAlternatives(reports, index, mix, dev);

  const result = {
    size: args.size,
    heapBaseMB: heapBase / 1e6,
    heapCorpusMB: heapCorpus / 1e6,
    ingest,
    snapshot: snapshotInfo,
    latency,
    http,
    alternatives,
  };
  writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
}

async function measureHttp(
  corpus: Corpus,
  assistant: ReturnType<typeof createAssistant>,
  mix: BenchQuestion[],
  duration: number,
) {
  // No per-client rate limit: the load generator is one client on purpose.
  const config = parseConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '0' });
  const app = createApp({ config, corpus: memoryPort(corpus), assistant, runtime: 'node', log: () => {} });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const questions = mix.slice(0, 200).map((q) => q.question);
  const out: Record<string, unknown> = {};
  for (const route of ['search', 'ask'] as const) {
    for (const connections of [1, 8]) {
      log(`http /api/${route} with ${connections} connection(s) for ${duration} s`);
      out[`${route}_c${connections}`] = await runLoad({ port, route, connections, duration, questions });
    }
  }
  await new Promise((resolve) => server.close(resolve));
  return out;
}

function measureAlternatives(
  reports: Report[],
  ours: ReturnType<typeof createPassageIndex>,
  mix: BenchQuestion[],
  dev: ReturnType<typeof readDevQuestions>,
) {
  const seeds = new Map(reports.filter((r) => !r.id.startsWith('gen-')).map((r) => [r.id, r]));
  const queries = mix.slice(0, reports.length > 5_000 ? 20 : 200);
  const timeSearch = (search: (q: string) => unknown) => {
    for (const q of queries.slice(0, 3)) search(q.question);
    const times: number[] = [];
    const until = performance.now() + 30_000;
    for (const q of queries) {
      const t = performance.now();
      search(q.question);
      times.push(performance.now() - t);
      if (performance.now() > until) break;
    }
    return percentiles(times);
  };
  const oursLatency = timeSearch((q) => searchPassages(ours, q, { limit: 10 }));
  const rows = [
    {
      name: 'ours (Orama + Vietnamese tokenizer + re-rank)',
      indexS: null as number | null,
      latency: oursLatency,
      recall: recallAt((q, k) => searchPassages(ours, q, { limit: k }), seeds, dev),
    },
  ];
  // Stock Orama's lookup is quadratic in a token's posting list (see useLinearFind in
  // passage-index.ts): at 10.000 reports one query takes ~20 s, so it is measured on the seeds only.
  const engines: Array<() => Engine> =
    reports.length > 5_000
      ? [createFts5Engine, createMiniSearchEngine]
      : [createFts5Engine, createMiniSearchEngine, createOramaDefaultEngine];
  for (const make of engines) {
    const engine = make();
    log(`alternative: ${engine.name}`);
    const t = performance.now();
    engine.add(reports);
    const indexS = (performance.now() - t) / 1000;
    rows.push({
      name: engine.name,
      indexS,
      latency: timeSearch((q) => engine.search(q, 10)),
      recall: recallAt((q, k) => engine.search(q, k), seeds, dev),
    });
    engine.close?.();
  }
  return rows.map((r) => ({ ...r, latencyRatio: r.latency.p50 / Math.max(1e-6, oursLatency.p50) }));
}

function log(msg: string) {
  process.stderr.write(`  [${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

await main();
