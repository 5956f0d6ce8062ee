// 10.000 tiny reports are all accepted, and neither ingestion nor asking slows down out of
// proportion as they pile up (the last thousand posts cost about what the first thousand did).
import { afterAll, describe, expect, it } from 'vitest';
import { admin, postJson, testApp } from '../helpers/app.ts';
import { recordFigures } from './figures.ts';

const COUNT = Number(process.env.MANY_REPORTS ?? 10_000);
const BATCH = 1000;
const PROVINCES = ['Hà Giang', 'Lào Cai', 'Quảng Trị', 'Bắc Kạn', 'Điện Biên', 'Sơn La', 'Gia Lai', 'Kon Tum'];

const tiny = (i: number) =>
  `Xã số ${i}, tỉnh ${PROVINCES[i % PROVINCES.length]}\n\nĐến cuối năm 2024, xã còn ${(i % 500) + 10} hộ nghèo, chiếm ${(i % 40) + 1},${i % 10}%.`;

const figures: Record<string, unknown> = {};

describe(`${COUNT.toLocaleString('vi-VN')} tiny reports`, () => {
  afterAll(async () => {
    await recordFigures('many-reports', figures);
  });

  it('are all accepted, the last thousand no slower than a few times the first thousand', async () => {
    const { app, corpus } = await testApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
    const askMs = async () => {
      const t0 = performance.now();
      const res = await app.request(postJson('/api/ask', { question: 'hộ nghèo Quảng Trị cuối 2023?' }));
      expect(res.status).toBe(200);
      return performance.now() - t0;
    };
    const askBefore = await askMs();
    const batchMs: number[] = [];
    for (let start = 0; start < COUNT; start += BATCH) {
      const t0 = performance.now();
      for (let i = start; i < Math.min(COUNT, start + BATCH); i++) {
        const res = await app.request(postJson('/api/reports', { id: `xa-${i}`, text: tiny(i) }, admin));
        if (res.status !== 201) throw new Error(`report ${i}: ${res.status} ${await res.text()}`);
      }
      batchMs.push(performance.now() - t0);
    }
    const askAfter = await askMs();
    const list = await (await app.request('/api/reports')).json();
    expect(list.reports.length).toBe(COUNT + 5);
    expect(corpus.size).toBe(COUNT + 5);
    const first = batchMs[0] as number;
    const last = batchMs.at(-1) as number;
    Object.assign(figures, {
      reports: COUNT,
      firstBatchMs: Math.round(first),
      lastBatchMs: Math.round(last),
      postsPerSecond: Math.round((COUNT / batchMs.reduce((a, b) => a + b, 0)) * 1000),
      askBeforeMs: Math.round(askBefore),
      askAfterMs: Math.round(askAfter),
    });
    expect(last).toBeLessThan(first * 4);
  }, 180_000);
});
