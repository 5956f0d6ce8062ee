import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { fakeAssistant } from '../helpers/fake-assistant.ts';

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document with every surface', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const doc = await (await app.request('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/ask',
      '/api/verify',
      '/v1/chat/completions',
      '/v1/models',
      '/webhooks/telegram',
      '/webhooks/zalo',
      '/api/reports/{id}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it('generates the schemas from the contract, with references between them', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const { components, paths } = await (await app.request('/openapi.json')).json();
    const ask = components.schemas.AskResponse;
    expect(ask.required).toEqual(expect.arrayContaining(['status', 'answer', 'facts', 'computations', 'citations']));
    expect(ask.properties.facts.items).toEqual({ $ref: '#/components/schemas/Fact' });
    expect(components.schemas.Fact.properties.kind.enum).toEqual(['result', 'target', 'change']);
    // Request bodies are described as clients send them: history may be left out.
    expect(components.schemas.AskBody.required).toEqual(['question']);
    expect(paths['/api/ask'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/AskBody',
    });
    expect(paths['/api/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'limit']),
    );
  });

  it('resolves every reference it makes', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const doc = await (await app.request('/openapi.json')).json();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) expect(doc.components.schemas[name], name).toBeDefined();
  });
});

describe('GET /docs', () => {
  it('is a readable page listing the routes with examples', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const res = await app.request('/docs');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<code>/v1/chat/completions</code>');
    expect(html).toContain('curl -s localhost:8787/api/ask');
    expect(html).toContain('href="/openapi.json"');
  });
});
