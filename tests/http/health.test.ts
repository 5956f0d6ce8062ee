import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

describe('GET /healthz', () => {
  it('reports the seeds, the passages and the storage', async () => {
    const { app } = await testApp();
    const body = await (await app.request('/healthz')).json();
    expect(body).toMatchObject({ ok: true, reports: 5, runtime: 'node', storage: 'memory' });
    expect(body.passages).toBeGreaterThan(20);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const { app } = await testApp();
    const res = await app.request('/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });
});
