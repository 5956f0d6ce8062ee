// A read-only corpus over a decoded snapshot (snapshot-file.ts), as a shard or a bench serves it.
import { Corpus } from '../../corpus/corpus.ts';
import type { CorpusSnapshot } from '../../snapshot-file.ts';
import { MemoryStore } from '../../store/memory-store.ts';

export function openSnapshotCorpus(restored: CorpusSnapshot): Promise<Corpus> {
  return Corpus.open({
    store: new MemoryStore({ writable: false }),
    seeds: restored.reports,
    seedIndex: restored.index,
    seedFigures: restored.figures,
  });
}
