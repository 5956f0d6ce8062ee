// The official `openai` package as the client, pointed at a real Node server with the real core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResponse } from '../../src/contract.ts';
import { freePort, type Running, startNode } from '../helpers/server.ts';

let server: Running;
let dataDir: string;
let client: OpenAI;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'vnqa-openai-'));
  server = await startNode({ DATA_DIR: dataDir }, await freePort());
  client = new OpenAI({ baseURL: `${server.base}/v1`, apiKey: 'not-needed', maxRetries: 0 });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const QUESTION = 'hộ nghèo Quảng Trị cuối 2023?';

describe('the OpenAI-compatible API through the openai client', () => {
  it('answers with 14.040 and a cited source', async () => {
    const completion = await client.chat.completions.create({
      model: 'vn-welfare-qa',
      messages: [{ role: 'user', content: QUESTION }],
    });
    const text = completion.choices[0]?.message.content ?? '';
    expect(text).toContain('14.040');
    expect(text).toMatch(/Nguồn:\n\[1\] /);
    // The structured answer rides along; the client keeps fields it does not know.
    const answer = (completion as unknown as { answer: AskResponse }).answer;
    expect(answer.status).toBe('answered');
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('streams the same answer', async () => {
    const stream = await client.chat.completions.create({
      model: 'vn-welfare-qa',
      stream: true,
      messages: [{ role: 'user', content: QUESTION }],
    });
    let text = '';
    let chunks = 0;
    let answer: AskResponse | undefined;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta?.content ?? '';
      answer ??= (chunk as unknown as { answer?: AskResponse }).answer;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(text).toContain('14.040');
    expect(answer?.citations.length).toBeGreaterThan(0);
  });

  it('lists the models', async () => {
    const ids: string[] = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toContain('vn-welfare-qa');
  });

  it("surfaces a bad request as an APIError with the contract's message", async () => {
    const err = await client.chat.completions
      .create({ model: 'vn-welfare-qa', messages: [{ role: 'assistant', content: 'Xin chào' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(400);
  });
});
