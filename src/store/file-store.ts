// The Node file store: one JSON file per report under DATA_DIR/reports. A write goes to a
// temporary file, is flushed to disk, then renamed over the old one, so a crash leaves either
// the old report or the new one, never half of one.
import { mkdir, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isLeftoverTemp, syncDir, writeFileAtomic } from './atomic-file.ts';
import type { PreparedForm, ReportStore, StoredReport } from './types.ts';

const FORMAT = 1;
/** The contract's report ids ([A-Za-z0-9._-]{1,128}, not "." or ".."): safe as file names. */
const STORED_ID = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,128}$/;

export class FileStore implements ReportStore {
  readonly writable = true;
  readonly description: string;
  readonly #dir: string;

  constructor(dataDir: string) {
    this.#dir = join(resolve(dataDir), 'reports');
    this.description = `file:${this.#dir}`;
  }

  async list() {
    await mkdir(this.#dir, { recursive: true });
    const reports: StoredReport[] = [];
    const unreadable: string[] = [];
    for (const name of (await readdir(this.#dir)).sort()) {
      if (isLeftoverTemp(name)) {
        // A write that was interrupted before its rename: never acknowledged, safe to drop.
        await rm(join(this.#dir, name), { force: true });
        continue;
      }
      if (!name.endsWith('.json')) continue;
      try {
        reports.push(parseStored(await readFile(join(this.#dir, name), 'utf8'), name));
      } catch {
        unreadable.push(name);
      }
    }
    return { reports, unreadable };
  }

  async put(report: StoredReport) {
    const name = `${report.id}.json`;
    this.#path(report.id);
    await writeFileAtomic(this.#dir, name, JSON.stringify({ format: FORMAT, ...report }));
  }

  async delete(id: string) {
    try {
      await unlink(this.#path(id));
      await syncDir(this.#dir);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  #path(id: string) {
    // Ids are validated by the contract; checked again here because a path outside #dir must never be written.
    if (!STORED_ID.test(id))
      throw new Error(`Refusing a report id that is not a safe file name: ${JSON.stringify(id.slice(0, 140))}`);
    return join(this.#dir, `${id}.json`);
  }
}

function parseStored(raw: string, name: string): StoredReport {
  const o: unknown = JSON.parse(raw);
  if (typeof o !== 'object' || o === null) throw new Error(`${name}: not an object`);
  const r = o as Record<string, unknown>;
  if (
    r.format !== FORMAT ||
    typeof r.id !== 'string' ||
    typeof r.text !== 'string' ||
    typeof r.receivedAt !== 'string'
  ) {
    throw new Error(`${name}: not a stored report`);
  }
  // A file renamed or edited by hand: serving it under another id, or with no text, would be a lie.
  if (`${r.id}.json` !== name || !STORED_ID.test(r.id) || !r.text.trim())
    throw new Error(`${name}: not a stored report`);
  const opt = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
  return {
    id: r.id,
    text: r.text,
    title: opt('title'),
    source: opt('source'),
    publishedAt: opt('publishedAt'),
    receivedAt: r.receivedAt,
    prepared: preparedOf(r.prepared, r.id),
  };
}

/** The prepared form if it has its shape; anything else is dropped and the report rebuilt from its text. */
function preparedOf(p: unknown, id: string): PreparedForm | undefined {
  if (typeof p !== 'object' || p === null) return undefined;
  const o = p as Record<string, unknown>;
  const report = o.report as Record<string, unknown> | null | undefined;
  if (typeof o.by !== 'string' || !Array.isArray(o.figures) || typeof report !== 'object' || report === null)
    return undefined;
  if (
    report.id !== id ||
    !Array.isArray(report.passages) ||
    !Array.isArray(report.periods) ||
    typeof report.title !== 'string'
  )
    return undefined;
  return o as unknown as PreparedForm;
}
