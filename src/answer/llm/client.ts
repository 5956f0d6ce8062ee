// A small wrapper over the `openai` package (fetch-based, so it runs on Node and in Workers): one
// chat completion with a deadline, one retry on 429/5xx with backoff, and a reply checked against
// the protocol's shape before anyone reads it. Failures become LlmError with a reason code.
import OpenAI, { APIError, APIUserAbortError } from 'openai';
import { z } from 'zod';

export interface LlmSettings {
  /** Secret: sent only in the Authorization header; never logged, never echoed. */
  apiKey: string;
  /** An OpenAI-compatible base URL (vLLM, llama.cpp server); unset: api.openai.com. */
  baseURL?: string | undefined;
  model: string;
  /** The whole model exchange for one question, tool rounds included. */
  timeoutMs: number;
}

export type LlmFallbackReason =
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  | 'connection'
  | 'malformed_body'
  | 'malformed_tool_call'
  | 'too_many_tool_calls'
  | 'empty_reply'
  | 'guard'
  | 'markers_dropped'
  | 'meaning_changed'
  | 'no_facts_used'
  | 'secret_echo'
  | 'error';

/** Thrown when the model exchange cannot give a usable reply; the caller serves the deterministic answer. */
export class LlmError extends Error {
  constructor(
    readonly reason: LlmFallbackReason,
    message: string,
    readonly status?: number,
    readonly offendingNumbers: string[] = [],
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ToolSpec {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface ChatReply {
  content: string | null;
  toolCalls: ToolCall[];
}

export interface ChatClient {
  complete(req: { messages: ChatMessage[]; tools?: ToolSpec[] }, signal: AbortSignal): Promise<ChatReply>;
}

const Completion = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          tool_calls: z
            .array(
              z.object({
                id: z.string(),
                type: z.string().optional(),
                function: z.object({ name: z.string(), arguments: z.string() }),
              }),
            )
            .nullish(),
        }),
      }),
    )
    .min(1),
});

const BACKOFF_MS = 400;
/** Keys shorter than this (a local server's "none") could match ordinary text; they are no secret anyway. */
export const MIN_SECRET_LENGTH = 8;
const MAX_BACKOFF_MS = 2000;

export function createChatClient(settings: LlmSettings): ChatClient {
  // The SDK's own maxRetries stays 0: it waits whatever Retry-After says (uncapped; "3600" is an
  // hour) in a sleep the abort signal does not end, so one retry would outlive LLM_TIMEOUT_MS and
  // keep a CLI from exiting. The loop below retries once, capped at MAX_BACKOFF_MS and abortable.
  const openai = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    maxRetries: 0,
    timeout: settings.timeoutMs,
  });
  return {
    async complete(req, signal) {
      for (let attempt = 0; ; attempt++) {
        try {
          const raw: unknown = await openai.chat.completions.create(
            {
              model: settings.model,
              // The SDK's message union is wider than ours; ours is a subset of the protocol's shapes.
              messages: req.messages as OpenAI.ChatCompletionMessageParam[],
              ...(req.tools ? { tools: req.tools, tool_choice: 'auto' as const } : {}),
              temperature: 0.2,
            },
            { signal, maxRetries: 0 },
          );
          const reply = readReply(raw);
          if (settings.apiKey.length >= MIN_SECRET_LENGTH && JSON.stringify(reply).includes(settings.apiKey)) {
            throw new LlmError('secret_echo', 'the reply contains the API key');
          }
          return reply;
        } catch (err) {
          if (signal.aborted || err instanceof APIUserAbortError)
            throw new LlmError('timeout', 'the model did not answer in time');
          const retryable =
            err instanceof APIError && typeof err.status === 'number' && (err.status === 429 || err.status >= 500);
          if (retryable && attempt === 0) {
            await sleep(backoffOf(err), signal);
            continue;
          }
          throw toLlmError(err);
        }
      }
    },
  };
}

function readReply(raw: unknown): ChatReply {
  const parsed = Completion.safeParse(raw);
  if (!parsed.success) throw new LlmError('malformed_body', 'the reply is not a chat completion');
  const message = parsed.data.choices[0]?.message;
  const toolCalls = (message?.tool_calls ?? []).map((t) => ({
    id: t.id,
    type: 'function' as const,
    function: t.function,
  }));
  return { content: message?.content ?? null, toolCalls };
}

/** Retry-After when the server gives one (capped), else a short jittered pause. */
function backoffOf(err: APIError): number {
  const h = err.headers;
  const ms = Number(h?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return Math.min(ms, MAX_BACKOFF_MS);
  const s = Number(h?.get('retry-after'));
  if (Number.isFinite(s) && s > 0) return Math.min(s * 1000, MAX_BACKOFF_MS);
  return BACKOFF_MS * (1 + Math.random() * 0.5);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new LlmError('timeout', 'the model did not answer in time'));
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new LlmError('timeout', 'the model did not answer in time'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Only a reason and a status: the SDK's messages can quote the server, which may quote the key. */
function toLlmError(err: unknown): LlmError {
  if (err instanceof LlmError) return err;
  if (err instanceof APIError) {
    const status = typeof err.status === 'number' ? err.status : undefined;
    if (status === undefined) return new LlmError('connection', 'the model server could not be reached');
    if (status === 429) return new LlmError('rate_limited', 'the model server is rate limiting', status);
    if (status >= 500) return new LlmError('server_error', 'the model server failed', status);
    return new LlmError('http_error', 'the model server refused the request', status);
  }
  if (err instanceof SyntaxError) return new LlmError('malformed_body', 'the reply is not JSON');
  return new LlmError('error', err instanceof Error ? err.name : 'unknown error');
}

/** The model settings from parsed configuration; null (deterministic only) without an API key. */
export function llmSettingsFrom(config: {
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  OPENAI_MODEL: string;
  LLM_TIMEOUT_MS: number;
}): LlmSettings | null {
  if (!config.OPENAI_API_KEY) return null;
  return {
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS,
  };
}
