// npm run bench [-- --quick] [--sizes 0,1000,10000] [--duration S] [--no-http] [--no-alts]
// The performance benchmark of ISSUE 8: for each corpus size (the seeds, then seeds + N generated
// reports), a fresh child process measures ingest, snapshot, heap, latency in process and over
// HTTP, and the alternative engines; another child measures the Worker's cold start from the
// snapshot; the last ones find the largest corpus a 128 MB heap holds. Prints the tables, writes
// bench/results.json and bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BENCH_DIR = join(ROOT, 'bench');
/** Generated snapshots and raw measurements: large, gitignored. */
const WORK_DIR = join(BENCH_DIR, '.corpus');
const HERE = fileURLToPath(new URL('./', import.meta.url));
/** A Workers isolate's memory limit. */
const ISOLATE_MB = 128;

interface Options {
  sizes: number[];
  duration: number;
  http: boolean;
  alts: boolean;
  questions: number;
}

function parseOptions(args: string[]): Options & { reportOnly: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      duration: { type: 'string' },
      questions: { type: 'string' },
      'no-http': { type: 'boolean', default: false },
      'no-alts': { type: 'boolean', default: false },
      'report-only': { type: 'boolean', default: false },
    },
  });
  const quick = values.quick;
  return {
    sizes: (values.sizes ?? (quick ? '0,1000' : '0,1000,10000')).split(',').map(Number),
    duration: Number(values.duration ?? (quick ? 4 : 8)),
    http: !values['no-http'],
    alts: !values['no-alts'],
    questions: Number(values.questions ?? (quick ? 150 : 300)),
    reportOnly: values['report-only'],
  };
}

function runChild(
  script: string,
  args: string[],
  heapMB: number,
  stderr: 'inherit' | 'ignore' = 'inherit',
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', `--max-old-space-size=${heapMB}`, '--import', 'tsx', join(HERE, script), ...args],
      {
        stdio: ['ignore', 'pipe', stderr],
        cwd: ROOT,
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${script} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** node:sqlite is built into Node 22 (the `node` devDependency); say so when an older Node runs this. */
async function checkSqlite(): Promise<boolean> {
  try {
    const { DatabaseSync } = await import('node:sqlite');
    new DatabaseSync(':memory:').exec(
      "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')",
    );
    return true;
  } catch (err) {
    console.warn(
      `node:sqlite with FTS5 is not available in Node ${process.version} (${(err as Error).message.split('\n')[0]}); run the bench with "npm run bench" (Node 22). Skipping the alternatives.`,
    );
    return false;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the children's JSON, read only for printing.
type Json = any;

const f = (n: number | null | undefined, d = 1) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d);

function sizeLabel(size: number) {
  return size === 0 ? 'seeds (5 reports)' : `seeds + ${size.toLocaleString('en')} reports`;
}

function sizeTable(m: Json, r: Json): string {
  const lat = m.latency;
  const http = m.http ?? {};
  const row = (k: string, v: string) => `| ${k} | ${v} |`;
  const pct = (p: Json) => (p ? `${f(p.p50, 2)} / ${f(p.p95, 2)} / ${f(p.p99, 2)} ms` : '–');
  const load = (h: Json) =>
    h
      ? `${f(h.p50, 0)} / ${f(h.p90, 0)} / ${f(h.p99, 0)} ms at ${f(h.rps, 0)} req/s${h.errors || h.non2xx ? ` (${h.errors + h.non2xx} errors)` : ''}`
      : '–';
  return [
    `### ${sizeLabel(m.size)}`,
    '',
    '| measure | value |',
    '| --- | --- |',
    row('reports / passages / figures', `${m.ingest.reports} / ${m.ingest.passages} / ${m.ingest.figures}`),
    row('report text', `${f(m.ingest.textMB, 2)} MB`),
    row(
      'ingest (clean + figures + index)',
      `${f(m.ingest.mbPerS, 2)} MB/s, ${f(m.ingest.reportsPerS, 1)} reports/s (build ${f(m.ingest.phasesMs.build / 1000, 1)} s, figures ${f(m.ingest.phasesMs.extract / 1000, 1)} s, passage index ${f(m.ingest.phasesMs.index / 1000, 1)} s, figure table ${f((m.ingest.phasesMs.figureTable ?? 0) / 1000, 1)} s)`,
    ),
    row(
      'snapshot (binary sections, src/snapshot-file.ts)',
      m.snapshot.error
        ? m.snapshot.error
        : `${f(m.snapshot.snapshotBytes / 1e6, 1)} MB in ${m.snapshot.sections} sections, of which the passage index ${f(m.snapshot.indexBytes / 1e6, 1)} MB`,
    ),
    row('snapshot write', m.snapshot.error ? '–' : `${f(m.snapshot.saveMs, 0)} ms`),
    row(
      `cold start (decode + open corpus)${r?.runs ? `, median of ${r.runs} cold processes` : ''}`,
      r
        ? `${f(r.restoreMs, 0)} + ${f(r.openCorpusMs, 0)} = ${f(r.coldStartMs, 0)} ms${r.restoreMsRange ? ` (decode ${f(r.restoreMsRange[0], 0)}–${f(r.restoreMsRange[1], 0)} ms)` : ''}`
        : (m.snapshot.error ?? '–'),
    ),
    row(
      'heap after load (gc)',
      r
        ? `${f(r.heapCorpusMB, 1)} MB corpus restored from the snapshot + ${f(r.heapBaseMB, 1)} MB code (built in process: ${f(m.heapCorpusMB, 1)} MB)`
        : `${f(m.heapCorpusMB, 1)} MB corpus (built in process) + ${f(m.heapBaseMB, 1)} MB code`,
    ),
    row('/api/search in process p50 / p95 / p99', `${pct(lat.search)} (${lat.search.n} queries)`),
    row('/api/ask in process p50 / p95 / p99', `${pct(lat.ask)} (${lat.ask.n} questions)`),
    ...Object.entries(lat.askByType as Record<string, Json>)
      .filter(([, v]) => v)
      .map(([k, v]) => row(`  ask: ${k}`, pct(v))),
    row('/api/search HTTP, 1 connection p50 / p90 / p99', load(http.search_c1)),
    row('/api/search HTTP, 8 connections (saturation)', load(http.search_c8)),
    row('/api/ask HTTP, 1 connection p50 / p90 / p99', load(http.ask_c1)),
    row('/api/ask HTTP, 8 connections (saturation)', load(http.ask_c8)),
  ].join('\n');
}

function altTable(m: Json): string {
  if (!m.alternatives) return '';
  const lines = [
    `### Alternatives on ${sizeLabel(m.size)} (same passages; recall@3 of the passage holding each dev question's quote)`,
    '',
    '| engine | recall@1 | recall@3 | search p50 / p95 | p50 vs ours | index build |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const a of m.alternatives as Json[]) {
    lines.push(
      `| ${a.name} | ${f(a.recall.at1 * 100, 1)}% | ${f(a.recall.at3 * 100, 1)}% | ${f(a.latency.p50, 2)} / ${f(a.latency.p95, 2)} ms | ${f(a.latencyRatio, 2)}× | ${a.indexS === null ? 'above' : `${f(a.indexS, 1)} s`} |`,
    );
  }
  return lines.join('\n');
}

/** Each measure's median over several restore runs, with the range of the restore time. */
function medianRun(runs: Json[]): Json {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const out: Json = { runs: runs.length };
  for (const key of Object.keys(runs[0]))
    out[key] = typeof runs[0][key] === 'number' ? median(runs.map((r) => r[key])) : runs[0][key];
  const restores = runs.map((r) => r.restoreMs as number);
  out.restoreMsRange = [Math.min(...restores), Math.max(...restores)];
  return out;
}

/** Heap per report from the two generated sizes, and the reports one 128 MB isolate holds. */
function isolateFit(results: Json[]): Json {
  const gen = results.filter((x) => x.measure.size > 0);
  if (gen.length < 2) return null;
  const heapOf = (x: Json) => x.measure.heapCorpusMB;
  const [a, b] = [gen[0], gen[gen.length - 1]];
  const perReportMB = (heapOf(b) - heapOf(a)) / (b.measure.ingest.reports - a.measure.ingest.reports);
  const fixedMB = heapOf(a) - perReportMB * a.measure.ingest.reports;
  // Workers count the whole isolate: code, the snapshot string while it is parsed, the heap.
  const codeMB = a.measure.heapBaseMB;
  const snapshotMBPerReport = a.measure.snapshot.snapshotBytes / 1e6 / a.measure.ingest.reports;
  const budget = ISOLATE_MB - codeMB - fixedMB;
  return {
    method:
      'linear fit of heapUsed after gc in a fresh process (corpus built in process) between the two generated sizes',
    perReportKB: perReportMB * 1000,
    fixedMB,
    codeMB,
    steadyStateReports: Math.floor(budget / perReportMB),
    // During the cold start the JSON text and the parsed objects coexist with the restored index.
    coldStartReports: Math.floor(budget / (perReportMB + snapshotMBPerReport * 2)),
  };
}

/**
 * The largest corpus that loads and answers within a 128 MB heap, found by running
 * isolate-fit.ts under --max-old-space-size=128 from the linear fit's estimate: grow or shrink by
 * a quarter until one size fits and a larger one does not, then halve the gap to within 10%.
 */
async function measureIsolateFit(estimate: number, mode: 'built' | 'snapshot'): Promise<Json> {
  const tries: { reports: number; fits: boolean; heapMB?: number; peakMB?: number }[] = [];
  const attempt = async (n: number) => {
    console.log(`  isolate fit (${mode}): seeds + ${n} reports in a ${ISOLATE_MB} MB heap`);
    try {
      const args = [String(n)];
      if (mode === 'snapshot') {
        const file = join(WORK_DIR, `isolate-${n}.bin`);
        await runChild('make-snapshot.ts', [String(n), file], 16_000, 'ignore');
        args.push('--snapshot', file);
      }
      const out = JSON.parse(await runChild('isolate-fit.ts', args, ISOLATE_MB, 'ignore'));
      if (mode === 'snapshot') rmSync(join(WORK_DIR, `isolate-${n}.bin`), { force: true });
      // Restored from a snapshot, the file's bytes sit outside the heap: the isolate counts them too.
      const fits = mode === 'built' || out.peakMB <= ISOLATE_MB;
      tries.push({
        reports: out.reports,
        fits,
        heapMB: out.heapTotalMB,
        ...(out.peakMB ? { peakMB: out.peakMB } : {}),
      });
      return fits;
    } catch {
      tries.push({ reports: n + 5, fits: false });
      return false;
    }
  };
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let n = Math.max(10, Math.round(estimate));
  while ((hi === Number.POSITIVE_INFINITY || lo === 0) && tries.length < 8) {
    if (await attempt(n)) lo = n;
    else hi = n;
    if (lo > 0 && hi < Number.POSITIVE_INFINITY) break;
    n = lo === 0 ? Math.round(n * 0.8) : Math.round(n * 1.25);
    if (n < 10) break;
  }
  while (hi < Number.POSITIVE_INFINITY && lo > 0 && hi - lo > Math.max(10, lo * 0.1) && tries.length < 8) {
    const mid = Math.round((lo + hi) / 2);
    if (await attempt(mid)) lo = mid;
    else hi = mid;
  }
  return { mode, largestFitting: lo + 5, smallestFailing: hi === Number.POSITIVE_INFINITY ? null : hi + 5, tries };
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.reportOnly) return writeReport(JSON.parse(readFileSync(join(BENCH_DIR, 'results.json'), 'utf8')));
  mkdirSync(WORK_DIR, { recursive: true });
  const started = new Date();
  const alts = opts.alts && (await checkSqlite());
  const results: Json[] = [];
  for (const size of opts.sizes) {
    console.log(`\n== ${sizeLabel(size)}`);
    const out = join(WORK_DIR, `measure-${size}.json`);
    const snapshot = join(WORK_DIR, `snapshot-${size}.bin`);
    rmSync(snapshot, { force: true });
    const args = [
      '--size',
      String(size),
      '--out',
      out,
      '--snapshot',
      snapshot,
      '--duration',
      String(opts.duration),
      '--questions',
      String(opts.questions),
    ];
    if (opts.http) args.push('--http');
    if (alts && size !== 1000) args.push('--alts');
    await runChild('measure.ts', args, 16_000);
    const measure = JSON.parse(readFileSync(out, 'utf8'));
    let restore: Json = null;
    if (existsSync(snapshot) && statSync(snapshot).size > 0) {
      // Each run is one cold process; on a shared machine one run is noise, so the median of several.
      const runs: Json[] = [];
      for (let i = 0; i < (size === 0 ? 7 : 3); i++)
        runs.push(JSON.parse(await runChild('restore.ts', [snapshot], 16_000)));
      restore = medianRun(runs);
      if (size > 0) rmSync(snapshot, { force: true });
    }
    results.push({ measure, restore });
    console.log(`\n${sizeTable(measure, restore)}\n`);
    if (measure.alternatives) console.log(`${altTable(measure)}\n`);
  }
  const fit = isolateFit(results);
  if (fit) {
    fit.measured = await measureIsolateFit(fit.steadyStateReports, 'built');
    // A shard restores its snapshot: estimated from the heap each report holds once restored.
    const restored = results.filter((x) => x.measure.size > 0 && x.restore).at(-1);
    const perReportMB = restored
      ? restored.restore.heapCorpusMB / restored.measure.ingest.reports +
        restored.measure.snapshot.snapshotBytes / 1e6 / restored.measure.ingest.reports
      : fit.perReportKB / 1000;
    fit.measuredFromSnapshot = await measureIsolateFit((ISOLATE_MB - fit.codeMB) / perReportMB, 'snapshot');
  }
  const growth = growthOf(results);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const report = { date: started.toISOString(), machine, options: opts, results, isolateFit: fit, growth };
  writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  const md = writeReport(report);
  if (fit) console.log(md.split('\n').slice(-4).join('\n'));
  console.log(
    `\nWrote bench/results.json and bench/RESULTS.md in ${((Date.now() - started.getTime()) / 60000).toFixed(1)} min.`,
  );
}

/** bench/RESULTS.md from a results.json (also alone: npm run bench -- --report-only). */
function writeReport(report: Json): string {
  const { results, machine } = report;
  const fit = report.isolateFit ?? isolateFit(results);
  const growth = growthOf(results);
  const started = new Date(report.date);
  const md = [
    `## Benchmark (npm run bench)`,
    '',
    `Measured ${started.toISOString().slice(0, 10)} on ${machine}. Generated national corpus (src/cli/bench/generate.ts, seeded), plus the five seeds. Timings on a shared 2-core machine: expect ±30%.`,
    '',
    ...(results as Json[]).flatMap((x) => [
      sizeTable(x.measure, x.restore),
      '',
      ...(x.measure.alternatives ? [altTable(x.measure), ''] : []),
    ]),
    fit
      ? `**One 128 MB Workers isolate** (${fit.method}): ${f(fit.perReportKB, 0)} KB of heap per report + ${f(fit.fixedMB, 1)} MB fixed + ${f(fit.codeMB, 1)} MB code → about **${fit.steadyStateReports.toLocaleString('en')} reports** once loaded, **${fit.coldStartReports.toLocaleString('en')}** if the JSON snapshot must be parsed inside the same isolate.${
          fit.measured
            ? ` Measured under node --max-old-space-size=${ISOLATE_MB} (src/cli/bench/isolate-fit.ts: build, index, answer 20 questions): **${fit.measured.largestFitting.toLocaleString('en')} reports fit**${fit.measured.smallestFailing ? `, ${fit.measured.smallestFailing.toLocaleString('en')} do not` : ''} (tried ${fit.measured.tries.map((t: Json) => `${t.reports} ${t.fits ? '✓' : '✗'}`).join(', ')}).`
            : ''
        }${
          fit.measuredFromSnapshot
            ? ` Restored from the binary snapshot instead (as a shard starts; heap + the file's bytes ≤ ${ISOLATE_MB} MB): **${fit.measuredFromSnapshot.largestFitting.toLocaleString('en')} reports fit**${fit.measuredFromSnapshot.smallestFailing ? `, ${fit.measuredFromSnapshot.smallestFailing.toLocaleString('en')} do not` : ''} (tried ${fit.measuredFromSnapshot.tries.map((t: Json) => `${t.reports} ${t.fits ? '✓' : '✗'}${t.peakMB ? ` ${Math.round(t.peakMB)} MB` : ''}`).join(', ')}).`
            : ''
        } See docs/scaling.md.`
      : '',
    '',
    growth
      ? `**Growth from ${growth.from} to ${growth.to} reports (×${f(growth.reportsRatio, 1)}):** heap ×${f(growth.heap, 1)}, ask p50 ×${f(growth.askP50, 1)} (p95 ×${f(growth.askP95, 1)}), search p50 ×${f(growth.searchP50, 1)} (p95 ×${f(growth.searchP95, 1)}), ingest MB/s ×${f(growth.ingest, 2)}.`
      : '',
    '',
  ].join('\n');
  writeFileSync(join(BENCH_DIR, 'RESULTS.md'), md);
  return md;
}

function growthOf(results: Json[]): Json {
  const gen = results.filter((x) => x.measure.size > 0);
  if (gen.length < 2) return null;
  const a = gen[0].measure;
  const b = gen[gen.length - 1].measure;
  const heap = (x: Json) => x.measure.heapCorpusMB;
  return {
    from: a.ingest.reports,
    to: b.ingest.reports,
    reportsRatio: b.ingest.reports / a.ingest.reports,
    heap: heap(gen[gen.length - 1]) / heap(gen[0]),
    askP50: b.latency.ask.p50 / a.latency.ask.p50,
    askP95: b.latency.ask.p95 / a.latency.ask.p95,
    searchP50: b.latency.search.p50 / a.latency.search.p50,
    searchP95: b.latency.search.p95 / a.latency.search.p95,
    ingest: b.ingest.mbPerS / a.ingest.mbPerS,
  };
}

await main();
