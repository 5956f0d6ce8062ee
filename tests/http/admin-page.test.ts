// GET /admin, the upload page: Vietnamese, labelled, its script and styles as files under the
// strict CSP, and a script that keeps the token in sessionStorage only and never writes HTML.
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

describe('GET /admin (the upload page)', () => {
  it('serves a Vietnamese page with a labelled token field, a file picker and live regions', async () => {
    const { app } = await testApp();
    const res = await app.request('/admin');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<label for="token">Nhập mã quản trị (ADMIN_TOKEN)</label>');
    expect(html).toMatch(/<input id="files"[^>]* type="file" multiple/);
    expect(html).toContain('<label for="files" class="pick">Chọn tệp…</label>');
    expect(html).toContain('<p id="summary" class="summary" role="status" aria-live="polite">');
  });

  it('loads its script and styles from files and sends the strict CSP', async () => {
    const { app } = await testApp();
    const res = await app.request('/admin');
    const html = await res.text();
    expect(html).toContain('<script src="/assets/admin.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/admin.css">');
    expect(html).not.toMatch(/<script>(?!<)|<style|style="/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('states the size limit the server applies', async () => {
    const { app } = await testApp({ maxReportBytes: 3 * 1024 * 1024 });
    const html = await (await app.request('/admin')).text();
    expect(html).toContain(`data-max-bytes="${3 * 1024 * 1024}"`);
    expect(html).toContain('tối đa 3 MB mỗi tệp');
  });

  it('serves the script and the styles with their types', async () => {
    const { app } = await testApp();
    for (const [path, type] of [
      ['/assets/admin.js', 'text/javascript'],
      ['/assets/admin.css', 'text/css'],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain(type);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('keeps the token in sessionStorage only and puts data on the page with textContent', async () => {
    const { app } = await testApp();
    const js = await (await app.request('/assets/admin.js')).text();
    expect(js).toContain('sessionStorage');
    expect(js).not.toMatch(/localStorage|document\.cookie/);
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
