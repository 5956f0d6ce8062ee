import { describe, expect, it } from 'vitest';
import { postJson, testApp } from '../helpers/app.ts';
import { ANSWERED, fakeAssistant, NOT_FOUND } from '../helpers/fake-assistant.ts';

const ask = (content: string, extra: Record<string, unknown> = {}) =>
  postJson('/v1/chat/completions', { model: 'vn-welfare-qa', messages: [{ role: 'user', content }], ...extra });

/** The data lines of an SSE body, parsed. */
function sseEvents(text: string): unknown[] {
  return text
    .split('\n\n')
    .map((ev) =>
      ev
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('\n'),
    )
    .filter(Boolean)
    .map((d) => (d === '[DONE]' ? d : JSON.parse(d)));
}

describe('POST /v1/chat/completions', () => {
  it('answers with the answer text and its sources as footnotes', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request(ask('hộ nghèo Quảng Trị cuối 2023?'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0].finish_reason).toBe('stop');
    const text: string = body.choices[0].message.content;
    expect(text.startsWith(ANSWERED.answer)).toBe(true);
    expect(text).toContain('Phép tính:\n- Tỷ lệ hộ nghèo giảm: 9,95 − 7,71 = 2,24 điểm %');
    expect(text).toContain('Nguồn:\n[1] Sở LĐ-TB&XH tỉnh Quảng Trị triển khai nhiệm vụ năm 2024');
    expect(text).toContain('http://localhost/reports/001_81891852024e78d9#100-178');
  });

  it('carries the structured answer in the `answer` field', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const body = await (await app.request(ask('hộ nghèo Quảng Trị cuối 2023?'))).json();
    expect(body.answer).toEqual(ANSWERED);
  });

  it('passes earlier user and assistant turns on as history, without system messages', async () => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant });
    await app.request(
      postJson('/v1/chat/completions', {
        messages: [
          { role: 'system', content: 'Bạn là trợ lý.' },
          { role: 'user', content: 'hộ nghèo Quảng Trị cuối 2023?' },
          { role: 'assistant', content: 'Cuối năm 2023, Quảng Trị còn 14.040 hộ nghèo [1].' },
          { role: 'user', content: [{ type: 'text', text: 'còn cận nghèo?' }] },
        ],
      }),
    );
    expect(assistant.asked).toEqual([
      {
        question: 'còn cận nghèo?',
        history: [
          { role: 'user', content: 'hộ nghèo Quảng Trị cuối 2023?' },
          { role: 'assistant', content: 'Cuối năm 2023, Quảng Trị còn 14.040 hộ nghèo [1].' },
        ],
      },
    ]);
  });

  it('serves an unknown model name with the default model', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const body = await (await app.request(ask('hộ nghèo?', { model: 'gpt-4o-mini' }))).json();
    expect(body.model).toBe('vn-welfare-qa');
  });

  it('checks claims with the verify model', async () => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant });
    const body = await (
      await app.request(ask('Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo.', { model: 'vn-welfare-qa-verify' }))
    ).json();
    expect(assistant.verified).toEqual(['Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo.']);
    expect(body.answer.verdict).toBe('refuted');
  });

  it('lists the suggestions of a not-found answer in the reply text', async () => {
    const { app } = await testApp({ assistant: fakeAssistant(() => NOT_FOUND) });
    const body = await (await app.request(ask('hộ nghèo Cà Mau?'))).json();
    expect(body.choices[0].message.content).toContain('Bạn có thể hỏi:\n- hộ nghèo Quảng Trị cuối 2023?');
  });

  it('streams the reply as SSE chunks whose text adds up to the reply, the answer in the last chunk', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request(ask('hộ nghèo Quảng Trị cuối 2023?', { stream: true }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = sseEvents(await res.text());
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1) as {
      object: string;
      choices: { delta: { content?: string }; finish_reason: string | null }[];
      answer?: unknown;
    }[];
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text.startsWith(ANSWERED.answer)).toBe(true);
    expect(text).toContain('Nguồn:');
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.answer).toEqual(ANSWERED);
    expect(chunks.slice(0, -1).every((c) => c.answer === undefined)).toBe(true);
  });

  it('streams only the answer text when footnotes is false', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request(ask('hộ nghèo Quảng Trị cuối 2023?', { stream: true, footnotes: false }));
    const chunks = sseEvents(await res.text()).slice(0, -1) as { choices: { delta: { content?: string } }[] }[];
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(ANSWERED.answer);
  });

  it.each([
    ['no messages', { messages: [] }],
    ["the last message is not the user's", { messages: [{ role: 'assistant', content: 'Xin chào' }] }],
    ['an empty question', { messages: [{ role: 'user', content: '   ' }] }],
    ['messages that are not a list', { messages: 'hộ nghèo?' }],
  ])("refuses %s with the contract's 400", async (_name, body) => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request(postJson('/v1/chat/completions', body));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION');
  });

  it('refuses a body that is not JSON', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request(postJson('/v1/chat/completions', '{nope'));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_JSON');
  });
});

describe('GET /v1/models', () => {
  it('lists the answering and the claim-checking models', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const body = await (await app.request('/v1/models')).json();
    expect(body.object).toBe('list');
    expect(body.data.map((m: { id: string }) => m.id)).toEqual(['vn-welfare-qa', 'vn-welfare-qa-verify']);
  });
});
