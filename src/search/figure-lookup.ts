// Figures by metric and by place, in corpus order: what ranking reads instead of every figure.
// At 10.000 reports a question's metric names about a tenth of the 400.000 figures and its place a
// few hundred; scanning all of them cost seconds a question (bench/RESULTS.md). Plain maps, not the
// Orama figure table (figure-index.ts): ranking needs whole lists in order, not scored hits.
import type { Figure } from '../extract/types.ts';
import { placeKey } from './places.ts';

/** Merged lists kept at most; a list holds references only, and the cache empties on any change. */
const MAX_MERGES = 256;

export class FigureLookup {
  /** Reports' figures in corpus order: a replaced report keeps its place, as in a Map. */
  readonly #reports = new Map<string, readonly Figure[]>();
  readonly #byMetric = new Map<string, Figure[]>();
  readonly #byPlace = new Map<string, Figure[]>();
  /** Each figure's position in corpus order, to merge several lists back into that order. */
  readonly #seq = new Map<Figure, number>();
  #next = 0;
  /** A report replaced in the middle or removed: the lists are rebuilt on the next read. */
  #stale = false;
  /** Merged lists by their keys, until the next change: questions name the same metrics again and again. */
  readonly #merges = new Map<string, readonly Figure[]>();

  /** Adds a report's figures, or replaces those of a report with the same id. */
  set(reportId: string, figures: readonly Figure[]): void {
    this.#merges.clear();
    const replacing = this.#reports.has(reportId);
    this.#reports.set(reportId, figures);
    if (replacing) this.#drop();
    else if (!this.#stale) this.#append(figures);
  }

  delete(reportId: string): void {
    if (this.#reports.delete(reportId)) this.#drop();
    this.#merges.clear();
  }

  /** Marks the lists stale and lets go of them now: they held the deleted report's figures until the next question. */
  #drop() {
    this.#stale = true;
    this.#byMetric.clear();
    this.#byPlace.clear();
    this.#seq.clear();
  }

  /** Figures of any of these metric ids, in corpus order. */
  withMetrics(metrics: readonly string[]): readonly Figure[] {
    return this.#merged(this.#byMetric, metrics);
  }

  /** Figures whose own place folds to any of these keys ("quang tri", "tay son"), in corpus order. */
  atPlaces(keys: readonly string[]): readonly Figure[] {
    return this.#merged(this.#byPlace, keys);
  }

  #merged(map: Map<string, Figure[]>, keys: readonly string[]): readonly Figure[] {
    if (this.#stale) this.#rebuild();
    const lists = [...new Set(keys)]
      .map((k) => map.get(k))
      .filter((l): l is Figure[] => l !== undefined && l.length > 0);
    if (lists.length <= 1) return lists[0] ?? [];
    const cacheKey = `${map === this.#byMetric ? 'm' : 'p'}:${[...new Set(keys)].sort().join('|')}`;
    let merged = this.#merges.get(cacheKey);
    if (!merged) {
      const seq = this.#seq;
      merged = [...new Set(lists.flat())].sort((a, b) => (seq.get(a) ?? 0) - (seq.get(b) ?? 0));
      if (this.#merges.size >= MAX_MERGES) this.#merges.clear();
      this.#merges.set(cacheKey, merged);
    }
    return merged;
  }

  #append(figures: readonly Figure[]) {
    for (const f of figures) {
      this.#seq.set(f, this.#next++);
      push(this.#byMetric, f.metric, f);
      const place = placeKey(f.place ?? '');
      if (place) push(this.#byPlace, place, f);
    }
  }

  #rebuild() {
    this.#byMetric.clear();
    this.#byPlace.clear();
    this.#seq.clear();
    this.#next = 0;
    this.#stale = false;
    for (const figures of this.#reports.values()) this.#append(figures);
  }
}

function push(map: Map<string, Figure[]>, key: string, f: Figure) {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}
