// npm run ingest: files into DATA_DIR through the same upload path as the API, a line per file
// and a summary; a rejected file is named with its reason and nothing of it is stored.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server.ts';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function ingest(args: string[], dataDir: string) {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('npm run ingest', () => {
  it('stores the readable files under their names and lists the rejected ones with why', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vnqa-ingest-'));
    dirs.push(dataDir);
    const { code, stdout } = await ingest(
      [
        'tests/fixtures/formats/table.pdf',
        'tests/fixtures/formats/scanned.pdf',
        'tests/fixtures/formats/news-page.html',
      ],
      dataDir,
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /1\/3 tests\/fixtures\/formats\/table\.pdf: created table \(pdf\): \d+ passages, \d+ figures/,
    );
    expect(stdout).toMatch(/2\/3 .*scanned\.pdf: rejected \(SCANNED_PDF\): .*OCR/);
    expect(stdout).toMatch(
      /2 report\(s\) \(2 created, 0 replaced, 0 unchanged\), \d+ figures; 1 rejected\n {2}SCANNED_PDF: scanned\.pdf/,
    );
    expect((await readdir(join(dataDir, 'reports'))).sort()).toEqual(['news-page.json', 'table.json']);
  }, 60_000);
});
