// One durable write for every file store: to a temporary file, flushed, renamed over the old one,
// then the folder flushed, so a crash leaves the old content or the new, never half of one.
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Temporary files start with "~", a character no stored name may hold, and end in ".tmp", never
 * ".json": the two namespaces cannot meet. (Temporary files used to start with ".tmp-", which a
 * report id may: the start-up sweep deleted the acknowledged report ".tmp-keep", issue 15.)
 */
export const TEMP_MARK = '~';

/** A temporary file of an interrupted write: this version's, or an older one's (".tmp-…" with no ".json"). */
export function isLeftoverTemp(name: string): boolean {
  if (name.startsWith(TEMP_MARK)) return name.endsWith('.tmp');
  return name.startsWith('.tmp-') && !name.endsWith('.json');
}

/** Writes `content` to `dir/name` durably and atomically; on failure the old file (if any) is untouched. */
export async function writeFileAtomic(dir: string, name: string, content: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `${TEMP_MARK}${name}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(content, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, join(dir, name));
  } catch (err) {
    // Disk full or read-only: do not leave the half-written file behind.
    await rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
  await syncDir(dir);
}

/** Makes a rename or unlink in `dir` durable; some filesystems refuse to fsync a folder, which is fine. */
export async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {}
}
