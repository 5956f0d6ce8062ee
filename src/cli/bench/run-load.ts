// Runs the load generator (load.ts, autocannon) in a child process, so it does not share the
// served app's event loop, and returns what it measured.
import { spawn } from 'node:child_process';

export interface LoadOptions {
  port: number;
  route: 'search' | 'ask';
  connections: number;
  duration: number;
  questions: string[];
}

export function runLoad(opts: LoadOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./load.ts', import.meta.url).pathname], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`load child exited with ${code}`));
      else resolve(JSON.parse(stdout));
    });
    child.stdin.end(JSON.stringify(opts));
  });
}
