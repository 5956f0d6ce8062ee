// The in-memory corpus: the reports being served, their search index and their durable store,
// kept in step. Routes reach it through its port (memory-port.ts); the answering core reads it as
// a CorpusView. Writes go to the store first and are indexed only once durable, so an
// acknowledged report survives a crash.
import { AppError } from '../errors.ts';
import { extractFigures } from '../extract/figures.ts';
import type { Figure } from '../extract/types.ts';
import type { Report, ReportInput } from '../ingest/types.ts';
import {
  createFigureIndex,
  type FigureIndex,
  indexFigures,
  queryFigures,
  removeFigures,
} from '../search/figure-index.ts';
import { FigureLookup } from '../search/figure-lookup.ts';
import {
  createPassageIndex,
  indexReport,
  type PassageHit,
  type PassageIndex,
  removeReport,
  savePassageIndex,
  searchPassages,
} from '../search/passage-index.ts';
import { type ReportStore, type StoredReport, storedReportOf } from '../store/types.ts';
import { Interner } from './intern.ts';
import type { CorpusView, FigureFilter, SearchOptions, UpsertStatus } from './port.ts';
import { type PreparedReport, preparationStamp, prepareNow, prepareReport, sameContent } from './prepare.ts';

/** Removed passages below which the passage index is never rebuilt: small corpora are not worth it. */
const COMPACT_AFTER = 500;

export class Corpus implements CorpusView {
  readonly store: ReportStore;
  readonly #reports = new Map<string, Report>();
  readonly #seedIds = new Set<string>();
  readonly #figures = new Map<string, Figure[]>();
  /**
   * The figure table in Orama, filterable by metric, place, year and kind; built on the first
   * /api/figures query, kept up to date from then on. Answers never read it (they use #lookup),
   * so a Worker's cold start does not pay for it.
   */
  #figureIndex: FigureIndex | null = null;
  /** Figures by metric and place in corpus order, for ranking (rankFigures) without a full scan. */
  readonly #lookup = new FigureLookup();
  /** Repeated periods, places, labels: one copy each. */
  readonly #intern = new Interner();
  #index: PassageIndex;
  /** Passages removed from #index since it was built: Orama keeps their tokens and ids (see #compact). */
  #removedPassages = 0;
  /** Writes are serialised so two posts of one id cannot interleave store and index updates. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Stored entries that could not be read on start: reported by /healthz, never served. */
  readonly unreadable: string[] = [];
  /** Stamp of this code's preparation (corpus/prepare.ts): a stored form with it is served as is. */
  #stampValue: string | null = null;
  #stampSeeds: string[] = [];
  /**
   * Computed when first needed (a stored report is read, a report is written): it hashes every
   * seed figure, which costs ~0,6 s when a benchmark opens 1.000 reports as seeds.
   */
  get #stamp(): string {
    this.#stampValue ??= preparationStamp(this.#stampSeeds.map((id) => this.figuresOf(id)));
    return this.#stampValue;
  }
  /** Stored reports that were prepared again on start (their stored form was older): for the start-up log. */
  rebuiltOnOpen = 0;
  /** Those reports, until refreshStored() writes their new prepared form back. */
  #staleStored: { stored: StoredReport; report: Report }[] = [];

  private constructor(store: ReportStore, index: PassageIndex) {
    this.store = store;
    this.#index = index;
  }

  /**
   * Opens a corpus over `store`. Seeds are always present; pass `seedIndex` when the seeds'
   * passages are already in a restored index (the Worker's bundled snapshot), so they are not
   * indexed twice.
   */
  static async open(opts: {
    store: ReportStore;
    seeds: Report[];
    seedIndex?: PassageIndex;
    seedFigures?: Map<string, Figure[]>;
    /**
     * Non-seed reports already in a restored `index` (a shard's persisted snapshot): served and
     * replaceable like stored ones, not indexed again. Requires `index`; then `seedIndex` is unused.
     */
    restored?: { index: PassageIndex; reports: Report[]; figures: Map<string, Figure[]> };
    /**
     * Non-seed reports prepared elsewhere (a shard rebuilt from what the Worker stored in D1/R2):
     * indexed now, never prepared again.
     */
    prepared?: readonly PreparedReport[];
  }): Promise<Corpus> {
    const corpus = new Corpus(opts.store, opts.restored?.index ?? opts.seedIndex ?? createPassageIndex());
    for (const seed of opts.seeds) {
      corpus.#seedIds.add(seed.id);
      corpus.#add(seed, opts.seedIndex === undefined, opts.seedFigures?.get(seed.id));
    }
    corpus.#stampSeeds = opts.seeds.map((s) => s.id);
    for (const report of opts.restored?.reports ?? [])
      corpus.#add(report, false, opts.restored?.figures.get(report.id));
    for (const { report, figures } of opts.prepared ?? []) corpus.#add(report, true, figures);
    const { reports, unreadable } = await opts.store.list();
    corpus.unreadable.push(...unreadable);
    for (const stored of reports) {
      if (corpus.#seedIds.has(stored.id)) continue;
      // Prepared by this very code: served as stored, so a start costs reading, not extraction.
      if (stored.prepared?.by === corpus.#stamp) {
        corpus.#add({ ...stored.prepared.report, text: stored.text }, true, stored.prepared.figures);
        continue;
      }
      // A stored report this version cannot read (it cleans to nothing) is reported, never fatal.
      let prepared: PreparedReport;
      try {
        prepared = prepareNow(toInput(stored));
      } catch {
        corpus.unreadable.push(`${stored.id}.json`);
        continue;
      }
      corpus.rebuiltOnOpen++;
      corpus.prepares++;
      corpus.#add(prepared.report, true, prepared.figures);
      corpus.#staleStored.push({ stored, report: prepared.report });
    }
    return corpus;
  }

  #add(report: Report, index: boolean, figures?: Figure[]) {
    this.#intern.report(report);
    this.#reports.set(report.id, report);
    const extracted = figures ?? extractFigures(report);
    for (const f of extracted) this.#intern.figure(f, report.id);
    this.#figures.set(report.id, extracted);
    this.#lookup.set(report.id, extracted);
    if (this.#figureIndex) indexFigures(this.#figureIndex, report, extracted);
    if (index) indexReport(this.#index, report);
  }

  /** The passage index as a JSON-serialisable snapshot (savePassageIndex), for a shard to persist. */
  saveIndex(): unknown {
    return savePassageIndex(this.#index);
  }

  figuresOf(id: string): Figure[] {
    return this.#figures.get(id) ?? [];
  }

  /** Figures matching every given filter; place matches the figure's place or its report's province. */
  queryFigures(filter: FigureFilter): Figure[] {
    const base = {
      places: filter.place ? [filter.place] : undefined,
      kind: filter.kind,
      year: filter.year,
      reportId: filter.reportId,
    };
    // A metric filter is a lexicon id ("poor_households") or words of a label ("lớp đào tạo nghề").
    const table = this.#figureTable();
    let out = queryFigures(table, { ...base, metrics: filter.metric ? [filter.metric.trim()] : undefined });
    if (filter.metric && out.length === 0) out = queryFigures(table, { ...base, words: filter.metric });
    // In report and text order, as people read them.
    return out.sort((a, b) => (a.reportId === b.reportId ? a.start - b.start : a.reportId < b.reportId ? -1 : 1));
  }

  figuresWithMetrics(metrics: readonly string[]): readonly Figure[] {
    return this.#lookup.withMetrics(metrics);
  }

  figuresAtPlaces(placeKeys: readonly string[]): readonly Figure[] {
    return this.#lookup.atPlaces(placeKeys);
  }

  #figureTable(): FigureIndex {
    if (!this.#figureIndex) {
      const table = createFigureIndex();
      for (const report of this.#reports.values()) indexFigures(table, report, this.figuresOf(report.id));
      this.#figureIndex = table;
    }
    return this.#figureIndex;
  }

  get size() {
    return this.#reports.size;
  }

  passageCount() {
    let n = 0;
    for (const r of this.#reports.values()) n += r.passages.length;
    return n;
  }

  isSeed(id: string) {
    return this.#seedIds.has(id);
  }

  list(): Report[] {
    return [...this.#reports.values()];
  }

  get(id: string): Report | undefined {
    return this.#reports.get(id);
  }

  async search(query: string, opts: SearchOptions = {}): Promise<PassageHit[]> {
    return searchPassages(this.#index, query, opts);
  }

  /** Reports this corpus prepared (built and extracted): on open, and once per upsert. For tests and stats. */
  prepares = 0;

  /** Ingests a report: new (created), same text as stored (unchanged) or new text (replaced). */
  async upsert(
    input: ReportInput,
    opts: { signal?: AbortSignal | undefined } = {},
  ): Promise<{ status: UpsertStatus; report: Report }> {
    // Prepared in full before anything is written: a report over its budget is refused with
    // nothing stored, and preparing gives the event loop back, so other requests go on meanwhile.
    this.prepares++;
    return this.upsertPrepared(await prepareReport(input), input, opts);
  }

  /**
   * Ingests a report already prepared (by prepareReport, e.g. in the Worker in front of a shard),
   * without preparing it again; `meta` is the caller's metadata the store keeps beside it.
   */
  upsertPrepared(
    { report, figures }: PreparedReport,
    meta: Pick<ReportInput, 'title' | 'source' | 'publishedAt'>,
    opts: { signal?: AbortSignal | undefined } = {},
  ): Promise<{ status: UpsertStatus; report: Report }> {
    return this.#serialised(async () => {
      // The client gave up while this waited: storing now would keep a report no response acknowledged.
      if (opts.signal?.aborted)
        throw new AppError(
          'REQUEST_ABORTED',
          `The request for "${report.id}" was closed before the report was stored; nothing was stored. Post it again.`,
        );
      const existing = this.#reports.get(report.id);
      if (this.#seedIds.has(report.id)) {
        if (existing && sameContent(existing, report)) return { status: 'unchanged' as const, report: existing };
        throw new AppError(
          'CONFLICT',
          `"${report.id}" is a bundled sample report (seeds/) and cannot be replaced; post it under another id.`,
        );
      }
      if (existing && sameContent(existing, report)) return { status: 'unchanged' as const, report: existing };
      if (!this.store.writable) {
        throw new AppError(
          'STORAGE_UNAVAILABLE',
          `This deployment has no durable report storage (${this.store.description}); ingest reports on a server with a data directory.`,
        );
      }
      const { text: _text, ...rest } = report;
      const stored = { ...storedReportOf(report, meta), prepared: { by: this.#stamp, report: rest, figures } };
      await this.store.put(stored);
      if (existing) this.#unindex(existing);
      this.#add(report, true, figures);
      if (existing) this.#compactIfWorth();
      return { status: existing ? ('replaced' as const) : ('created' as const), report };
    });
  }

  /** Removes a report from the store, the index and memory; false when there was none. */
  remove(id: string): Promise<boolean> {
    return this.#serialised(async () => {
      if (this.#seedIds.has(id)) {
        throw new AppError('CONFLICT', `"${id}" is a bundled sample report (seeds/) and cannot be deleted.`);
      }
      if (!this.#reports.has(id)) return false;
      if (!this.store.writable) {
        throw new AppError(
          'STORAGE_UNAVAILABLE',
          `This deployment has no durable report storage (${this.store.description}).`,
        );
      }
      await this.store.delete(id);
      this.#unindex(this.#reports.get(id) as Report);
      this.#reports.delete(id);
      this.#figures.delete(id);
      this.#lookup.delete(id);
      if (this.#figureIndex) removeFigures(this.#figureIndex, id);
      this.#compactIfWorth();
      return true;
    });
  }

  /**
   * Writes back the prepared form of the reports this start had to prepare again, so the next
   * start serves them as stored. Runs after the server is up, one write at a time in the write
   * queue; a report replaced or deleted meanwhile is left as it is.
   * @returns how many stored forms were renewed.
   */
  async refreshStored(): Promise<number> {
    const stale = this.#staleStored;
    this.#staleStored = [];
    let renewed = 0;
    for (const { stored, report } of stale) {
      await this.#serialised(async () => {
        if (this.#reports.get(report.id) !== report || !this.store.writable) return;
        const { text: _text, ...rest } = report;
        await this.store.put({
          ...stored,
          prepared: { by: this.#stamp, report: rest, figures: this.figuresOf(report.id) },
        });
        renewed++;
      });
    }
    return renewed;
  }

  #unindex(report: Report) {
    removeReport(this.#index, report.id);
    this.#removedPassages += report.passages.length;
  }

  /**
   * Orama's remove leaves the removed passages' tokens in its radix trees and their ids in its id
   * store: after ingesting and deleting 2.000 reports the heap stayed 28 MB above its start
   * (issue 15). Once as many passages were removed as are left (and at least COMPACT_AFTER), the
   * index is rebuilt from the reports served, so memory comes back; each rebuild re-indexes at
   * most as many passages as were removed since the last, so it costs at most one insert per removal.
   */
  #compactIfWorth() {
    const live = this.passageCount();
    if (this.#removedPassages < Math.max(COMPACT_AFTER, live)) return;
    const fresh = createPassageIndex();
    for (const report of this.#reports.values()) indexReport(fresh, report);
    this.#index = fresh;
    this.#removedPassages = 0;
    this.compactions++;
  }

  /** Times the passage index was rebuilt to shed removed passages (for tests and /healthz). */
  compactions = 0;

  #serialised<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function toInput(s: StoredReport): ReportInput {
  return { id: s.id, text: s.text, title: s.title, source: s.source, publishedAt: s.publishedAt };
}
