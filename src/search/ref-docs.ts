// An Orama documents store that keeps a reference per document instead of the document. Orama's
// own store keeps every inserted document whole: for passages a second copy of each report's
// text, for figures a second object per figure. This one keeps what the caller already holds
// (a report and a passage number, a figure) and builds the document when Orama asks for it (a
// hit, a removal), so the corpus's text and figures live once.
import { internalDocumentIDStore } from '@orama/orama/components';

const { getInternalDocumentId } = internalDocumentIDStore;

export interface RefDocsStore<R> {
  sharedInternalDocumentStore: Parameters<typeof getInternalDocumentId>[0];
  /** By internal id. */
  refs: (R | undefined)[];
  count: number;
}

/** The store of a database using createRefDocs (to put refs back after loading a snapshot). */
export function refsOf<R>(docs: unknown): RefDocsStore<R> {
  // Safe: the store createRefDocs creates; callers name the ref type they inserted.
  return docs as RefDocsStore<R>;
}

/**
 * Orama's documents store interface over references. A document inserted must carry its `ref`
 * (a field outside the schema, so not indexed); a store loaded from a snapshot is empty until its
 * refs are put back (refsOf).
 */
export function createRefDocs<R, D>(materialize: (ref: R) => D) {
  type Store = RefDocsStore<R>;
  const get = (store: Store, id: string | number) => {
    const ref = store.refs[getInternalDocumentId(store.sharedInternalDocumentStore, id)];
    return ref === undefined ? undefined : materialize(ref);
  };
  return {
    create: (_: unknown, sharedInternalDocumentStore: Store['sharedInternalDocumentStore']): Store => ({
      sharedInternalDocumentStore,
      refs: [],
      count: 0,
    }),
    get,
    getMultiple: (store: Store, ids: (string | number)[]) => ids.map((id) => get(store, id)),
    getAll: (store: Store) => {
      const all: Record<number, D> = {};
      store.refs.forEach((ref, i) => {
        if (ref !== undefined) all[i] = materialize(ref);
      });
      return all;
    },
    store: (store: Store, _id: string, internalId: number, doc: { ref: R }) => {
      if (store.refs[internalId] !== undefined) return false;
      store.refs[internalId] = doc.ref;
      store.count++;
      return true;
    },
    remove: (store: Store, id: string | number) => {
      const internalId = getInternalDocumentId(store.sharedInternalDocumentStore, id);
      if (store.refs[internalId] === undefined) return false;
      store.refs[internalId] = undefined;
      store.count--;
      return true;
    },
    count: (store: Store) => store.count,
    load: (sharedInternalDocumentStore: Store['sharedInternalDocumentStore'], raw: unknown): Store => ({
      sharedInternalDocumentStore,
      refs: [],
      // Safe: written by `save` below.
      count: (raw as { count: number }).count,
    }),
    save: (store: Store) => ({ count: store.count }),
  };
}
