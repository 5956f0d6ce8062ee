// Where browser tests write their screenshots: docs/screenshots/ (committed, shown in the README)
// under `npm run screenshots`, else a temporary folder, so that `npm test` leaves the tree clean.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './server.ts';

export function screenshotDir(): string {
  if (!process.env.UPDATE_SCREENSHOTS) return mkdtempSync(join(tmpdir(), 'screenshots-'));
  const dir = join(ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}
