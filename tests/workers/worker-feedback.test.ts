// Feedback on the Worker under wrangler dev (workerd, offline, local D1): 👍/👎 posted by anyone is
// kept in D1 (table `feedback`), read back by the admin as JSON and CSV, and still there after the
// Worker restarts on the same persisted state. A Worker with D1 bound alone keeps feedback while its
// reports stay the bundled seeds; the default Worker, with no D1 bound, answers 503.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type Running, startWranglerDev } from '../helpers/server.ts';

const TOKEN = 'worker-feedback-token';
let persist: string;
let worker: Running | undefined;

async function startWorker(env: string[]) {
  return startWranglerDev([...env, '--persist-to', persist, '--var', `ADMIN_TOKEN:${TOKEN}`]);
}

const post = (body: unknown) =>
  fetch(`${worker?.base}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const list = (query = '') =>
  fetch(`${worker?.base}/api/feedback${query}`, { headers: { authorization: `Bearer ${TOKEN}` } });

const down = {
  question: 'Hộ nghèo Quảng Trị cuối 2023?',
  rating: 'down',
  comment: 'Thiếu số hộ cận nghèo; "cần" thêm, nhé',
  answer: 'Số hộ nghèo của tỉnh Quảng Trị cuối năm 2023: 14.040 hộ [1].',
};
const up = { question: 'Tỷ lệ hộ nghèo Quảng Trị cuối 2023?', rating: 'up' };

beforeAll(async () => {
  persist = mkdtempSync(join(tmpdir(), 'vnqa-worker-feedback-'));
  worker = await startWorker(['--env', 'shards']);
}, 150_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(persist, { recursive: true, force: true });
});

describe('feedback on the Worker with D1 bound (wrangler dev --env shards)', () => {
  const ids: string[] = [];

  it('stores a 👎 with its comment and a 👍 without one, answering 201 with the id', async () => {
    for (const body of [down, up]) {
      const res = await post(body);
      expect(res.status, await res.clone().text()).toBe(201);
      const { id } = (await res.json()) as { id: string };
      expect(id).toMatch(/^[0-9a-z-]+$/);
      ids.push(id);
    }
  });

  it('refuses a rating other than up or down with the contract error, storing nothing', async () => {
    const res = await post({ question: 'Hộ nghèo?', rating: 'meh' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
  });

  it('gives the items to the admin only, oldest first, as posted', async () => {
    expect((await fetch(`${worker?.base}/api/feedback`)).status).toBe(401);
    const { items } = (await (await list()).json()) as { items: Record<string, unknown>[] };
    expect(items).toEqual([
      { ...down, id: ids[0], receivedAt: expect.any(String) },
      { ...up, id: ids[1], receivedAt: expect.any(String) },
    ]);
  });

  it('reads the items back from D1 after the Worker restarts, as JSON and as CSV', async () => {
    await worker?.stop();
    worker = await startWorker(['--env', 'shards']);
    const { items } = (await (await list()).json()) as { items: { id: string; comment?: string }[] };
    expect(items.map((i) => i.id)).toEqual(ids);
    expect(items[0]?.comment).toBe(down.comment);
    // Decoded by hand: Response.text() drops the BOM a spreadsheet needs to read UTF-8.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await list('?format=csv')).arrayBuffer());
    expect(csv.startsWith('\uFEFFid,receivedAt,rating,question,comment,answer\r\n')).toBe(true);
    expect(csv).toContain(`${ids[0]},`);
    expect(csv).toContain('"Thiếu số hộ cận nghèo; ""cần"" thêm, nhé"');
  }, 150_000);
});

describe('feedback on the default Worker (no D1 bound)', () => {
  it('answers 503 rather than take feedback it would lose', async () => {
    await worker?.stop();
    worker = await startWorker([]);
    const res = await post(up);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('STORAGE_UNAVAILABLE');
  }, 150_000);
});

describe('feedback on a Worker with D1 bound alone (reports stay the bundled seeds)', () => {
  it('keeps feedback in D1 and still refuses reports it has nowhere to store', async () => {
    await worker?.stop();
    // wrangler.toml's top level with one D1 binding added, as the comment there describes.
    const config = join(persist, 'wrangler-feedback.toml');
    writeFileSync(
      config,
      [
        'name = "vn-welfare-qa-feedback"',
        `main = ${JSON.stringify(join(ROOT, 'src/workers/worker.ts'))}`,
        'compatibility_date = "2026-04-01"',
        '[alias]',
        `"../locales/index.js" = ${JSON.stringify(join(ROOT, 'src/zod-without-locales.ts'))}`,
        '[[d1_databases]]',
        'binding = "DB"',
        'database_name = "vn-welfare-qa-feedback"',
        'database_id = "00000000-0000-0000-0000-000000000001"',
      ].join('\n'),
    );
    worker = await startWorker(['--config', config]);
    const res = await post(down);
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const { items } = (await (await list()).json()) as { items: { id: string }[] };
    expect(items.map((i) => i.id)).toEqual([id]);
    const report = await fetch(`${worker.base}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ id: 'x', text: 'Đến cuối năm 2023, toàn tỉnh Quảng Trị còn 14.040 hộ nghèo.' }),
    });
    expect(report.status).toBe(503);
  }, 150_000);
});
