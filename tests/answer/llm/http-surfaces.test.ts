// The model's text reaches people through the assistant only: /api/ask (JSON, or streamed when
// asked), /v1/chat/completions and so the widget. /api/ask JSON stays what it was.
import { afterAll, describe, expect, it } from 'vitest';
import { completion } from '../../../src/cli/fake-llm.ts';
import { postJson, testApp } from '../../helpers/app.ts';
import { closeAll, llmRig } from './setup.ts';

afterAll(closeAll);

const Q = 'hộ nghèo Quảng Trị cuối 2023?';
const PHRASED = 'Đến cuối năm 2023, tỉnh Quảng Trị còn 14.040 hộ nghèo, tương đương 7,71% tổng số hộ [1].';

/** An SSE body as [event, data] pairs. */
function sse(text: string): { event: string; data: string }[] {
  return text
    .split('\n\n')
    .filter((b) => b.trim())
    .map((block) => {
      const lines = block.split('\n');
      return {
        event:
          lines
            .find((l) => l.startsWith('event:'))
            ?.slice(6)
            .trim() ?? 'message',
        data: lines
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n'),
      };
    });
}

describe('POST /api/ask streamed', () => {
  it('answers JSON as before when no stream is asked', async () => {
    const { app, assistant } = await testApp();
    const res = await app.request(postJson('/api/ask', { question: Q }));
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(await assistant.ask({ question: Q, history: [] }));
  });

  it.each([
    ['Accept: text/event-stream', '/api/ask', { accept: 'text/event-stream' }],
    ['?stream=1', '/api/ask?stream=1', {}],
  ])('streams the deterministic answer in delta events, then the result, for %s', async (_how, path, headers) => {
    const { app, assistant } = await testApp();
    const res = await app.request(postJson(path, { question: Q }, headers));
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = sse(await res.text());
    const deltas = events.filter((e) => e.event === 'delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(events.at(-1)?.event).toBe('result');
    const result = JSON.parse(events.at(-1)?.data ?? '{}');
    expect(result).toEqual(await assistant.ask({ question: Q, history: [] }));
    expect(deltas.map((e) => JSON.parse(e.data).text).join('')).toBe(result.answer);
  });

  it('still validates the body before streaming', async () => {
    const { app } = await testApp();
    const res = await app.request(postJson('/api/ask?stream=1', { question: '' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION');
  });
});

describe("the model's wording on every surface", () => {
  async function appWithModel() {
    const rig = await llmRig(() => ({ json: completion(PHRASED) }));
    const { app } = await testApp({ assistant: rig.assistant });
    return app;
  }

  it('streams the phrased text from /api/ask', async () => {
    const app = await appWithModel();
    const events = sse(
      await (await app.request(postJson('/api/ask', { question: Q }, { accept: 'text/event-stream' }))).text(),
    );
    expect(
      events
        .filter((e) => e.event === 'delta')
        .map((e) => JSON.parse(e.data).text)
        .join(''),
    ).toBe(PHRASED);
    expect(JSON.parse(events.at(-1)?.data ?? '{}').answer).toBe(PHRASED);
  });

  it('answers /v1/chat/completions with the phrased text, plain and streamed', async () => {
    const app = await appWithModel();
    const body = { model: 'vn-welfare-qa', footnotes: false, messages: [{ role: 'user', content: Q }] };
    const plain = await (await app.request(postJson('/v1/chat/completions', body))).json();
    expect(plain.choices[0].message.content).toBe(PHRASED);
    const streamed = sse(await (await app.request(postJson('/v1/chat/completions', { ...body, stream: true }))).text())
      .map((e) => e.data)
      .filter((d) => d !== '[DONE]')
      .map((d) => JSON.parse(d));
    expect(streamed.map((c) => c.choices[0].delta.content ?? '').join('')).toBe(PHRASED);
    expect(streamed.at(-1).answer.answer).toBe(PHRASED);
  });
});
