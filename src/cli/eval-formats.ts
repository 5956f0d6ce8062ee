// npm run eval:formats: the seeds' question set with the five seeds loaded as files instead of
// text. For each format (text, docx, pdf) it serves a corpus with no bundled seeds, uploads the
// seeds in that format through POST /api/reports (multipart), and runs the scorer
// (../shared/eval/score.mjs) against it. DOCX files are made with the `docx` package; the PDFs
// are tests/fixtures/formats (made by make-pdfs.ts). Extra arguments go to the scorer.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createAssistant } from '../answer/assistant.ts';
import { parseConfig } from '../config.ts';
import { Corpus } from '../corpus/corpus.ts';
import { memoryPort } from '../corpus/memory-port.ts';
import { createApp } from '../http/app.ts';
import { FileStore } from '../store/file-store.ts';
import { readSeedInputs } from '../store/seed-files.ts';
// A dev tool: the DOCX maker the tests use, so both read the same files.
import { seedToDocx } from './make-docx.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scorer = resolve(process.env.EVAL_SCORER ?? join(ROOT, '../shared/eval/score.mjs'));
const FORMATS = ['text', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

const { values, positionals } = parseArgs({
  options: { formats: { type: 'string', default: FORMATS.join(',') } },
  allowPositionals: true,
  strict: false,
});

async function fileOf(format: Format, id: string, text: string): Promise<{ bytes: Uint8Array; name: string }> {
  if (format === 'docx') return { bytes: await seedToDocx(text), name: `${id}.docx` };
  if (format === 'pdf')
    return {
      bytes: new Uint8Array(await readFile(join(ROOT, 'tests/fixtures/formats', `${id}.pdf`))),
      name: `${id}.pdf`,
    };
  return { bytes: new TextEncoder().encode(text), name: `${id}.txt` };
}

async function runFormat(format: Format, scorerArgs: string[]): Promise<number> {
  const token = `eval-${Math.random().toString(36).slice(2)}`;
  const dataDir = await mkdtemp(join(tmpdir(), `vnqa-eval-${format}-`));
  const config = parseConfig({ ADMIN_TOKEN: token, DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' });
  const corpus = await Corpus.open({ store: new FileStore(dataDir), seeds: [] });
  const app = createApp({ config, corpus: memoryPort(corpus), assistant: createAssistant(corpus), runtime: 'node' });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((ok) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ok({ server: s, port: info.port }));
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    let figures = 0;
    for (const seed of await readSeedInputs()) {
      const { bytes, name } = await fileOf(format, seed.id, seed.text);
      const form = new FormData();
      form.set('file', new File([bytes.slice()], name));
      form.set('id', seed.id);
      const res = await fetch(`${base}/api/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const body = (await res.json()) as { figures?: number; error?: { message: string } };
      if (!res.ok) throw new Error(`${format} ${name}: HTTP ${res.status} ${body.error?.message ?? ''}`);
      figures += body.figures ?? 0;
    }
    console.log(`\n== ${format}: 5 seeds uploaded, ${figures} figures ==`);
    const run = spawn(process.execPath, [scorer, '--base', base, ...scorerArgs], { stdio: 'inherit' });
    return await new Promise<number>((r) => run.on('exit', (c) => r(c ?? 1)));
  } finally {
    server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync(scorer)) {
    console.error(`No scorer at ${scorer}: set EVAL_SCORER to the path of score.mjs.`);
    process.exit(2);
  }
  const formats = String(values.formats).split(',') as Format[];
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length) {
    console.error(`Unknown format(s) ${unknown.join(', ')}; use ${FORMATS.join(', ')}.`);
    process.exit(2);
  }
  let worst = 0;
  for (const f of formats) worst = Math.max(worst, await runFormat(f, positionals));
  process.exit(worst);
}

await main();
