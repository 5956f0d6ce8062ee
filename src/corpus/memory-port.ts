// The in-memory corpus (corpus.ts) behind the one corpus port: Node, the read-only Worker and
// the tests serve it through this. Its reads are synchronous; the port awaits nothing, it only
// makes them promises, and every question's view is the whole corpus.
import type { Corpus } from './corpus.ts';
import type { CorpusPort } from './port.ts';

export function memoryPort(corpus: Corpus): CorpusPort {
  return {
    store: corpus.store,
    unreadable: corpus.unreadable,
    isSeed: (id) => corpus.isSeed(id),
    size: async () => corpus.size,
    passageCount: async () => corpus.passageCount(),
    list: async () => corpus.list(),
    get: async (id) => corpus.get(id),
    figuresOf: async (id) => corpus.figuresOf(id),
    queryFigures: async (filter) => corpus.queryFigures(filter),
    search: (query, opts) => corpus.search(query, opts),
    view: async () => corpus,
    upsert: (input, opts) => corpus.upsert(input, opts),
    remove: (id) => corpus.remove(id),
  };
}
