// npm run ingest -- files… [--server URL] [--token T] [--id-from name|content]
// Loads report files (PDF, DOCX, HTML, text) into DATA_DIR, or posts them to a running server.
// Both ways go through POST /api/reports with the file as multipart/form-data: locally the app
// runs in this process over the file store, so a file is read, checked and refused exactly as
// an upload would be. Prints one line per file and a summary (reports, figures, rejected and why).
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createAssistant } from '../answer/assistant.ts';
import { parseConfig } from '../config.ts';
import { Corpus } from '../corpus/corpus.ts';
import { memoryPort } from '../corpus/memory-port.ts';
import { createApp } from '../http/app.ts';
import { buildReport } from '../ingest/build-report.ts';
import { FileStore } from '../store/file-store.ts';
import { readSeedInputs } from '../store/seed-files.ts';

const USAGE = `usage: npm run ingest -- FILE… [--server URL] [--token TOKEN] [--id-from name|content]
  Without --server, reports are stored in DATA_DIR (default ./data). With it, they are posted
  to that server with the admin token (--token or ADMIN_TOKEN).
  --id-from name (default): the id is the file name without its extension; content: a hash of the text.`;

interface Outcome {
  file: string;
  ok: boolean;
  status: number;
  body: {
    id?: string;
    status?: string;
    format?: string;
    passages?: number;
    figures?: number;
    error?: { code: string; message: string };
  };
}

type Post = (form: FormData) => Promise<Response>;

/** The id a file name gives: its base name without the extension, in the id alphabet. */
export function idFromName(file: string): string {
  const stem = basename(file, extname(file))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(/[^A-Za-z0-9._-]+/gu, '-')
    .replace(/^[-.]+|-+$/gu, '');
  return stem.slice(0, 128) || 'report';
}

async function localPoster(): Promise<{ post: Post; where: string }> {
  const token = `ingest-${crypto.randomUUID()}`;
  const config = parseConfig({ ...process.env, ADMIN_TOKEN: token, RATE_LIMIT_PER_MINUTE: '0' });
  const seeds = (await readSeedInputs()).map(buildReport);
  const corpus = await Corpus.open({ store: new FileStore(config.DATA_DIR), seeds });
  const app = createApp({
    config,
    corpus: memoryPort(corpus),
    assistant: createAssistant(corpus),
    runtime: 'node',
    log: () => {},
  });
  return {
    where: corpus.store.description,
    post: async (form) =>
      app.request(
        new Request('http://localhost/api/reports', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: form,
        }),
      ),
  };
}

function remotePoster(server: string, token: string): { post: Post; where: string } {
  const url = `${server.replace(/\/+$/u, '')}/api/reports`;
  return {
    where: server,
    post: (form) => fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }),
  };
}

async function ingestOne(post: Post, file: string, idFrom: 'name' | 'content'): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    if (!(await stat(file)).isFile())
      return { file, ok: false, status: 0, body: { error: { code: 'NOT_A_FILE', message: 'not a file' } } };
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    return {
      file,
      ok: false,
      status: 0,
      body: { error: { code: 'UNREADABLE', message: String((err as Error).message) } },
    };
  }
  const form = new FormData();
  form.set('file', new File([bytes.slice()], basename(file)));
  if (idFrom === 'name') form.set('id', idFromName(file));
  try {
    const res = await post(form);
    // Every answer of POST /api/reports is JSON in the contract's shape.
    const body = (await res.json()) as Outcome['body'];
    return { file, ok: res.ok, status: res.status, body };
  } catch (err) {
    return {
      file,
      ok: false,
      status: 0,
      body: { error: { code: 'NETWORK', message: String((err as Error).message) } },
    };
  }
}

function bar(done: number, total: number, width = 20) {
  const full = Math.round((done / total) * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${done}/${total}`;
}

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      'id-from': { type: 'string', default: 'name' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const idFrom = values['id-from'];
  if (idFrom !== 'name' && idFrom !== 'content') {
    console.error(`--id-from is name or content, not "${idFrom}".`);
    process.exit(2);
  }
  const token = values.token ?? process.env.ADMIN_TOKEN ?? '';
  if (values.server && !token) {
    console.error('Posting to a server needs its admin token: --token T or ADMIN_TOKEN.');
    process.exit(2);
  }
  const { post, where } = values.server ? remotePoster(values.server, token) : await localPoster();
  console.log(`Ingesting ${positionals.length} file(s) into ${where}`);
  const outcomes: Outcome[] = [];
  for (const [i, file] of positionals.entries()) {
    const o = await ingestOne(post, file, idFrom);
    outcomes.push(o);
    const line = o.ok
      ? `${o.body.status} ${o.body.id} (${o.body.format}): ${o.body.passages} passages, ${o.body.figures} figures`
      : `rejected (${o.body.error?.code ?? o.status}): ${o.body.error?.message ?? `HTTP ${o.status}`}`;
    console.log(`${bar(i + 1, positionals.length)} ${file}: ${line}`);
  }
  const stored = outcomes.filter((o) => o.ok);
  const rejected = outcomes.filter((o) => !o.ok);
  const byStatus = (s: string) => stored.filter((o) => o.body.status === s).length;
  console.log(
    `\n${stored.length} report(s) (${byStatus('created')} created, ${byStatus('replaced')} replaced, ${byStatus('unchanged')} unchanged), ` +
      `${stored.reduce((n, o) => n + (o.body.figures ?? 0), 0)} figures; ${rejected.length} rejected`,
  );
  const reasons = new Map<string, string[]>();
  for (const o of rejected) {
    const code = o.body.error?.code ?? `HTTP ${o.status}`;
    reasons.set(code, [...(reasons.get(code) ?? []), basename(o.file)]);
  }
  for (const [code, files] of reasons) console.log(`  ${code}: ${files.join(', ')}`);
  process.exit(rejected.length ? 1 : 0);
}

await main();
