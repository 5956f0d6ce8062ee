// The folds' output buffers (fold.ts, fold-aligned.ts): UTF-16 code units in a reused typed array,
// then one string of them.

/** Units per String.fromCharCode call: well under any engine's argument limit. */
export const CHUNK = 4096;

/** The first `n` units of `buf` as a string. */
export function unitsToString(buf: Uint16Array, n: number): string {
  // Safe: String.fromCharCode reads its arguments as numbers; a Uint16Array is array-like.
  if (n <= CHUNK) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let i = 0; i < n; i += CHUNK)
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  return out;
}

/** Units of a reused buffer at most (128 KB): a report's text, not the longest text ever folded. */
const SCRATCH_MAX = 1 << 16;

/**
 * A buffer reused across calls, grown by doubling up to SCRATCH_MAX. Each fold keeps its own (one
 * may call the other while writing into its buffer).
 */
export class ScratchUnits {
  #buf: Uint16Array;
  constructor(initial: number) {
    this.#buf = new Uint16Array(initial);
  }

  /** A buffer of at least `n` units: the reused one, or for a longer text (a 2 MB report) one of its own, let go afterwards. */
  take(n: number): Uint16Array {
    if (n > this.#buf.length && n <= SCRATCH_MAX)
      this.#buf = new Uint16Array(Math.min(SCRATCH_MAX, Math.max(n, this.#buf.length * 2)));
    return n <= this.#buf.length ? this.#buf : new Uint16Array(n);
  }
}
