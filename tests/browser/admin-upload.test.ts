// Issue 19, the upload page (GET /admin) as an office's administrator uses it, in the Chromium
// @sparticuz/chromium ships, at 1280×800 and on a 390×844 touch phone, against a real Node server:
// the token entered once per tab, a DOCX (made with the `docx` package from a seed) and a PDF
// fixture picked together, a text file dropped, a scan, a corrupt DOCX and a password-protected
// PDF refused in Vietnamese with the store unchanged. Screenshots: tests/helpers/screenshots.ts (docs/screenshots/ under `npm run screenshots`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeDocx, seedToDocx } from '../../src/cli/make-docx.ts';
import { readSeedInputs } from '../../src/store/seed-files.ts';
import { type LaunchOptions, launchBrowser } from '../helpers/chromium.ts';
import { screenshotDir } from '../helpers/screenshots.ts';
import { freePort, ROOT, type Running, startNode } from '../helpers/server.ts';

const SHOTS = screenshotDir();
const TOKEN = 'browser-upload-token';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'formats', name));

let server: Running;
let desktop: BrowserContext;
let phone: BrowserContext;
let dataDir: string;
const profiles: string[] = [];
const problems: string[] = [];

async function launch(opts: LaunchOptions): Promise<BrowserContext> {
  const { context, profile } = await launchBrowser(opts);
  profiles.push(profile);
  return context;
}

async function freshPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    // A refused file is a 4xx the browser logs by itself; the page shows it, nothing else went wrong.
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return page;
}

async function storedIds(): Promise<string[]> {
  const { reports } = (await (await fetch(`${server.base}/api/reports`)).json()) as { reports: { id: string }[] };
  return reports.map((r) => r.id).sort();
}

async function enterToken(page: Page, token = TOKEN) {
  await page.getByLabel('Nhập mã quản trị (ADMIN_TOKEN)').fill(token);
  await page.getByRole('button', { name: 'Dùng mã này' }).click();
  await page.locator('#token-state').waitFor();
}

/** The queue's item for a file, once the server has answered for it. */
async function settled(page: Page, name: string): Promise<Locator> {
  const li = page.locator('#queue li.item', { has: page.locator('.name', { hasText: name }) });
  await li.and(page.locator('.ok, .failed')).waitFor({ timeout: 30_000 });
  return li;
}

/** Drops files on the drop zone as a desktop's drag and drop does (a DataTransfer of Files). */
async function dropFiles(page: Page, files: { name: string; type: string; bytes: Uint8Array }[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, b64: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list)
      dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    const zone = document.getElementById('drop');
    zone?.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone?.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'vnqa-browser-upload-'));
  server = await startNode({ DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN }, await freePort());
  desktop = await launch({ width: 1280, height: 800, mobile: false });
  phone = await launch({ width: 390, height: 844, mobile: true });
}, 120_000);

beforeEach(() => {
  problems.length = 0;
});

afterAll(async () => {
  await desktop?.close();
  await phone?.close();
  await server?.stop();
  for (const dir of [dataDir, ...profiles]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the admin token', () => {
  it('is asked once, kept for the tab in sessionStorage only, and asked again in a new tab', async () => {
    const page = await freshPage(desktop);
    await page.goto(`${server.base}/admin`);
    await expect(page.locator('#token-form').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, 'upload-token-desktop.png') });
    await enterToken(page);
    await expect(page.locator('#token-form').isHidden()).resolves.toBe(true);
    await expect(page.locator('#token-state').innerText()).resolves.toContain('Đã nhập mã quản trị cho phiên này');
    // The keyboard lands on the file picker, next step, and the status region says what to do.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('files');
    await expect(page.locator('#summary').innerText()).resolves.toBe(
      'Đã nhập mã quản trị cho phiên này. Hãy chọn hoặc kéo thả tệp báo cáo.',
    );
    const kept = await page.evaluate(() => ({
      session: sessionStorage.getItem('vnqa:admin-token'),
      local: localStorage.length,
      cookie: document.cookie,
    }));
    expect(kept).toEqual({ session: TOKEN, local: 0, cookie: '' });
    await page.reload();
    await expect(page.locator('#token-form').isHidden()).resolves.toBe(true);

    const other = await freshPage(desktop);
    await other.goto(`${server.base}/admin`);
    await expect(other.locator('#token-form').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Xoá mã' }).click();
    await expect(page.evaluate(() => sessionStorage.getItem('vnqa:admin-token'))).resolves.toBeNull();
    await expect(page.locator('#token-form').isVisible()).resolves.toBe(true);
    await page.close();
    await other.close();
    expect(problems).toEqual([]);
  }, 60_000);

  it('says in Vietnamese that a wrong token was refused, stores nothing and asks for the token again', async () => {
    const before = await storedIds();
    const page = await freshPage(desktop);
    await page.goto(`${server.base}/admin`);
    await enterToken(page, 'not-the-token');
    await page
      .locator('#files')
      .setInputFiles({ name: 'bang-bieu.pdf', mimeType: 'application/pdf', buffer: fixture('table.pdf') });
    const li = await settled(page, 'bang-bieu.pdf');
    await expect(li.locator('.error').innerText()).resolves.toBe(
      'Mã quản trị không đúng. Hãy nhập lại mã rồi gửi lại tệp. Chưa có gì được lưu.',
    );
    await expect(page.locator('#token-form').isVisible()).resolves.toBe(true);
    await expect(page.locator('#token-note').innerText()).resolves.toBe(
      'Mã quản trị không được chấp nhận. Hãy nhập lại mã.',
    );
    expect(await storedIds()).toEqual(before);
    await page.close();
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('uploading', () => {
  it('sends a DOCX and a PDF picked together, each with its progress bar to 100%, its figures and its audit', async () => {
    // The longest seed, so its DOCX is the largest file (about 18 KB).
    const seed = (await readSeedInputs()).sort((a, b) => b.text.length - a.text.length)[0];
    if (!seed) throw new Error('no seeds');
    const docx = await seedToDocx(seed.text);
    const before = await storedIds();
    const page = await freshPage(desktop);
    // A slow uplink (about 8 KB/s), so the upload takes long enough for its progress to be seen.
    const cdp = await desktop.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: 4_000_000,
      uploadThroughput: 8_000,
    });
    await page.goto(`${server.base}/admin`);
    await enterToken(page);
    // Every percentage each progress bar shows: the script writes it on each upload progress event.
    await page.evaluate(() => {
      const seen: Record<string, string[]> = {};
      (window as unknown as { seen: typeof seen }).seen = seen;
      const queue = document.getElementById('queue') as HTMLElement;
      new MutationObserver(() => {
        for (const li of queue.querySelectorAll('li.item')) {
          const name = li.querySelector('.name')?.textContent ?? '';
          const pct = li.querySelector('.pct')?.textContent ?? '';
          seen[name] ??= [];
          const list = seen[name];
          if (list.at(-1) !== pct) list.push(pct);
        }
      }).observe(queue, { subtree: true, childList: true, characterData: true });
    });
    await page.locator('#files').setInputFiles([
      { name: 'bao-cao-seed.docx', mimeType: DOCX, buffer: Buffer.from(docx) },
      { name: 'bang-bieu-quang-tri.pdf', mimeType: 'application/pdf', buffer: fixture('table.pdf') },
    ]);
    const docLi = await settled(page, 'bao-cao-seed.docx');
    const pdfLi = await settled(page, 'bang-bieu-quang-tri.pdf');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    for (const li of [docLi, pdfLi]) {
      await expect(li.getAttribute('class')).resolves.toContain('ok');
      await expect(li.locator('progress').evaluate((p) => (p as HTMLProgressElement).value)).resolves.toBe(100);
      await expect(li.locator('.pct').innerText()).resolves.toBe('100%');
      await expect(li.locator('.state').innerText()).resolves.toBe('Đã lưu báo cáo mới');
    }
    const seen = (await page.evaluate(() => (window as unknown as { seen: Record<string, string[]> }).seen)) as Record<
      string,
      string[]
    >;
    // Each bar moved through values between 0 and 100 while the bytes went out, and ended at 100.
    for (const name of ['bao-cao-seed.docx', 'bang-bieu-quang-tri.pdf']) {
      const values = (seen[name] ?? []).map((p) => Number.parseInt(p, 10));
      expect(
        values.some((v) => v > 0 && v < 100),
        JSON.stringify(seen),
      ).toBe(true);
      expect(values.at(-1), JSON.stringify(seen)).toBe(100);
    }

    const after = await storedIds();
    const added = after.filter((id) => !before.includes(id));
    expect(added).toHaveLength(2);
    for (const [li, format] of [
      [docLi, 'Word (DOCX)'],
      [pdfLi, 'PDF'],
    ] as const) {
      const href = (await li.locator('a.audit-link').getAttribute('href')) ?? '';
      const id = decodeURIComponent(/^\/api\/reports\/([^/]+)\/audit$/.exec(href)?.[1] ?? '');
      expect(added).toContain(id);
      // The count shown is the server's own count of the stored report's figures.
      const report = (await (await fetch(`${server.base}/api/reports/${encodeURIComponent(id)}`)).json()) as {
        figureCount: number;
        title: string;
      };
      expect(report.figureCount).toBeGreaterThan(0);
      await expect(li.locator('.figures').innerText()).resolves.toBe(`${report.figureCount} số liệu`);
      await expect(li.locator('.result').innerText()).resolves.toContain(`đọc dưới dạng ${format}`);
      await expect(li.locator('.result .title').innerText()).resolves.toBe(report.title);
      await li.locator('.audit').waitFor();
      await expect(li.locator('.audit').innerText()).resolves.toMatch(
        /^Đối chiếu tổng và tỷ lệ: \d+ khớp, \d+ lệch, \d+ chưa kiểm được\.$/,
      );
    }
    await expect(pdfLi.locator('.result .title').innerText()).resolves.toBe(
      'Báo cáo kết quả giảm nghèo tỉnh Quảng Trị năm 2023',
    );
    await expect(page.locator('#summary').innerText()).resolves.toBe('Xong: 2 tệp đã lưu, 0 tệp bị từ chối.');

    // The audit link opens the audit of that very report.
    const [audit] = await Promise.all([desktop.waitForEvent('page'), pdfLi.locator('a.audit-link').click()]);
    await audit.waitForLoadState();
    const body = JSON.parse((await audit.locator('body').innerText()) || '{}') as {
      reportId: string;
      title: string;
      summary: Record<string, number>;
    };
    const pdfId = decodeURIComponent(
      /^\/api\/reports\/([^/]+)\/audit$/.exec((await pdfLi.locator('a.audit-link').getAttribute('href')) ?? '')?.[1] ??
        '',
    );
    expect(body.reportId).toBe(pdfId);
    expect(Object.keys(body.summary).sort()).toEqual(['differs', 'holds', 'unverifiable']);
    await audit.close();
    await page.screenshot({ path: join(SHOTS, 'upload-desktop.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  }, 90_000);

  it('refuses a scanned PDF, a corrupt DOCX and a password-protected PDF with their Vietnamese messages and stores nothing', async () => {
    const before = await storedIds();
    const corrupt = (await makeDocx({ lines: ['Báo cáo', 'Một đoạn.'] })).subarray(0, 300);
    const page = await freshPage(desktop);
    await page.goto(`${server.base}/admin`);
    await enterToken(page);
    await page.locator('#files').setInputFiles([
      { name: 'ban-quet.pdf', mimeType: 'application/pdf', buffer: fixture('scanned.pdf') },
      { name: 'hong.docx', mimeType: DOCX, buffer: Buffer.from(corrupt) },
      { name: 'co-mat-khau.pdf', mimeType: 'application/pdf', buffer: fixture('encrypted-aes256.pdf') },
    ]);
    const scan = await settled(page, 'ban-quet.pdf');
    const broken = await settled(page, 'hong.docx');
    const locked = await settled(page, 'co-mat-khau.pdf');
    await expect(scan.locator('.state').innerText()).resolves.toBe('Không lưu được');
    await expect(scan.locator('[role="alert"]').innerText()).resolves.toBe(
      'Tệp PDF này không có lớp chữ (là bản quét hoặc ảnh chụp); hệ thống không nhận dạng chữ (OCR). Hãy gửi bản PDF xuất từ Word, tệp DOCX hoặc văn bản. Chưa có gì được lưu.',
    );
    await expect(broken.locator('[role="alert"]').innerText()).resolves.toBe(
      'Tệp bị hỏng hoặc không đúng định dạng nên không đọc được. Hãy mở và lưu lại tệp rồi gửi lại. Chưa có gì được lưu.',
    );
    await expect(locked.locator('[role="alert"]').innerText()).resolves.toBe(
      'Tệp được đặt mật khẩu hoặc mã hoá nên không đọc được. Hãy gỡ mật khẩu rồi gửi lại. Chưa có gì được lưu.',
    );
    // The bytes went out in full before the server refused them.
    await expect(scan.locator('.pct').innerText()).resolves.toBe('100%');
    await expect(scan.locator('a').count()).resolves.toBe(0);
    await expect(page.locator('#summary').innerText()).resolves.toBe('Xong: 0 tệp đã lưu, 3 tệp bị từ chối.');
    expect(await storedIds()).toEqual(before);
    await page.close();
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('a file over the limit', () => {
  it('is refused before it is sent, with the limit in Vietnamese', async () => {
    const before = await storedIds();
    const page = await freshPage(desktop);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.goto(`${server.base}/admin`);
    await enterToken(page);
    // The server's default MAX_REPORT_BYTES is 2 MB.
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 'Hộ nghèo. ');
    await page.locator('#files').setInputFiles({ name: 'qua-lon.txt', mimeType: 'text/plain', buffer: big });
    const li = await settled(page, 'qua-lon.txt');
    await expect(li.locator('[role="alert"]').innerText()).resolves.toBe(
      'Tệp 2.097.153 byte lớn hơn giới hạn 2.097.152 byte cho một báo cáo. Hãy chia thành nhiều tệp nhỏ hơn. Chưa có gì được lưu.',
    );
    expect(posts).toEqual([]);
    expect(await storedIds()).toEqual(before);
    await page.close();
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('on a phone', () => {
  it('takes a dropped text file and a scan at 390×844 without sideways scrolling', async () => {
    const before = await storedIds();
    const page = await freshPage(phone);
    await page.goto(`${server.base}/admin`);
    await page.getByLabel('Nhập mã quản trị (ADMIN_TOKEN)').fill(TOKEN);
    await page.getByRole('button', { name: 'Dùng mã này' }).tap();
    await page.locator('#token-state').waitFor();
    const text = new TextEncoder().encode(
      'Báo cáo kết quả giảm nghèo tỉnh Lào Cai năm 2022\n\nĐến cuối năm 2022, toàn tỉnh Lào Cai còn 21.870 hộ nghèo, chiếm 11,5%.\n',
    );
    await dropFiles(page, [
      { name: 'lao-cai-2022.txt', type: 'text/plain', bytes: text },
      { name: 'ban-quet.pdf', type: 'application/pdf', bytes: fixture('scanned.pdf') },
    ]);
    const ok = await settled(page, 'lao-cai-2022.txt');
    const bad = await settled(page, 'ban-quet.pdf');
    await expect(ok.locator('.figures').innerText()).resolves.toMatch(/^[1-9]\d* số liệu$/);
    await expect(ok.locator('.result').innerText()).resolves.toContain('đọc dưới dạng văn bản');
    await expect(bad.locator('[role="alert"]').innerText()).resolves.toContain('không nhận dạng chữ (OCR)');
    const after = await storedIds();
    expect(after.filter((id) => !before.includes(id))).toHaveLength(1);
    await ok.locator('.audit').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'upload-phone.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  }, 60_000);
});
