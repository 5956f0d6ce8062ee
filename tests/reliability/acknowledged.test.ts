// Issue 15, finding 6: a report appeared in the store that no response acknowledged. A client that
// gives up (a timeout, a closed tab) used to leave its post running to the end and stored. Now a
// post whose client has gone writes nothing: under concurrency, the reports on disk are exactly
// the ones whose posts were answered 201.
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type Running, startNode } from '../helpers/server.ts';
import { recordFigures } from './figures.ts';

const TOKEN = 'ack-token';
let server: Running;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vnqa-ack-'));
  server = await startNode({ DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0' }, await freePort());
}, 60_000);
afterAll(() => server?.stop());

// ~100 KB of dense figures: long enough to prepare that a client leaving after 50 ms leaves first.
const text = (i: number) =>
  `Báo cáo số ${i}. ${'Năm 2023 xã có 120 hộ nghèo, chiếm 7,71%; 45 hộ cận nghèo. '.repeat(1700)}`;

describe('acknowledged ⇔ stored', () => {
  it('holds for 16 concurrent posts, half of them abandoned by their clients', async () => {
    const acknowledged: string[] = [];
    const abandoned: string[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const id = `ack-${i}`;
        const ctrl = new AbortController();
        if (i % 2 === 1) setTimeout(() => ctrl.abort(), 50);
        try {
          const res = await fetch(`${server.base}/api/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
            body: JSON.stringify({ id, text: text(i) }),
            signal: ctrl.signal,
          });
          if (res.status === 201) acknowledged.push(id);
          else throw new Error(`${id}: ${res.status} ${await res.text()}`);
        } catch (err) {
          if (!ctrl.signal.aborted) throw err;
          abandoned.push(id);
        }
      }),
    );
    expect(abandoned).toHaveLength(8);
    // The server finishes what it had started for the abandoned posts before this check.
    await new Promise((r) => setTimeout(r, 3000));
    const stored = (await readdir(join(dataDir, 'reports')))
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5));
    await recordFigures('acknowledged', {
      posts: 16,
      acknowledged: acknowledged.length,
      abandoned: abandoned.length,
      present: stored.length,
      presentNotAcknowledged: stored.filter((id) => !acknowledged.includes(id)).length,
    });
    expect(stored.sort()).toEqual(acknowledged.sort());
    expect(server.output()).not.toMatch(/unhandled error/);
  }, 120_000);
});
