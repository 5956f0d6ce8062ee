// The figure table opened by LibreOffice itself, set to the Vietnamese locale (issue 18): headless
// soffice converts the exported .xlsx to flat ODS, and every value cell must come back as a number
// (office:value-type="float") equal to the figure's value, decimals included. A CSV's decimals open
// as text in one locale or the other; this is the check that the .xlsx does not.
//
// LibreOffice is a Debian package, not an npm one: .ci/run installs it and sets REQUIRE_LIBREOFFICE,
// so CI fails rather than skips without it. On a machine without soffice this file is skipped and
// figures-xlsx.test.ts (SheetJS) still reads the same workbook back.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
if (process.env.REQUIRE_LIBREOFFICE && !hasSoffice)
  throw new Error('REQUIRE_LIBREOFFICE is set but soffice is not on PATH');

const work = mkdtempSync(join(tmpdir(), 'vnqa-libreoffice-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh LibreOffice profile whose locale is vi-VN (decimal comma, "." for thousands). */
function vietnameseProfile(): string {
  const profile = join(work, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>`,
  );
  return pathToFileURL(profile).href;
}

interface Cell {
  type: string | null;
  value: string | null;
  text: string;
}

/** The rows of the first sheet of a flat ODS, with repeated cells expanded (at most 64 columns). */
function readFods(xml: string): Cell[][] {
  const sheet = xml.slice(xml.indexOf('<table:table '), xml.indexOf('</table:table>'));
  const rows: Cell[][] = [];
  for (const row of sheet.matchAll(/<table:table-row\b[^>]*>([\s\S]*?)<\/table:table-row>/g)) {
    const cells: Cell[] = [];
    for (const c of (row[1] as string).matchAll(
      /<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g,
    )) {
      const attrs = c[1] as string;
      const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;
      const text = (c[2] ?? '').replace(/<[^>]+>/g, '').trim();
      const repeat = Math.min(Number(attr('table:number-columns-repeated') ?? 1), 64 - cells.length);
      for (let i = 0; i < repeat; i++)
        cells.push({ type: attr('office:value-type'), value: attr('office:value'), text });
    }
    if (cells.some((x) => x.text !== '')) rows.push(cells);
  }
  return rows;
}

describe.skipIf(!hasSoffice)('GET /api/figures?format=xlsx in LibreOffice (vi-VN)', () => {
  it('opens every value as a number, the decimals too', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/figures?format=xlsx&limit=1000');
    expect(res.status).toBe(200);
    const xlsx = join(work, 'so-lieu.xlsx');
    writeFileSync(xlsx, new Uint8Array(await res.arrayBuffer()));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${vietnameseProfile()}`, '--headless', '--convert-to', 'fods', '--outdir', work, xlsx],
      { stdio: 'ignore', timeout: 120_000 },
    );

    const [header, ...rows] = readFods(readFileSync(join(work, 'so-lieu.fods'), 'utf8'));
    const json = (await (await app.request('/api/figures?limit=1000')).json()).figures as {
      value: number;
      text: string;
    }[];
    expect(rows).toHaveLength(json.length);
    const col = (name: string) => (header ?? []).findIndex((c) => c.text === name);
    const [value, text] = [col('value'), col('text')];
    for (const [i, row] of rows.entries()) {
      expect(row[value]?.type, `row ${i + 2}: ${row[text]?.text}`).toBe('float');
      expect(Number(row[value]?.value)).toBe(json[i]?.value);
      expect(row[text]?.type).toBe('string');
      expect(row[text]?.text).toBe(json[i]?.text);
    }
    // The seeds hold decimals (7,71%; 153,9 triệu đồng): they must be among the numbers.
    expect(rows.filter((r) => !Number.isInteger(Number(r[value]?.value))).length).toBeGreaterThan(10);
  }, 150_000);
});
