// Issue 17: the chat page (POST /api/ask) and POST /v1/chat/completions recognise a claim in a
// message and answer with the verdict over the seeds, as /api/verify and the bots do.
import { describe, expect, it } from 'vitest';
import { AskResponse } from '../../src/contract.ts';
import { postJson, testApp } from '../helpers/app.ts';

const QT = '001_81891852024e78d9';
const TINH_BIEN = '004_a7e06813fcc290be';

async function ask(question: string) {
  const { app } = await testApp();
  const res = await app.request(postJson('/api/ask', { question }));
  expect(res.status).toBe(200);
  return AskResponse.parse(await res.json());
}

describe('POST /api/ask with a claim', () => {
  it('supports a claim whose figure a seed states, with its citation', async () => {
    const res = await ask('Cuối năm 2023 Quảng Trị còn 14.040 hộ nghèo, đúng không?');
    expect(res.verdict).toBe('supported');
    expect(res.verification).toEqual({ verdict: 'supported', claim: 'Cuối năm 2023 Quảng Trị còn 14.040 hộ nghèo' });
    expect(res.answer).toMatch(/^Đúng với báo cáo\./);
    expect(res.citations.some((c) => c.reportId === QT && c.quote.includes('14.040'))).toBe(true);
  });

  it('refutes a wrong figure and says the figure the report states', async () => {
    const res = await ask('Có đúng là cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo không?');
    expect(res.verification).toEqual({ verdict: 'refuted', claim: 'cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo' });
    expect(res.answer).toMatch(/^Không đúng với báo cáo\./);
    expect(res.answer).toContain('14.040 hộ');
    expect(res.citations.some((c) => c.reportId === QT)).toBe(true);
  });

  it('refutes a target claimed as a result', async () => {
    const res = await ask('Kiểm tra: năm 2019 Tịnh Biên đã giảm được 1,5% tỷ lệ hộ nghèo');
    expect(res.verdict).toBe('refuted');
    expect(res.verification?.claim).toBe('năm 2019 Tịnh Biên đã giảm được 1,5% tỷ lệ hộ nghèo');
    expect(res.citations.some((c) => c.reportId === TINH_BIEN)).toBe(true);
  });

  it('answers the same as /api/verify', async () => {
    const { app } = await testApp();
    const claim = 'Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo';
    const verified = await (await app.request(postJson('/api/verify', { claim }))).json();
    const asked = await (await app.request(postJson('/api/ask', { question: `${claim}, phải không?` }))).json();
    expect(asked).toEqual({ ...verified, verification: { verdict: verified.verdict, claim } });
  });

  it('answers a question that asks for the number, not as a claim', async () => {
    const res = await ask('Cuối năm 2023 Quảng Trị còn bao nhiêu hộ nghèo?');
    expect(res.status).toBe('answered');
    expect(res.verdict).toBeUndefined();
    expect(res.verification).toBeUndefined();
    expect(res.answer).toContain('14.040');
  });

  it('streams the verdict as the result event', async () => {
    const { app } = await testApp();
    const res = await app.request(
      postJson('/api/ask?stream=1', { question: 'Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo, đúng không?' }),
    );
    const text = await res.text();
    const result = /event: result\ndata: (.*)\n/.exec(text)?.[1];
    expect(JSON.parse(result ?? '{}').verification?.verdict).toBe('refuted');
  });
});

describe('POST /v1/chat/completions with a claim', () => {
  const chat = async (content: string) => {
    const { app } = await testApp();
    const res = await app.request(
      postJson('/v1/chat/completions', { model: 'vn-welfare-qa', messages: [{ role: 'user', content }] }),
    );
    expect(res.status).toBe(200);
    return res.json();
  };

  it('replies with the verdict and its source on the answering model', async () => {
    const body = await chat('Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo, đúng không?');
    const text: string = body.choices[0].message.content;
    expect(text).toMatch(/^Không đúng với báo cáo\./);
    expect(text).toContain('14.040 hộ');
    expect(text).toContain(`/reports/${QT}`);
    expect(body.answer.verification).toEqual({
      verdict: 'refuted',
      claim: 'Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo',
    });
  });

  it('supports a claim the seeds state', async () => {
    const body = await chat('Quảng Trị còn 14.040 hộ nghèo cuối năm 2023, có đúng không?');
    expect(body.choices[0].message.content).toMatch(/^Đúng với báo cáo\./);
    expect(body.answer.verdict).toBe('supported');
  });

  it('answers a question as before', async () => {
    const body = await chat('hộ nghèo Quảng Trị cuối 2023?');
    expect(body.answer.verdict).toBeUndefined();
    expect(body.choices[0].message.content).toContain('14.040');
  });
});
