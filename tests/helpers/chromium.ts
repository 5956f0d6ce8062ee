// The Chromium the browser tests drive, brought by `npm ci` itself: the headless shell that the
// @sparticuz/chromium devDependency ships inside its npm package (Linux x64), with the NSS libraries
// and fonts it needs, so `npm test` depends on no browser installed by hand. CHROMIUM_PATH overrides.
// The shipped fonts have no emoji: Noto Color Emoji comes from the @fontsource devDependency.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { ROOT } from './server.ts';
import { woffToSfnt } from './woff.ts';

export interface ChromiumBinary {
  executablePath: string;
  /** Environment for the browser process (the bundled libraries and fonts); empty for CHROMIUM_PATH. */
  env: Record<string, string>;
}

/**
 * Returns the browser to launch, unpacking the packaged one on first use.
 *
 * The package's own `executablePath()` unpacks into the shared temp folder (racy between test
 * runs of several checkouts, stale across versions) and adds the NSS libraries only on AWS
 * Lambda; a plain Debian without Debian's chromium lacks them. So the archives it ships are
 * unpacked here, once per package version, into node_modules/.cache, atomically.
 */
export function resolveChromium(): ChromiumBinary {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist.`);
    return { executablePath: override, env: {} };
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `@sparticuz/chromium ships a Chromium for Linux x64 only (this is ${process.platform} ${process.arch}): set CHROMIUM_PATH to a local Chromium or Chrome.`,
    );
  }
  const pkgDir = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..');
  // JSON.parse gives unknown structure; package.json of an installed package always has a version.
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const dir = join(ROOT, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  const executablePath = join(dir, 'chromium');
  if (!existsSync(executablePath)) unpack(join(pkgDir, 'bin'), dir);
  const emoji = emojiFonts();
  // The shipped fonts.conf names Lambda's folders; this one names ours, the emoji and the system's.
  const conf = `<?xml version="1.0"?>\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <dir>${emoji}</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`;
  const confPath = join(dir, 'fonts-emoji.conf');
  if (!existsSync(confPath) || readFileSync(confPath, 'utf8') !== conf) writeAtomic(confPath, conf);
  return {
    executablePath,
    env: { LD_LIBRARY_PATH: join(dir, 'lib'), FONTCONFIG_FILE: confPath },
  };
}

/** Noto Color Emoji (@fontsource, WOFF) as TrueType files in a folder of their own, made once per package version. */
function emojiFonts(): string {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-color-emoji/package.json'));
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const dir = join(ROOT, 'node_modules', '.cache', `noto-color-emoji-${version}`);
  if (existsSync(dir)) return dir;
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = mkdtempSync(`${dir}.tmp-`);
  try {
    const files = join(pkgDir, 'files');
    for (const name of readdirSync(files).filter((f) => f.endsWith('.woff'))) {
      writeFileSync(
        join(tmp, name.replace(/\.woff$/, '.ttf')),
        woffToSfnt(new Uint8Array(readFileSync(join(files, name)))),
      );
    }
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir)) throw e;
  }
  return dir;
}

/** Several test files resolve the browser at once: a reader sees the old file or the new, never half. */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function unpack(bin: string, dir: string): void {
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = mkdtempSync(`${dir}.tmp-`);
  try {
    writeFileSync(join(tmp, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), { mode: 0o755 });
    for (const archive of ['al2023.tar.br', 'fonts.tar.br']) {
      const tar = spawnSync('tar', ['-x', '-C', tmp], {
        input: brotliDecompressSync(readFileSync(join(bin, archive))),
      });
      if (tar.status !== 0)
        throw new Error(`could not unpack ${archive}: ${tar.stderr.toString() || tar.error?.message}`);
    }
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    // Another test run may have unpacked the same version meanwhile.
    if (!existsSync(join(dir, 'chromium'))) throw e;
  }
}

/** The flags every browser test runs Chromium with: headless, offline-quiet, no first-run chrome. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  width: number;
  height: number;
  /** A touch phone (isMobile, hasTouch, 2× pixels). */
  mobile?: boolean;
  acceptDownloads?: boolean;
}

/**
 * A Chromium context in a fresh profile folder, in Vietnamese (locale vi-VN), at the size given.
 * The profile's folder is returned for the caller to remove once the context is closed.
 */
export async function launchBrowser(opts: LaunchOptions): Promise<{ context: BrowserContext; profile: string }> {
  const { chromium } = await import('playwright-core');
  const binary = resolveChromium();
  const profile = mkdtempSync(join(tmpdir(), 'vnqa-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: binary.executablePath,
    env: { ...process.env, ...binary.env },
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: opts.width, height: opts.height },
    ...(opts.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    locale: 'vi-VN',
    ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  return { context, profile };
}
