// ShardedCorpus: the corpus of the national deployment, behind the same port as on Node. Seeds
// stay in the Worker (the bundled index); a posted report is prepared here, once, stored in R2
// (text) and D1 (metadata, figures), and indexed as prepared in the Durable Object of its province.

import { parseQuestion } from '../answer/question.ts';
import { type Constraints, constraintsOf } from '../answer/retrieve.ts';
import type { Corpus } from '../corpus/corpus.ts';
import type { CorpusPort, CorpusView, FigureFilter, SearchOptions, UpsertStatus, ViewScope } from '../corpus/port.ts';
import { contentHash, prepareReport } from '../corpus/prepare.ts';
import { AppError } from '../errors.ts';
import type { Figure } from '../extract/types.ts';
import type { Report, ReportInput } from '../ingest/types.ts';
import type { PassageHit } from '../search/passage-index.ts';
import { storedReportOf } from '../store/types.ts';
import type { ShardBindings } from './cf-types.ts';
import {
  allShards,
  countReports,
  ensureSchema,
  figuresOfReport,
  listReportRows,
  queryFigureRows,
  shardsHolding,
} from './d1-figures.ts';
import { type Route, routeParsed, shardOfPlace } from './router.ts';
import { mergedView, type ShardReport, selectReports } from './select.ts';
import type { ShardRpc, ShardStats } from './shard-rpc.ts';
import { metaOf, WorkersStore } from './workers-store.ts';

export class ShardedCorpus implements CorpusPort {
  readonly store: WorkersStore;
  readonly unreadable: readonly string[] = [];
  readonly #seedOrder: Map<string, number>;
  /** Reports this isolate prepared (prepareReport): one per post that reaches a shard. For /admin/shards and tests. */
  prepared = 0;

  constructor(
    private readonly env: ShardBindings<ShardRpc>,
    /** The bundled seeds, read-only, served from the Worker itself. */
    readonly seeds: Corpus,
  ) {
    this.store = new WorkersStore(env.DB, env.REPORTS);
    this.#seedOrder = new Map(seeds.list().map((r, i) => [r.id, i]));
  }

  async size(): Promise<number> {
    await ensureSchema(this.env.DB);
    return this.seeds.size + (await countReports(this.env.DB)).reports;
  }

  async passageCount(): Promise<number> {
    await ensureSchema(this.env.DB);
    return this.seeds.passageCount() + (await countReports(this.env.DB)).passages;
  }

  isSeed(id: string): boolean {
    return this.seeds.isSeed(id);
  }

  async list(): Promise<Report[]> {
    await ensureSchema(this.env.DB);
    const rows = await listReportRows(this.env.DB);
    return [...this.seeds.list(), ...rows.map((row) => ({ ...metaOf(row), text: '' }))];
  }

  async get(id: string): Promise<Report | undefined> {
    if (this.seeds.isSeed(id)) return this.seeds.get(id);
    const row = await this.store.row(id);
    if (!row) return undefined;
    const text = await this.store.text(id);
    return text === null ? undefined : { ...metaOf(row), text };
  }

  async figuresOf(id: string): Promise<Figure[]> {
    if (this.seeds.isSeed(id)) return this.seeds.figuresOf(id);
    await ensureSchema(this.env.DB);
    return figuresOfReport(this.env.DB, id);
  }

  async queryFigures(filter: FigureFilter): Promise<Figure[]> {
    await ensureSchema(this.env.DB);
    return [...this.seeds.queryFigures(filter), ...(await queryFigureRows(this.env.DB, filter))];
  }

  /** Every shard (and the seeds) searched, hits merged by score. */
  async search(query: string, opts: SearchOptions = {}): Promise<PassageHit[]> {
    const limit = opts.limit ?? 10;
    if (opts.reportId) {
      if (this.seeds.isSeed(opts.reportId)) return this.seeds.search(query, opts);
      const row = await this.store.row(opts.reportId);
      return row ? this.#shard(row.shard).search({ shard: row.shard, query, limit, reportId: opts.reportId }) : [];
    }
    await ensureSchema(this.env.DB);
    const parts = await Promise.all([
      this.seeds.search(query, { limit }),
      ...(await allShards(this.env.DB)).map((shard) => this.#shard(shard).search({ shard, query, limit })),
    ]);
    return parts
      .flat()
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  /**
   * The seeds' and the shards' reports that could hold the answer to these question texts, merged
   * in the Node corpus's order: from the shards the question's places route to, or every shard.
   */
  async view(texts: readonly string[], scope: ViewScope = 'routed'): Promise<CorpusView> {
    const { route, asked } = this.#parsed(texts);
    const shards = await this.#shardsFor(scope === 'all' ? { scope: 'all', places: [], shards: [] } : route);
    return mergedView(await this.#select(shards, asked), this.#order);
  }

  /** The route of these question texts. */
  routeOf(texts: readonly string[]): Route {
    return this.#parsed(texts).route;
  }

  /**
   * Each text parsed once, into its route and what it asks (sent to the shards, which so parse
   * nothing); the last texts' are kept, as the assistant asks again for them (the fallback).
   */
  #parsed(texts: readonly string[]): { route: Route; asked: Constraints[] } {
    const key = texts.join('\n');
    if (this.#last?.key !== key) {
      const questions = texts.map((t) => parseQuestion(t));
      const [question, previous] = questions;
      const route: Route = question ? routeParsed(question, previous) : { scope: 'all', places: [], shards: [] };
      this.#last = { key, route, asked: questions.map(constraintsOf) };
    }
    return this.#last;
  }

  #last: { key: string; route: Route; asked: Constraints[] } | undefined;

  /** Prepares the report once, stores it (R2, then D1), then indexes the prepared form in its province's shard. */
  async upsert(input: ReportInput): Promise<{ status: UpsertStatus; report: Report }> {
    if (this.seeds.isSeed(input.id)) return this.seeds.upsert(input);
    this.prepared++;
    const prepared = await prepareReport(input);
    const { report } = prepared;
    const hash = await contentHash(report);
    const existing = await this.store.row(report.id);
    if (existing && existing.content_hash === hash) return { status: 'unchanged', report };
    const stored = storedReportOf(report, input);
    const shard = shardOfPlace(report.place);
    await this.store.put(stored, prepared, shard, hash);
    // A new text may name another province: the report leaves its old shard.
    if (existing && existing.shard !== shard)
      await this.#shard(existing.shard).remove({ shard: existing.shard, id: report.id });
    await this.#shard(shard).upsert({
      shard,
      prepared,
      meta: { title: input.title, source: input.source, publishedAt: input.publishedAt },
    });
    return { status: existing ? 'replaced' : 'created', report };
  }

  /** Removes the report from D1, R2 and its shard; false when there was none. */
  async remove(id: string): Promise<boolean> {
    if (this.seeds.isSeed(id))
      throw new AppError('CONFLICT', `"${id}" is a bundled sample report (seeds/) and cannot be deleted.`);
    const row = await this.store.row(id);
    if (!row) return false;
    await this.store.delete(id);
    await this.#shard(row.shard).remove({ shard: row.shard, id });
    return true;
  }

  async stats(): Promise<ShardStats[]> {
    await ensureSchema(this.env.DB);
    return Promise.all((await allShards(this.env.DB)).map((shard) => this.#shard(shard).stats({ shard })));
  }

  /** The shards a routed question needs: those holding figures of its places or reports of their provinces. */
  async #shardsFor(route: Route): Promise<string[]> {
    await ensureSchema(this.env.DB);
    if (route.scope === 'all') return allShards(this.env.DB);
    const keys = [...new Set(route.places.flatMap((p) => [p.key, ...p.names]))];
    const provinces = [...new Set(route.places.map((p) => p.provinceCode))];
    return shardsHolding(this.env.DB, keys, provinces);
  }

  /** The reports the seeds and `shards` offer for what the question texts ask. */
  async #select(shards: string[], asked: Constraints[]): Promise<ShardReport[]> {
    // Safe: selectReports returns ids of reports the seeds hold.
    const local = selectReports(this.seeds, asked).map((id) => ({
      report: this.seeds.get(id) as Report,
      figures: this.seeds.figuresOf(id),
    }));
    const remote = await Promise.all(shards.map((shard) => this.#shard(shard).select({ shard, asked })));
    return [...local, ...remote.flat()];
  }

  /** Seeds first in their bundled order, then stored reports by id: the order a Node server (file store) lists them in. */
  readonly #order = (a: Report, b: Report): number => {
    const sa = this.#seedOrder.get(a.id) ?? Number.MAX_SAFE_INTEGER;
    const sb = this.#seedOrder.get(b.id) ?? Number.MAX_SAFE_INTEGER;
    return sa - sb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };

  #shard(name: string): ShardRpc {
    return this.env.SHARDS.get(this.env.SHARDS.idFromName(name));
  }
}
