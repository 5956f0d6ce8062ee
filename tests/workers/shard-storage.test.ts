// A shard's snapshot and journal entries kept as chunks under the 128 KiB value limit.
import { describe, expect, it } from 'vitest';
import type { DurableObjectStorage } from '../../src/workers/cf-types.ts';
import { CHUNK_CHARS, deleteChunks, readChunks, writeChunks } from '../../src/workers/shard-storage.ts';

/** The part of Durable Object storage the chunks use, over a Map. */
function memoryStorage(): DurableObjectStorage & { keys(): string[] } {
  const map = new Map<string, unknown>();
  const storage = {
    async get(key: string | string[]) {
      return Array.isArray(key) ? new Map(key.filter((k) => map.has(k)).map((k) => [k, map.get(k)])) : map.get(key);
    },
    async put(key: string | Record<string, unknown>, value?: unknown) {
      if (typeof key === 'string') map.set(key, value);
      else for (const [k, v] of Object.entries(key)) map.set(k, v);
    },
    async delete(keys: string[]) {
      return keys.filter((k) => map.delete(k)).length;
    },
    async list() {
      return new Map(map);
    },
    keys: () => [...map.keys()],
  };
  // Safe: the overloads of get and put are the ones implemented above.
  return storage as unknown as DurableObjectStorage & { keys(): string[] };
}

describe('shard storage chunks', () => {
  it('writes a long text in chunks of at most CHUNK_CHARS and reads it back', async () => {
    const storage = memoryStorage();
    const text = 'Tỷ lệ hộ nghèo giảm còn 5,8%. '.repeat(5000);
    const chunks = await writeChunks(storage, 'log:1:0', text);
    expect(chunks).toBe(Math.ceil(text.length / CHUNK_CHARS));
    expect(await readChunks(storage, 'log:1:0', chunks)).toBe(text);
  });

  it('reads null when a chunk is missing', async () => {
    const storage = memoryStorage();
    const chunks = await writeChunks(storage, 'snap:2', 'x'.repeat(CHUNK_CHARS * 2 + 1));
    await storage.delete(['snap:2:1']);
    expect(await readChunks(storage, 'snap:2', chunks)).toBeNull();
  });

  it('deletes every chunk of one prefix and no other', async () => {
    const storage = memoryStorage();
    await writeChunks(storage, 'snap:1', 'a'.repeat(CHUNK_CHARS + 1));
    await writeChunks(storage, 'snap:2', 'b');
    await deleteChunks(storage, 'snap:1', 2);
    expect(storage.keys()).toEqual(['snap:2:0']);
  });
});
