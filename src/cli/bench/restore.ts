// A cold start from a snapshot, in a fresh process (node --expose-gc): read the binary snapshot
// (src/snapshot-file.ts: reports, figures, passage index), decode it, open the corpus; then the
// heap it holds, and the heap of the passage index alone. Prints one JSON object.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Corpus } from '../../corpus/corpus.ts';
import type { PassageIndex } from '../../search/passage-index.ts';
import { type CorpusSnapshot, decodeSnapshot } from '../../snapshot-file.ts';
import { openSnapshotCorpus } from './open-snapshot.ts';
import { gcHeap } from './stats.ts';

const file = parseArgs({ allowPositionals: true }).positionals[0];
if (!file) throw new Error('usage: restore.ts SNAPSHOT.bin');
const heapBase = gcHeap();

// 1. The whole corpus, as a server or a shard opens it.
let raw: Uint8Array | null = readFileSync(file);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let restored: CorpusSnapshot | null = decodeSnapshot(raw);
const t1 = performance.now();
let corpus: Corpus | null = await openSnapshotCorpus(restored);
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
raw = null;
const heapCorpus = gcHeap() - heapBase;
const sanity = (await corpus.search('hộ nghèo', { limit: 3 })).length;
corpus = null;
(restored as { index: PassageIndex | null }).index = null;
restored = null;
const heapAfterDrop = gcHeap();

process.stdout.write(
  JSON.stringify({
    // Decoding parses the JSON sections and restores the index together; counted as "restore".
    parseMs: 0,
    restoreMs: t1 - t0,
    openCorpusMs: t2 - t1,
    coldStartMs: t2 - t0,
    // CPU time of the same (user + system, all threads: the collector's helpers too): less noisy than wall time on a shared machine.
    coldStartCpuMs: (cpu.user + cpu.system) / 1000,
    heapCorpusMB: heapCorpus / 1e6,
    heapBaseMB: heapBase / 1e6,
    heapLeftMB: (heapAfterDrop - heapBase) / 1e6,
    sanity,
  }),
);
