import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { fakeAssistant, QT_REPORT } from '../helpers/fake-assistant.ts';

describe('GET / (the chat widget)', () => {
  it('serves a Vietnamese page that loads its script from a file, not inline', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<script src="/assets/app.js" defer></script>');
    expect(html).not.toMatch(/<script>(?!<)/);
    expect(html).toContain('<label for="q">Câu hỏi của bạn</label>');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('data-question="hộ nghèo Quảng Trị cuối 2023?"');
  });

  it('sends a CSP without inline script, nosniff, and frame-ancestors from the settings', async () => {
    const { app } = await testApp({ assistant: fakeAssistant(), env: { CORS_ORIGINS: 'https://baodientu.vn' } });
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'self' https://baodientu.vn");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('uses WIDGET_FRAME_ANCESTORS when set', async () => {
    const { app } = await testApp({
      assistant: fakeAssistant(),
      env: { WIDGET_FRAME_ANCESTORS: 'https://a.vn https://b.vn' },
    });
    expect((await app.request('/')).headers.get('content-security-policy')).toContain(
      'frame-ancestors https://a.vn https://b.vn',
    );
  });

  it('shows the title an embedding site gives, escaped', async () => {
    const { app } = await testApp({ assistant: fakeAssistant(), env: { WIDGET_TITLE: 'Trợ lý Sở LĐ-TB&XH' } });
    const plain = await (await app.request('/')).text();
    expect(plain).toContain('<h1 id="title">Trợ lý Sở LĐ-TB&amp;XH</h1>');
    const embedded = await (
      await app.request(`/?embed=1&title=${encodeURIComponent('<img src=x onerror=alert(1)>')}`)
    ).text();
    expect(embedded).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(embedded).not.toContain('<img');
  });

  it('serves the page script, the styles and the embed script with their types', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    for (const [path, type] of [
      ['/assets/app.js', 'text/javascript'],
      ['/assets/report.js', 'text/javascript'],
      ['/assets/app.css', 'text/css'],
      ['/widget.js', 'text/javascript'],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain(type);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    expect((await app.request('/widget.js')).headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('puts data on the page only with textContent, never innerHTML', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    for (const path of ['/assets/app.js', '/assets/report.js', '/widget.js']) {
      expect(await (await app.request(path)).text(), path).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write/,
      );
    }
  });
});

describe('CORS', () => {
  it('answers an allowed origin and not another', async () => {
    const { app } = await testApp({
      assistant: fakeAssistant(),
      env: { CORS_ORIGINS: 'https://baodientu.vn, https://sldtbxh.gov.vn/' },
    });
    const ok = await app.request('/v1/models', { headers: { origin: 'https://sldtbxh.gov.vn' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://sldtbxh.gov.vn');
    const other = await app.request('/v1/models', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS headers when CORS_ORIGINS is unset', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request('/api/reports', { headers: { origin: 'https://baodientu.vn' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /reports/:id', () => {
  it('shows the report with its exact text in a data block for the highlighter', async () => {
    const { app, corpus } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request(`/reports/${QT_REPORT}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script src="/assets/report.js" defer></script>');
    const data = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(data).text).toBe(corpus.get(QT_REPORT)?.text);
  });

  it("answers an unknown report with the contract's 404", async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request('/reports/khong-co');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });

  it('redirects the short link /r/:id to the report page', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request(`/r/${QT_REPORT}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/reports/${QT_REPORT}`);
  });
});
