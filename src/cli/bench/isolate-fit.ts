// Does a corpus of the seeds + N generated reports fit one Workers isolate? Run by bench/index.ts
// under node --max-old-space-size=128: reports are built, their figures extracted and indexed one
// at a time (the text generated for a report is dropped once built), the corpus opened and a few
// questions answered. Prints the heap it holds; running out of memory kills the process, which is
// the answer "no". With --snapshot FILE (make-snapshot.ts) the corpus is restored from a binary
// snapshot instead, as a shard starts: the file's bytes count too (they are read into memory).
import { closeSync, openSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createAssistant } from '../../answer/assistant.ts';
import { Corpus } from '../../corpus/corpus.ts';
import { extractFigures } from '../../extract/figures.ts';
import type { Figure } from '../../extract/types.ts';
import { buildReport } from '../../ingest/build-report.ts';
import type { Report } from '../../ingest/types.ts';
import { createPassageIndex, indexReport } from '../../search/passage-index.ts';
import { decodeSections, SNAPSHOT_MAGIC_BYTES, type SnapshotSection } from '../../snapshot-file.ts';
import { MemoryStore } from '../../store/memory-store.ts';
import { readSeedInputs } from '../../store/seed-files.ts';
import { generateCorpus } from './generate.ts';
import { openSnapshotCorpus } from './open-snapshot.ts';
import { buildQuestionMix } from './questions.ts';
import { gcHeap } from './stats.ts';

const args = parseArgs({ allowPositionals: true, options: { snapshot: { type: 'string' } } });
const size = Number(args.positionals[0] ?? '0');
const heapBase = gcHeap();
if (args.values.snapshot) await fromSnapshot(args.values.snapshot);
else await built();

/** Heap plus the memory outside it (the snapshot's bytes): what an isolate's limit counts. */
function usedMB(): number {
  const m = process.memoryUsage();
  // external includes arrayBuffers (the file read into a Buffer).
  return (m.heapUsed + m.external) / 1e6;
}

/** The snapshot file's sections read one at a time; `measure` runs while each is held. */
function* readSections(file: string, measure: () => void): Generator<SnapshotSection> {
  const fd = openSync(file, 'r');
  try {
    let pos = SNAPSHOT_MAGIC_BYTES;
    const header = new Uint8Array(5);
    while (readSync(fd, header, 0, 5, pos) === 5) {
      const length = new DataView(header.buffer).getUint32(1, true);
      const payload = new Uint8Array(length);
      readSync(fd, payload, 0, length, pos + 5);
      measure();
      yield { kind: header[0] as number, payload };
      pos += 5 + length;
    }
  } finally {
    closeSync(fd);
  }
}

async function fromSnapshot(file: string) {
  const questions = buildQuestionMix(generateCorpus(size), 20, []);
  gcHeap();
  // Section by section, as a shard reads its snapshot from storage: the peak is measured after
  // each section, with the section's bytes and everything decoded so far live.
  let peakMB = 0;
  const restored = decodeSections(
    readSections(file, () => {
      gcHeap();
      peakMB = Math.max(peakMB, usedMB());
    }),
  );
  const corpus = await openSnapshotCorpus(restored);
  const assistant = createAssistant(corpus);
  let answered = 0;
  for (const q of questions) {
    await corpus.search(q.question, { limit: 10 });
    if ((await assistant.ask({ question: q.question, history: [] })).status !== 'not_found') answered++;
  }
  const heapTotalMB = gcHeap() / 1e6;
  process.stdout.write(
    JSON.stringify({
      reports: restored.reports.length,
      heapMB: heapTotalMB - heapBase / 1e6,
      heapTotalMB,
      peakMB: Math.max(peakMB, usedMB()),
      questions: questions.length,
      answered,
    }),
  );
}

async function built() {
  const reports: Report[] = [];
  const figures = new Map<string, Figure[]>();
  const index = createPassageIndex();
  const add = (input: { id: string; text: string; title?: string }) => {
    const report = buildReport(input);
    reports.push(report);
    figures.set(report.id, extractFigures(report));
    indexReport(index, report);
  };
  for (const seed of await readSeedInputs()) add(seed);
  let generated = generateCorpus(size);
  const questions = buildQuestionMix(generated, 20, []);
  for (let i = 0; i < generated.length; i++) {
    const g = generated[i] as (typeof generated)[number];
    add({ id: g.id, text: g.text });
  }
  generated = [];
  const corpus = await Corpus.open({
    store: new MemoryStore({ writable: false }),
    seeds: reports,
    seedIndex: index,
    seedFigures: figures,
  });
  const assistant = createAssistant(corpus);
  let answered = 0;
  for (const q of questions) {
    await corpus.search(q.question, { limit: 10 });
    if ((await assistant.ask({ question: q.question, history: [] })).status !== 'not_found') answered++;
  }
  process.stdout.write(
    JSON.stringify({
      reports: reports.length,
      heapMB: (gcHeap() - heapBase) / 1e6,
      heapTotalMB: gcHeap() / 1e6,
      questions: questions.length,
      answered,
    }),
  );
}
