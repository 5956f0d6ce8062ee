// Reads the bundled sample reports from seeds/: each file's name without ".txt" is its id.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportInput } from '../ingest/types.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

export async function readSeedInputs(dir = SEEDS_DIR): Promise<ReportInput[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(names.map(async (n) => ({ id: n.slice(0, -4), text: await readFile(join(dir, n), 'utf8') })));
}
