// index/seeds.json is generated: it must equal what the current code builds from seeds/.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_PATH, serialiseSnapshot } from '../src/cli/build-index.ts';
import { buildSeedSnapshot, restoreSeedSnapshot } from '../src/corpus/seed-snapshot.ts';
import { searchPassages } from '../src/search/passage-index.ts';
import { readSeedInputs } from '../src/store/seed-files.ts';

describe('index/seeds.json', () => {
  it('is up to date with seeds/ and the code that builds it (run "npm run index" if not)', async () => {
    const fresh = serialiseSnapshot(buildSeedSnapshot(await readSeedInputs()));
    const committed = await readFile(SNAPSHOT_PATH, 'utf8');
    expect(committed === fresh, 'index/seeds.json is stale: run "npm run index" and commit it').toBe(true);
  });

  it('restores into an index that finds the Quảng Trị poor households', async () => {
    const { seeds, index } = restoreSeedSnapshot(JSON.parse(await readFile(SNAPSHOT_PATH, 'utf8')));
    expect(seeds).toHaveLength(5);
    const [first] = await searchPassages(index, 'ho ngheo quang tri', { limit: 3 });
    expect(first?.text).toContain('14.040 hộ nghèo');
  });
});
