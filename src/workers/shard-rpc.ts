// The interface of a province shard (the ProvinceShard Durable Object) as the Worker calls it over
// RPC: one typed method per operation, each input a zod schema the shard parses at its boundary
// (an RPC argument is whatever the caller cloned, so the shard checks it before trusting it).
import { z } from 'zod';
import type { Constraints } from '../answer/retrieve.ts';
import type { UpsertStatus } from '../corpus/port.ts';
import type { PreparedReport } from '../corpus/prepare.ts';
import type { PassageHit } from '../search/passage-index.ts';
import type { ShardReport } from './select.ts';

export interface ShardStats {
  shard: string;
  reports: number;
  passages: number;
  figures: number;
  snapshotChars: number;
  /** How this instance got its index: from its stored snapshot, or rebuilt from D1/R2. */
  loadedFrom: 'snapshot' | 'rebuild';
  loadMs: number;
  /** Writes kept as journal entries since the last full snapshot. */
  journal: number;
  /** Reports this instance prepared (built and extracted): 0, since the Worker prepares them. */
  prepared: number;
}

const Name = z.string().min(1).max(64);

/**
 * What the question, then the user turn before it, ask (answer/retrieve.ts Constraints), as the
 * Worker parsed them. zod checks the fields ranking indexes by; the rest is the Worker's own output.
 */
const Asked = z.looseObject({
  metrics: z.array(z.string()),
  places: z.array(z.looseObject({ key: z.string(), names: z.array(z.string()), provinceCode: z.string() })),
  wantsTarget: z.boolean(),
  wantsChange: z.boolean(),
  words: z.array(z.string()),
  anchors: z.array(z.number()),
  groups: z.array(z.string()),
});

export const SelectInput = z.object({
  shard: Name,
  asked: z.array(Asked).min(1).max(2),
  perVariant: z.number().int().positive().optional(),
});

export const SearchInput = z.object({
  shard: Name,
  query: z.string().max(4000),
  limit: z.number().int().min(1).max(100),
  reportId: z.string().optional(),
});
export type SearchInput = z.infer<typeof SearchInput>;

/** The caller's metadata the shard's store keeps beside a report. */
const Meta = z.object({
  title: z.string().optional(),
  source: z.string().optional(),
  publishedAt: z.string().optional(),
});

/**
 * A report the Worker prepared (corpus/prepare.ts). zod checks the envelope: the fields the shard
 * indexes by; the rest is the Worker's own output, made by the same code.
 */
const Prepared = z.object({
  report: z.looseObject({
    id: z.string(),
    text: z.string(),
    passages: z.array(z.looseObject({ start: z.number(), end: z.number() })),
  }),
  figures: z.array(z.looseObject({ reportId: z.string(), start: z.number(), end: z.number() })),
});

export const UpsertInput = z.object({ shard: Name, prepared: Prepared, meta: Meta });

export const RemoveInput = z.object({ shard: Name, id: z.string().min(1) });
export const ShardInput = z.object({ shard: Name });

/** What the Worker may call on a shard; every input names its shard (an object learns its name from its first call). */
export interface ShardRpc {
  select(input: { shard: string; asked: Constraints[]; perVariant?: number }): Promise<ShardReport[]>;
  search(input: SearchInput): Promise<PassageHit[]>;
  /** Indexes a report the Worker prepared and stored in D1/R2; the shard does not prepare it again. */
  upsert(input: { shard: string; prepared: PreparedReport; meta: z.infer<typeof Meta> }): Promise<UpsertStatus>;
  remove(input: { shard: string; id: string }): Promise<boolean>;
  stats(input: { shard: string }): Promise<ShardStats>;
}
