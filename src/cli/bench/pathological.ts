// npm run bench:pathological [-- --json FILE]
// Issue 15's shapes of hostile text at 1, 10 and 100 KB: how long a report of each takes to
// prepare (build + figures), its growth exponent (log of the 10→100 KB time ratio over log 10: ≈ 1
// is linear, 2 quadratic), and the longest an anonymous claim or question of each shape holds the
// event loop. Targets: ≤ 1 s per 100 KB, exponent ≈ 1, ≤ 100 ms per anonymous request.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { answerQuestion } from '../../answer/ask.ts';
import { verifyClaim } from '../../answer/verify.ts';
import { Corpus } from '../../corpus/corpus.ts';
import { DEFAULT_PREPARE_BUDGET, prepareReport } from '../../corpus/prepare.ts';
import { buildReport } from '../../ingest/build-report.ts';
import { MemoryStore } from '../../store/memory-store.ts';
import { readSeedInputs } from '../../store/seed-files.ts';

const { values: args } = parseArgs({ options: { json: { type: 'string' } } });

/** The shapes the adversarial run found slow, and a few more of the same families. */
export const SHAPES: Record<string, string> = {
  'percent run "12% 12% …"': '12% ',
  'tab table "120 hộ\\t…"': '120 hộ\t',
  'commune sentence "Xã Tân Lập có 120 hộ nghèo …"': 'Xã Tân Lập có 120 hộ nghèo ',
  'dotted digits "1.2.3.4…"': '1.2.3.4.',
  'count run "120 hộ 120 hộ …"': '120 hộ ',
  'one digit run "1111…"': '1',
  'ages "1234567890 tuổi …"': '1234567890 tuổi ',
  'dense prose with full stops': 'Hộ nghèo năm 2023 còn 14.040 hộ, chiếm 7,71%. ',
  'pipe table row "| 1 | Xã A | 120 hộ | 7,7% |"': '| 1 | Xã A | 120 hộ | 7,7% |\n',
  'emoji between figures': '😀 120 hộ 👍 ',
};

const repeat = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
const KB = [1, 10, 100];

async function timePrepare(text: string): Promise<{ ms: number; figures: number | string }> {
  const t0 = performance.now();
  try {
    // No time budget here: the benchmark measures the work itself.
    const { figures } = await prepareReport(
      { id: 'bench', text },
      { ...DEFAULT_PREPARE_BUDGET, maxMs: Number.POSITIVE_INFINITY, sliceMs: Number.POSITIVE_INFINITY },
    );
    return { ms: performance.now() - t0, figures: figures.length };
  } catch (err) {
    return { ms: performance.now() - t0, figures: (err as { code?: string }).code ?? 'error' };
  }
}

const seeds = (await readSeedInputs()).map(buildReport);
const corpus = await Corpus.open({ store: new MemoryStore(), seeds });

interface Row {
  shape: string;
  ms: number[];
  figures: (number | string)[];
  msPer100KB: number;
  exponent: number;
  claimMs: number;
  questionMs: number;
}
const rows: Row[] = [];
for (const [shape, unit] of Object.entries(SHAPES)) {
  const ms: number[] = [];
  const figures: (number | string)[] = [];
  for (const kb of KB) {
    const r = await timePrepare(repeat(unit, kb * 1024));
    ms.push(r.ms);
    figures.push(r.figures);
  }
  // An anonymous request: a claim or question at the contract's 2.000-character maximum.
  const claim = repeat(unit, 2000);
  let t0 = performance.now();
  verifyClaim(corpus, claim);
  const claimMs = performance.now() - t0;
  t0 = performance.now();
  answerQuestion(corpus, { question: claim, history: [] });
  const questionMs = performance.now() - t0;
  const [, t10 = 1, t100 = 1] = ms;
  rows.push({
    shape,
    ms,
    figures,
    msPer100KB: t100,
    exponent: Math.log(t100 / t10) / Math.log(10),
    claimMs,
    questionMs,
  });
}

const f0 = (n: number) => n.toFixed(0).padStart(6);
console.log(
  `Pathological text (prepareReport: build + figures; claim and question of 2.000 characters over the seeds)`,
);
console.log(
  `${'shape'.padEnd(50)} ${KB.map((k) => `${k} KB ms`.padStart(9)).join(' ')}  exponent  figures@100KB  claim ms  question ms`,
);
for (const r of rows) {
  console.log(
    `${r.shape.padEnd(50)} ${r.ms.map((m) => f0(m).padStart(9)).join(' ')}  ${r.exponent.toFixed(2).padStart(8)}  ${String(r.figures[2]).padStart(13)}  ${f0(r.claimMs).padStart(8)}  ${f0(r.questionMs).padStart(11)}`,
  );
}
const worst = rows.reduce((a, b) => (b.msPer100KB > a.msPer100KB ? b : a));
const worstRequest = Math.max(...rows.flatMap((r) => [r.claimMs, r.questionMs]));
console.log(
  `Slowest at 100 KB: ${worst.shape}, ${worst.msPer100KB.toFixed(0)} ms (target ≤ 1000); largest exponent ${Math.max(...rows.map((r) => r.exponent)).toFixed(2)}; longest anonymous request ${worstRequest.toFixed(0)} ms (target ≤ 100)`,
);
if (args.json) writeFileSync(args.json, JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
