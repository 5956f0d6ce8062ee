// A string kept in a Durable Object's storage as numbered chunks (`<prefix>:<i>`), since one value
// may hold at most 128 KiB: the shard's snapshot and each of its journal entries.
import type { DurableObjectStorage } from './cf-types.ts';

/** Characters per stored chunk: at most 2 bytes each, so a chunk stays under 128 KiB. */
export const CHUNK_CHARS = 60_000;
/** Keys one storage call may name. */
const KEYS_PER_CALL = 128;

/** Writes `text` under `<prefix>:0…`; returns how many chunks it took. */
export async function writeChunks(storage: DurableObjectStorage, prefix: string, text: string): Promise<number> {
  const chunks = Math.ceil(text.length / CHUNK_CHARS);
  for (let i = 0; i < chunks; i += 100) {
    const entries: Record<string, string> = {};
    for (let j = i; j < Math.min(chunks, i + 100); j++)
      entries[`${prefix}:${j}`] = text.slice(j * CHUNK_CHARS, (j + 1) * CHUNK_CHARS);
    await storage.put(entries);
  }
  return chunks;
}

/** The text written under `prefix` in `chunks` chunks; null when one of them is missing. */
export async function readChunks(
  storage: DurableObjectStorage,
  prefix: string,
  chunks: number,
): Promise<string | null> {
  const keys = Array.from({ length: chunks }, (_, i) => `${prefix}:${i}`);
  let text = '';
  for (let i = 0; i < keys.length; i += KEYS_PER_CALL) {
    const part = keys.slice(i, i + KEYS_PER_CALL);
    const got = await storage.get<string>(part);
    for (const k of part) {
      const chunk = got.get(k);
      if (chunk === undefined) return null;
      text += chunk;
    }
  }
  return text;
}

export async function deleteChunks(storage: DurableObjectStorage, prefix: string, chunks: number): Promise<void> {
  const keys = Array.from({ length: chunks }, (_, i) => `${prefix}:${i}`);
  for (let i = 0; i < keys.length; i += KEYS_PER_CALL) await storage.delete(keys.slice(i, i + KEYS_PER_CALL));
}
