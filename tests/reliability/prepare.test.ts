// Issue 15, finding 1: one POST took the service down. A report of one number repeated was stored
// before its figures were read, reading them was quadratic, and with it stored the server no
// longer started. Now a report is prepared in full before it is stored, within a budget, in
// linear time and with the event loop given back; what cannot be prepared is refused, not kept.
import { describe, expect, it } from 'vitest';
import { prepareReport } from '../../src/corpus/prepare.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../src/text/sentences.ts';
import { admin, postJson, testApp } from '../helpers/app.ts';

const repeat = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

describe('a report that is a run of figures', () => {
  // Every step after sentence splitting looks across the figure's sentence; a 25 KB "sentence"
  // of "12% 12% …" made each of its 6.000 figures read 25 KB (4,6 s).
  it.each([
    ['12% ', 25_000],
    ['120 hộ\t', 25_000],
    ['Xã Tân Lập có 120 hộ nghèo ', 50_000],
    ['1.2.3.4.', 10_000],
    ['1', 100_000],
  ])('is read in sentences of at most MAX_SENTENCE_CHARS ("%s" × %i characters)', (unit, chars) => {
    const text = repeat(unit, chars);
    const spans = splitSentences(text);
    expect(Math.max(...spans.map((s) => s.end - s.start))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    // Together they cover the text: only whitespace is left between one span and the next.
    expect(spans[0]?.start).toBe(0);
    expect(spans.at(-1)?.end).toBe(text.trimEnd().length);
    for (let i = 1; i < spans.length; i++) expect(text.slice(spans[i - 1]?.end, spans[i]?.start)).toMatch(/^\s*$/);
  });

  it('keeps real prose whole: a 1.050-character sentence (the longest in the sample reports) is one sentence', () => {
    const sentence = `Trong năm 2023, ${'toàn huyện đã hỗ trợ 120 hộ nghèo, 45 hộ cận nghèo, '.repeat(20)}hoàn thành kế hoạch.`;
    expect(sentence.length).toBeGreaterThan(1000);
    expect(splitSentences(sentence)).toEqual([{ start: 0, end: sentence.length }]);
  });

  it('is refused over its budget of figures, with a TOO_COMPLEX error that says nothing was stored', async () => {
    await expect(prepareReport({ id: 'dots', text: repeat('1.2.3.4.', 250_000) })).rejects.toMatchObject({
      code: 'TOO_COMPLEX',
      message: expect.stringMatching(/nothing was stored/),
    });
  }, 60_000);

  it('answers 422 over HTTP and leaves the store and the corpus as they were', async () => {
    const store = new MemoryStore();
    const { app, corpus } = await testApp({ store });
    const before = corpus.size;
    const res = await app.request(postJson('/api/reports', { id: 'dots', text: repeat('1.2.3.4.', 250_000) }, admin));
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('TOO_COMPLEX');
    expect((await store.list()).reports).toEqual([]);
    expect(corpus.size).toBe(before);
    expect((await app.request('/api/reports/dots')).status).toBe(404);
  }, 60_000);

  it('gives the event loop back while it is prepared: a health check is answered before the post', async () => {
    const { app } = await testApp();
    const order: string[] = [];
    const post = Promise.resolve(
      app.request(
        postJson(
          '/api/reports',
          { id: 'dense', text: repeat('Hộ nghèo năm 2023 còn 14.040 hộ, chiếm 7,71%. ', 300_000) },
          admin,
        ),
      ),
    ).then((r) => {
      order.push(`post ${r.status}`);
    });
    // Let the post start preparing, then ask for health while it is busy.
    await new Promise((r) => setTimeout(r, 5));
    const health = Promise.resolve(app.request('/healthz')).then((r) => {
      order.push(`health ${r.status}`);
    });
    await Promise.all([post, health]);
    expect(order).toEqual(['health 200', 'post 201']);
  }, 60_000);
});

// The same finding on the anonymous side: a 2.000-character claim of "120 hộ 120 hộ …" ranked the
// corpus once per number (≈ 9 s, growing with the square of the claim's length).
describe('a claim that is a run of figures', () => {
  it('is checked once per distinct figure', async () => {
    const { app } = await testApp();
    const res = await app.request(postJson('/api/verify', { claim: '120 hộ '.repeat(285).trim() }));
    expect(res.status).toBe(200);
    const body = await res.json();
    // The first "120 hộ" is read without a figure before it, the 284 after it alike: two distinct readings at most.
    expect(body.answer.split('\n').filter((l: string) => l.startsWith('- ')).length).toBeLessThanOrEqual(2);
  });

  it('is checked on its first 8 distinct figures, and says so', async () => {
    const { app } = await testApp();
    const claim = Array.from({ length: 300 }, (_, i) => `${i + 1} hộ`)
      .join(' ')
      .slice(0, 2000);
    const body = await (await app.request(postJson('/api/verify', { claim }))).json();
    expect(body.verdict).not.toBe('supported');
    expect(body.answer).toMatch(/chỉ đối chiếu 8 số đầu/);
    expect(body.answer.split('\n').filter((l: string) => l.startsWith('- '))).toHaveLength(9);
  });
});
