// POST /api/ask and POST /api/verify: the answering core over HTTP, validated by the contract.
import { Hono } from 'hono';
import { AskBody, VerifyBody } from '../../contract.ts';
import type { AppDeps } from '../app.ts';
import { readJson } from '../validate.ts';

export function askRoutes(deps: AppDeps) {
  return new Hono()
    .post('/api/ask', async (c) => {
      const body = await readJson(c, AskBody);
      return c.json(await deps.assistant.ask(body));
    })
    .post('/api/verify', async (c) => {
      const body = await readJson(c, VerifyBody);
      return c.json(await deps.assistant.verify(body.claim));
    });
}
