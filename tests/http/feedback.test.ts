// 👍/👎 on an answer (issue 18): anyone may leave it, an admin reads it back, as JSON or CSV, and it
// survives a restart of the Node server.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryPort } from '../../src/corpus/memory-port.ts';
import { FileFeedbackStore } from '../../src/store/file-feedback-store.ts';
import { admin, postJson, testApp } from '../helpers/app.ts';
import { freePort, startNode } from '../helpers/server.ts';

const down = {
  question: 'hộ nghèo Quảng Trị cuối 2023?',
  rating: 'down',
  comment: 'thiếu số hộ cận nghèo',
  answer: 'Cuối năm 2023, Quảng Trị còn 14.040 hộ nghèo [1].',
};

describe('POST /api/feedback', () => {
  it('stores a rating with its comment and answers 201 with an id', async () => {
    const { app, feedback } = await testApp();
    const res = await app.request(postJson('/api/feedback', down));
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect(await feedback.list()).toEqual([{ ...down, id, receivedAt: expect.any(String) }]);
  });

  it.each([
    ['no question', { rating: 'up' }],
    ['a rating that is neither up nor down', { question: 'hộ nghèo?', rating: 'meh' }],
    ['a comment over 2000 characters', { question: 'hộ nghèo?', rating: 'up', comment: 'x'.repeat(2001) }],
  ])('refuses %s with 400 and stores nothing', async (_name, body) => {
    const { app, feedback } = await testApp();
    const res = await app.request(postJson('/api/feedback', body));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION');
    expect(await feedback.list()).toEqual([]);
  });

  it('is rate-limited like questions', async () => {
    const { app } = await testApp({ env: { RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'true' } });
    const h = { 'x-forwarded-for': '203.0.113.50' };
    expect((await app.request(postJson('/api/feedback', down, h))).status).toBe(201);
    expect((await app.request(postJson('/api/feedback', down, h))).status).toBe(429);
  });
});

describe('GET /api/feedback', () => {
  it('needs the admin token', async () => {
    const { app } = await testApp();
    expect((await app.request('/api/feedback')).status).toBe(401);
  });

  it('lists the items as JSON, and as CSV with formulas made inert', async () => {
    const { app } = await testApp();
    await app.request(postJson('/api/feedback', down));
    await app.request(postJson('/api/feedback', { question: '=HYPERLINK("x")', rating: 'up' }));
    const { items } = await (await app.request('/api/feedback', { headers: admin })).json();
    expect(items.map((i: { rating: string }) => i.rating)).toEqual(['down', 'up']);
    const bytes = new Uint8Array(
      await (await app.request('/api/feedback?format=csv', { headers: admin })).arrayBuffer(),
    );
    // A BOM first, so spreadsheets read the Vietnamese as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split('\r\n')[0]).toBe('id,receivedAt,rating,question,comment,answer');
    expect(csv).toContain(',down,hộ nghèo Quảng Trị cuối 2023?,thiếu số hộ cận nghèo,');
    expect(csv).toContain(`,up,"'=HYPERLINK(""x"")",`);
  });
});

describe('feedback on the Node server', () => {
  it('is kept under DATA_DIR and read back after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vnqa-fb-'));
    const env = { DATA_DIR: dataDir, ADMIN_TOKEN: 'fb-token' };
    let server = await startNode(env, await freePort());
    try {
      const res = await fetch(`${server.base}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(down),
      });
      expect(res.status).toBe(201);
    } finally {
      await server.stop();
    }
    server = await startNode(env, await freePort());
    try {
      const { items } = await (
        await fetch(`${server.base}/api/feedback`, { headers: { authorization: 'Bearer fb-token' } })
      ).json();
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject(down);
      expect(await new FileFeedbackStore(dataDir).list()).toEqual(items);
    } finally {
      await server.stop();
    }
  }, 60_000);
});

describe('a deployment with nowhere to keep feedback', () => {
  it('answers 503 rather than take what it would lose', async () => {
    const { createApp } = await import('../../src/http/app.ts');
    const { corpus, assistant } = await testApp();
    const { parseConfig } = await import('../../src/config.ts');
    const app = createApp({
      config: parseConfig({}),
      corpus: memoryPort(corpus),
      assistant,
      runtime: 'workers',
      log: () => {},
    });
    expect((await app.request(postJson('/api/feedback', down))).status).toBe(503);
  });
});
