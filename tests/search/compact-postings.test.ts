// Compact postings against a plain model: after enough documents to freeze and merge segments
// (with removals), every term lists its live documents in insertion order.
import { describe, expect, it } from 'vitest';
import { CompactPostings } from '../../src/search/compact-postings.ts';

function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('CompactPostings', () => {
  it('forgets a removed document that comes back under the same id before its postings are frozen', () => {
    const postings = new CompactPostings();
    postings.add(5, 1, new Map([[1, 1]]));
    postings.delete(5);
    postings.add(5, 1, new Map([[2, 1]]));
    const listed = (term: number) => {
      const docs: number[] = [];
      postings.forEach(term, (doc) => docs.push(doc));
      return docs;
    };
    expect([listed(1), listed(2)]).toEqual([[], [5]]);
    postings.flush();
    expect([listed(1), listed(2)]).toEqual([[], [5]]);
  });

  it('lists every live posting in insertion order after segments are merged', () => {
    const rnd = lcg(11);
    const postings = new CompactPostings();
    /** The model: per document its postings and the order it was inserted in. */
    const live = new Map<number, { at: number; terms: Map<number, number> }>();
    let at = 0;
    for (let id = 1; id <= 12_000; id++) {
      if (rnd() < 0.03) {
        const gone = Math.floor(rnd() * (id - 1)) + 1;
        postings.delete(gone);
        live.delete(gone);
      }
      const terms = new Map<number, number>();
      for (let k = 5 + Math.floor(rnd() * 40); k > 0; k--) {
        const term = Math.floor(rnd() ** 3 * 3000);
        terms.set(term, (terms.get(term) ?? 0) + (rnd() < 0.2 ? 3 : 1));
      }
      postings.add(id, terms.size, terms);
      live.set(id, { at: at++, terms });
    }
    postings.flush();
    expect(postings.segments.length).toBeGreaterThan(1);
    const docs = [...live].sort((a, b) => a[1].at - b[1].at);
    for (const term of [0, 1, 2, 7, 50, 400, 2999]) {
      const got: number[] = [];
      postings.forEach(term, (doc, n) => got.push(doc, n));
      const expected = docs.flatMap(([doc, { terms }]) => (terms.has(term) ? [doc, terms.get(term) as number] : []));
      expect(got).toEqual(expected);
    }
  });
});
