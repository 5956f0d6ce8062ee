// `npx tsx src/cli/eval-fake-llm.ts <mode> [scorer args]`: `npm run eval` with the language model
// switched on and pointed at a scripted local server (src/cli/fake-llm.ts). A misbehaving model
// (invent, garbage, wrong-shape, hang, error, bad-tools) must score exactly what no model scores.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SCRIPTS, startFakeChatServer } from './fake-llm.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The mode, then the scorer's own arguments, passed through unparsed to src/cli/eval.ts.
const [mode = 'invent', ...rest] = process.argv.slice(2);
const script = SCRIPTS[mode];
if (!script) {
  console.error(`Unknown mode "${mode}". Modes: ${Object.keys(SCRIPTS).join(', ')}`);
  process.exit(2);
}
const fake = await startFakeChatServer(script);
console.log(`Language model: scripted "${mode}" at ${fake.baseURL}`);
const run = spawn(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', ...rest], {
  cwd: ROOT,
  env: {
    ...process.env,
    OPENAI_API_KEY: 'sk-fake-eval-key-never-shown',
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_MODEL: `fake-${mode}`,
    // A model that never answers costs every question the timeout: keep it short here.
    LLM_TIMEOUT_MS: process.env.LLM_TIMEOUT_MS ?? (mode === 'hang' ? '300' : '5000'),
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const fallbacks = new Map<string, number>();
let served = 0;
let leaked = false;
/** Passes the scorer's lines through; counts the server's llm_* log events instead of printing them. */
function filter(out: NodeJS.WriteStream) {
  let pending = '';
  return (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('sk-fake-eval-key-never-shown')) leaked = true;
      const m = /"event":"llm_fallback","reason":"([a-z_]+)"/.exec(line);
      if (m?.[1]) fallbacks.set(m[1], (fallbacks.get(m[1]) ?? 0) + 1);
      else if (line.includes('"event":"llm_answer"')) served++;
      else out.write(`${line}\n`);
    }
  };
}
run.stdout?.setEncoding('utf8').on('data', filter(process.stdout));
run.stderr?.setEncoding('utf8').on('data', filter(process.stderr));
const code = await new Promise<number>((r) => run.on('exit', (c) => r(c ?? 1)));
console.log(
  `Model requests: ${fake.requests.length}; model text served: ${served}; fallbacks: ${JSON.stringify(Object.fromEntries(fallbacks))}` +
    (leaked ? '; API KEY SEEN IN LOGS' : ''),
);
await fake.close();
process.exit(leaked ? 1 : code);
