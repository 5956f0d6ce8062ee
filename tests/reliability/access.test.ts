// Access: admin routes need the bearer token (compared in constant time) and are off without one;
// the question routes are rate-limited per client with 429 and Retry-After.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { memoryPort } from '../../src/corpus/memory-port.ts';
import { createApp } from '../../src/http/app.ts';
import { createRateWindow } from '../../src/http/rate-limit.ts';
import { admin, postJson, testApp } from '../helpers/app.ts';
import { freePort, startNode } from '../helpers/server.ts';

const report = { id: 'x', text: 'Báo cáo giảm nghèo Hà Giang\n\nĐến cuối năm 2024, Hà Giang còn 25.305 hộ nghèo.' };

describe('admin routes', () => {
  it.each([
    ['POST', '/api/reports'],
    ['DELETE', '/api/reports/x'],
  ])('answer %s %s with 403 and the reason when no ADMIN_TOKEN is set, even with a token', async (method, path) => {
    const { app } = await testApp({ adminToken: null });
    const res = await app.request(
      new Request(`http://localhost${path}`, {
        method,
        headers: { ...admin, 'content-type': 'application/json' },
        body: method === 'POST' ? JSON.stringify(report) : null,
      }),
    );
    expect(res.status).toBe(403);
    const err = (await res.json()).error;
    expect(err.code).toBe('ADMIN_DISABLED');
    expect(err.message).toContain('ADMIN_TOKEN');
  });

  it.each([
    ['a token one character short', 'Bearer test-admin-toke', 403],
    ['a token one character long', 'Bearer test-admin-tokenn', 403],
    ['the token in another case', 'Bearer TEST-ADMIN-TOKEN', 403],
    ['the token without "Bearer"', 'test-admin-token', 401],
    ['Basic auth', `Basic ${btoa('admin:test-admin-token')}`, 401],
    ['an empty bearer', 'Bearer ', 401],
  ])('refuse %s', async (_what, authorization, status) => {
    const { app, store } = await testApp();
    const res = await app.request(postJson('/api/reports', report, { authorization }));
    expect(res.status).toBe(status);
    expect((await store.list()).reports).toEqual([]);
  });

  it('refuse at start-up an ADMIN_TOKEN no Bearer header could carry', () => {
    expect(() => parseConfig({ ADMIN_TOKEN: 'đổi mật khẩu' })).toThrow(/ADMIN_TOKEN: may hold only letters, digits/);
    expect(parseConfig({ ADMIN_TOKEN: 'change-me_2026.v1+x/y==' }).ADMIN_TOKEN).toBe('change-me_2026.v1+x/y==');
  });
});

describe('createRateWindow', () => {
  it('lets a client burst up to the limit, then refuses with the seconds until one more fits', () => {
    const limit = createRateWindow(3);
    expect([limit.take('a', 0), limit.take('a', 0), limit.take('a', 0)]).toEqual([0, 0, 0]);
    // The rolling minute holds 3 until 80 s: at 80 s a third of last minute's 3 has left it.
    expect(limit.take('a', 0)).toBe(80);
    expect(limit.take('b', 0)).toBe(0);
  });

  // Issue 15: a token bucket refilled while the burst was sent, so one more question right after it got 200.
  it('refuses one more right after a burst, however long the burst took', () => {
    const limit = createRateWindow(60);
    for (let i = 0; i < 60; i++) expect(limit.take('a', i * 900)).toBe(0);
    expect(limit.take('a', 59 * 900 + 1)).toBeGreaterThan(0);
    expect(limit.take('a', 59_999)).toBeGreaterThan(0);
  });

  it('allows the limit again as the rolling minute moves on', () => {
    const limit = createRateWindow(60);
    for (let i = 0; i < 60; i++) limit.take('a', 0);
    expect(limit.take('a', 60_000)).toBeGreaterThan(0);
    expect(limit.take('a', 61_500)).toBe(0);
    expect(limit.take('a', 125_000)).toBe(0);
  });

  it('keeps at most maxClients clients', () => {
    const bucket = createRateWindow(10, 100);
    for (let i = 0; i < 10_000; i++) bucket.take(`10.0.${i >> 8}.${i & 255}`, i);
    expect(bucket.size).toBeLessThanOrEqual(100);
  });
});

describe('the rate limit on the question routes', () => {
  const ask = (headers: Record<string, string>) =>
    postJson('/api/ask', { question: 'hộ nghèo Quảng Trị cuối 2023?' }, headers);

  it.each(['/api/ask', '/api/verify', '/v1/chat/completions'])(
    'answers %s with 429 and Retry-After past the limit',
    async (path) => {
      const { app } = await testApp({ env: { RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: 'true' } });
      const body =
        path === '/api/verify'
          ? { claim: 'Quảng Trị còn 14.040 hộ nghèo.' }
          : path === '/api/ask'
            ? { question: 'hộ nghèo?' }
            : { messages: [{ role: 'user', content: 'hộ nghèo?' }] };
      const send = () => app.request(postJson(path, body, { 'x-forwarded-for': '203.0.113.7' }));
      expect((await send()).status).toBe(200);
      expect((await send()).status).toBe(200);
      const res = await send();
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const err = (await res.json()).error;
      expect(err.code).toBe('RATE_LIMITED');
      expect(err.message).toContain('2');
    },
  );

  it('counts clients apart: the right-most X-Forwarded-For entry when TRUST_PROXY is set', async () => {
    const { app } = await testApp({ env: { RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'true' } });
    expect((await app.request(ask({ 'x-forwarded-for': '198.51.100.1, 203.0.113.1' }))).status).toBe(200);
    // A client cannot get a fresh bucket by writing another address on the left.
    expect((await app.request(ask({ 'x-forwarded-for': '198.51.100.99, 203.0.113.1' }))).status).toBe(429);
    expect((await app.request(ask({ 'x-forwarded-for': '203.0.113.2' }))).status).toBe(200);
  });

  // Issue 15: behind nginx, a client-sent CF-Connecting-IP picked the client's identity.
  it('trusts only the header of the proxy TRUST_PROXY names', async () => {
    const xff = (await testApp({ env: { RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'x-forwarded-for' } })).app;
    expect(
      (await xff.request(ask({ 'x-forwarded-for': '203.0.113.3', 'cf-connecting-ip': '198.51.100.1' }))).status,
    ).toBe(200);
    expect(
      (await xff.request(ask({ 'x-forwarded-for': '203.0.113.3', 'cf-connecting-ip': '198.51.100.2' }))).status,
    ).toBe(429);
    const cf = (await testApp({ env: { RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'cloudflare' } })).app;
    expect((await cf.request(ask({ 'cf-connecting-ip': '2001:db8::1', 'x-forwarded-for': '1.1.1.1' }))).status).toBe(
      200,
    );
    expect((await cf.request(ask({ 'cf-connecting-ip': '2001:db8::1', 'x-forwarded-for': '2.2.2.2' }))).status).toBe(
      429,
    );
    const nginx = (await testApp({ env: { RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'x-real-ip' } })).app;
    expect((await nginx.request(ask({ 'x-real-ip': '203.0.113.4', 'cf-connecting-ip': '198.51.100.3' }))).status).toBe(
      200,
    );
    expect((await nginx.request(ask({ 'x-real-ip': '203.0.113.4', 'cf-connecting-ip': '198.51.100.4' }))).status).toBe(
      429,
    );
  });

  it('refuses a TRUST_PROXY it does not know', () => {
    expect(() => parseConfig({ TRUST_PROXY: 'haproxy' })).toThrow(/TRUST_PROXY/);
  });

  it('ignores X-Forwarded-For and CF-Connecting-IP on Node without TRUST_PROXY', async () => {
    const { app } = await testApp({ env: { RATE_LIMIT_PER_MINUTE: '1' } });
    // In-process requests have no socket, so no client is known and none is limited; a spoofed header changes nothing.
    for (let i = 0; i < 3; i++)
      expect(
        (await app.request(ask({ 'x-forwarded-for': '203.0.113.1', 'cf-connecting-ip': '203.0.113.1' }))).status,
      ).toBe(200);
  });

  it('reads the client from CF-Connecting-IP on Workers, never from X-Forwarded-For', async () => {
    const { corpus, assistant } = await testApp();
    const config = parseConfig({ RATE_LIMIT_PER_MINUTE: '1' });
    const app = createApp({ config, corpus: memoryPort(corpus), assistant, runtime: 'workers', log: () => {} });
    expect((await app.request(ask({ 'cf-connecting-ip': '203.0.113.5', 'x-forwarded-for': '1.1.1.1' }))).status).toBe(
      200,
    );
    expect((await app.request(ask({ 'cf-connecting-ip': '203.0.113.5', 'x-forwarded-for': '2.2.2.2' }))).status).toBe(
      429,
    );
    expect((await app.request(ask({ 'cf-connecting-ip': '203.0.113.6' }))).status).toBe(200);
  });

  // Issue 15: GET routes and the webhooks were never limited.
  it('limits searches and figure tables apart from questions, at twice the rate', async () => {
    const { app } = await testApp({ env: { RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'true' } });
    const h = { 'x-forwarded-for': '203.0.113.9' };
    expect((await app.request('/api/search?q=ho%20ngheo', { headers: h })).status).toBe(200);
    expect((await app.request('/api/figures?metric=poor_households', { headers: h })).status).toBe(200);
    const res = await app.request('/api/search?q=ho%20ngheo', { headers: h });
    expect(res.status).toBe(429);
    expect((await res.json()).error.message).toMatch(/searches/);
    expect((await app.request(ask(h))).status).toBe(200);
    expect((await app.request('/api/reports', { headers: h })).status).toBe(200);
  });

  it('is off with RATE_LIMIT_PER_MINUTE=0', async () => {
    const { app } = await testApp({ env: { RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: 'true' } });
    for (let i = 0; i < 5; i++) expect((await app.request(ask({ 'x-forwarded-for': '203.0.113.1' }))).status).toBe(200);
  });

  it('does not limit requests from this machine itself (the CLI, evaluations, local scripts)', async () => {
    const port = await freePort();
    const server = await startNode(
      { RATE_LIMIT_PER_MINUTE: '1', DATA_DIR: await mkdtemp(join(tmpdir(), 'vnqa-rl-')) },
      port,
    );
    try {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${server.base}/api/ask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ question: 'hộ nghèo Quảng Trị cuối 2023?' }),
        });
        expect(res.status).toBe(200);
      }
    } finally {
      await server.stop('SIGKILL');
    }
  });
});
