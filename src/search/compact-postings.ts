// Postings of one text field, compact: token → term id in one Map, each term's documents as
// varint-coded id gaps in shared byte segments. Replaces Orama's radix tree of Sets and its
// per-document frequency objects, which held ~250 KB of heap per report (docs/scaling.md).
// Documents are appended as they are inserted; a buffer of recent postings is frozen into an
// immutable segment when it grows large, so memory per posting is ~1–2 bytes, not ~100.

/**
 * Postings buffered (as plain arrays, ~20 bytes a posting) before they are frozen into a segment
 * (~1,5 bytes a posting). Segments are then merged two by two as in a binary counter, so a
 * corpus of n postings has at most log2(n / FLUSH_POSTINGS) + 1 of them.
 */
const FLUSH_POSTINGS = 1 << 16;

/**
 * Documents a search has scored, in the order first scored: an Int32Array grown by doubling. A
 * plain array's push slowed ~15× once it held ~16.000 ids (its backing store then lives in V8's
 * large-object space): measured 4 ns a hit here against 60–70 ns, at 10.000 reports a common
 * token's 17.000 passages.
 */
export class HitList {
  ids = new Int32Array(1024);
  length = 0;

  push(id: number): void {
    if (this.length === this.ids.length) {
      const bigger = new Int32Array(this.ids.length * 2);
      bigger.set(this.ids);
      this.ids = bigger;
    }
    this.ids[this.length++] = id;
  }
}

/** One query token's BM25 parameters: Orama's relevance (k, b, d), the field's average length and boost, the token's IDF. */
export interface Bm25Term {
  idf: number;
  weight: number;
  k: number;
  b: number;
  d: number;
  avg: number;
}

interface Segment {
  /** Term ids present, ascending. */
  terms: Int32Array;
  /** Byte offset of each term's run in `bytes`; one more entry than `terms`. */
  offsets: Uint32Array;
  bytes: Uint8Array;
  /** Documents with postings here that are no longer live (removed, or added again elsewhere): 0 spares the check per posting. */
  stale: number;
}

export interface SavedPostings {
  terms: string[];
  counts: number[];
  avg: number | null;
  lengths: number[];
  segments: { terms: number[]; offsets: number[]; bytes: Uint8Array }[];
  segOf: number[];
}

/**
 * One field's postings. Every document's postings are written at once (one insert), so they
 * sit in one segment: `segOf[doc]` names it, and a posting found in any other segment is stale
 * (the document was removed, or removed and inserted again under the same internal id).
 */
export class CompactPostings {
  readonly terms = new Map<string, number>();
  /** Orama's tokenOccurrences, by term id: tokens counted per occurrence, as Orama counts them. */
  counts = new Int32Array(1024);
  /** Orama's fieldLengths, by internal document id (0: not in the field). */
  lengths = new Uint32Array(1024);
  /** Orama's avgFieldLength for the field (null once the last document left). */
  avg: number | null = 0;
  /** Segment holding each document's postings, +1 (0: none). */
  segOf = new Int32Array(1024);
  segments: Segment[] = [];
  /** Term id → [doc, count, doc, count …] not yet frozen; they belong to segment `segments.length`. */
  #pending = new Map<number, number[]>();
  #pendingPostings = 0;

  /** The term's id, created when `create`; -1 for an unknown term. */
  termId(token: string, create: boolean): number {
    let id = this.terms.get(token);
    if (id === undefined) {
      if (!create) return -1;
      id = this.terms.size;
      this.terms.set(token, id);
      if (id >= this.counts.length) this.counts = grow(this.counts, id);
    }
    return id;
  }

  count(token: string): number {
    const id = this.terms.get(token);
    return id === undefined ? 0 : (this.counts[id] as number);
  }

  /** Adds one document's postings: term ids with the times each occurs. */
  add(doc: number, length: number, postings: Map<number, number>): void {
    if (doc >= this.lengths.length) {
      this.lengths = grow(this.lengths, doc);
      this.segOf = grow(this.segOf, doc);
    }
    this.lengths[doc] = length;
    this.#markStale(doc);
    this.segOf[doc] = this.segments.length + 1;
    for (const [term, n] of postings) {
      const list = this.#pending.get(term);
      if (list) list.push(doc, n);
      else this.#pending.set(term, [doc, n]);
    }
    this.#pendingPostings += postings.size;
    if (this.#pendingPostings >= FLUSH_POSTINGS) this.flush();
  }

  /** Forgets a document: its postings become stale. */
  delete(doc: number): void {
    if (doc < this.lengths.length) {
      this.#markStale(doc);
      this.lengths[doc] = 0;
      this.segOf[doc] = 0;
    }
  }

  /** The document's postings in a frozen segment, if any, are no longer live. */
  #markStale(doc: number): void {
    // Postings still in the buffer could not be told from those a re-insert under the same id adds
    // there (Orama reuses internal ids): freeze them first, so they go stale in a segment like any other.
    if (this.segOf[doc] === this.segments.length + 1) this.flush();
    const s = this.segOf[doc] as number;
    const seg = s > 0 ? this.segments[s - 1] : undefined;
    if (seg) seg.stale++;
  }

  /** Calls `visit(doc, count)` for each live document holding the term, in insertion order. */
  forEach(term: number, visit: (doc: number, count: number) => void): void {
    const segOf = this.segOf;
    for (let s = 0; s < this.segments.length; s++) {
      this.#decode(this.segments[s] as Segment, term, (doc, n) => {
        if (segOf[doc] === s + 1) visit(doc, n);
      });
    }
    const list = this.#pending.get(term);
    if (!list) return;
    const current = this.segments.length + 1;
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i] as number;
      if (segOf[doc] === current) visit(doc, list[i + 1] as number);
    }
  }

  /**
   * BM25 of one query token over its live documents, added into `scores` (by internal id) in
   * insertion order, as Orama's calculateResultScores adds it: `bm25(tf, doc length)` with tf the
   * token's count over the document's token count. A document scored for the first time is
   * pushed on `hits`. `allowed` (by internal id, 1: allowed) filters when given. Written as one
   * loop (no callback per posting): this is the inner loop of every search.
   */
  accumulate(term: number, bm25: Bm25Term, scores: Float64Array, hits: HitList, allowed: Uint8Array | null): void {
    const segOf = this.segOf;
    const lengths = this.lengths;
    const { idf, weight, k, b: bb, d, avg } = bm25;
    const k1 = k + 1;
    for (let s = 0; s < this.segments.length; s++) {
      const seg = this.segments[s] as Segment;
      const at = search(seg.terms, term);
      if (at < 0) continue;
      const bytes = seg.bytes;
      let pos = seg.offsets[at] as number;
      const end = seg.offsets[at + 1] as number;
      const live = s + 1;
      const check = seg.stale > 0;
      let doc = 0;
      while (pos < end) {
        // Varints of up to three bytes (values below 2^21: gaps between passages) in integer
        // arithmetic; longer ones as the writer wrote them, without bit operations past 31 bits.
        let b = bytes[pos++] as number;
        let v = b & 0x7f;
        if (b & 0x80) {
          b = bytes[pos++] as number;
          v |= (b & 0x7f) << 7;
          if (b & 0x80) {
            b = bytes[pos++] as number;
            v |= (b & 0x7f) << 14;
            for (let shift = 21; b & 0x80; shift += 7) {
              b = bytes[pos++] as number;
              v += (b & 0x7f) * 2 ** shift;
            }
          }
        }
        let n = 1;
        const flag = v % 2;
        if (flag === 1) {
          b = bytes[pos++] as number;
          n = b & 0x7f;
          for (let shift = 7; b & 0x80; shift += 7) {
            b = bytes[pos++] as number;
            n += (b & 0x7f) * 2 ** shift;
          }
        }
        const zig = (v - flag) / 2;
        doc += zig % 2 === 0 ? zig / 2 : -(zig + 1) / 2;
        if ((check && segOf[doc] !== live) || (allowed !== null && allowed[doc] !== 1)) continue;
        // Orama's BM25, same operations in the same order (so the same doubles).
        const length = lengths[doc] as number;
        const tf = n / length;
        const add = ((idf * (d + tf * k1)) / (tf + k * (1 - bb + (bb * length) / avg))) * weight;
        const sum = scores[doc] as number;
        if (sum === 0) hits.push(doc);
        scores[doc] = sum === 0 ? add : sum + add;
      }
    }
    const list = this.#pending.get(term);
    if (!list) return;
    const current = this.segments.length + 1;
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i] as number;
      if (segOf[doc] !== current || (allowed !== null && allowed[doc] !== 1)) continue;
      const length = lengths[doc] as number;
      const tf = (list[i + 1] as number) / length;
      const add = ((idf * (d + tf * k1)) / (tf + k * (1 - bb + (bb * length) / avg))) * weight;
      const sum = scores[doc] as number;
      if (sum === 0) hits.push(doc);
      scores[doc] = sum === 0 ? add : sum + add;
    }
  }

  /** Freezes the buffered postings into a segment, then merges segments of like size. */
  flush(): void {
    this.#freeze();
    for (;;) {
      const n = this.segments.length;
      const last = this.segments[n - 1];
      const before = this.segments[n - 2];
      if (!last || !before || last.bytes.length * 2 < before.bytes.length) break;
      this.#mergeLastTwo();
    }
  }

  /**
   * Replaces the last two segments by one holding their live postings, in the same order. Runs
   * are decoded and written straight into the new segment's bytes (ingest merges every posting
   * log2(n) times; lists per term and a callback per posting made merging a fifth of indexing).
   */
  #mergeLastTwo(): void {
    const n = this.segments.length;
    const a = this.segments[n - 2] as Segment;
    const b = this.segments[n - 1] as Segment;
    const segOf = this.segOf;
    const terms: number[] = [];
    const offsets: number[] = [];
    const out = new ByteWriter(a.bytes.length + b.bytes.length);
    let i = 0;
    let j = 0;
    while (i < a.terms.length || j < b.terms.length) {
      const ta = i < a.terms.length ? (a.terms[i] as number) : Number.POSITIVE_INFINITY;
      const tb = j < b.terms.length ? (b.terms[j] as number) : Number.POSITIVE_INFINITY;
      const term = Math.min(ta, tb);
      const at = out.length;
      let prev = 0;
      if (ta === term) prev = copyLive(a, i++, n - 1, segOf, out, prev);
      if (tb === term) prev = copyLive(b, j++, n, segOf, out, prev);
      if (out.length > at) {
        terms.push(term);
        offsets.push(at);
      }
    }
    for (let doc = 0; doc < segOf.length; doc++) if (segOf[doc] === n) segOf[doc] = n - 1;
    this.segments.length = n - 2;
    if (terms.length === 0) return;
    offsets.push(out.length);
    // Only live postings were copied: the merged segment has no stale ones.
    this.segments.push({
      terms: Int32Array.from(terms),
      offsets: Uint32Array.from(offsets),
      bytes: out.bytes(),
      stale: 0,
    });
  }

  /** Calls `visit` for every posting of `term` in `seg`, stale ones included. */
  #decode(seg: Segment, term: number, visit: (doc: number, count: number) => void): void {
    const at = search(seg.terms, term);
    if (at < 0) return;
    const bytes = seg.bytes;
    let pos = seg.offsets[at] as number;
    const end = seg.offsets[at + 1] as number;
    let doc = 0;
    while (pos < end) {
      let v = 0;
      let shift = 0;
      let b: number;
      do {
        b = bytes[pos++] as number;
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      let count = 1;
      if (v % 2 === 1) {
        count = 0;
        shift = 0;
        do {
          b = bytes[pos++] as number;
          count += (b & 0x7f) * 2 ** shift;
          shift += 7;
        } while (b & 0x80);
      }
      const zig = Math.floor(v / 2);
      doc += zig % 2 === 0 ? zig / 2 : -(zig + 1) / 2;
      visit(doc, count);
    }
  }

  #freeze(): void {
    if (this.#pending.size === 0) return;
    const terms = Int32Array.from(this.#pending.keys()).sort();
    const offsets = new Uint32Array(terms.length + 1);
    const out = new ByteWriter(this.#pendingPostings * 3);
    for (let i = 0; i < terms.length; i++) {
      offsets[i] = out.length;
      const list = this.#pending.get(terms[i] as number) as number[];
      let prev = 0;
      for (let j = 0; j < list.length; j += 2) {
        const doc = list[j] as number;
        const n = list[j + 1] as number;
        const delta = doc - prev;
        const zig = delta >= 0 ? delta * 2 : -delta * 2 - 1;
        out.varint(zig * 2 + (n === 1 ? 0 : 1));
        if (n !== 1) out.varint(n);
        prev = doc;
      }
    }
    offsets[terms.length] = out.length;
    this.segments.push({ terms, offsets, bytes: out.bytes(), stale: 0 });
    this.#pending = new Map();
    this.#pendingPostings = 0;
  }

  /**
   * Rewrites every segment and the buffer into one segment of live postings only: what a save
   * writes, so the same documents give the same snapshot whatever the history of flushes and removals.
   */
  compact(): void {
    this.flush();
    if (this.segments.length === 0) return;
    const lists = new Map<number, number[]>();
    const order: number[] = [];
    for (let term = 0; term < this.terms.size; term++) {
      const list: number[] = [];
      this.forEach(term, (doc, n) => list.push(doc, n));
      if (list.length > 0) {
        lists.set(term, list);
        order.push(term);
      }
    }
    for (let doc = 0; doc < this.segOf.length; doc++) if (this.segOf[doc] !== 0) this.segOf[doc] = 1;
    this.segments = [];
    this.#pending = lists;
    this.#pendingPostings = order.reduce((n, t) => n + (lists.get(t) as number[]).length / 2, 0);
    this.#freeze();
  }

  save(): SavedPostings {
    this.compact();
    const docs = this.lengths.length;
    let last = docs;
    while (last > 0 && this.lengths[last - 1] === 0) last--;
    return {
      terms: [...this.terms.keys()],
      counts: Array.from(this.counts.subarray(0, this.terms.size)),
      avg: this.avg,
      lengths: Array.from(this.lengths.subarray(0, last)),
      segments: this.segments.map((s) => ({
        terms: Array.from(s.terms),
        offsets: Array.from(s.offsets),
        bytes: s.bytes,
      })),
      segOf: Array.from(this.segOf.subarray(0, last)),
    };
  }

  static load(saved: SavedPostings): CompactPostings {
    const p = new CompactPostings();
    for (const [i, t] of saved.terms.entries()) p.terms.set(t, i);
    p.counts = Int32Array.from(saved.counts.length > 0 ? saved.counts : [0]);
    p.avg = saved.avg;
    p.lengths = Uint32Array.from(saved.lengths.length > 0 ? saved.lengths : [0]);
    p.segOf = Int32Array.from(saved.segOf.length > 0 ? saved.segOf : [0]);
    // A save holds live postings only (compact).
    p.segments = saved.segments.map((s) => ({
      terms: Int32Array.from(s.terms),
      offsets: Uint32Array.from(s.offsets),
      bytes: s.bytes,
      stale: 0,
    }));
    return p;
  }
}

/**
 * Re-encodes the live postings (`segOf[doc] === live`) of the run at `at` in `seg` onto `out`,
 * gaps counted from `prev` (the last document written for the term); returns the new `prev`.
 * The encoding is #freeze's: zigzag gap × 2 + (count ≠ 1), then the count when ≠ 1.
 */
function copyLive(seg: Segment, at: number, live: number, segOf: Int32Array, out: ByteWriter, prev: number): number {
  const bytes = seg.bytes;
  let pos = seg.offsets[at] as number;
  const end = seg.offsets[at + 1] as number;
  let doc = 0;
  let last = prev;
  while (pos < end) {
    let v = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[pos++] as number;
      v += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    let count = 1;
    if (v % 2 === 1) {
      count = 0;
      shift = 0;
      do {
        byte = bytes[pos++] as number;
        count += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
    }
    const zig = Math.floor(v / 2);
    doc += zig % 2 === 0 ? zig / 2 : -(zig + 1) / 2;
    if (segOf[doc] !== live) continue;
    const delta = doc - last;
    const z = delta >= 0 ? delta * 2 : -delta * 2 - 1;
    out.varint(z * 2 + (count === 1 ? 0 : 1));
    if (count !== 1) out.varint(count);
    last = doc;
  }
  return last;
}

function grow<T extends Int32Array | Uint32Array>(a: T, index: number): T {
  // Safe: the constructor of an Int32Array or Uint32Array makes one of the same type.
  const bigger = new (a.constructor as new (n: number) => T)(Math.max(index + 1, a.length * 2));
  bigger.set(a);
  return bigger;
}

/** Index of `value` in the ascending `sorted`, or -1. */
function search(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v < value) lo = mid + 1;
    else if (v > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}

class ByteWriter {
  #buf: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.#buf = new Uint8Array(Math.max(16, capacity));
  }

  varint(value: number): void {
    if (this.length + 10 > this.#buf.length) {
      const bigger = new Uint8Array(this.#buf.length * 2);
      bigger.set(this.#buf);
      this.#buf = bigger;
    }
    let v = value;
    while (v >= 0x80) {
      this.#buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.#buf[this.length++] = v;
  }

  /** The bytes written, in a buffer of their own size (the spare capacity is let go). */
  bytes(): Uint8Array {
    return this.#buf.slice(0, this.length);
  }
}
