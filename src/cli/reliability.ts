// npm run reliability: runs the reliability tests (tests/reliability: fuzz, load, crash, odd text,
// many reports) in their long form and prints the figures they measured. `--quick` runs the
// versions `npm test` runs; `--print` only prints the figures of the last run.
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = join(ROOT, 'test-output', 'reliability');
const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, print: { type: 'boolean', default: false } },
});

let code = 0;
if (!args.print) {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/reliability'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, RELIABILITY_FULL: args.quick ? '0' : '1' },
    },
  );
  code = run.status ?? 1;
}

// The benchmark of hostile text shapes (issue 15): growth exponents and the slowest anonymous request.
if (!args.print) {
  const bench = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src', 'cli', 'bench', 'pathological.ts'), '--json', join(DIR, 'pathological.json')],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (bench.status !== 0) code = code || 1;
}

// biome-ignore lint/suspicious/noExplicitAny: results files of the reliability tests, each of its own shape, only printed here field by field; a schema per file would restate each writer's
type Json = Record<string, any>;
const figures: Record<string, Json> = {};
for (const name of (await readdir(DIR).catch(() => [])).filter((n) => n.endsWith('.json'))) {
  figures[name.slice(0, -5)] = JSON.parse(await readFile(join(DIR, name), 'utf8')) as Json;
}

const lines: string[] = [];
const fuzz = figures.fuzz;
if (fuzz) {
  lines.push(`Inputs (fast-check through app.request, ${fuzz.at}):`);
  let total = 0;
  let fives = 0;
  let hangs = 0;
  let slowest = { ms: 0, what: '' };
  for (const [route, t] of Object.entries(
    fuzz.routes as Record<
      string,
      {
        inputs: number;
        status5xx: number;
        hangs?: number;
        statuses: Record<string, number>;
        slowestMs?: number;
        slowest?: string;
      }
    >,
  )) {
    total += t.inputs;
    fives += t.status5xx;
    hangs += t.hangs ?? 0;
    if ((t.slowestMs ?? 0) > slowest.ms) slowest = { ms: t.slowestMs ?? 0, what: t.slowest ?? '' };
    const statuses = Object.entries(t.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    lines.push(
      `  ${route.padEnd(40)} ${String(t.inputs).padStart(6)} inputs  ${t.status5xx} 5xx  ${t.hangs ?? 0} hangs  slowest ${t.slowestMs ?? '?'} ms   (${statuses})`,
    );
  }
  lines.push(`  ${'all routes'.padEnd(40)} ${String(total).padStart(6)} inputs  ${fives} 5xx  ${hangs} hangs`);
  lines.push(`  slowest input: ${slowest.ms} ms, ${slowest.what.slice(0, 160)}`);
}
const load = figures.load;
if (load) {
  const a = load.asksAlone;
  const m = load.asksWhileIngesting;
  const i = load.ingest;
  lines.push(`Load (autocannon on loopback, Node server, ${load.seconds.baseline} s + ${load.seconds.mixed} s):`);
  lines.push(
    `  asks alone            ${a.requestsPerSecond} req/s  p50 ${a.p50} ms  p99 ${a.p99} ms  errors ${a.errors + a.timeouts + a.non2xx}`,
  );
  lines.push(
    `  asks while ingesting  ${m.requestsPerSecond} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  errors ${m.errors + m.timeouts + m.non2xx}`,
  );
  lines.push(
    `  ingests               ${i.requestsPerSecond} req/s  p99 ${i.p99} ms  acknowledged ${i.acknowledged}  errors ${i.errors + i.failures}  lost ${i.lost}  duplicated ${i.duplicated}`,
  );
}
const crash = figures.crash;
if (crash) {
  lines.push('Crash (SIGKILL mid-ingest, restart on the same DATA_DIR):');
  lines.push(
    `  kills survived ${crash.survived}/${crash.kills}  posts ${crash.posted}  acknowledged ${crash.acknowledged}  reports lost ${crash.lost}  partial ${crash.partial}`,
  );
}
const ack = figures.acknowledged;
if (ack) {
  lines.push(
    `Acknowledged vs present (${ack.posts} concurrent posts, ${ack.abandoned} abandoned by their clients): acknowledged ${ack.acknowledged}, present ${ack.present}, present but never acknowledged ${ack.presentNotAcknowledged}`,
  );
}
const path = figures.pathological;
if (path) {
  lines.push('Pathological text, prepare ms at 1 / 10 / 100 KB, growth exponent, anonymous claim/question ms:');
  for (const r of path.rows as {
    shape: string;
    ms: number[];
    exponent: number;
    claimMs: number;
    questionMs: number;
  }[]) {
    lines.push(
      `  ${r.shape.padEnd(50)} ${r.ms.map((m) => m.toFixed(0).padStart(5)).join(' ')}   ${r.exponent.toFixed(2)}   ${r.claimMs.toFixed(0)} / ${r.questionMs.toFixed(0)}`,
    );
  }
}
const many = figures['many-reports'];
if (many) {
  lines.push(
    `Many reports: ${many.reports} tiny reports accepted at ${many.postsPerSecond}/s; first 1000 in ${many.firstBatchMs} ms, last 1000 in ${many.lastBatchMs} ms; ask ${many.askBeforeMs} → ${many.askAfterMs} ms`,
  );
}
const odd = figures['odd-text'];
if (odd) {
  lines.push(
    `Odd text, extraction ms: ${Object.entries(odd.extractMs as Record<string, number>)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')}`,
  );
  lines.push(
    `  ask over the odd reports, ms: ${Object.entries(odd.askOverOddReportsMs as Record<string, number>)
      .map(([k, v]) => `"${k}" ${v}`)
      .join('; ')}`,
  );
  const dense = Object.entries((odd.denseLineExtractMs ?? {}) as Record<string, number>);
  if (dense.length)
    lines.push(`  one line of dense figures, extraction ms: ${dense.map(([k, v]) => `${k} ${v}`).join('; ')}`);
}
console.log(lines.length ? `\n${lines.join('\n')}` : `No figures in ${DIR}: run the reliability tests first.`);
process.exit(code);
