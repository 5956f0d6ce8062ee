// Shares the values a corpus repeats: one Period object for every passage and figure of "6 tháng
// đầu năm 2025", one Place per unit, one string per label, place name and unit, one array per
// list of qualifiers. At 1.000 generated reports 40.000 figures hold ~64 distinct periods and
// ~50 labels (src/cli/bench/heap-profile.ts measures what this saves). Values are never changed
// once a report is served, so sharing them changes nothing a reader sees.
import type { Figure } from '../extract/types.ts';
import type { Period, Place, Report } from '../ingest/types.ts';

/** Values kept by identity at most (a snapshot chunk holds ~100 distinct periods and lists). */
const SEEN_KEPT = 1024;

export class Interner {
  readonly #strings = new Map<string, string>();
  readonly #objects = new Map<string, unknown>();

  string<T extends string | null>(s: T): T {
    if (s === null) return s;
    const known = this.#strings.get(s);
    if (known !== undefined) return known as T;
    this.#strings.set(s, s);
    return s;
  }

  /**
   * Values seen lately, by identity, to their shared ones: a restored snapshot's figures share
   * their periods and lists per chunk already, so most lookups need no key built (cold start).
   * Bounded and emptied when full: a WeakMap's table kept ~2 KB a report once ingest had put
   * every figure's own period in it (bench:heap).
   */
  readonly #seen = new Map<object, unknown>();

  #shared<T extends object>(value: T, kind: string, key: () => string): T {
    const known = this.#seen.get(value);
    if (known !== undefined) return known as T;
    const shared = this.#object(kind, key(), value);
    if (this.#seen.size >= SEEN_KEPT) this.#seen.clear();
    this.#seen.set(value, shared);
    return shared;
  }

  #object<T>(kind: string, key: string, value: T): T {
    const k = `${kind}\u0000${key}`;
    const known = this.#objects.get(k);
    if (known !== undefined) return known as T;
    this.#objects.set(k, value);
    return value;
  }

  period(p: Period | null): Period | null {
    if (p === null) return null;
    return this.#shared(p, 'period', () => `${p.label}\u0000${p.kind}\u0000${p.from}\u0000${p.to}\u0000${p.year}`);
  }

  place(p: Place | null): Place | null {
    if (p === null) return null;
    return this.#shared(
      p,
      'place',
      () => `${p.code}\u0000${p.name}\u0000${p.level}\u0000${p.type}\u0000${p.provinceCode}\u0000${p.province}`,
    );
  }

  list(xs: string[]): string[] {
    return this.#shared(xs, 'list', () => xs.join('\u0000'));
  }

  /** Shares a report's repeated parts, in place (the report is not served yet). */
  report(r: Report): void {
    r.place = this.place(r.place);
    r.periods = r.periods.map((p) => this.period(p) as Period);
    for (const p of r.passages) {
      p.reportId = r.id;
      p.place = this.place(p.place);
      p.period = this.period(p.period);
      p.section = this.string(p.section);
    }
  }

  /** Shares a figure's repeated parts, in place (the figure is not served yet). */
  figure(f: Figure, reportId: string): void {
    f.reportId = reportId;
    f.unit = this.string(f.unit);
    f.metric = this.string(f.metric);
    f.label = this.string(f.label);
    f.place = this.string(f.place);
    f.period = this.period(f.period);
    f.qualifiers = this.list(f.qualifiers);
  }
}
