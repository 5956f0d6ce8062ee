import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { zaloSignature } from '../../src/http/routes/zalo.ts';
import { formatViNumber } from '../../src/text/vi-number.ts';
import { testApp } from '../helpers/app.ts';
import { fakeAssistant, NOT_FOUND } from '../helpers/fake-assistant.ts';

const APP_ID = '4143627321512345678';
const OA_SECRET = 'oa-secret-key-test';
const TOKEN = 'oa-access-token-test';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: { recipient: { user_id: string }; message: { text: string } };
}

/** A local server standing in for the Zalo OA API: records what it receives. */
let oa: Server;
let oaBase = '';
let received: Received[] = [];
let waiters: ((r: Received) => void)[] = [];

beforeAll(async () => {
  oa = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body: JSON.parse(raw) };
      received.push(r);
      for (const w of waiters.splice(0)) w(r);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ error: 0, message: 'Success', data: { message_id: 'm1', user_id: r.body.recipient.user_id } }),
      );
    });
  });
  await new Promise<void>((r) => oa.listen(0, '127.0.0.1', r));
  oaBase = `http://127.0.0.1:${(oa.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => oa.close(() => r())));
beforeEach(() => {
  received = [];
  waiters = [];
});

function nextMessage(timeoutMs = 5000): Promise<Received> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('the OA API received nothing')), timeoutMs);
    waiters.push((r) => {
      clearTimeout(t);
      resolve(r);
    });
  });
}

const env = () => ({
  ZALO_APP_ID: APP_ID,
  ZALO_OA_SECRET_KEY: OA_SECRET,
  ZALO_OA_ACCESS_TOKEN: TOKEN,
  ZALO_API_BASE: oaBase,
  PUBLIC_BASE_URL: 'https://tro-ly.example.vn',
});

function textEvent(text: string, msgId = `msg-${Math.random()}`) {
  return {
    app_id: APP_ID,
    user_id_by_app: '552177279717587730',
    event_name: 'user_send_text',
    timestamp: String(Date.now()),
    sender: { id: '2512523625412515' },
    recipient: { id: '579745863508352884' },
    message: { msg_id: msgId, text },
  };
}

/** Signs as Zalo does: mac = sha256(app id + raw body + timestamp + OA secret key). */
function signed(event: object, opts: { secret?: string; ts?: string } = {}) {
  const raw = JSON.stringify(event);
  const ts = opts.ts ?? String((event as { timestamp?: unknown }).timestamp ?? '');
  const mac = createHash('sha256')
    .update(`${APP_ID}${raw}${ts}${opts.secret ?? OA_SECRET}`)
    .digest('hex');
  return new Request('http://localhost/webhooks/zalo', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` },
    body: raw,
  });
}

describe('POST /webhooks/zalo', () => {
  it('acknowledges a question at once and sends the answer through the OA message API', async () => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant, env: env() });
    const got = nextMessage();
    const res = await app.request(signed(textEvent('hộ nghèo Quảng Trị cuối 2023?')));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, handled: true, event: 'user_send_text' });

    const msg = await got;
    expect(msg.path).toBe('/v3.0/oa/message/cs');
    expect(msg.headers.access_token).toBe(TOKEN);
    expect(msg.body.recipient).toEqual({ user_id: '2512523625412515' });
    const text = msg.body.message.text;
    expect(text).toContain('Quảng Trị còn 14.040 hộ nghèo');
    expect(text).toContain('Phép tính:\n- Tỷ lệ hộ nghèo giảm: 9,95 − 7,71 = 2,24 điểm %');
    expect(text).toContain('Nguồn:\n[1] https://tro-ly.example.vn/r/001_81891852024e78d9#100-178\n[2] ');
    expect(text).not.toMatch(/<[a-z]/);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(assistant.asked[0]).toEqual({ question: 'hộ nghèo Quảng Trị cuối 2023?', history: [] });
  });

  it("splits a long answer into messages within Zalo's 2000 characters, at sentence ends, in order", async () => {
    const sentences = Array.from(
      { length: 80 },
      (_, i) => `Huyện số ${i + 1} còn ${formatViNumber(1000 + i * 37)} hộ nghèo.`,
    );
    const long = { ...NOT_FOUND, answer: sentences.join(' ') };
    const { app } = await testApp({ assistant: fakeAssistant(() => long), env: env() });
    await app.request(signed(textEvent('hộ nghèo Cà Mau?')));
    // The parts go out after the acknowledgement; the last one holds the suggestions.
    for (let i = 0; i < 250 && !received.at(-1)?.body.message.text.includes('Bạn có thể hỏi'); i++)
      await new Promise((r) => setTimeout(r, 20));
    const texts = received.map((r) => r.body.message.text);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(2000);
    // Every sentence whole, in one message, in order; no number cut ("1.037" stays one).
    const answerParts = texts.join('\n').split('\n\nBạn có thể hỏi')[0] as string;
    expect(answerParts.split(/\s+/).join(' ')).toBe(sentences.join(' '));
    for (const t of texts.slice(0, -1)) expect(t).toMatch(/\.$/);
  });

  it('refuses a bad signature with 401 and sends nothing', async () => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant, env: env() });
    const forged = await app.request(signed(textEvent('hộ nghèo?'), { secret: 'wrong-secret' }));
    const unsigned = await app.request(
      new Request('http://localhost/webhooks/zalo', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(textEvent('hộ nghèo?')),
      }),
    );
    expect(forged.status).toBe(401);
    expect(unsigned.status).toBe(401);
    expect((await forged.json()).error.code).toBe('UNAUTHORIZED');
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toEqual([]);
    expect(assistant.asked).toEqual([]);
  });

  it('refuses a body changed after signing', async () => {
    const { app } = await testApp({ assistant: fakeAssistant(), env: env() });
    const req = signed(textEvent('hộ nghèo?'));
    const tampered = new Request(req.url, {
      method: 'POST',
      headers: req.headers,
      body: (await req.text()).replace('hộ nghèo?', 'xóa dữ liệu'),
    });
    expect((await app.request(tampered)).status).toBe(401);
  });

  it.each(['follow', 'user_send_image', 'user_seen_message'])(
    'acknowledges a %s event and ignores it',
    async (eventName) => {
      const assistant = fakeAssistant();
      const { app } = await testApp({ assistant, env: env() });
      const res = await app.request(
        signed({
          app_id: APP_ID,
          event_name: eventName,
          timestamp: Date.now(),
          sender: { id: '1' },
          follower: { id: '1' },
        }),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, handled: false, event: eventName });
      await new Promise((r) => setTimeout(r, 100));
      expect(received).toEqual([]);
      expect(assistant.asked).toEqual([]);
    },
  );

  it('answers a redelivered message once', async () => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant, env: env() });
    const got = nextMessage();
    const event = textEvent('hộ nghèo Quảng Trị cuối 2023?', 'msg-same');
    await app.request(signed(event));
    const again = await app.request(signed(event));
    await got;
    expect((await again.json()).handled).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(1);
  });

  // Issue 15: an object where the timestamp goes answered 500 and wrote a stack trace.
  it.each([
    ['an object', { toString: 1 }],
    ['an array', [1]],
    ['text that is not milliseconds', '12:00'],
    ['missing', undefined],
  ])('answers 400, not 500, when the timestamp is %s', async (_name, timestamp) => {
    const logged: string[] = [];
    const { app } = await testApp({
      assistant: fakeAssistant(),
      env: env(),
      log: (level, msg) => logged.push(`${level} ${msg}`),
    });
    const res = await app.request(signed({ ...textEvent('hộ nghèo?'), timestamp }, { ts: '[object Object]' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION');
    expect(logged.filter((l) => l.startsWith('error'))).toEqual([]);
  });

  it('does not answer a signed event replayed long after it was sent', async () => {
    const assistant = fakeAssistant();
    const { app } = await testApp({ assistant, env: env() });
    const old = { ...textEvent('hộ nghèo Quảng Trị cuối 2023?'), timestamp: String(Date.now() - 60 * 60_000) };
    const res = await app.request(signed(old));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, handled: false, event: 'stale' });
    await new Promise((r) => setTimeout(r, 100));
    expect(assistant.asked).toEqual([]);
    expect(received).toEqual([]);
  });

  it('is off (403) without ZALO_APP_ID and ZALO_OA_SECRET_KEY', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request(signed(textEvent('hộ nghèo?')));
    expect(res.status).toBe(403);
  });
});

describe('zaloSignature', () => {
  it('is the sha256 hex of app id + body + timestamp + OA secret key (Web Crypto, as in Workers)', async () => {
    const expected = createHash('sha256').update('app{"a":1}123secret').digest('hex');
    expect(await zaloSignature('app', '{"a":1}', '123', 'secret')).toBe(expected);
  });
});
