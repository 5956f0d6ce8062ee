import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAsTelegramHtml, answerAsTelegramMessages, type Block, splitBlocks } from '../../src/http/answer-text.ts';
import { questionOf } from '../../src/http/routes/telegram.ts';
import { postJson, testApp } from '../helpers/app.ts';
import { ANSWERED, fakeAssistant, NOT_FOUND } from '../helpers/fake-assistant.ts';

const SECRET = 'tg-secret-123';
const env = { TELEGRAM_WEBHOOK_SECRET: SECRET, PUBLIC_BASE_URL: 'https://tro-ly.example.vn' };
const header = { 'x-telegram-bot-api-secret-token': SECRET };

function update(text: string | undefined, extra: Record<string, unknown> = {}) {
  return {
    update_id: 10001,
    message: {
      message_id: 42,
      date: 1_700_000_000,
      chat: { id: 987654, type: 'private' },
      from: { id: 987654, is_bot: false, first_name: 'Lan' },
      ...(text === undefined ? {} : { text }),
      ...extra,
    },
  };
}

describe('POST /webhooks/telegram', () => {
  it('answers a question with a sendMessage method call in HTML', async () => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant, env });
    const res = await app.request(postJson('/webhooks/telegram', update('hộ nghèo Quảng Trị cuối 2023?'), header));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      method: 'sendMessage',
      chat_id: 987654,
      parse_mode: 'HTML',
      reply_parameters: { message_id: 42 },
    });
    expect(body.text).toContain('Quảng Trị còn 14.040 hộ nghèo');
    expect(body.text).toContain(
      '<a href="https://tro-ly.example.vn/reports/001_81891852024e78d9#100-178">[1] Sở LĐ-TB&amp;XH tỉnh Quảng Trị',
    );
    expect(assistant.asked[0]?.question).toBe('hộ nghèo Quảng Trị cuối 2023?');
  });

  it('escapes report text so it cannot inject markup', async () => {
    const { app } = await testApp({ assistant: fakeAssistant(), env });
    const body = await (await app.request(postJson('/webhooks/telegram', update('hộ nghèo?'), header))).json();
    expect(body.text).toContain('Báo cáo &lt;b&gt;thử&lt;/b&gt; &amp; "trích dẫn"');
    expect(body.text).toContain('&lt;script&gt;');
    expect(body.text).not.toContain('<script>');
  });

  it('offers the nearest figures when nothing is found', async () => {
    const { app } = await testApp({ assistant: fakeAssistant(() => NOT_FOUND), env });
    const body = await (await app.request(postJson('/webhooks/telegram', update('hộ nghèo Cà Mau?'), header))).json();
    expect(body.text).toContain('Không tìm thấy');
    expect(body.text).toContain('• hộ nghèo Quảng Trị cuối 2023?');
  });

  it('greets /start with example questions without asking the assistant', async () => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant, env });
    const body = await (await app.request(postJson('/webhooks/telegram', update('/start'), header))).json();
    expect(body.text).toContain('Xin chào');
    expect(body.text).toContain('hộ nghèo Quảng Trị cuối 2023?');
    expect(assistant.asked).toEqual([]);
  });

  it('passes the bot message a user replies to as history', async () => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant, env });
    const reply = {
      reply_to_message: {
        message_id: 41,
        text: 'Cuối năm 2023, Quảng Trị còn 14.040 hộ nghèo [1].',
        from: { id: 1, is_bot: true },
      },
    };
    await app.request(postJson('/webhooks/telegram', update('còn cận nghèo?', reply), header));
    expect(assistant.asked[0]?.history).toEqual([
      { role: 'assistant', content: 'Cuối năm 2023, Quảng Trị còn 14.040 hộ nghèo [1].' },
    ]);
  });

  it.each([
    ['a photo without text', update(undefined, { photo: [{ file_id: 'x' }] })],
    ['an unknown command', update('/settings')],
    ['a callback query', { update_id: 5, callback_query: { id: '1', data: 'x' } }],
    ['a malformed update', { hello: 'world' }],
    ['a body that is not JSON', '{not json'],
  ])('acknowledges %s with an empty 200 and asks nothing', async (_name, body) => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant, env });
    const res = await app.request(postJson('/webhooks/telegram', body, header));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(assistant.asked).toEqual([]);
  });

  it('replies with an apology, not an error status, when the assistant fails', async () => {
    const { app } = await testApp({
      assistant: fakeAssistant(() => {
        throw new Error('boom');
      }),
      env,
    });
    const res = await app.request(postJson('/webhooks/telegram', update('hộ nghèo?'), header));
    expect(res.status).toBe(200);
    expect((await res.json()).text).toContain('Xin lỗi');
  });

  it('refuses a wrong or missing secret token and asks nothing', async () => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant, env });
    const wrong = await app.request(
      postJson('/webhooks/telegram', update('hộ nghèo?'), { 'x-telegram-bot-api-secret-token': 'nope' }),
    );
    const missing = await app.request(postJson('/webhooks/telegram', update('hộ nghèo?')));
    expect(wrong.status).toBe(401);
    expect(missing.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('UNAUTHORIZED');
    expect(assistant.asked).toEqual([]);
  });

  it('is off (403) when TELEGRAM_WEBHOOK_SECRET is unset', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request(postJson('/webhooks/telegram', update('hộ nghèo?'), header));
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain('TELEGRAM_WEBHOOK_SECRET');
  });

  it("cuts a long answer cleanly within Telegram's 4096 characters", async () => {
    const long = { ...ANSWERED, answer: `${'Quảng Trị còn 14.040 hộ nghèo <chiếm> 7,71% & giảm. '.repeat(150)}[1]` };
    const { app } = await testApp({ assistant: fakeAssistant(() => long), env });
    const body = await (await app.request(postJson('/webhooks/telegram', update('hộ nghèo?'), header))).json();
    expect(body.text.length).toBeLessThanOrEqual(4096);
    expect(body.text).toMatch(/…$/);
    expect(body.text).not.toMatch(/&[a-z]*…$/);
  });
});

describe('answerAsTelegramHtml', () => {
  it('keeps every tag closed when sources are dropped for length', () => {
    const many = {
      ...ANSWERED,
      citations: Array.from({ length: 60 }, (_, i) => ({
        ...ANSWERED.citations[0]!,
        n: i + 1,
        quote: 'x'.repeat(150),
      })),
    };
    const html = answerAsTelegramHtml(many, 'https://x.vn');
    expect(html.length).toBeLessThanOrEqual(4096);
    expect(html.split('<a ').length).toBe(html.split('</a>').length);
    expect(html.split('<i>').length).toBe(html.split('</i>').length);
  });
});

describe('questionOf', () => {
  it.each([
    ['hộ nghèo Quảng Trị cuối 2023?', 'hộ nghèo Quảng Trị cuối 2023?'],
    ['/ask@ViWelfareBot hộ nghèo Bắc Kạn 2024', 'hộ nghèo Bắc Kạn 2024'],
    ['/hoi tỷ lệ hộ nghèo Tây Sơn', 'tỷ lệ hộ nghèo Tây Sơn'],
    ['/start', ''],
    ['/help@ViWelfareBot', ''],
    ['/settings', null],
    ['   ', null],
  ])('reads %j as %j', (text, expected) => {
    expect(questionOf(text)).toBe(expected);
  });
});

describe('a long answer on Telegram', () => {
  /** A local server standing in for the Bot API: records each method call in the order it came. */
  let api: Server;
  let apiBase = '';
  const calls: { path: string; body: Record<string, unknown> }[] = [];
  beforeAll(async () => {
    api = createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => {
        calls.push({ path: req.url ?? '', body: JSON.parse(raw) });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true, result: { message_id: calls.length } }));
      });
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => api.close(() => r())));

  const sentences = Array.from(
    { length: 120 },
    (_, i) => `Xã số ${i + 1} của huyện còn ${1000 + i * 37} hộ nghèo <theo rà soát> & cận nghèo.`,
  );
  const long = { ...ANSWERED, answer: `${sentences.join(' ')} [1]` };

  it('goes out as several messages through the Bot API, in order, each within 4096 characters', async () => {
    calls.length = 0;
    const { app } = await testApp({
      assistant: fakeAssistant(() => long),
      env: { ...env, TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_API_BASE: apiBase },
    });
    const res = await app.request(postJson('/webhooks/telegram', update('hộ nghèo các xã?'), header));
    expect(res.status).toBe(200);
    for (let i = 0; i < 100 && !calls.some((c) => String(c.body.text).includes('Nguồn:')); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(calls.length).toBeGreaterThan(1);
    expect(
      calls.every(
        (c) => c.path === '/bot123:abc/sendMessage' && c.body.chat_id === 987654 && c.body.parse_mode === 'HTML',
      ),
    ).toBe(true);
    // The first part replies to the question; the rest follow it.
    expect(calls[0]?.body.reply_parameters).toMatchObject({ message_id: 42 });
    expect(calls.slice(1).every((c) => c.body.reply_parameters === undefined)).toBe(true);
    const texts = calls.map((c) => String(c.body.text));
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(4096);
    // Every sentence whole and in order, escaped once; the sources last.
    const shown = texts.join(' ').split(/\s+/).join(' ');
    const escaped = sentences
      .map((x) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
      .join(' ');
    expect(shown.startsWith(escaped)).toBe(true);
    expect(texts.at(-1)).toContain('<a href="https://tro-ly.example.vn/reports/001_81891852024e78d9#100-178">');
  });

  it('is cut to one message in the webhook reply without TELEGRAM_BOT_TOKEN', async () => {
    const { app } = await testApp({ assistant: fakeAssistant(() => long), env });
    const body = await (await app.request(postJson('/webhooks/telegram', update('hộ nghèo các xã?'), header))).json();
    expect(body.method).toBe('sendMessage');
    expect(body.text.length).toBeLessThanOrEqual(4096);
  });

  it('keeps every tag closed in every part, and ends the last with … past the parts allowed', () => {
    const parts = answerAsTelegramMessages({ ...long, answer: long.answer.repeat(8) }, 'https://x.vn');
    expect(parts).toHaveLength(4);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p.split('<a ').length).toBe(p.split('</a>').length);
      expect(p.split('<i>').length).toBe(p.split('</i>').length);
      expect(p).not.toMatch(/&[a-z]*$/);
    }
    expect(parts.at(-1)).toMatch(/…$/);
  });

  it('breaks a paragraph at a sentence, not inside "14.040"', () => {
    const text = 'Tỉnh còn 14.040 hộ nghèo. Tỷ lệ 7,71%. Huyện A còn 1.234 hộ.';
    const block: Block = { text, render: (s) => s };
    expect(splitBlocks([block], 30)).toEqual(['Tỉnh còn 14.040 hộ nghèo.', 'Tỷ lệ 7,71%.', 'Huyện A còn 1.234 hộ.']);
  });
});
