import { describe, expect, it } from 'vitest';
import { admin, postJson, testApp } from '../helpers/app.ts';

const report = {
  id: 'ha-giang-2024',
  text: 'Báo cáo công tác giảm nghèo tỉnh Hà Giang năm 2024\n\nĐến cuối năm 2024, toàn tỉnh Hà Giang còn 25.305 hộ nghèo, chiếm tỷ lệ 20,37%.',
};

async function storedIds(store: { list(): Promise<{ reports: { id: string }[] }> }) {
  return (await store.list()).reports.map((r) => r.id).sort();
}

describe('POST /api/reports', () => {
  it('creates a new report with the admin token and answers 201', async () => {
    const { app, store } = await testApp();
    const res = await app.request(postJson('/api/reports', report, admin));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ id: 'ha-giang-2024', status: 'created' });
    expect(body.passages).toBeGreaterThan(0);
    expect(await storedIds(store)).toEqual(['ha-giang-2024']);
  });

  it('treats a re-post of the same text as a no-op answered 200', async () => {
    const { app } = await testApp();
    await app.request(postJson('/api/reports', report, admin));
    const res = await app.request(postJson('/api/reports', report, admin));
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('unchanged');
  });

  it('replaces a report posted again with different text', async () => {
    const { app } = await testApp();
    await app.request(postJson('/api/reports', report, admin));
    const text = report.text.replace('25.305', '25.400');
    const res = await app.request(postJson('/api/reports', { ...report, text }, admin));
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('replaced');
    const got = await (await app.request('/api/reports/ha-giang-2024')).json();
    expect(got.text).toContain('25.400 hộ nghèo');
  });

  it('derives the same id from the same content when no id is given', async () => {
    const { app } = await testApp();
    const a = await (await app.request(postJson('/api/reports', { text: report.text }, admin))).json();
    const b = await app.request(postJson('/api/reports', { text: `  ${report.text}\n` }, admin));
    expect(a.id).toMatch(/^r-[0-9a-f]{16}$/);
    expect(b.status).toBe(200);
    expect((await b.json()).id).toBe(a.id);
  });

  it.each([
    ['no Authorization header', {}, 401, 'UNAUTHORIZED'],
    ['a wrong token', { authorization: 'Bearer nope' }, 403, 'FORBIDDEN'],
  ])('refuses a post with %s and stores nothing', async (_why, headers, status, code) => {
    const { app, store } = await testApp();
    const res = await app.request(postJson('/api/reports', report, headers));
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect(await storedIds(store)).toEqual([]);
  });

  it('answers 403 with the reason when no admin token is configured', async () => {
    const { app, store } = await testApp({ adminToken: null });
    const res = await app.request(postJson('/api/reports', report, admin));
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error.code).toBe('ADMIN_DISABLED');
    expect(body.error.message).toContain('ADMIN_TOKEN');
    expect(await storedIds(store)).toEqual([]);
  });

  it.each([
    ['invalid JSON', '{"text": ', 400, 'INVALID_JSON'],
    ['an empty text', { id: 'x', text: '   \n ' }, 400, 'VALIDATION'],
    ['a text that is not a string', { id: 'x', text: 42 }, 400, 'VALIDATION'],
    ['an id with path characters', { id: '../x', text: report.text }, 400, 'VALIDATION'],
    ['an id of two dots', { id: '..', text: report.text }, 400, 'VALIDATION'],
    ['a malformed publishedAt', { id: 'x', text: report.text, publishedAt: 'hôm qua' }, 400, 'VALIDATION'],
  ])('rejects %s with %i and changes nothing', async (_why, body, status, code) => {
    const { app, store } = await testApp();
    const res = await app.request(postJson('/api/reports', body, admin));
    expect(res.status).toBe(status);
    const err = (await res.json()).error;
    expect(err.code).toBe(code);
    expect(err.message.length).toBeGreaterThan(5);
    expect(await storedIds(store)).toEqual([]);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const { app } = await testApp();
    const res = await app.request(
      new Request('http://localhost/api/reports', {
        method: 'POST',
        headers: { ...admin, 'content-type': 'text/plain' },
        body: report.text,
      }),
    );
    expect(res.status).toBe(415);
  });

  it('rejects a report over the size limit with 413 and changes nothing', async () => {
    const { app, store } = await testApp({ maxReportBytes: 4096 });
    const text = `${report.text}\n\n${'Công tác giảm nghèo được triển khai đồng bộ. '.repeat(200)}`;
    const res = await app.request(postJson('/api/reports', { id: 'big', text }, admin));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await storedIds(store)).toEqual([]);
  });

  it('refuses to replace a seed report with 409', async () => {
    const { app } = await testApp();
    const res = await app.request(postJson('/api/reports', { id: '001_81891852024e78d9', text: report.text }, admin));
    expect(res.status).toBe(409);
  });
});

describe('GET /api/reports', () => {
  it('lists the five seeds with their places and passage counts', async () => {
    const { app } = await testApp();
    const body = await (await app.request('/api/reports')).json();
    expect(body.reports).toHaveLength(5);
    const qt = body.reports.find((r: { id: string }) => r.id === '001_81891852024e78d9');
    expect(qt).toMatchObject({ place: 'Quảng Trị', seed: true });
    expect(qt.passages).toBeGreaterThan(3);
  });

  it('returns a report with the stored text its passages point into', async () => {
    const { app } = await testApp();
    const body = await (await app.request('/api/reports/001_81891852024e78d9')).json();
    expect(body.text).toContain('14.040 hộ nghèo');
    for (const p of body.passageList)
      expect(body.text.slice(p.start, p.end).trim()).toBe(body.text.slice(p.start, p.end));
  });

  it('answers 404 in the contract shape for an unknown id', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/reports/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('DELETE /api/reports/:id', () => {
  it('removes a report from the store, the list and the search', async () => {
    const { app, store } = await testApp();
    await app.request(postJson('/api/reports', report, admin));
    const res = await app.request(
      new Request('http://localhost/api/reports/ha-giang-2024', { method: 'DELETE', headers: admin }),
    );
    expect(res.status).toBe(200);
    expect(await storedIds(store)).toEqual([]);
    expect((await app.request('/api/reports/ha-giang-2024')).status).toBe(404);
    const hits = (await (await app.request('/api/search?q=ho%20ngheo%20ha%20giang')).json()).hits;
    expect(hits.some((h: { reportId: string }) => h.reportId === 'ha-giang-2024')).toBe(false);
  });

  it('needs the admin token', async () => {
    const { app } = await testApp();
    await app.request(postJson('/api/reports', report, admin));
    const res = await app.request(new Request('http://localhost/api/reports/ha-giang-2024', { method: 'DELETE' }));
    expect(res.status).toBe(401);
    expect((await app.request('/api/reports/ha-giang-2024')).status).toBe(200);
  });

  it('refuses to delete a seed', async () => {
    const { app } = await testApp();
    const res = await app.request(
      new Request('http://localhost/api/reports/001_81891852024e78d9', { method: 'DELETE', headers: admin }),
    );
    expect(res.status).toBe(409);
  });
});
