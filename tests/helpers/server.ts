// Starts real servers (the Node entry, or wrangler dev) on a free loopback port for end-to-end tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Running {
  base: string;
  proc: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function start(
  cmd: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  timeoutMs = 60_000,
): Promise<Running> {
  const proc = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    try {
      process.kill(-(proc.pid as number), signal);
    } catch {}
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`${cmd} exited early:\n${out}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return { base, proc, output: () => out, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop('SIGKILL');
  throw new Error(`${cmd} did not answer /healthz within ${timeoutMs} ms:\n${out}`);
}

export function startNode(env: Record<string, string>, port: number) {
  return start(
    process.execPath,
    ['--import', 'tsx', 'src/node.ts'],
    { ...env, PORT: String(port), HOST: '127.0.0.1' },
    port,
  );
}

/**
 * `wrangler dev` (workerd, offline) on free ports, with extra CLI flags (`--env`, `--persist-to`,
 * `--var NAME:value`). The first start bundles the Worker, hence the long wait.
 */
export async function startWranglerDev(flags: string[] = []): Promise<Running> {
  const port = await freePort();
  return start(
    process.execPath,
    [
      'node_modules/wrangler/bin/wrangler.js',
      'dev',
      ...flags,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(await freePort()),
      '--log-level',
      'warn',
    ],
    { WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
    port,
    120_000,
  );
}
