// The Workers runtime: wrangler dev (workerd, offline) serves the same app over the bundled index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startWranglerDev } from '../helpers/server.ts';

let worker: Running;

beforeAll(async () => {
  worker = await startWranglerDev();
}, 150_000);

afterAll(async () => {
  await worker?.stop();
});

describe('the Worker under wrangler dev', () => {
  it('answers /healthz with the bundled seeds', async () => {
    const body = await (await fetch(`${worker.base}/healthz`)).json();
    expect(body).toMatchObject({ ok: true, reports: 5, runtime: 'workers' });
  });

  it('finds the Quảng Trị poor households without accents', async () => {
    const body = await (
      await fetch(`${worker.base}/api/search?q=${encodeURIComponent('ho ngheo quang tri')}&limit=3`)
    ).json();
    expect(body.hits[0].reportId).toBe('001_81891852024e78d9');
    expect(body.hits[0].text).toContain('14.040 hộ nghèo');
  });

  it('serves a report with the text its offsets point into', async () => {
    const body = await (await fetch(`${worker.base}/api/reports/003_401ea66197704b5d`)).json();
    expect(body.text).toContain('94,79%');
  });

  it('refuses ingestion when no admin token is configured', async () => {
    const res = await fetch(`${worker.base}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'x', text: 'Tỉnh Hà Giang còn 1.000 hộ nghèo.' }),
    });
    expect(res.status).toBe(403);
  });
});
