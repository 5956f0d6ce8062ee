// Measures one shard in-process (Node, same code as the Durable Object): heap and snapshot per
// report count, load from snapshot, per-question select time; and the fan-out of a national
// question over 3 and 34 simulated shards. Run: node --expose-gc --import tsx tests/workers/measure-shards.ts
import { readdirSync, readFileSync } from 'node:fs';
import { answerQuestion } from '../../src/answer/ask.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import mergers from '../../src/data/merger-2025.json' with { type: 'json' };
import { loadPassageIndex } from '../../src/search/passage-index.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { PROVINCE_SHARDS } from '../../src/workers/router.ts';
import { constraintsOfTexts, mergedView, type ShardReport, selectReports } from '../../src/workers/select.ts';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const dir = 'tests/fixtures/shards';
const templates = [
  ...readdirSync('seeds').map((f) => readFileSync(`seeds/${f}`, 'utf8')),
  ...readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8')),
];
const ht = readFileSync(`${dir}/ht-2023.txt`, 'utf8');

/** A variant of a template: numbers nudged so postings and figures differ, years shifted. */
function variant(text: string, i: number) {
  const year = 2019 + (i % 6);
  return text
    .replace(/\b202[0-4]\b/g, String(year))
    .replace(/\d{2,}/g, (m) =>
      m.length === 4 && m.startsWith('20') ? m : String((Number(m) + i * 7) % 10 ** m.length),
    );
}

async function shardOf(inputs: { id: string; text: string }[]) {
  const store = new MemoryStore();
  for (const r of inputs) await store.put({ ...r, receivedAt: '2025-01-01T00:00:00Z' });
  return Corpus.open({ store, seeds: [] });
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

const QUESTIONS = [
  'Tỷ lệ hộ nghèo cuối năm 2023 là bao nhiêu?',
  'So sánh số lao động được giải quyết việc làm của Hà Tĩnh và Quảng Trị năm 2023',
];

console.log('## One shard');
console.log(
  '| reports | text MB | passages | figures | heap MB | snapshot MB (UTF-16 chars) | chunks of 60k | build s | load from snapshot ms | select ms (median, 2 questions) |',
);
for (const n of [25, 100, 400, 1000]) {
  const inputs = Array.from({ length: n }, (_, i) => ({
    id: `r${String(i).padStart(5, '0')}`,
    text: variant(templates[i % templates.length] as string, i),
  }));
  const textMB = inputs.reduce((a, r) => a + r.text.length, 0) / 1e6;
  gc();
  const h0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const corpus = await shardOf(inputs);
  const buildMs = performance.now() - t0;
  gc();
  const heap = (process.memoryUsage().heapUsed - h0) / 1e6;
  const reports = corpus.list();
  const json = JSON.stringify({
    reports,
    figures: reports.map((r) => [r.id, corpus.figuresOf(r.id)]),
    index: corpus.saveIndex(),
  });
  const [, loadMs] = time(() => {
    const snap = JSON.parse(json);
    return { index: loadPassageIndex(snap.index, snap.reports), reports: snap.reports, figures: new Map(snap.figures) };
  });
  let figures = 0;
  for (const r of reports) figures += corpus.figuresOf(r.id).length;
  const selects = QUESTIONS.flatMap((q) =>
    Array.from({ length: 5 }, () => time(() => selectReports(corpus, constraintsOfTexts([q])))[1]),
  );
  console.log(
    `| ${n} | ${textMB.toFixed(1)} | ${corpus.passageCount()} | ${figures} | ${heap.toFixed(0)} | ${(json.length / 1e6).toFixed(1)} | ${Math.ceil(json.length / 60_000)} | ${(buildMs / 1000).toFixed(1)} | ${loadMs.toFixed(0)} | ${median(selects).toFixed(0)} |`,
  );
}

console.log('\n## Fan-out of a national question (in-process simulation)');
const names = (mergers as { new: string }[]).map((m) => m.new);
for (const perShard of [10, 50]) {
  const shards = await Promise.all(
    PROVINCE_SHARDS.map((_, s) =>
      shardOf(
        Array.from({ length: perShard }, (_, i) => ({
          id: `s${String(s).padStart(2, '0')}-${i}`,
          text: variant(ht.replaceAll('Hà Tĩnh', names[s] as string), i),
        })),
      ),
    ),
  );
  for (const k of [3, 34]) {
    const q = 'Số lao động được giải quyết việc làm năm 2023?';
    const per: number[] = [];
    const parts: ShardReport[] = [];
    for (const corpus of shards.slice(0, k)) {
      const [payload, ms] = time(() => {
        const ids = selectReports(corpus, constraintsOfTexts([q]));
        // What the Durable Object sends and the Worker parses.
        return JSON.parse(
          JSON.stringify({ reports: ids.map((id) => ({ report: corpus.get(id), figures: corpus.figuresOf(id) })) }),
        ) as { reports: ShardReport[] };
      });
      per.push(ms);
      parts.push(...payload.reports);
    }
    const [res, answerMs] = time(() =>
      answerQuestion(
        mergedView(parts, (a, b) => (a.id < b.id ? -1 : 1)),
        { question: q, history: [] },
      ),
    );
    console.log(
      `- ${k} shards × ${perShard} reports: per-shard select+serialise median ${median(per).toFixed(1)} ms, max ${Math.max(...per).toFixed(1)} ms; merged ${parts.length} reports; answer ${answerMs.toFixed(1)} ms (${res.status}); simulated fan-out (parallel shards) ≈ ${(Math.max(...per) + answerMs).toFixed(0)} ms + one DO round trip`,
    );
  }
}
