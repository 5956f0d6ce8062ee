// The Worker bundle as `wrangler deploy` would upload it (--dry-run, offline): it builds, and it
// leaves out what the Worker does not use (zod's translations of its messages, see wrangler.toml).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server.ts';

const out = mkdtempSync(join(tmpdir(), 'vnqa-worker-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function build(env: string) {
  const dir = join(out, env || 'default');
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/wrangler/bin/wrangler.js',
      'deploy',
      '--dry-run',
      `--env=${env}`,
      '--outdir',
      dir,
      '--metafile',
      join(dir, 'meta.json'),
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' } },
  );
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run --env=${env} failed:\n${run.stdout}\n${run.stderr}`);
  // esbuild's metafile: every input file of the bundle, keyed by path.
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { inputs: Record<string, unknown> };
  const code = readFileSync(join(dir, 'worker.js'));
  return {
    inputs: Object.keys(meta.inputs),
    bytes: statSync(join(dir, 'worker.js')).size,
    gzipBytes: gzipSync(code).length,
  };
}

describe('the Worker bundle', () => {
  it.each([[''], ['shards']])(
    'builds for the environment "%s" without zod’s locales but English',
    (env) => {
      const bundle = build(env);
      const locales = bundle.inputs.filter((f) => f.includes('zod/v4/locales/'));
      expect(locales).toEqual([expect.stringMatching(/zod\/v4\/locales\/en\.js$/)]);
      expect(bundle.inputs).toContain('src/workers/worker.ts');
      console.log(
        `Worker bundle (${env || 'default'}): ${(bundle.bytes / 1024).toFixed(0)} KiB, gzip ${(bundle.gzipBytes / 1024).toFixed(0)} KiB`,
      );
    },
    120_000,
  );
});
