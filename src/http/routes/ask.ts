// POST /api/ask and POST /api/verify: the answering core over HTTP, validated by the contract.
// A question to /api/ask that states a claim ("…14.040 hộ nghèo, đúng không?") gets the verdict.
// /api/ask streams when asked (Accept: text/event-stream or ?stream=1): `delta` events carry the
// answer text in pieces, then one `result` event the whole AskResponse. JSON otherwise, unchanged.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { answerMessage } from '../../answer/claims.ts';
import { AskBody, VerifyBody } from '../../contract.ts';
import { errorBody } from '../../errors.ts';
import type { AppDeps } from '../deps.ts';
import { readJson } from '../validate.ts';
import { splitForStreaming } from './chat-completions.ts';

const STREAM_PAUSE_MS = 12;

export function askRoutes(deps: AppDeps) {
  return new Hono()
    .post('/api/ask', async (c) => {
      const body = await readJson(c, AskBody);
      const wantsStream = c.req.query('stream') === '1' || /\btext\/event-stream\b/i.test(c.req.header('accept') ?? '');
      if (!wantsStream) return c.json(await answerMessage(deps.assistant, body));
      c.header('X-Accel-Buffering', 'no');
      // Headers go out at once; the answer (a model may take seconds) follows as it is ready.
      return streamSSE(c, async (stream) => {
        let res: Awaited<ReturnType<typeof answerMessage>>;
        try {
          res = await answerMessage(deps.assistant, body);
        } catch (err) {
          deps.log?.('error', 'unhandled error', {
            path: c.req.path,
            error: err instanceof Error ? err.stack : String(err),
          });
          await stream.writeSSE({
            event: 'error',
            data: JSON.stringify(errorBody('INTERNAL', 'Internal error; it has been logged.')),
          });
          return;
        }
        for (const piece of splitForStreaming(res.answer)) {
          await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: piece }) });
          await stream.sleep(STREAM_PAUSE_MS);
        }
        await stream.writeSSE({ event: 'result', data: JSON.stringify(res) });
      });
    })
    .post('/api/verify', async (c) => {
      const body = await readJson(c, VerifyBody);
      return c.json(await deps.assistant.verify(body.claim));
    });
}
