// A scripted server speaking the chat-completions protocol on loopback, for tests and for
// `npx tsx src/cli/eval-fake-llm.ts <mode>`: a faithful model, or ones that invent numbers, send
// garbage, never answer, fail, or make malformed tool calls. Run alone it prints its base URL:
//   npx tsx src/cli/fake-llm.ts invent --port 4010   →   OPENAI_BASE_URL=http://127.0.0.1:4010/v1
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface FakeRequest {
  /** The parsed JSON body (null when it did not parse). */
  body: { messages?: { role: string; content?: string | null }[]; tools?: unknown[]; model?: string } | null;
  headers: IncomingHttpHeaders;
  /** 1 for the first request the server received. */
  n: number;
}

export interface FakeReply {
  status?: number;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as is (with `contentType`, default text/html). */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Never answer (the socket is closed when the server is). */
  hang?: boolean;
  delayMs?: number;
}

export type Script = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeServer {
  /** Give this as OPENAI_BASE_URL. */
  baseURL: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

/** A chat.completion body with text or tool calls. */
export function completion(content: string | null, toolCalls: { name: string; arguments: string }[] = []) {
  return {
    id: `chatcmpl-fake-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'fake',
    choices: [
      {
        index: 0,
        finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
        message: {
          role: 'assistant',
          content,
          ...(toolCalls.length
            ? { tool_calls: toolCalls.map((t, i) => ({ id: `call_${i + 1}`, type: 'function', function: t })) }
            : {}),
        },
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

/** The last user message of a request. */
export function lastUser(req: FakeRequest): string {
  return [...(req.body?.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
}

/** The draft answer a phrasing request carries, unescaped. */
export function draftOf(req: FakeRequest): string | null {
  const m = /<draft>([\s\S]*?)<\/draft>/.exec(lastUser(req));
  return m?.[1]
    ? m[1]
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
    : null;
}

export const SCRIPTS: Record<string, Script> = {
  /** Rewords the draft (numbers and markers kept); finds nothing when asked to use tools. */
  faithful: (req) => {
    const draft = draftOf(req);
    return { json: completion(draft ? `Theo các báo cáo hiện có: ${draft}` : 'Các báo cáo không có số liệu này.') };
  },
  /** States a number no report holds, with a marker. */
  invent: () => ({ json: completion('Theo báo cáo, Quảng Trị có 99.999 hộ nghèo, chiếm 12,34% [1].') }),
  /** A 200 that is not a chat completion. */
  garbage: () => ({ raw: '<html><body>502 Bad Gateway</body></html>' }),
  /** JSON of the wrong shape. */
  'wrong-shape': () => ({ json: { choices: 'none', answer: 42 } }),
  /** Never answers. */
  hang: () => ({ hang: true }),
  /** Always fails. */
  error: () => ({ status: 500, json: { error: { message: 'upstream failed', type: 'server_error' } } }),
  /** Tool calls whose arguments are not JSON, or name tools that do not exist. */
  'bad-tools': (req) => ({
    json: completion(
      null,
      req.n % 2 ? [{ name: 'search_figures', arguments: '{"query": "hộ nghèo' }] : [{ name: 'rm_rf', arguments: '{}' }],
    ),
  }),
};

export async function startFakeChatServer(script: Script, port = 0): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', async () => {
      let body: FakeRequest['body'] = null;
      try {
        body = JSON.parse(raw);
      } catch {}
      const r: FakeRequest = { body, headers: req.headers, n: requests.length + 1 };
      requests.push(r);
      if (!req.url?.endsWith('/chat/completions')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const reply = await script(r);
      if (reply.hang) {
        open.add(res);
        return;
      }
      if (reply.delayMs) await new Promise((ok) => setTimeout(ok, reply.delayMs));
      const headers = { ...(reply.headers ?? {}) };
      if (reply.json !== undefined) {
        res
          .writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...headers })
          .end(JSON.stringify(reply.json));
      } else {
        res
          .writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'text/html', ...headers })
          .end(reply.raw ?? '');
      }
    });
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: bound } = server.address() as AddressInfo; // listen() on a TCP port gives an AddressInfo
  return {
    baseURL: `http://127.0.0.1:${bound}/v1`,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', default: '4010' } },
  });
  const mode = positionals[0] ?? 'invent';
  const script = SCRIPTS[mode];
  if (!script) {
    console.error(`Unknown mode "${mode}". Modes: ${Object.keys(SCRIPTS).join(', ')}`);
    process.exit(2);
  }
  const srv = await startFakeChatServer(script, Number(values.port));
  console.log(`Fake chat-completions server (${mode}) at ${srv.baseURL}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
