// ProvinceShard: the Durable Object holding one province's reports (or the "national" ones) as a
// Corpus in memory. Its passage index is persisted in the object's own storage, chunked under the
// 128 KiB value limit, and rebuilt from D1/R2 when missing or written by another index format.
// A write adds one journal entry (the report as prepared, or its removal) instead of re-serialising
// the shard; a start loads the last snapshot and replays the journal, and the journal is folded
// into a new snapshot once it is long (MAX_JOURNAL entries, or as large as the snapshot).
import { DurableObject } from 'cloudflare:workers';
import type { z } from 'zod';
import type { Constraints } from '../answer/retrieve.ts';
import { Corpus } from '../corpus/corpus.ts';
import type { UpsertStatus } from '../corpus/port.ts';
import type { PreparedReport } from '../corpus/prepare.ts';
import type { Figure } from '../extract/types.ts';
import type { Report } from '../ingest/types.ts';
import { INDEX_FORMAT_VERSION, loadPassageIndex, type PassageHit } from '../search/passage-index.ts';
import { MemoryStore } from '../store/memory-store.ts';
import type { DurableObjectState, ShardBindings } from './cf-types.ts';
import { type ShardReport, selectReports } from './select.ts';
import {
  RemoveInput,
  SearchInput,
  SelectInput,
  ShardInput,
  type ShardRpc,
  type ShardStats,
  UpsertInput,
} from './shard-rpc.ts';
import { deleteChunks, readChunks, writeChunks } from './shard-storage.ts';
import { WorkersStore } from './workers-store.ts';

/** Bumped when the snapshot's own shape changes; the passage index carries INDEX_FORMAT_VERSION. */
export const SHARD_SNAPSHOT_FORMAT = 2;
/** Journal entries after which the next write folds them into a new snapshot. */
export const MAX_JOURNAL = 32;

interface SnapshotMeta {
  format: number;
  indexVersion: number;
  gen: number;
  chunks: number;
  chars: number;
  /** The chunk count of each journal entry written since this snapshot (`log:<gen>:<n>:<i>`), in order. */
  journal: number[];
  journalChars: number;
}

type JournalEntry =
  | { op: 'upsert'; prepared: PreparedReport; meta: z.infer<typeof UpsertInput>['meta'] }
  | { op: 'remove'; id: string };

interface Snapshot {
  reports: Report[];
  figures: [string, Figure[]][];
  index: unknown;
}

export class ProvinceShard extends DurableObject<ShardBindings> implements ShardRpc {
  #corpus: Corpus | undefined;
  #name = '';
  #stats: Pick<ShardStats, 'loadedFrom' | 'loadMs' | 'snapshotChars' | 'journal'> = {
    loadedFrom: 'rebuild',
    loadMs: 0,
    snapshotChars: 0,
    journal: 0,
  };
  #saving: Promise<unknown> = Promise.resolve();
  readonly #state: DurableObjectState;

  constructor(state: DurableObjectState, env: ShardBindings) {
    super(state, env);
    this.#state = state;
  }

  async select(input: { shard: string; asked: Constraints[]; perVariant?: number }): Promise<ShardReport[]> {
    const { shard, perVariant } = SelectInput.parse(input);
    const corpus = await this.#open(shard);
    // Safe: zod checked the envelope of `asked`; selectReports returns ids of reports this corpus holds.
    return selectReports(corpus, input.asked, perVariant).map((id) => ({
      report: corpus.get(id) as Report,
      figures: corpus.figuresOf(id),
    }));
  }

  async search(input: SearchInput): Promise<PassageHit[]> {
    const { shard, query, limit, reportId } = SearchInput.parse(input);
    return (await this.#open(shard)).search(query, { limit, ...(reportId ? { reportId } : {}) });
  }

  async upsert(input: {
    shard: string;
    prepared: PreparedReport;
    meta: { title?: string | undefined; source?: string | undefined; publishedAt?: string | undefined };
  }): Promise<UpsertStatus> {
    const { shard, meta } = UpsertInput.parse(input);
    const corpus = await this.#open(shard);
    // Safe: zod checked the envelope above; the rest is what prepareReport made in this Worker.
    const { status } = await corpus.upsertPrepared(input.prepared, meta);
    if (status !== 'unchanged') await this.#record({ op: 'upsert', prepared: input.prepared, meta });
    return status;
  }

  async remove(input: { shard: string; id: string }): Promise<boolean> {
    const { shard, id } = RemoveInput.parse(input);
    const corpus = await this.#open(shard);
    const removed = await corpus.remove(id);
    if (removed) await this.#record({ op: 'remove', id });
    return removed;
  }

  async stats(input: { shard: string }): Promise<ShardStats> {
    const corpus = await this.#open(ShardInput.parse(input).shard);
    let figures = 0;
    for (const r of corpus.list()) figures += corpus.figuresOf(r.id).length;
    return {
      shard: this.#name,
      reports: corpus.size,
      passages: corpus.passageCount(),
      figures,
      prepared: corpus.prepares,
      ...this.#stats,
    };
  }

  async #open(name: string): Promise<Corpus> {
    if (this.#corpus) return this.#corpus;
    return this.#state.blockConcurrencyWhile(async () => {
      if (this.#corpus) return this.#corpus;
      const t0 = Date.now();
      this.#name = name || ((await this.#state.storage.get<string>('name')) ?? '');
      if (name) await this.#state.storage.put('name', name);
      const loaded = await this.#loadSnapshot();
      if (loaded) {
        const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [], restored: loaded.restored });
        // The writes since the snapshot, in order; each report as prepared, so nothing is prepared again.
        for (const entry of loaded.journal) {
          if (entry.op === 'upsert') await corpus.upsertPrepared(entry.prepared, entry.meta);
          else await corpus.remove(entry.id);
        }
        this.#corpus = corpus;
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

  async #loadSnapshot(): Promise<{
    restored: NonNullable<Parameters<typeof Corpus.open>[0]['restored']>;
    journal: JournalEntry[];
  } | null> {
    const storage = this.#state.storage;
    const meta = await storage.get<SnapshotMeta>('snap:meta');
    if (!meta || meta.format !== SHARD_SNAPSHOT_FORMAT || meta.indexVersion !== INDEX_FORMAT_VERSION) return null;
    const json = await readChunks(storage, `snap:${meta.gen}`, meta.chunks);
    if (json === null) return null;
    const journal: JournalEntry[] = [];
    for (const [n, chunks] of meta.journal.entries()) {
      const entry = await readChunks(storage, `log:${meta.gen}:${n}`, chunks);
      if (entry === null) return null;
      // Safe: written by #record from this shape.
      journal.push(JSON.parse(entry) as JournalEntry);
    }
    try {
      // Safe: written by #snapshot from this shape; a malformed index throws and we rebuild.
      const snap = JSON.parse(json) as Snapshot;
      this.#stats.snapshotChars = json.length;
      this.#stats.journal = journal.length;
      return {
        restored: {
          index: loadPassageIndex(snap.index, snap.reports),
          reports: snap.reports,
          figures: new Map(snap.figures),
        },
        journal,
      };
    } catch {
      return null;
    }
  }

  /** Writes the whole shard as a new snapshot: after a rebuild from D1/R2. */
  #save(): Promise<unknown> {
    return this.#serialised(() => this.#snapshot());
  }

  /**
   * Adds one write to the journal: its chunks first, then the meta that counts them, so a crash
   * in between leaves the journal as it was. A long journal is folded into a new snapshot instead.
   */
  #record(entry: JournalEntry): Promise<unknown> {
    return this.#serialised(async () => {
      const storage = this.#state.storage;
      const meta = await storage.get<SnapshotMeta>('snap:meta');
      const json = JSON.stringify(entry);
      if (!meta || meta.journal.length >= MAX_JOURNAL || meta.journalChars + json.length > meta.chars)
        return this.#snapshot();
      const chunks = await writeChunks(storage, `log:${meta.gen}:${meta.journal.length}`, json);
      await storage.put('snap:meta', {
        ...meta,
        journal: [...meta.journal, chunks],
        journalChars: meta.journalChars + json.length,
      } satisfies SnapshotMeta);
      this.#stats.journal = meta.journal.length + 1;
    });
  }

  /** Writes a new generation of chunks, then the meta that points at it, then drops the old one and its journal. */
  async #snapshot(): Promise<void> {
    const corpus = this.#corpus;
    if (!corpus) return;
    const storage = this.#state.storage;
    const reports = corpus.list();
    const snap: Snapshot = {
      reports,
      figures: reports.map((r) => [r.id, corpus.figuresOf(r.id)]),
      index: corpus.saveIndex(),
    };
    const json = JSON.stringify(snap);
    const old = await storage.get<SnapshotMeta>('snap:meta');
    const gen = (old?.gen ?? 0) + 1;
    const chunks = await writeChunks(storage, `snap:${gen}`, json);
    await storage.put('snap:meta', {
      format: SHARD_SNAPSHOT_FORMAT,
      indexVersion: INDEX_FORMAT_VERSION,
      gen,
      chunks,
      chars: json.length,
      journal: [],
      journalChars: 0,
    } satisfies SnapshotMeta);
    this.#stats.snapshotChars = json.length;
    this.#stats.journal = 0;
    if (old) {
      await deleteChunks(storage, `snap:${old.gen}`, old.chunks);
      for (const [n, count] of (old.journal ?? []).entries()) await deleteChunks(storage, `log:${old.gen}:${n}`, count);
    }
  }

  #serialised(fn: () => Promise<unknown>): Promise<unknown> {
    const run = this.#saving.then(fn);
    this.#saving = run.catch(() => undefined);
    return run;
  }
}
