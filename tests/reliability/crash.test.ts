// Crash safety on Node: the server is killed with SIGKILL in the middle of a stream of posts,
// restarted on the same DATA_DIR, and every report acknowledged before the kill is there, whole;
// no report is there half-written. A corrupt or truncated data file is reported and skipped.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanReportText } from '../../src/ingest/clean.ts';
import { freePort, type Running, startNode } from '../helpers/server.ts';
import { FULL, recordFigures } from './figures.ts';

const TOKEN = 'crash-admin-token-77c1';
const KILLS = Number(process.env.CRASH_KILLS ?? (FULL ? 10 : 3));
const CONCURRENCY = 4;

function reportText(id: string, version: number): string {
  const n = [...id].reduce((a, c) => a + c.charCodeAt(0), version * 7);
  return `Báo cáo ${id} bản ${version}\n\nĐến cuối năm 2024, xã còn ${n} hộ nghèo, chiếm ${n % 40},${version % 10}%.\n${'Công tác giảm nghèo được triển khai đồng bộ, hiệu quả. '.repeat(20 + (n % 40))}\nKết thúc báo cáo ${id} bản ${version}.`;
}

let server: Running | undefined;
afterEach(async () => {
  await server?.stop('SIGKILL');
  server = undefined;
});

const figures: Record<string, unknown> = {};
afterAll(async () => {
  await recordFigures('crash', figures);
});

describe('SIGKILL in the middle of ingesting', () => {
  it(`loses no acknowledged report and keeps no partial one, over ${KILLS} kills`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vnqa-crash-'));
    const port = await freePort();
    /** Per id: the texts posted in order, and the index of the last one acknowledged (-1: none). */
    const versions = new Map<string, { texts: string[]; acked: number }>();
    let posted = 0;
    let acknowledged = 0;
    let survived = 0;
    const lostIds: string[] = [];
    const partial: string[] = [];

    for (let kill = 0; kill < KILLS; kill++) {
      server = await startNode({ DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN }, port);
      const base = server.base;
      let stop = false;
      const inFlight = new Set<string>();
      const worker = async (w: number) => {
        for (let i = 0; !stop; i++) {
          // One in three posts replaces an earlier report, so a kill can land in an atomic replace too.
          const known = [...versions.keys()].filter((k) => !inFlight.has(k));
          const id =
            i % 3 === 2 && known.length ? (known[(i * 7 + w) % known.length] as string) : `k${kill}-w${w}-${i}`;
          const entry = versions.get(id) ?? { texts: [], acked: -1 };
          versions.set(id, entry);
          const version = entry.texts.length;
          const text = reportText(id, version);
          entry.texts.push(text);
          inFlight.add(id);
          posted++;
          try {
            const res = await fetch(`${base}/api/reports`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
              body: JSON.stringify({ id, text }),
            });
            if (res.ok) {
              entry.acked = version;
              acknowledged++;
            }
          } catch {
            // The kill: a post with no answer was never acknowledged.
            return;
          } finally {
            inFlight.delete(id);
          }
        }
      };
      const workers = Array.from({ length: CONCURRENCY }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, 600 + ((kill * 397) % 900)));
      await server.stop('SIGKILL');
      stop = true;
      await Promise.all(workers);

      server = await startNode({ DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN }, port);
      const health = (await (await fetch(`${server.base}/healthz`)).json()) as { unreadable: string[] };
      expect(health.unreadable).toEqual([]);
      const list = (await (await fetch(`${server.base}/api/reports`)).json()) as {
        reports: { id: string; seed: boolean }[];
      };
      const stored = new Set(list.reports.filter((r) => !r.seed).map((r) => r.id));
      for (const [id, entry] of versions) {
        if (!stored.has(id)) {
          if (entry.acked >= 0) lostIds.push(id);
          continue;
        }
        const got = (await (await fetch(`${server.base}/api/reports/${id}`)).json()) as { text: string };
        // The last acknowledged version, or a later one whose answer the kill cut off; never a mix.
        const ok = entry.texts.some((t, v) => v >= Math.max(0, entry.acked) && cleanReportText(t) === got.text);
        if (!ok) partial.push(id);
      }
      for (const id of stored) if (!versions.has(id)) partial.push(id);
      await server.stop('SIGKILL');
      server = undefined;
      survived++;
    }

    Object.assign(figures, {
      kills: KILLS,
      survived,
      posted,
      acknowledged,
      reports: versions.size,
      lost: lostIds.length,
      partial: partial.length,
    });
    expect(acknowledged).toBeGreaterThan(KILLS * 5);
    expect(lostIds).toEqual([]);
    expect(partial).toEqual([]);
  }, 180_000);
});

describe('corrupt data files', () => {
  it('are reported by /healthz and the log, skipped, and never served', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vnqa-corrupt-'));
    const reports = join(dataDir, 'reports');
    await mkdir(reports, { recursive: true });
    const good = {
      format: 1,
      id: 'good',
      text: 'Báo cáo tốt\n\nXã còn 12 hộ nghèo.',
      receivedAt: '2024-07-01T00:00:00.000Z',
    };
    await writeFile(join(reports, 'good.json'), JSON.stringify(good));
    await writeFile(join(reports, 'truncated.json'), JSON.stringify({ ...good, id: 'truncated' }).slice(0, 40));
    await writeFile(join(reports, 'renamed.json'), JSON.stringify({ ...good, id: 'other' }));
    await writeFile(join(reports, 'empty-text.json'), JSON.stringify({ ...good, id: 'empty-text', text: '  ' }));
    await writeFile(join(reports, 'binary.json'), new Uint8Array([0xff, 0xfe, 0x00, 0x01]));
    await writeFile(join(reports, '.tmp-half-written-123'), '{"format":1,"id":"half');

    server = await startNode({ DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN }, await freePort());
    const health = (await (await fetch(`${server.base}/healthz`)).json()) as { reports: number; unreadable: string[] };
    expect(health.unreadable.sort()).toEqual(['binary.json', 'empty-text.json', 'renamed.json', 'truncated.json']);
    expect(health.reports).toBe(6);
    for (const id of ['truncated', 'other', 'renamed', 'empty-text', 'binary', 'half']) {
      expect((await fetch(`${server.base}/api/reports/${id}`)).status, id).toBe(404);
    }
    expect((await fetch(`${server.base}/api/reports/good`)).status).toBe(200);
    const warnings = server
      .output()
      .split('\n')
      .filter((l) => l.includes('"level":"warn"') && l.includes('unreadable'));
    expect(warnings).toHaveLength(4);
  }, 60_000);
});

describe('the rate limit on a real socket', () => {
  // Behind a proxy on the same machine (TRUST_PROXY) the client is the forwarded address; one client
  // sending from several spoofed left-hand entries is still one client (the proxy's right-most entry).
  it('counts a client behind a trusted proxy once, and answers 429 with Retry-After', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vnqa-rate-'));
    server = await startNode({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'true' }, await freePort());
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${server.base}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` },
        body: JSON.stringify({ question: 'hộ nghèo Quảng Trị cuối 2023?' }),
      });
      statuses.push(res.status);
      retryAfter = res.headers.get('retry-after');
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
