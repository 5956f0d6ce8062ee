// No path of one developer's machine in the product: code, tests, docs and scripts name files
// relative to the repo (or take a flag). Scans every tracked text file but the generated index.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/server.ts';

/** A workspace, a home folder or a drive letter of some machine (examples below). */
const MACHINE_PATH =
  /(?<![\p{L}\p{N}_.~-])\/(?:work|home|Users|root|mnt)\/[\p{L}\p{N}_.-]|(?<![\p{L}\p{N}_])[A-Z]:\\[\p{L}\p{N}_]/u;

function trackedFiles(): string[] {
  // git knows what is committed or about to be; node_modules and outputs are ignored there.
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((f) => f && !f.startsWith('index/') && f !== 'package-lock.json' && !/\.(png|jpe?g|gz|br|wasm)$/.test(f));
}

/** Joins with '/', so that the examples below are not themselves hits of the scan. */
const path = (...parts: string[]) => parts.join('/');

describe('paths in the repo', () => {
  it.each([
    [path('', 'work', 'shared', 'eval', 'questions.jsonl'), true],
    [path('', 'home', 'dev', 'seeds'), true],
    [path('', 'Users', 'an', 'vnqa'), true],
    [path('', 'root', '.cache'), true],
    ['C:\\Users\\an', true],
    ['../shared/eval/questions.jsonl', false],
    ['https://example.vn/home/index.html', false],
    ['Nguồn:\\n[1]', false],
    ['/usr/share/fonts', false],
  ])('the check flags %s: %s', (text, flagged) => {
    expect(MACHINE_PATH.test(text)).toBe(flagged);
  });

  it('name no absolute path of a machine in src/, tests/, docs or scripts', () => {
    const files = trackedFiles();
    expect(files.some((f) => f.startsWith('src/'))).toBe(true);
    const hits: string[] = [];
    for (const f of files) {
      const lines = readFileSync(join(ROOT, f), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (MACHINE_PATH.test(line)) hits.push(`${f}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(hits).toEqual([]);
  });
});
