// The bots as officials use them (issue 18): /start and /help say what the reports cover and how to
// ask; /kiemtra, or a claim typed plainly ("…, đúng không?"), gets the verdict with its source.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBotMessage } from '../../src/http/bot-messages.ts';
import { postJson, testApp } from '../helpers/app.ts';

describe('parseBotMessage', () => {
  it.each([
    ['/start', { kind: 'help' }],
    ['/help@ViWelfareBot', { kind: 'help' }],
    ['trợ giúp', { kind: 'help' }],
    ['/hoi hộ nghèo Quảng Trị cuối 2023?', { kind: 'ask', question: 'hộ nghèo Quảng Trị cuối 2023?' }],
    ['hộ nghèo Quảng Trị cuối 2023?', { kind: 'ask', question: 'hộ nghèo Quảng Trị cuối 2023?' }],
    ['/kiemtra Quảng Trị còn 15.040 hộ nghèo', { kind: 'verify', claim: 'Quảng Trị còn 15.040 hộ nghèo' }],
    [
      'Cuối 2023 Quảng Trị còn 14.040 hộ nghèo, đúng không?',
      { kind: 'verify', claim: 'Cuối 2023 Quảng Trị còn 14.040 hộ nghèo' },
    ],
    ['Có đúng là Quảng Trị còn 14.040 hộ nghèo không?', { kind: 'verify', claim: 'Quảng Trị còn 14.040 hộ nghèo' }],
    // No number: nothing to check, so it is a question.
    ['Quảng Trị còn hộ nghèo, đúng không?', { kind: 'ask', question: 'Quảng Trị còn hộ nghèo, đúng không?' }],
    ['/unknown x', null],
  ])('reads "%s"', (text, expected) => {
    expect(parseBotMessage(text)).toEqual(expected);
  });
});

const SECRET = 'tg-secret-cmd';
const tg = (text: string) => ({
  update_id: 5,
  message: {
    message_id: 9,
    date: 1_700_000_000,
    chat: { id: 42, type: 'private' },
    from: { id: 42, is_bot: false, first_name: 'Lan' },
    text,
  },
});
const tgEnv = { TELEGRAM_WEBHOOK_SECRET: SECRET, PUBLIC_BASE_URL: 'https://tro-ly.example.vn' };
const tgHeader = { 'x-telegram-bot-api-secret-token': SECRET };

describe('the Telegram bot over the seeds', () => {
  const send = async (text: string) => {
    const { app } = await testApp({ env: tgEnv });
    return (await (await app.request(postJson('/webhooks/telegram', tg(text), tgHeader))).json()).text as string;
  };

  it('answers /start with what the reports cover, how to ask and how to check a figure', async () => {
    const text = await send('/start');
    expect(text).toMatch(/Các báo cáo hiện có: 5 báo cáo về .*Quảng Trị/);
    expect(text).toMatch(/năm \d{4}–\d{4}/);
    expect(text).toContain('/kiemtra');
    expect(text).toContain('hộ nghèo Quảng Trị cuối 2023?');
  });

  it('checks /kiemtra with a verdict and a linked source', async () => {
    const text = await send('/kiemtra Cuối năm 2023, Quảng Trị còn 14.040 hộ nghèo');
    expect(text).toMatch(/^Đúng với báo cáo\./);
    expect(text).toContain('<a href="https://tro-ly.example.vn/reports/');
  });

  it('refutes a wrong figure typed plainly as a claim, with the figure the report states', async () => {
    const text = await send('Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo, đúng không?');
    expect(text).toMatch(/^Không đúng với báo cáo\./);
    expect(text).toContain('14.040 hộ');
  });
});

// The Zalo OA message API, played by a local server that records what the bot sends.
let oa: Server;
let oaBase = '';
const sent: string[] = [];
beforeAll(async () => {
  oa = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      sent.push(JSON.parse(body).message.text);
      res.setHeader('content-type', 'application/json');
      res.end('{"error":0}');
    });
  });
  await new Promise<void>((r) => oa.listen(0, '127.0.0.1', r));
  oaBase = `http://127.0.0.1:${(oa.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => oa.close(() => r())));

describe('the Zalo bot over the seeds', () => {
  const APP = 'zalo-app';
  const KEY = 'zalo-key';
  const send = async (text: string) => {
    const { app } = await testApp({
      env: {
        ZALO_APP_ID: APP,
        ZALO_OA_SECRET_KEY: KEY,
        ZALO_OA_ACCESS_TOKEN: 't',
        ZALO_API_BASE: oaBase,
        PUBLIC_BASE_URL: 'https://tro-ly.example.vn',
      },
    });
    const event = {
      app_id: APP,
      event_name: 'user_send_text',
      timestamp: String(Date.now()),
      sender: { id: '77' },
      message: { msg_id: `m-${Math.random()}`, text },
    };
    const raw = JSON.stringify(event);
    const mac = createHash('sha256').update(`${APP}${raw}${event.timestamp}${KEY}`).digest('hex');
    const before = sent.length;
    const res = await app.request(
      new Request('http://localhost/webhooks/zalo', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` },
        body: raw,
      }),
    );
    expect(res.status).toBe(200);
    for (let i = 0; i < 100 && sent.length === before; i++) await new Promise((r) => setTimeout(r, 50));
    return sent[before] ?? '';
  };

  it('answers /help with the coverage in plain text', async () => {
    const text = await send('/help');
    expect(text).toMatch(/Các báo cáo hiện có: 5 báo cáo/);
    expect(text).not.toMatch(/<[a-z]/);
  });

  it('gives a claim its verdict, with the source as a short link', async () => {
    const text = await send('Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo, đúng không?');
    expect(text).toMatch(/^Không đúng với báo cáo\./);
    expect(text).toContain('https://tro-ly.example.vn/r/');
  });
});
