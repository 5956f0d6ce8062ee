// Every route answers bad input with a 4xx in the contract's error shape and changes nothing:
// empty and huge questions, wrong types, broken JSON and encodings, NUL, lone surrogates, legacy
// encodings, path characters in ids, oversized reports. NFD Vietnamese works like NFC.
import { describe, expect, it } from 'vitest';
import { APP_JS } from '../../src/http/widget/app-js.ts';
import { REPORT_JS } from '../../src/http/widget/report-js.ts';
import { admin, postJson, testApp } from '../helpers/app.ts';
import { snapshot } from './figures.ts';
import { asCp1258Mojibake, asTcvn3Mojibake } from './legacy-text.ts';

const REPORT_TEXT =
  'Báo cáo công tác giảm nghèo tỉnh Hà Giang năm 2024\n\nĐến cuối năm 2024, toàn tỉnh Hà Giang còn 25.305 hộ nghèo, chiếm tỷ lệ 20,37%.';

function raw(path: string, body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return new Request(`http://localhost${path}`, { method: 'POST', headers, body });
}

// Refused requests change nothing, so the refusal cases share one app (and check that they did not).
let sharedApp: ReturnType<typeof testApp> | undefined;
const shared = () => (sharedApp ??= testApp());

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const INVALID_UTF8 = new Uint8Array([
  ...new TextEncoder().encode('{"question":"h'),
  0xff,
  0xfe,
  0xc3,
  ...new TextEncoder().encode('"}'),
]);

/** [what, request, status, code] for the three question routes, each phrased for its own body. */
function questionCases(path: string, field: 'question' | 'claim' | 'messages') {
  const body = (v: unknown) => (field === 'messages' ? { messages: [{ role: 'user', content: v }] } : { [field]: v });
  const json = (v: unknown) => postJson(path, body(v));
  const text = (s: string) => JSON.stringify(body('__X__')).replace('"__X__"', s);
  return [
    ['an empty question', json(''), 400, 'VALIDATION'],
    ['a whitespace question', json('  \n\t  '), 400, 'VALIDATION'],
    ['a 100 KB question', json('hộ nghèo '.repeat(11_400)), 400, 'VALIDATION'],
    ['a number for the question', json(42), 400, 'VALIDATION'],
    ['null for the question', json(null), 400, 'VALIDATION'],
    ['an object for the question', json({ text: 'hộ nghèo' }), 400, 'VALIDATION'],
    ['no question at all', postJson(path, {}), 400, 'VALIDATION'],
    ['a JSON array body', postJson(path, '[]'), 400, 'VALIDATION'],
    ['a JSON string body', postJson(path, '"hộ nghèo?"'), 400, 'VALIDATION'],
    ['a JSON null body', postJson(path, 'null'), 400, 'VALIDATION'],
    ['invalid JSON', postJson(path, '{"question": "hộ nghèo'), 400, 'INVALID_JSON'],
    ['an empty body', postJson(path, ''), 400, 'INVALID_JSON'],
    [
      'a text/plain body',
      raw(path, JSON.stringify(body('hộ nghèo?')), { 'content-type': 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a form body',
      raw(path, 'question=h', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['no content type', raw(path, JSON.stringify(body('hộ nghèo?')), {}), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'JSON declared as windows-1258',
      raw(path, JSON.stringify(body('hộ nghèo?')), { 'content-type': 'application/json; charset=windows-1258' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['bytes that are not UTF-8', raw(path, INVALID_UTF8), 400, 'INVALID_ENCODING'],
    ['a NUL byte', json('hộ nghèo\u0000 Quảng Trị'), 400, 'INVALID_TEXT'],
    ['a lone high surrogate', postJson(path, text('"hộ nghèo \\ud800"')), 400, 'INVALID_TEXT'],
    ['a lone low surrogate', postJson(path, text('"\\udc00 hộ nghèo"')), 400, 'INVALID_TEXT'],
    ['a reversed surrogate pair', postJson(path, text('"\\udc00\\ud800"')), 400, 'INVALID_TEXT'],
    ['JSON nested 100 000 deep', postJson(path, `{"x":${deep(100_000)}}`), 400, 'VALIDATION'],
    ['a 3 MB body', json('a'.repeat(3 * 1024 * 1024)), 413, 'PAYLOAD_TOO_LARGE'],
  ] as const;
}

const ROUTES = [
  ['/api/ask', 'question'],
  ['/api/verify', 'claim'],
  ['/v1/chat/completions', 'messages'],
] as const;

describe.each(ROUTES)('POST %s', (path, field) => {
  it.each(questionCases(path, field))('refuses %s with %i %s', async (_what, req, status, code) => {
    const { app, store } = await shared();
    const res = await app.request(req.clone());
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(await snapshot(store)).toBe('[]');
  });
});

describe('POST /api/reports', () => {
  const post = (body: unknown) => postJson('/api/reports', body, admin);
  const cases = [
    ['a NUL byte in the text', post({ id: 'x', text: `${REPORT_TEXT}\u0000` }), 400, 'INVALID_TEXT'],
    [
      'a lone surrogate in the text',
      postJson('/api/reports', `{"id":"x","text":"Hộ nghèo \\ud83d còn 12 hộ"}`, admin),
      400,
      'INVALID_TEXT',
    ],
    ['a number for the title', post({ id: 'x', title: 5, text: REPORT_TEXT }), 400, 'VALIDATION'],
    ['an array for the text', post({ id: 'x', text: [REPORT_TEXT] }), 400, 'VALIDATION'],
    ['an id with a slash', post({ id: 'a/b', text: REPORT_TEXT }), 400, 'VALIDATION'],
    ['an id with a backslash', post({ id: '..\\x', text: REPORT_TEXT }), 400, 'VALIDATION'],
    ['an id of 129 characters', post({ id: 'a'.repeat(129), text: REPORT_TEXT }), 400, 'VALIDATION'],
    ['an id with a NUL', post({ id: 'a\u0000b', text: REPORT_TEXT }), 400, 'INVALID_TEXT'],
    ['a TCVN3 (ABC) report', post({ id: 'x', text: asTcvn3Mojibake(REPORT_TEXT) }), 400, 'LEGACY_ENCODING'],
    ['a Windows-1258 report', post({ id: 'x', text: asCp1258Mojibake(REPORT_TEXT) }), 400, 'LEGACY_ENCODING'],
    [
      'a 3 MB report',
      post({ id: 'x', text: `${REPORT_TEXT}\n${'Công tác giảm nghèo được triển khai. '.repeat(80_000)}` }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a body that is not UTF-8',
      raw('/api/reports', INVALID_UTF8, { ...admin, 'content-type': 'application/json' }),
      400,
      'INVALID_ENCODING',
    ],
  ] as const;

  it.each(cases)('refuses %s with %i %s and stores nothing', async (_what, req, status, code) => {
    const { app, store } = await shared();
    const res = await app.request(req.clone());
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(await snapshot(store)).toBe('[]');
  });

  it('tells a TCVN3 poster what the text is and how to convert it', async () => {
    const { app } = await testApp();
    const body = await (await app.request(post({ id: 'x', text: asTcvn3Mojibake(REPORT_TEXT) }))).json();
    expect(body.error.message).toContain('TCVN3');
    expect(body.error.message).toContain('Unicode');
  });

  it('stores an NFD report as NFC text, identical to the NFC post, under the same derived id', async () => {
    const { app, corpus } = await testApp();
    const nfd = await (await app.request(post({ text: REPORT_TEXT.normalize('NFD') }))).json();
    const nfc = await app.request(post({ text: REPORT_TEXT }));
    expect(nfc.status).toBe(200);
    expect((await nfc.json()).id).toBe(nfd.id);
    const stored = corpus.get(nfd.id)?.text ?? '';
    expect(stored).toBe(stored.normalize('NFC'));
    expect(stored).toContain('25.305 hộ nghèo');
    expect(corpus.figuresOf(nfd.id).length).toBeGreaterThan(0);
  });

  it('stores HTML and script in a report as text, and the report page escapes it', async () => {
    const { app } = await testApp();
    const text = `${REPORT_TEXT}\n\n<script>alert("x")</script> <img src=x onerror=alert(1)> còn 12 hộ nghèo.`;
    expect((await app.request(post({ id: 'html', title: '<b>Tiêu đề</b>', text }))).status).toBe(201);
    const got = await (await app.request('/api/reports/html')).json();
    expect(got.text).toContain('<script>alert("x")</script>');
    const page = await (await app.request('/reports/html')).text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<b>Tiêu đề</b>');
    const hits = (await (await app.request('/api/search?q=alert%20script&reportId=html')).json()).hits;
    for (const h of hits) expect(h.snippet).not.toMatch(/<(?!\/?mark>)/);
  });
});

describe('GET and DELETE /api/reports/:id with path characters', () => {
  it.each(['..%2Fx', '%2E%2E', '..%5Cx', '%00', 'a%2F..%2F..%2Fetc%2Fpasswd'])('answers 404 for GET %s', async (id) => {
    const { app } = await shared();
    const res = await app.request(`/api/reports/${id}`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });

  it.each(['..%2Fx', '%2E%2E', '%00'])('answers 400 for DELETE %s and deletes nothing', async (id) => {
    const { app, store } = await testApp();
    await app.request(postJson('/api/reports', { id: 'keep', text: REPORT_TEXT }, admin));
    const before = await snapshot(store);
    const res = await app.request(
      new Request(`http://localhost/api/reports/${id}`, { method: 'DELETE', headers: admin }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await snapshot(store)).toBe(before);
  });
});

describe('GET /api/search and /api/figures', () => {
  it.each([
    ['/api/search', 400],
    ['/api/search?q=', 400],
    ['/api/search?q=%20%20', 400],
    [`/api/search?q=${'a'.repeat(1001)}`, 400],
    ['/api/search?q=h%00', 400],
    ['/api/search?q=ho&limit=abc', 400],
    ['/api/search?q=ho&limit=0', 400],
    ['/api/search?q=ho&limit=51', 400],
    ['/api/search?q=ho&reportId=..%2Fx', 400],
    ['/api/figures?year=abc', 400],
    ['/api/figures?year=99999', 400],
    ['/api/figures?kind=plan', 400],
    ['/api/figures?format=xml', 400],
    ['/api/figures?limit=-1', 400],
    ['/api/figures?place=h%00', 400],
  ])('refuses %s with %i', async (url, status) => {
    const { app } = await shared();
    const res = await app.request(url);
    expect(res.status).toBe(status);
    expect((await res.json()).error.message.length).toBeGreaterThan(5);
  });

  it('answers a malformed percent-encoding without a 5xx', async () => {
    const { app } = await testApp();
    for (const url of ['/api/search?q=%E0%A4%A', '/api/search?q=%', '/api/search?q=%ZZ', '/api/figures?place=%C3']) {
      expect((await app.request(url)).status, url).toBeLessThan(500);
    }
  });
});

describe('NFD Vietnamese', () => {
  const q = 'hộ nghèo Quảng Trị cuối năm 2023?';

  it('gets the same answer from /api/ask as the NFC question', async () => {
    const { app } = await testApp();
    const nfc = await (await app.request(postJson('/api/ask', { question: q }))).json();
    const nfd = await (await app.request(postJson('/api/ask', { question: q.normalize('NFD') }))).json();
    expect(nfc.status).toBe('answered');
    expect(nfd).toEqual(nfc);
  });

  it('gets the same hits and the same echoed query from /api/search', async () => {
    const { app } = await testApp();
    const nfc = await (await app.request(`/api/search?q=${encodeURIComponent(q)}`)).json();
    const nfd = await (await app.request(`/api/search?q=${encodeURIComponent(q.normalize('NFD'))}`)).json();
    expect(nfc.hits.length).toBeGreaterThan(0);
    expect(nfd).toEqual(nfc);
  });

  it('gets the same verdict from /api/verify', async () => {
    const { app } = await testApp();
    const claim = 'Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo.';
    const nfc = await (await app.request(postJson('/api/verify', { claim }))).json();
    const nfd = await (await app.request(postJson('/api/verify', { claim: claim.normalize('NFD') }))).json();
    expect(nfd).toEqual(nfc);
  });
});

describe('the widget', () => {
  it('puts data on the page only with textContent, never as HTML', () => {
    for (const js of [APP_JS, REPORT_JS]) {
      expect(js).not.toMatch(
        /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/,
      );
    }
    expect(APP_JS).toContain('textContent');
  });

  it('answers a question holding HTML with JSON, the question never echoed as markup', async () => {
    const { app } = await testApp();
    const res = await app.request(postJson('/api/ask', { question: '<script>alert(1)</script> hộ nghèo Quảng Trị?' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});

describe('security headers', () => {
  it('serves the chat page with a CSP that allows no inline script, and nosniff', async () => {
    const { app } = await testApp({ env: { WIDGET_FRAME_ANCESTORS: 'https://sld.example.gov.vn' } });
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain('frame-ancestors https://sld.example.gov.vn');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('sends nosniff on API answers and errors too', async () => {
    const { app } = await testApp();
    for (const res of [await app.request('/api/reports'), await app.request('/api/search')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
