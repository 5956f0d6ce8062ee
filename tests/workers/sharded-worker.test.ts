// The national deployment under wrangler dev (workerd, offline) with local D1, R2 and Durable
// Objects: reports of three provinces ingested into their shards answer exactly as the Node server
// (one index) answers over the same reports, and again after a restart on the persisted state.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/answer/assistant.ts';
import { parseConfig } from '../../src/config.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import { memoryPort } from '../../src/corpus/memory-port.ts';
import { createApp } from '../../src/http/app.ts';
import { buildReport } from '../../src/ingest/build-report.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { readSeedInputs } from '../../src/store/seed-files.ts';
import { ROOT, type Running, startWranglerDev } from '../helpers/server.ts';

const TOKEN = 'shard-test-token';
const FIXTURES = join(ROOT, 'tests/fixtures/shards');
const reports = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(FIXTURES, f), 'utf8') }));

const QUESTIONS = {
  provincial: 'Tỷ lệ hộ nghèo huyện Đakrông cuối năm 2023?',
  comparison: 'So sánh tỷ lệ hộ nghèo của Quảng Trị và Hà Tĩnh năm 2023',
  national: 'Số hộ nghèo năm 2023?',
  notFound: 'Tỷ lệ hộ nghèo An Giang năm 2021?',
};

let persist: string;
let worker: Running | undefined;
let node: ReturnType<typeof createApp>;

async function startWorker() {
  return startWranglerDev(['--env', 'shards', '--persist-to', persist, '--var', `ADMIN_TOKEN:${TOKEN}`]);
}

async function askBoth(question: string) {
  const body = JSON.stringify({ question });
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
  const fromWorker = await (await fetch(`${worker?.base}/api/ask`, init)).json();
  const fromNode = await (await node.request('/api/ask', init)).json();
  return { fromWorker, fromNode };
}

function post(body: unknown) {
  return fetch(`${worker?.base}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });
}

interface Stats {
  shard: string;
  reports: number;
  prepared: number;
  loadedFrom: string;
  snapshotChars: number;
  journal: number;
}

async function shardStats(): Promise<{ prepared: number; shards: Stats[] }> {
  return (await fetch(`${worker?.base}/admin/shards`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
}

beforeAll(async () => {
  persist = mkdtempSync(join(tmpdir(), 'vnqa-shards-'));
  const seeds = (await readSeedInputs()).map(buildReport);
  const corpus = await Corpus.open({ store: new MemoryStore(), seeds });
  for (const r of reports) await corpus.upsert(r);
  node = createApp({
    config: parseConfig({}),
    corpus: memoryPort(corpus),
    assistant: createAssistant(corpus),
    runtime: 'node',
  });

  worker = await startWorker();
  for (const r of reports) {
    const res = await post(r);
    expect(res.status, await res.clone().text()).toBe(201);
  }
}, 150_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(persist, { recursive: true, force: true });
});

describe('the sharded Worker (D1, R2, one Durable Object per province)', () => {
  it('puts each report in the shard of its province today, old district names included', async () => {
    const { shards } = await shardStats();
    // Đakrông (a district of the old Quảng Trị, code 45) and Quảng Trị share shard p-44, the merged Quảng Trị.
    expect(Object.fromEntries(shards.map((s) => [s.shard, s.reports]))).toEqual({ 'p-42': 1, 'p-44': 2, 'p-91': 1 });
  });

  it('prepares a posted report once, in the Worker, and never again in its shard', async () => {
    const before = await shardStats();
    expect(before.prepared).toBe(reports.length);
    expect(before.shards.map((s) => s.prepared)).toEqual([0, 0, 0]);
    // Posted again: prepared once more to learn that it is unchanged, and stored no further.
    expect(await (await post(reports[0])).json()).toMatchObject({ status: 'unchanged' });
    // Without an id (the id is the cleaned text's hash): prepared once too.
    const unnamed = await (await post({ text: reports[1]?.text })).json();
    expect(unnamed).toMatchObject({ status: 'created' });
    const after = await shardStats();
    expect(after.prepared).toBe(reports.length + 2);
    expect(after.shards.map((s) => s.prepared)).toEqual([0, 0, 0]);
    const removed = await fetch(`${worker?.base}/api/reports/${unnamed.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(removed.status).toBe(200);
  });

  it('keeps a write as one journal entry, not a new snapshot of the whole shard', async () => {
    const quangTri = async () => (await shardStats()).shards.find((s) => s.shard === 'p-44') as Stats;
    const before = await quangTri();
    const copy = await (await post({ id: 'qt-copy', text: reports.find((r) => r.id === 'qt-2023')?.text })).json();
    expect(copy).toMatchObject({ status: 'created' });
    const after = await quangTri();
    expect(after.journal).toBe(before.journal + 1);
    expect(after.snapshotChars).toBe(before.snapshotChars);
    expect(
      (
        await fetch(`${worker?.base}/api/reports/qt-copy`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).status,
    ).toBe(200);
    expect((await quangTri()).journal).toBe(before.journal + 2);
  });

  it.each(Object.entries(QUESTIONS))('answers the %s question as the Node server does', async (_, question) => {
    const t0 = performance.now();
    const { fromWorker, fromNode } = await askBoth(question);
    // The latency docs/scaling-cloudflare.md quotes for 3 shards under wrangler dev (includes the in-process Node answer).
    console.log(`[shards] ${question}: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(fromNode.citations.length + (fromNode.status === 'not_found' ? 1 : 0)).toBeGreaterThan(0);
    expect(fromWorker).toEqual(fromNode);
  });

  it('serves /api/figures from D1 as the Node server does', async () => {
    for (const query of [
      'place=H%C3%A0%20T%C4%A9nh',
      'metric=poverty_rate&year=2023',
      'place=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&kind=result',
    ]) {
      const fromWorker = await (await fetch(`${worker?.base}/api/figures?${query}`)).json();
      const fromNode = await (await node.request(`/api/figures?${query}`)).json();
      expect(fromWorker.total).toBe(fromNode.total);
      expect(new Set(fromWorker.figures.map((f: { id: string }) => f.id))).toEqual(
        new Set(fromNode.figures.map((f: { id: string }) => f.id)),
      );
    }
  });

  it("answers the same after a restart on the persisted state, from the shards' snapshots", async () => {
    const before = await askBoth(QUESTIONS.comparison);
    await worker?.stop();
    worker = await startWorker();
    const after = await askBoth(QUESTIONS.comparison);
    expect(after.fromWorker).toEqual(before.fromNode);
    expect((await askBoth(QUESTIONS.provincial)).fromWorker).toEqual((await askBoth(QUESTIONS.provincial)).fromNode);
    const { shards } = await shardStats();
    expect(shards.map((s) => s.loadedFrom)).toEqual(['snapshot', 'snapshot', 'snapshot']);
  }, 120_000);

  it('removes a deleted report from D1, R2 and its shard', async () => {
    const res = await fetch(`${worker?.base}/api/reports/ht-2023`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect((await fetch(`${worker?.base}/api/reports/ht-2023`)).status).toBe(404);
    const figures = await (await fetch(`${worker?.base}/api/figures?place=H%C3%A0%20T%C4%A9nh`)).json();
    expect(figures.total).toBe(0);
    const { hits } = await (
      await fetch(`${worker?.base}/api/search?q=${encodeURIComponent('việc làm Hà Tĩnh')}&limit=20`)
    ).json();
    expect(hits.map((h: { reportId: string }) => h.reportId)).not.toContain('ht-2023');
  });
});
