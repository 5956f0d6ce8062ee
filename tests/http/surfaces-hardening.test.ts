// Issue 15, findings 9 and 10 on the surfaces: the bots limited per sender, report titles that
// cannot become Markdown in a reply, and links that never follow a forged Host header.
import { describe, expect, it } from 'vitest';
import { postJson, testApp } from '../helpers/app.ts';
import { ANSWERED, fakeAssistant } from '../helpers/fake-assistant.ts';

const SECRET = 'tg-secret-123';
const tgHeader = { 'x-telegram-bot-api-secret-token': SECRET };
const tgUpdate = (chat: number, text = 'hộ nghèo Quảng Trị cuối 2023?') => ({
  update_id: 1,
  message: {
    message_id: 7,
    date: 1_700_000_000,
    chat: { id: chat, type: 'private' },
    from: { id: chat, is_bot: false, first_name: 'Lan' },
    text,
  },
});
const chat = (content: string, host = 'localhost') =>
  new Request(`http://${host}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', host },
    body: JSON.stringify({ messages: [{ role: 'user', content }] }),
  });

describe('the Telegram bot', () => {
  it('answers each chat within its own limit and tells the one over it, in Vietnamese, when to ask again', async () => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant, env: { TELEGRAM_WEBHOOK_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '2' } });
    const send = async (id: number) =>
      (await app.request(postJson('/webhooks/telegram', tgUpdate(id), tgHeader))).json();
    expect((await send(1)).text).toContain('14.040');
    expect((await send(1)).text).toContain('14.040');
    const third = await send(1);
    expect(third.text).toMatch(/quá nhiều câu hỏi.*thử lại sau \d+ giây/);
    expect((await send(2)).text).toContain('14.040');
    expect(assistant.asked).toHaveLength(3);
  });
});

describe('report titles in a Markdown reply', () => {
  it('are shown as written, never as a link or an image', async () => {
    const hostile = {
      ...ANSWERED,
      citations: ANSWERED.citations.map((c) => ({
        ...c,
        title: '[Bấm vào đây](https://lua-dao.example) ![x](https://x.example/a.png) **đậm**',
      })),
    };
    const { app } = await testApp({
      assistant: fakeAssistant(() => hostile),
      env: { PUBLIC_BASE_URL: 'https://tro-ly.example.vn' },
    });
    const text: string = (await (await app.request(chat('hộ nghèo?'))).json()).choices[0].message.content;
    expect(text).not.toMatch(/(?<!\\)\[Bấm vào đây\]\(/);
    expect(text).not.toMatch(/(?<!\\)!\[x\]/);
    expect(text).toContain('\\[Bấm vào đây\\](https://lua-dao.example)');
    expect(text).toContain('\\*\\*đậm\\*\\*');
  });
});

describe('links in replies', () => {
  it('follow PUBLIC_BASE_URL, whatever Host the request names', async () => {
    const { app } = await testApp({
      assistant: fakeAssistant(),
      env: { PUBLIC_BASE_URL: 'https://tro-ly.example.vn' },
    });
    const text: string = (await (await app.request(chat('hộ nghèo?', 'attacker.example'))).json()).choices[0].message
      .content;
    expect(text).toContain('https://tro-ly.example.vn/reports/');
    expect(text).not.toContain('attacker.example');
  });

  it('without PUBLIC_BASE_URL, never point at a forged Host: sources are named, not linked', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const forged: string = (await (await app.request(chat('hộ nghèo?', 'attacker.example'))).json()).choices[0].message
      .content;
    expect(forged).not.toContain('attacker.example');
    expect(forged).toContain('Nguồn:\n[1] Sở LĐ-TB&XH tỉnh Quảng Trị');
    // On this machine itself (development), the request's origin is still used.
    const local: string = (await (await app.request(chat('hộ nghèo?', 'localhost'))).json()).choices[0].message.content;
    expect(local).toContain('http://localhost/reports/');
  });
});
