// The chat widget in headless Chromium (the one @sparticuz/chromium ships in its npm package, driven
// by playwright-core; no browser download) against a real Node server with the real core: ask, see
// 14.040 and a citation, open the citation and see the highlighted passage. Screenshots go to
// test-output/ (not committed).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/chromium.ts';
import { freePort, ROOT, type Running, startNode } from '../helpers/server.ts';

const OUT = join(ROOT, 'test-output');

let server: Running;
let browser: BrowserContext;
let page: Page;
let dataDir: string;
let profile: string;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'vnqa-browser-data-'));
  server = await startNode({ DATA_DIR: dataDir }, await freePort());
  ({ context: browser, profile } = await launchBrowser({ width: 420, height: 860 }));
  page = browser.pages()[0] ?? (await browser.newPage());
  // A CSP violation or a script error shows up here.
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  for (const dir of [dataDir, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the chat widget in Chromium', () => {
  it('answers a typed question with 14.040 and a citation whose passage opens highlighted', async () => {
    await page.goto(`${server.base}/`);
    await expect(page.title()).resolves.toBeTruthy();
    await page.getByRole('button', { name: 'hộ nghèo Quảng Trị cuối 2023?' }).waitFor();
    await page.screenshot({ path: join(OUT, 'widget-first-visit.png') });

    const input = page.getByLabel('Câu hỏi của bạn');
    await input.fill('hộ nghèo Quảng Trị cuối 2023?');
    await input.press('Enter');

    const answer = page.locator('li.msg.bot[aria-busy="false"] article.card');
    await answer.waitFor({ timeout: 20_000 });
    await expect(answer.innerText()).resolves.toContain('14.040');
    await expect(answer.locator('.headline .num').innerText()).resolves.toContain('14.040');

    const chip = answer.locator('button.chip').first();
    await expect(chip.innerText()).resolves.toMatch(/^\[\d+\]$/);
    await page.screenshot({ path: join(OUT, 'widget-answer.png'), fullPage: true });

    await chip.click();
    const mark = page.locator('dialog#viewer[open] mark.hl');
    await mark.waitFor({ timeout: 10_000 });
    await expect(mark.innerText()).resolves.toContain('14.040');
    // Keyboard: focus is in the dialog, and Escape gives it back to the chip.
    await page.screenshot({ path: join(OUT, 'widget-citation.png'), fullPage: false });
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog#viewer').getAttribute('open')).resolves.toBeNull();
    await expect(chip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    expect(problems).toEqual([]);
  }, 60_000);

  it('opens a citation link on the report page with the range highlighted', async () => {
    const res = await fetch(`${server.base}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'hộ nghèo Quảng Trị cuối 2023?' }),
    });
    const { citations } = (await res.json()) as {
      citations: { reportId: string; start: number; end: number; quote: string }[];
    };
    const c = citations[0];
    if (!c) throw new Error('the core gave no citation');
    await page.goto(`${server.base}/reports/${c.reportId}#${c.start}-${c.end}`);
    const mark = page.locator('mark#hl');
    await mark.waitFor({ timeout: 10_000 });
    await expect(mark.innerText()).resolves.toBe(c.quote);
    await page.screenshot({ path: join(OUT, 'report-highlight.png') });
    expect(problems).toEqual([]);
  }, 60_000);
});
