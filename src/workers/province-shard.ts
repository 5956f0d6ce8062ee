// ProvinceShard: the Durable Object holding one province's reports (or the "national" ones) as a
// Corpus in memory. Its passage index is persisted in the object's own storage, chunked under the
// 128 KiB value limit, and rebuilt from D1/R2 when missing or written by another index format.
import { DurableObject } from 'cloudflare:workers';
import { Corpus } from '../corpus/corpus.ts';
import type { PreparedReport } from '../corpus/prepare.ts';
import type { UpsertStatus } from '../corpus/port.ts';
import type { Figure } from '../extract/types.ts';
import type { Report } from '../ingest/types.ts';
import { INDEX_FORMAT_VERSION, loadPassageIndex, type PassageHit } from '../search/passage-index.ts';
import { MemoryStore } from '../store/memory-store.ts';
import type { DurableObjectState, ShardBindings } from './cf-types.ts';
import { type ShardReport, selectReports } from './select.ts';
import { RemoveInput, SearchInput, SelectInput, ShardInput, type ShardRpc, type ShardStats, UpsertInput } from './shard-rpc.ts';
import { WorkersStore } from './workers-store.ts';

/** Bumped when the snapshot's own shape changes; the passage index carries INDEX_FORMAT_VERSION. */
export const SHARD_SNAPSHOT_FORMAT = 1;
/** Characters per stored chunk: at most 2 bytes each, so a chunk stays under 128 KiB. */
export const CHUNK_CHARS = 60_000;

interface SnapshotMeta {
  format: number;
  indexVersion: number;
  gen: number;
  chunks: number;
  chars: number;
}

interface Snapshot {
  reports: Report[];
  figures: [string, Figure[]][];
  index: unknown;
}

export class ProvinceShard extends DurableObject<ShardBindings> implements ShardRpc {
  #corpus: Corpus | undefined;
  #name = '';
  #stats: Pick<ShardStats, 'loadedFrom' | 'loadMs' | 'snapshotChars'> = { loadedFrom: 'rebuild', loadMs: 0, snapshotChars: 0 };
  #saving: Promise<unknown> = Promise.resolve();
  readonly #state: DurableObjectState;

  constructor(state: DurableObjectState, env: ShardBindings) {
    super(state, env);
    this.#state = state;
  }

  async select(input: SelectInput): Promise<ShardReport[]> {
    const { shard, texts, perVariant } = SelectInput.parse(input);
    const corpus = await this.#open(shard);
    // Safe: selectReports returns ids of reports this corpus holds.
    return selectReports(corpus, texts, perVariant).map((id) => ({ report: corpus.get(id) as Report, figures: corpus.figuresOf(id) }));
  }

  async search(input: SearchInput): Promise<PassageHit[]> {
    const { shard, query, limit, reportId } = SearchInput.parse(input);
    return (await this.#open(shard)).search(query, { limit, ...(reportId ? { reportId } : {}) });
  }

  async upsert(input: { shard: string; prepared: PreparedReport; meta: { title?: string | undefined; source?: string | undefined; publishedAt?: string | undefined } }): Promise<UpsertStatus> {
    const { shard, meta } = UpsertInput.parse(input);
    const corpus = await this.#open(shard);
    // Safe: zod checked the envelope above; the rest is what prepareReport made in this Worker.
    const { status } = await corpus.upsertPrepared(input.prepared, meta);
    if (status !== 'unchanged') await this.#save();
    return status;
  }

  async remove(input: { shard: string; id: string }): Promise<boolean> {
    const { shard, id } = RemoveInput.parse(input);
    const corpus = await this.#open(shard);
    const removed = await corpus.remove(id);
    if (removed) await this.#save();
    return removed;
  }

  async stats(input: { shard: string }): Promise<ShardStats> {
    const corpus = await this.#open(ShardInput.parse(input).shard);
    let figures = 0;
    for (const r of corpus.list()) figures += corpus.figuresOf(r.id).length;
    return { shard: this.#name, reports: corpus.size, passages: corpus.passageCount(), figures, prepared: corpus.prepares, ...this.#stats };
  }

  async #open(name: string): Promise<Corpus> {
    if (this.#corpus) return this.#corpus;
    return this.#state.blockConcurrencyWhile(async () => {
      if (this.#corpus) return this.#corpus;
      const t0 = Date.now();
      this.#name = name || ((await this.#state.storage.get<string>('name')) ?? '');
      if (name) await this.#state.storage.put('name', name);
      const restored = await this.#loadSnapshot();
      if (restored) {
        this.#corpus = await Corpus.open({ store: new MemoryStore(), seeds: [], restored });
        this.#stats.loadedFrom = 'snapshot';
      } else {
        // What the Worker prepared and stored in D1/R2, indexed as it is: nothing is prepared again.
        const { reports } = await new WorkersStore(this.env.DB, this.env.REPORTS).listPrepared(this.#name);
        this.#corpus = await Corpus.open({ store: new MemoryStore(), seeds: [], prepared: reports });
        this.#stats.loadedFrom = 'rebuild';
        await this.#save();
      }
      this.#stats.loadMs = Date.now() - t0;
      return this.#corpus;
    });
  }

  async #loadSnapshot(): Promise<Parameters<typeof Corpus.open>[0]['restored'] | null> {
    const storage = this.#state.storage;
    const meta = await storage.get<SnapshotMeta>('snap:meta');
    if (!meta || meta.format !== SHARD_SNAPSHOT_FORMAT || meta.indexVersion !== INDEX_FORMAT_VERSION) return null;
    const keys = Array.from({ length: meta.chunks }, (_, i) => `snap:${meta.gen}:${i}`);
    let json = '';
    for (let i = 0; i < keys.length; i += 128) {
      const got = await storage.get<string>(keys.slice(i, i + 128));
      for (const k of keys.slice(i, i + 128)) {
        const part = got.get(k);
        if (part === undefined) return null;
        json += part;
      }
    }
    try {
      // Safe: written by #save from this shape; a malformed index throws and we rebuild.
      const snap = JSON.parse(json) as Snapshot;
      this.#stats.snapshotChars = json.length;
      return { index: loadPassageIndex(snap.index, snap.reports), reports: snap.reports, figures: new Map(snap.figures) };
    } catch {
      return null;
    }
  }

  /** Writes a new generation of chunks, then the meta that points at it, then drops the old one. */
  #save(): Promise<unknown> {
    const run = this.#saving.then(async () => {
      const corpus = this.#corpus;
      if (!corpus) return;
      const storage = this.#state.storage;
      const reports = corpus.list();
      const snap: Snapshot = { reports, figures: reports.map((r) => [r.id, corpus.figuresOf(r.id)]), index: corpus.saveIndex() };
      const json = JSON.stringify(snap);
      const old = await storage.get<SnapshotMeta>('snap:meta');
      const gen = (old?.gen ?? 0) + 1;
      const chunks = Math.ceil(json.length / CHUNK_CHARS);
      for (let i = 0; i < chunks; i += 100) {
        const entries: Record<string, string> = {};
        for (let j = i; j < Math.min(chunks, i + 100); j++) entries[`snap:${gen}:${j}`] = json.slice(j * CHUNK_CHARS, (j + 1) * CHUNK_CHARS);
        await storage.put(entries);
      }
      await storage.put('snap:meta', { format: SHARD_SNAPSHOT_FORMAT, indexVersion: INDEX_FORMAT_VERSION, gen, chunks, chars: json.length } satisfies SnapshotMeta);
      this.#stats.snapshotChars = json.length;
      if (old) {
        const stale = Array.from({ length: old.chunks }, (_, i) => `snap:${old.gen}:${i}`);
        for (let i = 0; i < stale.length; i += 128) await storage.delete(stale.slice(i, i + 128));
      }
    });
    this.#saving = run.catch(() => undefined);
    return run;
  }
}
