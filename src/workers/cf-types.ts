// The few Cloudflare binding types this code uses (D1, R2, Durable Objects), declared here so the
// project needs no @cloudflare/workers-types; shapes follow developers.cloudflare.com's runtime API.
// (cloudflare-workers.d.ts declares the one runtime module imported, `cloudflare:workers`.)

export interface D1Result<T> {
  results: T[];
}
export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  run(): Promise<unknown>;
}
export interface D1Database {
  prepare(sql: string): D1PreparedStatement;
  batch(statements: D1PreparedStatement[]): Promise<unknown[]>;
  exec(sql: string): Promise<unknown>;
}

export interface R2ObjectBody {
  text(): Promise<string>;
}
export interface R2Bucket {
  get(key: string): Promise<R2ObjectBody | null>;
  put(key: string, value: string, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
  delete(key: string): Promise<void>;
}

export interface DurableObjectId {
  toString(): string;
}
/** A namespace's stub calls the object's public methods over RPC: `T` is the object's RPC interface. */
export interface DurableObjectNamespace<T = unknown> {
  idFromName(name: string): DurableObjectId;
  get(id: DurableObjectId): T;
}
export interface DurableObjectStorage {
  get<T = unknown>(key: string): Promise<T | undefined>;
  get<T = unknown>(keys: string[]): Promise<Map<string, T>>;
  put(entries: Record<string, unknown>): Promise<void>;
  put(key: string, value: unknown): Promise<void>;
  delete(keys: string[]): Promise<number>;
  list<T = unknown>(options?: { prefix?: string }): Promise<Map<string, T>>;
}
export interface DurableObjectState {
  readonly storage: DurableObjectStorage;
  blockConcurrencyWhile<T>(fn: () => Promise<T>): Promise<T>;
}

/** The bindings of the sharded deployment (wrangler.toml [env.shards]); `T` is the shard's RPC interface. */
export interface ShardBindings<T = unknown> {
  DB: D1Database;
  REPORTS: R2Bucket;
  SHARDS: DurableObjectNamespace<T>;
}
