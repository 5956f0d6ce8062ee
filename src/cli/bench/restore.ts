// The Worker's cold start, in a fresh process (node --expose-gc): read a bundled snapshot
// (reports, figures, passage index as one JSON value), parse it, restore the index, open the
// corpus; then the heap it holds, and the heap of the passage index alone. Prints one JSON object.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Corpus } from '../../corpus.ts';
import { loadPassageIndex, type PassageIndex } from '../../search/passage-index.ts';
import { restoreSeedSnapshot, type SeedSnapshot } from '../../seed-snapshot.ts';
import { MemoryStore } from '../../store/memory-store.ts';
import { gcHeap } from './stats.ts';

const file = parseArgs({ allowPositionals: true }).positionals[0];
if (!file) throw new Error('usage: restore.ts SNAPSHOT.json');
const heapBase = gcHeap();

// 1. The whole corpus, as the Worker opens it.
let raw: string | null = readFileSync(file, 'utf8');
const t0 = performance.now();
let parsed: SeedSnapshot | null = JSON.parse(raw) as SeedSnapshot;
const t1 = performance.now();
const restored = restoreSeedSnapshot(parsed);
const t2 = performance.now();
let corpus: Corpus | null = await Corpus.open({ store: new MemoryStore({ writable: false }), seeds: restored.seeds, seedIndex: restored.index, seedFigures: restored.figures });
const t3 = performance.now();
raw = null;
parsed = null;
const heapCorpus = gcHeap() - heapBase;
const sanity = (await corpus.search('hộ nghèo', { limit: 3 })).length;
corpus = null;
restored.seeds.length = 0;
restored.figures.clear();
(restored as { index: PassageIndex | null }).index = null;
const heapAfterDrop = gcHeap();

// 2. The passage index alone (what a search-only shard holds).
const heapBeforeIndex = gcHeap();
let parsed2: SeedSnapshot | null = JSON.parse(readFileSync(file, 'utf8')) as SeedSnapshot;
const index = loadPassageIndex(parsed2.index, parsed2.reports);
parsed2 = null;
const heapIndex = gcHeap() - heapBeforeIndex;
void index;

process.stdout.write(
  JSON.stringify({
    parseMs: t1 - t0,
    restoreMs: t2 - t1,
    openCorpusMs: t3 - t2,
    coldStartMs: t3 - t0,
    heapCorpusMB: heapCorpus / 1e6,
    heapIndexMB: heapIndex / 1e6,
    heapBaseMB: heapBase / 1e6,
    heapLeftMB: (heapAfterDrop - heapBase) / 1e6,
    sanity,
  }),
);
