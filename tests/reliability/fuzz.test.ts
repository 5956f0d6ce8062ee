// Property test: thousands of generated requests at every route through app.request(). Whatever
// comes in (random JSON, wrong types, broken bytes, NUL, lone surrogates, NFD, legacy encodings,
// path characters, HTML), the answer is never a 5xx, the app never throws, nothing is logged as an
// unhandled error, errors have the contract's shape, and a refused request leaves the store as it was.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { admin, testApp } from '../helpers/app.ts';
import { FULL, recordFigures, snapshot } from './figures.ts';
import { asCp1258Mojibake, asTcvn3Mojibake } from './legacy-text.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? (FULL ? 5000 : 1000));
const TELEGRAM_SECRET = 'fuzz-telegram-secret';
const ZALO = { ZALO_APP_ID: 'fuzz-app', ZALO_OA_SECRET_KEY: 'fuzz-oa-secret' };

/** A Zalo webhook request, signed as Zalo signs (over the timestamp as text) when `good`, whatever the body holds. */
function zaloRequest(event: unknown, good: boolean): Request {
  const raw = JSON.stringify(event) ?? 'null';
  let ts = '';
  try {
    ts =
      typeof event === 'object' && event !== null && 'timestamp' in event
        ? String((event as { timestamp: unknown }).timestamp)
        : '';
  } catch {
    ts = '[object Object]';
  }
  const mac = createHash('sha256')
    .update(`${ZALO.ZALO_APP_ID}${raw}${ts}${good ? ZALO.ZALO_OA_SECRET_KEY : 'nope'}`)
    .digest('hex');
  return new Request('http://localhost/webhooks/zalo', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` },
    body: raw,
  });
}

const SEED_IDS = [
  '000_dd50fa6a6e30edcb',
  '001_81891852024e78d9',
  '002_14133727df29d6d0',
  '003_401ea66197704b5d',
  '004_a7e06813fcc290be',
];

const VI = [
  'hộ nghèo Quảng Trị cuối 2023?',
  'Tỷ lệ hộ nghèo Hà Giang năm 2024 là bao nhiêu',
  'so sánh hộ cận nghèo Tây Sơn và Bắc Kạn',
  'tổng số lao động đi làm việc ở nước ngoài',
  'Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo.',
  'bảo hiểm y tế 95,2% đạt chỉ tiêu kế hoạch',
  'Đến cuối năm 2024, toàn tỉnh Hà Giang còn 25.305 hộ nghèo, chiếm tỷ lệ 20,37%.',
];

const nasty = fc.constantFrom(
  '',
  ' ',
  '\n\t ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\udc00\ud800y',
  '\ud83d\ude00',
  '\u202e\u200b\ufeff',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../x',
  '..',
  '.',
  '%2e%2e%2f',
  '/etc/passwd',
  'C:\\x',
  '__proto__',
  'constructor',
  'toString',
  '1e309',
  'NaN',
  '-0',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as the literal text
  '${7*7}',
  "' OR 1=1 --",
  ...VI.map((s) => s.normalize('NFD')),
  ...VI.map(asTcvn3Mojibake),
  ...VI.map(asCp1258Mojibake),
  'x'.repeat(2001),
  'hộ nghèo '.repeat(300),
);
const vi = fc.oneof(
  fc.constantFrom(...VI),
  fc.tuple(fc.constantFrom(...VI), fc.constantFrom(...VI)).map(([a, b]) => `${a} ${b}`),
);
const text = fc.oneof(
  { weight: 3, arbitrary: vi },
  { weight: 2, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.tuple(vi, nasty, fc.string({ maxLength: 20 })).map((p) => p.join(' ')) },
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(text, text, { maxKeys: 3 }) },
);
const id = fc.oneof(fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/), text);
const turn = fc.record({ role: fc.constantFrom('user', 'assistant'), content: text });
const oddTurn = fc.record(
  { role: fc.oneof(fc.constantFrom('user', 'assistant', 'system', 'tool'), text), content: anyValue },
  { requiredKeys: [] },
);
/** A conversation that ends with the user's question, as a chat client sends it. */
const messages = fc.tuple(fc.array(turn, { maxLength: 3 }), text).map(([h, q]) => [...h, { role: 'user', content: q }]);

type Body = { kind: 'json'; value: unknown } | { kind: 'text'; value: string } | { kind: 'bytes'; value: Uint8Array };
/**
 * A body for a route: half the time its own fields with plausible values (so the answering core
 * runs), else the same fields with any values, any JSON, text or bytes.
 */
function body(plausible: Record<string, fc.Arbitrary<unknown>>, main: string): fc.Arbitrary<Body> {
  const odd = Object.fromEntries(Object.keys(plausible).map((k) => [k, anyValue]));
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record(plausible, { requiredKeys: [main] }).map((value) => ({ kind: 'json' as const, value })),
    },
    { weight: 3, arbitrary: fc.record(odd, { requiredKeys: [] }).map((value) => ({ kind: 'json' as const, value })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((value) => ({ kind: 'text' as const, value })),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((value) => ({ kind: 'bytes' as const, value })) },
  );
}
/** Streamed answers pause between pieces (wall time, not work), so they are a small share of the runs. */
const rarely = fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const contentType = fc.oneof(
  { weight: 9, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      '',
      'application/json; charset=latin1',
      'application/vnd.api+json',
      'multipart/form-data',
      'application/json;charset=UTF-8',
    ),
  },
);

function post(path: string, b: Body, type: string, headers: Record<string, string> = {}): Request {
  const payload: BodyInit =
    b.kind === 'json' ? (JSON.stringify(b.value) ?? 'null') : b.kind === 'text' ? b.value : new Uint8Array(b.value);
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { ...(type ? { 'content-type': type } : {}), ...headers },
    body: payload,
  });
}

/** Percent-encodes what encodeURIComponent can, and leaves the rest raw (lone surrogates, broken escapes). */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}
const queryPart = fc.oneof(text.map(enc), fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}|[a-z&=+#?])*$/));
const queryValue = fc.oneof(
  { weight: 2, arbitrary: vi.map(enc) },
  { weight: 1, arbitrary: fc.constantFrom('1', '10', '50', '2023', 'result', 'target', 'csv', ...SEED_IDS) },
  { weight: 2, arbitrary: queryPart },
);
const query = (keys: string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: queryPart }),
        queryValue,
      ),
      { maxLength: 5 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
const pathSegment = fc.oneof(
  id.map(enc),
  fc.constantFrom(...SEED_IDS),
  fc.constantFrom('..%2Fx', '%2e%2e', '..', '%00', 'a%2Fb', '%', '%ZZ', '%C3'),
);

type Mutates = 'store' | 'none';
interface Route {
  name: string;
  request: fc.Arbitrary<Request>;
  mutates: Mutates;
}

const ROUTES: Route[] = [
  {
    name: 'POST /api/reports',
    mutates: 'store',
    request: fc
      .tuple(
        body(
          {
            id,
            title: text,
            text,
            source: text,
            publishedAt: fc.oneof(fc.constantFrom('2024-07-17', '2024-13', '2024'), text),
          },
          'text',
        ),
        contentType,
      )
      .map(([b, t]) => post('/api/reports', b, t, admin)),
  },
  {
    name: 'POST /api/reports (no or wrong token)',
    mutates: 'store',
    request: fc
      .tuple(
        body({ id, text }, 'text'),
        fc.constantFrom<Record<string, string>>(
          {},
          { authorization: 'Bearer wrong' },
          { authorization: 'test-admin-token' },
          { authorization: 'Bearer test-admin-token ' + 'x' },
        ),
      )
      .map(([b, h]) => post('/api/reports', b, 'application/json', h)),
  },
  {
    name: 'DELETE /api/reports/:id',
    mutates: 'store',
    request: pathSegment.map(
      (s) => new Request(`http://localhost/api/reports/${s}`, { method: 'DELETE', headers: admin }),
    ),
  },
  {
    name: 'GET /api/reports/:id',
    mutates: 'none',
    request: fc
      .tuple(pathSegment, fc.constantFrom('', '/audit'))
      .map(([s, tail]) => new Request(`http://localhost/api/reports/${s}${tail}`)),
  },
  {
    name: 'GET /api/search',
    mutates: 'none',
    request: query(['q', 'limit', 'reportId']).map((q) => new Request(`http://localhost/api/search?${q}`)),
  },
  {
    name: 'GET /api/figures',
    mutates: 'none',
    request: query(['metric', 'place', 'year', 'kind', 'reportId', 'format', 'limit']).map(
      (q) => new Request(`http://localhost/api/figures?${q}`),
    ),
  },
  {
    name: 'POST /api/ask',
    mutates: 'none',
    request: fc
      .tuple(
        body(
          { question: text, history: fc.oneof(fc.array(turn, { maxLength: 4 }), fc.array(oddTurn, { maxLength: 2 })) },
          'question',
        ),
        contentType,
        rarely,
      )
      .map(([b, t, stream]) => post(stream ? '/api/ask?stream=1' : '/api/ask', b, t)),
  },
  {
    name: 'POST /api/verify',
    mutates: 'none',
    request: fc.tuple(body({ claim: text }, 'claim'), contentType).map(([b, t]) => post('/api/verify', b, t)),
  },
  {
    name: 'POST /v1/chat/completions',
    mutates: 'none',
    request: fc
      .tuple(
        body(
          {
            messages: fc.oneof(messages, fc.array(oddTurn, { minLength: 1, maxLength: 3 })),
            stream: rarely,
            model: fc.constantFrom('vn-welfare-qa', 'vn-welfare-qa-verify', 'gpt-4o', ''),
            footnotes: fc.boolean(),
          },
          'messages',
        ),
        contentType,
      )
      .map(([b, t]) => post('/v1/chat/completions', b, t)),
  },
  {
    name: 'POST /webhooks/telegram',
    mutates: 'none',
    request: fc
      .tuple(
        body(
          {
            update_id: fc.integer(),
            message: fc.record({ message_id: fc.integer(), chat: fc.record({ id: fc.integer() }), text }),
          },
          'message',
        ),
        fc.boolean(),
      )
      .map(([b, good]) =>
        post('/webhooks/telegram', b, 'application/json', {
          'x-telegram-bot-api-secret-token': good ? TELEGRAM_SECRET : 'nope',
        }),
      ),
  },
  {
    // Issue 15: an object as the timestamp answered 500 with a stack trace in the log.
    name: 'POST /webhooks/zalo',
    mutates: 'none',
    request: fc
      .tuple(
        fc.record(
          {
            event_name: fc.oneof(fc.constant('user_send_text'), anyValue),
            timestamp: fc.oneof(
              fc.constant(String(Date.now())),
              fc.constant(Date.now()),
              anyValue,
              fc.constant({ toString: 1 }),
              fc.constant([1]),
            ),
            sender: fc.oneof(fc.record({ id: fc.string() }), anyValue),
            message: fc.oneof(fc.record({ msg_id: fc.string(), text }), anyValue),
          },
          { requiredKeys: [] },
        ),
        fc.boolean(),
      )
      .map(([event, good]) => zaloRequest(event, good)),
  },
  {
    name: 'GET pages',
    mutates: 'none',
    request: fc
      .tuple(
        fc.constantFrom(
          '/',
          '/?embed=1&title=',
          '/reports/',
          '/r/',
          '/healthz',
          '/docs',
          '/openapi.json',
          '/v1/models/',
        ),
        queryPart,
      )
      .map(([p, s]) => new Request(`http://localhost${p}${s}`)),
  },
];

/** A request that takes longer than this is counted as a hang (the adversarial run's client timeout). */
const HANG_MS = 10_000;
const figures: Record<
  string,
  {
    inputs: number;
    status5xx: number;
    hangs: number;
    statuses: Record<string, number>;
    slowestMs: number;
    slowest: string;
  }
> = {};

describe('every route under generated input', () => {
  afterAll(async () => {
    await recordFigures('fuzz', { runsPerRoute: RUNS, routes: figures });
  });

  it.each(ROUTES.map((r) => [r.name, r] as const))(
    '%s: no 5xx, no throw, a refused request changes nothing',
    async (_name, route) => {
      const errors: string[] = [];
      const { app, store, corpus } = await testApp({
        env: { TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET, ...ZALO },
        log: (level, msg, extra) => {
          if (level === 'error') errors.push(`${msg} ${JSON.stringify(extra).slice(0, 500)}`);
        },
      });
      const tally = {
        inputs: 0,
        status5xx: 0,
        hangs: 0,
        statuses: {} as Record<string, number>,
        slowestMs: 0,
        slowest: '',
      };
      figures[route.name] = tally;
      await fc.assert(
        fc.asyncProperty(route.request, async (req) => {
          const before = route.mutates === 'store' ? await snapshot(store) : '';
          const size = corpus.size;
          const sent = req.method === 'POST' ? await req.clone().text() : '';
          const t0 = performance.now();
          const res = await app.request(req);
          // Reading the whole body runs streamed answers to the end, where a late error would surface.
          const bodyText = await res.text();
          const ms = performance.now() - t0;
          if (ms > tally.slowestMs) {
            tally.slowestMs = Math.round(ms);
            tally.slowest = `${req.method} ${new URL(req.url).pathname} ${JSON.stringify(sent.slice(0, 100))}`;
          }
          if (ms > HANG_MS) tally.hangs++;
          tally.inputs++;
          tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1;
          if (res.status >= 500) tally.status5xx++;
          expect(res.status, bodyText.slice(0, 300)).toBeLessThan(500);
          expect(errors).toEqual([]);
          if (res.status >= 400) {
            const err = JSON.parse(bodyText).error;
            expect(typeof err.code).toBe('string');
            expect(err.message.length).toBeGreaterThan(5);
            expect(corpus.size).toBe(size);
            if (route.mutates === 'store') expect(await snapshot(store)).toBe(before);
          }
        }),
        { numRuns: RUNS },
      );
      // Whatever was accepted is well-formed NFC text, so every later answer can quote it.
      for (const r of (await store.list()).reports) {
        expect(r.text).toBe(r.text.normalize('NFC'));
        expect(/[\ud800-\udfff]/u.test(r.text) || r.text.includes('\u0000')).toBe(false);
      }
    },
    120_000,
  );
});
