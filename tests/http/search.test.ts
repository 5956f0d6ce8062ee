import { describe, expect, it } from 'vitest';
import { admin, postJson, testApp } from '../helpers/app.ts';

async function search(app: Awaited<ReturnType<typeof testApp>>['app'], q: string, limit = 3) {
  const res = await app.request(`/api/search?q=${encodeURIComponent(q)}&limit=${limit}`);
  expect(res.status).toBe(200);
  return (await res.json()).hits as { reportId: string; text: string; start: number; end: number; snippet: string }[];
}

describe('GET /api/search', () => {
  it.each([
    ['ho ngheo quang tri', '001_81891852024e78d9', '14.040 hộ nghèo'],
    ['lao dong nuoc ngoai Bac Kan', '002_14133727df29d6d0', '1.200/700 người'],
  ])('puts the passage answering "%s" first', async (q, reportId, quote) => {
    const { app } = await testApp();
    const [first] = await search(app, q);
    expect(first?.reportId).toBe(reportId);
    expect(first?.text).toContain(quote);
  });

  // A topic and a place, no metric: three Tây Sơn passages name a BHYT metric and tie on every
  // feature but BM25 (tests/search/passage-index.test.ts), so the coverage rate is among the first three.
  it('puts the coverage passage among the first three for the bare "BHYT Tay Son"', async () => {
    const { app } = await testApp();
    const hits = await search(app, 'BHYT Tay Son', 3);
    expect(hits.every((h) => h.reportId === '003_401ea66197704b5d')).toBe(true);
    expect(hits.some((h) => h.text.includes('94,79%'))).toBe(true);
  });

  it('returns offsets that point at the passage in the stored text', async () => {
    const { app } = await testApp();
    const hits = await search(app, 'hộ cận nghèo', 10);
    for (const h of hits) {
      const report = await (await app.request(`/api/reports/${h.reportId}`)).json();
      expect(report.text.slice(h.start, h.end)).toBe(h.text);
    }
  });

  it('highlights matched words and escapes HTML in snippets', async () => {
    const { app } = await testApp();
    await app.request(
      postJson(
        '/api/reports',
        { id: 'xss', text: 'Tỉnh Lào Cai <script>alert(1)</script> còn 9.876 hộ nghèo cuối năm 2023.' },
        admin,
      ),
    );
    const [first] = await search(app, 'ho ngheo Lao Cai');
    expect(first?.snippet).toContain('<mark>');
    expect(first?.snippet).not.toContain('<script>');
  });

  it.each([['q='], ['q=%20%20'], ['q=abc&limit=0'], ['q=abc&limit=x']])('rejects %s with 400', async (qs) => {
    const { app } = await testApp();
    const res = await app.request(`/api/search?${qs}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION');
  });
});
