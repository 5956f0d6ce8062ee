// The assistant as an OpenAI-compatible model, so any OpenAI client or bot framework can use it:
// POST /v1/chat/completions (plain or `stream: true` SSE) and GET /v1/models. The reply text is the
// answer with its sources as footnotes; the structured answer rides along in the `answer` field.
// A message that states a claim ("…, đúng không?") gets the verdict on either model.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { answerMessage } from '../../answer/claims.ts';
import { AskBody, type AskResponse } from '../../contract.ts';
import { AppError } from '../../errors.ts';
import { answerWithFootnotes } from '../answer-text.ts';
import { ChatCompletionRequest, DEFAULT_MODEL, MODELS, type ModelId } from '../openai-wire.ts';
import { publicBase, type SurfaceDeps } from '../surface.ts';
import { parseWith, readJson } from '../validate.ts';

/** Earlier turns passed on as history; the contract allows 50, the last few carry the context. */
const MAX_HISTORY = 20;
/** Pause between streamed pieces: the answer is ready at once, but a reader sees it arrive. */
const STREAM_PAUSE_MS = 12;
const CREATED = Math.floor(Date.UTC(2024, 0, 1) / 1000);

export function chatCompletionRoutes(deps: SurfaceDeps) {
  const { assistant, config } = deps;

  return new Hono()
    .get('/v1/models', (c) =>
      c.json({
        object: 'list' as const,
        data: Object.entries(MODELS).map(([id, description]) => ({
          id,
          object: 'model' as const,
          created: CREATED,
          owned_by: 'vn-welfare-qa',
          description,
        })),
      }),
    )
    .get('/v1/models/:id', (c) => {
      const id = c.req.param('id');
      if (!(id in MODELS)) throw new AppError('NOT_FOUND', `No model "${id}". GET /v1/models lists them.`);
      return c.json({
        id,
        object: 'model' as const,
        created: CREATED,
        owned_by: 'vn-welfare-qa',
        description: MODELS[id as ModelId],
      });
    })
    .post('/v1/chat/completions', async (c) => {
      const req = await readJson(c, ChatCompletionRequest);
      const model = pickModel(req.model);
      const body = toAskBody(req);
      const res =
        model === 'vn-welfare-qa-verify' ? await assistant.verify(body.question) : await answerMessage(assistant, body);
      const text = req.footnotes === false ? res.answer.trim() : answerWithFootnotes(res, publicBase(c, config));
      const id = `chatcmpl-${crypto.randomUUID()}`;
      const created = Math.floor(Date.now() / 1000);

      if (!req.stream) {
        return c.json({
          id,
          object: 'chat.completion' as const,
          created,
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant' as const, content: text, refusal: null },
              finish_reason: 'stop' as const,
              logprobs: null,
            },
          ],
          usage: usage(body, text),
          answer: res,
        });
      }

      c.header('X-Accel-Buffering', 'no');
      return streamSSE(c, async (stream) => {
        const chunk = (delta: { role?: 'assistant'; content?: string }, finish: 'stop' | null, answer?: AskResponse) =>
          stream.writeSSE({
            data: JSON.stringify({
              id,
              object: 'chat.completion.chunk',
              created,
              model,
              choices: [{ index: 0, delta, finish_reason: finish }],
              ...(answer ? { answer } : {}),
            }),
          });
        await chunk({ role: 'assistant', content: '' }, null);
        for (const piece of splitForStreaming(text)) {
          await chunk({ content: piece }, null);
          await stream.sleep(STREAM_PAUSE_MS);
        }
        await chunk({}, 'stop', res);
        await stream.writeSSE({ data: '[DONE]' });
      });
    });
}

function pickModel(requested: string | undefined): ModelId {
  return requested !== undefined && requested in MODELS ? (requested as ModelId) : DEFAULT_MODEL;
}

/** The last message is the question; the user and assistant turns before it are the history. */
export function toAskBody(req: ChatCompletionRequest): AskBody {
  const turns = req.messages
    .filter((m) => m.role === 'user' || m.role === 'assistant')
    .map((m) => ({ role: m.role as 'user' | 'assistant', content: messageText(m.content) }))
    .filter((m) => m.content.trim());
  const last = req.messages.at(-1);
  if (last?.role !== 'user') {
    throw new AppError('VALIDATION', 'messages: the last message must be the user\'s question (role "user").');
  }
  const question = messageText(last.content);
  const history = turns
    .slice(0, -1)
    .slice(-MAX_HISTORY)
    .map((t) => ({ ...t, content: t.content.slice(0, 20_000) }));
  return parseWith(AskBody, { question, history });
}

function messageText(content: ChatCompletionRequest['messages'][number]['content']): string {
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content
    .filter((p) => p.type === 'text' && typeof p.text === 'string')
    .map((p) => p.text)
    .join('\n');
}

/** Pieces of two or three words, whitespace kept, so the concatenation is exactly the text. */
export function splitForStreaming(text: string): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? [text];
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += 3) pieces.push(words.slice(i, i + 3).join(''));
  return pieces;
}

/** No tokenizer runs here: words stand in for tokens so clients that sum usage get a sane number. */
function usage(body: AskBody, text: string) {
  const count = (s: string) => s.split(/\s+/).filter(Boolean).length;
  const prompt = count(body.question) + body.history.reduce((n, t) => n + count(t.content), 0);
  const completion = count(text);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}
