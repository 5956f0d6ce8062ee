// The figures the reliability tests measure, written where `npm run reliability` prints them from
// (test-output/reliability/*.json). RELIABILITY_FULL=1 runs the long versions.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../helpers/server.ts';

export const FULL = process.env.RELIABILITY_FULL === '1';
export const FIGURES_DIR = join(ROOT, 'test-output', 'reliability');

export async function recordFigures(name: string, figures: Record<string, unknown>): Promise<void> {
  await mkdir(FIGURES_DIR, { recursive: true });
  const body = { name, full: FULL, at: new Date().toISOString(), ...figures };
  await writeFile(join(FIGURES_DIR, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
}

/** A store's content as one comparable value: ids with their text and metadata. */
export async function snapshot(store: {
  list(): Promise<{ reports: { id: string; text: string; title?: string | undefined }[] }>;
}) {
  return JSON.stringify((await store.list()).reports.map((r) => [r.id, r.title ?? null, r.text]).sort());
}
