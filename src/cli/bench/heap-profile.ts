// npm run bench:heap [-- --size 1000] [--snapshot-size 200] (0 skips either): where a corpus's heap goes. Builds
// the seeds + N generated reports one component at a time in this process (node --expose-gc) and
// prints the heap each adds; then writes a V8 heap snapshot of a smaller corpus and prints its top
// retainers by constructor (self size summed, as DevTools' "Statistics" and "Summary" views do).
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import { createAssistant } from '../../answer/assistant.ts';
import { Corpus } from '../../corpus/corpus.ts';
import { extractFigures } from '../../extract/figures.ts';
import type { Figure } from '../../extract/types.ts';
import { buildReport } from '../../ingest/build-report.ts';
import type { Report } from '../../ingest/types.ts';
import { createPassageIndex, indexReport } from '../../search/passage-index.ts';
import { MemoryStore } from '../../store/memory-store.ts';
import { readSeedInputs } from '../../store/seed-files.ts';
import { generateCorpus } from './generate.ts';
import { buildQuestionMix } from './questions.ts';
import { gcHeap } from './stats.ts';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '1000' }, 'snapshot-size': { type: 'string', default: '200' } },
});

interface Built {
  corpus: Corpus;
  reports: Report[];
}

/** Builds the corpus step by step; `step` sees the heap after each. */
async function build(size: number, step: (name: string) => void): Promise<Built> {
  const seeds = await readSeedInputs();
  let generated = generateCorpus(size);
  const questions = buildQuestionMix(generated, 30, []);
  const inputs = [...seeds, ...generated.map((g) => ({ id: g.id, text: g.text }))];
  generated = [];
  const reports = inputs.map(buildReport);
  // The generated text is let go before measuring, so this step counts the reports alone.
  inputs.length = 0;
  step('reports (text, passages, places, periods)');
  const figures = new Map<string, Figure[]>(reports.map((r) => [r.id, extractFigures(r)]));
  step('figures (Figure objects)');
  const index = createPassageIndex();
  for (const r of reports) indexReport(index, r);
  step('passage index (Orama)');
  const corpus = await Corpus.open({
    store: new MemoryStore({ writable: false }),
    seeds: reports,
    seedIndex: index,
    seedFigures: figures,
  });
  step('corpus open: interning shared values (−), figure lookup (+)');
  corpus.queryFigures({ metric: 'poor_households' });
  step('figure table (Orama, built on the first /api/figures)');
  const assistant = createAssistant(corpus);
  for (const q of questions) {
    await corpus.search(q.question, { limit: 10 });
    await assistant.ask({ question: q.question, history: [] });
  }
  step('after 30 questions (caches)');
  return { corpus, reports };
}

async function components(size: number) {
  const rows: { name: string; mb: number }[] = [];
  let last = gcHeap();
  const base = last;
  const built = await build(size, (name) => {
    const now = gcHeap();
    rows.push({ name, mb: (now - last) / 1e6 });
    last = now;
  });
  const reports = built.reports.length;
  console.log(`\n### Heap by component, seeds + ${size} reports (${reports} reports, heapUsed after gc)\n`);
  console.log('| component | MB | KB per report |');
  console.log('| --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.name} | ${r.mb.toFixed(1)} | ${((r.mb * 1000) / reports).toFixed(1)} |`);
  const total = (last - base) / 1e6;
  console.log(`| **total held by the corpus** | ${total.toFixed(1)} | ${((total * 1000) / reports).toFixed(1)} |`);
  void built.corpus;
}

interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] }; node_count: number };
  nodes: number[];
  strings: string[];
}

/** Self size by node type and constructor name: where the bytes sit, largest first. */
function topRetainers(file: string, top: number): { what: string; count: number; mb: number }[] {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshotJson;
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const types = snap.snapshot.meta.node_types[0];
  const sums = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt] as number] as string;
    const name = snap.strings[snap.nodes[i + nameAt] as number] as string;
    // Strings, numbers and arrays are grouped by type; objects by constructor; code apart.
    const what =
      type === 'object' || type === 'closure'
        ? `${type} ${name}`
        : type === 'string' || type === 'concatenated string' || type === 'sliced string'
          ? type
          : type === 'array'
            ? `array ${name}`
            : type;
    const s = sums.get(what) ?? { count: 0, bytes: 0 };
    s.count++;
    s.bytes += snap.nodes[i + sizeAt] as number;
    sums.set(what, s);
  }
  return [...sums]
    .map(([what, s]) => ({ what, count: s.count, mb: s.bytes / 1e6 }))
    .sort((a, b) => b.mb - a.mb)
    .slice(0, top);
}

async function retainers(size: number) {
  const built = await build(size, () => {});
  const file = join(tmpdir(), `corpus-${process.pid}.heapsnapshot`);
  writeHeapSnapshot(file);
  const reports = built.reports.length;
  void built.corpus;
  console.log(
    `\n### Top retainers by self size, seeds + ${size} reports (${reports} reports, whole heap incl. code)\n`,
  );
  console.log('| node type / constructor | count | MB | bytes per report |');
  console.log('| --- | --- | --- | --- |');
  for (const r of topRetainers(file, 25))
    console.log(
      `| ${r.what.replaceAll('|', '\\|')} | ${r.count.toLocaleString('en')} | ${r.mb.toFixed(1)} | ${Math.round((r.mb * 1e6) / reports).toLocaleString('en')} |`,
    );
  rmSync(file, { force: true });
}

const size = Number(values.size);
const snapshotSize = Number(values['snapshot-size']);
if (size > 0) await components(size);
if (snapshotSize > 0) await retainers(snapshotSize);
