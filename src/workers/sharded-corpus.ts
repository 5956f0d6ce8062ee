// ShardedCorpus: the corpus of the national deployment. Seeds stay in the Worker (the bundled
// index); accepted reports live in R2 (text) and D1 (metadata, figures), and each is indexed in the
// Durable Object of its province. Routes see the same CorpusLike as on Node.
import { type Corpus, CorpusError, type CorpusLike, type FigureFilter, type SearchOptions, type UpsertStatus } from '../corpus/corpus.ts';
import { extractFigures } from '../extract/figures.ts';
import type { Figure } from '../extract/types.ts';
import { buildReport } from '../ingest/build-report.ts';
import type { Report, ReportInput } from '../ingest/types.ts';
import type { PassageHit } from '../search/passage-index.ts';
import { allShards, countReports, ensureSchema, figuresOfReport, listReportRows, queryFigureRows, shardsHolding } from './d1-figures.ts';
import { storedReportOf } from '../store/types.ts';
import { contentHash, metaOf, WorkersStore } from './workers-store.ts';
import type { ShardBindings } from './cf-types.ts';
import type { ShardStats } from './province-shard.ts';
import type { Route } from './router.ts';
import { shardOfPlace } from './router.ts';
import { type ShardReport, selectReports } from './select.ts';

export class ShardedCorpus implements CorpusLike {
  readonly store: WorkersStore;
  readonly unreadable: readonly string[] = [];
  readonly #seedOrder: Map<string, number>;

  constructor(
    private readonly env: ShardBindings,
    /** The bundled seeds, read-only, served from the Worker itself. */
    readonly seeds: Corpus,
  ) {
    this.store = new WorkersStore(env.DB, env.REPORTS);
    this.#seedOrder = new Map(seeds.list().map((r, i) => [r.id, i]));
  }

  get size(): Promise<number> {
    return ensureSchema(this.env.DB)
      .then(() => countReports(this.env.DB))
      .then((c) => this.seeds.size + c.reports);
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
      return row ? this.#call<{ hits: PassageHit[] }>(row.shard, 'search', { query, limit, reportId: opts.reportId }).then((r) => r.hits) : [];
    }
    await ensureSchema(this.env.DB);
    const parts = await Promise.all([
      this.seeds.search(query, { limit }),
      ...(await allShards(this.env.DB)).map((s) => this.#call<{ hits: PassageHit[] }>(s, 'search', { query, limit }).then((r) => r.hits)),
    ]);
    return parts.flat().sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
  }

  /** Stores the report (R2, then D1), then indexes it in its province's shard. */
  async upsert(input: ReportInput): Promise<{ status: UpsertStatus; report: Report }> {
    const report = buildReport(input);
    if (this.seeds.isSeed(report.id)) return this.seeds.upsert(input);
    const hash = await contentHash(report);
    const existing = await this.store.row(report.id);
    if (existing && existing.content_hash === hash) return { status: 'unchanged', report };
    const stored = storedReportOf(report, input);
    const shard = shardOfPlace(report.place);
    await this.store.putBuilt(stored, report, extractFigures(report));
    // A new text may name another province: the report leaves its old shard.
    if (existing && existing.shard !== shard) await this.#call(existing.shard, 'remove', { id: report.id });
    await this.#call(shard, 'upsert', { stored });
    return { status: existing ? 'replaced' : 'created', report };
  }

  /** Removes the report from D1, R2 and its shard; false when there was none. */
  async remove(id: string): Promise<boolean> {
    if (this.seeds.isSeed(id)) throw new CorpusError('SEED_READ_ONLY', `"${id}" is a bundled sample report (seeds/) and cannot be deleted.`);
    const row = await this.store.row(id);
    if (!row) return false;
    await this.store.delete(id);
    await this.#call(row.shard, 'remove', { id });
    return true;
  }

  /** The shards a routed question needs: those holding figures of its places or reports of their provinces. */
  async shardsFor(route: Route): Promise<string[]> {
    await ensureSchema(this.env.DB);
    if (route.scope === 'all') return allShards(this.env.DB);
    const keys = [...new Set(route.places.flatMap((p) => [p.key, ...p.names]))];
    const provinces = [...new Set(route.places.map((p) => p.provinceCode))];
    return shardsHolding(this.env.DB, keys, provinces);
  }

  /** The reports the seeds and `shards` offer for these question texts, in the Node corpus's order. */
  async select(shards: string[], texts: string[]): Promise<ShardReport[]> {
    const local = selectReports(this.seeds, texts).map((id) => ({ report: this.seeds.get(id) as Report, figures: this.seeds.figuresOf(id) }));
    const remote = await Promise.all(shards.map((s) => this.#call<{ reports: ShardReport[] }>(s, 'select', { texts }).then((r) => r.reports)));
    return [...local, ...remote.flat()];
  }

  /** Seeds first in their bundled order, then stored reports by id: the order a Node server (file store) lists them in. */
  readonly order = (a: Report, b: Report): number => {
    const sa = this.#seedOrder.get(a.id) ?? Number.MAX_SAFE_INTEGER;
    const sb = this.#seedOrder.get(b.id) ?? Number.MAX_SAFE_INTEGER;
    return sa - sb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };

  async stats(): Promise<ShardStats[]> {
    await ensureSchema(this.env.DB);
    return Promise.all((await allShards(this.env.DB)).map((s) => this.#call<ShardStats>(s, 'stats', {})));
  }

  async #call<T>(shard: string, op: string, body: unknown): Promise<T> {
    const stub = this.env.SHARDS.get(this.env.SHARDS.idFromName(shard));
    const res = await stub.fetch(`https://shard/${op}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shard': shard }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`shard ${shard} ${op}: HTTP ${res.status} ${await res.text()}`);
    // Safe: ProvinceShard answers each operation with this shape.
    return (await res.json()) as T;
  }
}
