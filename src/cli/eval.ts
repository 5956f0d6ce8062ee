// npm run eval: starts the Node server on a free loopback port with an empty data directory and
// runs the question-set scorer (../shared/eval/score.mjs by default) against it. Extra arguments
// go to the scorer (--questions F, --reports MANIFEST, --verbose, --json OUT, --min-pass 0.9).
// `--set NAME` runs the set in ../shared/eval/NAME (its reports.jsonl and questions.jsonl).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scorer = resolve(process.env.EVAL_SCORER ?? join(ROOT, '../shared/eval/score.mjs'));

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => ok(typeof addr === 'object' && addr ? addr.port : 0));
    });
    srv.on('error', fail);
  });
}

/** Expands `--set NAME` into the scorer's `--reports` and `--questions` for ../shared/eval/NAME. */
function scorerArgs(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--set=') ? arg.slice('--set='.length) : undefined;
    if (arg !== '--set' && eq === undefined) {
      out.push(arg);
      continue;
    }
    const name = eq ?? argv[++i];
    if (!name || !/^[\w-]+$/.test(name)) {
      console.error('--set needs the name of a folder under ../shared/eval, e.g. --set wide');
      process.exit(2);
    }
    const dir = join(dirname(scorer), name);
    const reports = join(dir, 'reports.jsonl');
    const questions = join(dir, 'questions.jsonl');
    if (!existsSync(questions)) {
      console.error(`No question set at ${questions}.`);
      process.exit(2);
    }
    out.push('--questions', questions);
    if (existsSync(reports)) out.push('--reports', reports);
  }
  return out;
}

async function main() {
  const passOn = scorerArgs(process.argv.slice(2));
  if (!existsSync(scorer)) {
    console.error(`No scorer at ${scorer}: set EVAL_SCORER to the path of score.mjs.`);
    process.exit(2);
  }
  const port = await freePort();
  const token = `eval-${Math.random().toString(36).slice(2)}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'vnqa-eval-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: token,
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  // The scorer's own arguments are passed through as given; only --set is expanded here.
  const run = spawn(process.execPath, [scorer, '--base', base, '--token', token, ...passOn], { stdio: 'inherit' });
  const code = await new Promise<number>((r) => run.on('exit', (c) => r(c ?? 1)));
  server.kill('SIGTERM');
  process.exit(code);
}

await main();
