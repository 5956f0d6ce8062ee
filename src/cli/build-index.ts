// npm run index: builds index/seeds.json from seeds/ with the current code.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildSeedSnapshot } from '../corpus/seed-snapshot.ts';
import { readSeedInputs } from '../store/seed-files.ts';

export const SNAPSHOT_PATH = fileURLToPath(new URL('../../index/seeds.json', import.meta.url));

export function serialiseSnapshot(snapshot: unknown) {
  return `${JSON.stringify(snapshot)}\n`;
}

async function main() {
  const t0 = performance.now();
  const snapshot = buildSeedSnapshot(await readSeedInputs());
  await mkdir(fileURLToPath(new URL('../../index/', import.meta.url)), { recursive: true });
  const body = serialiseSnapshot(snapshot);
  await writeFile(SNAPSHOT_PATH, body);
  const passages = snapshot.reports.reduce((n, r) => n + r.passages.length, 0);
  console.log(
    `index/seeds.json: ${snapshot.reports.length} reports, ${passages} passages, ${(body.length / 1024).toFixed(0)} KiB, ${(performance.now() - t0).toFixed(0)} ms`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
