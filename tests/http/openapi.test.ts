// The OpenAPI document against the app itself: every route the app serves is documented (and
// nothing else), each operation has a unique operationId, and the errors and content types that
// the middleware and routes produce are listed, so the document cannot drift from the code.
import { describe, expect, it } from 'vitest';
import { AuditResponse, FiguresResponse } from '../../src/contract.ts';
import { OPERATIONS } from '../../src/http/openapi.ts';
import { testApp } from '../helpers/app.ts';
import { fakeAssistant } from '../helpers/fake-assistant.ts';

type Doc = {
  paths: Record<
    string,
    Record<string, { operationId: string; responses: Record<string, { content?: Record<string, unknown> }> }>
  >;
};

async function served(): Promise<string[]> {
  const { app } = await testApp({ assistant: fakeAssistant() });
  // app.use() registers middleware as method ALL; the routes themselves have a verb.
  const routes = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
  return [...new Set(routes)].sort();
}

async function documented(): Promise<{ doc: Doc; routes: string[] }> {
  const { app } = await testApp({ assistant: fakeAssistant() });
  const doc = (await (await app.request('/openapi.json')).json()) as Doc;
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
  return { doc, routes: routes.sort() };
}

const op = (doc: Doc, method: string, path: string) => {
  const o = doc.paths[path]?.[method];
  if (!o) throw new Error(`${method} ${path} is not in the document`);
  return o;
};

describe('the OpenAPI document', () => {
  it('documents exactly the routes the app serves', async () => {
    const [app, { routes }] = await Promise.all([served(), documented()]);
    expect(app.length).toBeGreaterThan(20);
    expect(routes).toEqual(app);
  });

  it('gives every operation a unique operationId', async () => {
    const { doc } = await documented();
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(OPERATIONS.length);
  });

  it.each([
    ['post', '/api/ask', ['400', '413', '415', '429']],
    ['post', '/api/verify', ['400', '413', '415', '429']],
    ['post', '/v1/chat/completions', ['400', '413', '415', '429']],
    ['post', '/api/reports', ['400', '401', '403', '408', '413', '415', '422']],
    ['delete', '/api/reports/{id}', ['401', '403', '404']],
    ['get', '/api/search', ['400', '429']],
    ['get', '/api/figures', ['400', '429']],
    ['post', '/webhooks/telegram', ['401', '403', '413']],
    ['post', '/webhooks/zalo', ['400', '401', '403', '413']],
  ])('lists the error responses of %s %s', async (method, path, statuses) => {
    const { doc } = await documented();
    const o = op(doc, method, path);
    expect(Object.keys(o.responses)).toEqual(expect.arrayContaining(statuses));
    for (const s of statuses)
      expect(o.responses[s]?.content?.['application/json'], `${path} ${s}`).toEqual({
        schema: { $ref: '#/components/schemas/ErrorBody' },
      });
  });

  it.each([
    ['post', '/api/ask', 'text/event-stream'],
    ['post', '/v1/chat/completions', 'text/event-stream'],
    ['get', '/api/figures', 'text/csv'],
    ['get', '/', 'text/html'],
    ['get', '/widget.js', 'text/javascript'],
  ])('names the content type %s %s answers with, %s', async (method, path, type) => {
    const { doc } = await documented();
    expect(Object.keys(op(doc, method, path).responses['200']?.content ?? {})).toContain(type);
  });

  it('names the content types the routes really send', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const csv = await app.request('/api/figures?format=csv&limit=1');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const sse = await app.request('/api/ask?stream=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'hộ nghèo Quảng Trị cuối 2023?' }),
    });
    expect(sse.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await sse.text();
  });

  it('describes the figure table and the audit with schemas their bodies fit', async () => {
    const { app } = await testApp({ assistant: fakeAssistant() });
    const figures = FiguresResponse.parse(await (await app.request('/api/figures?limit=3')).json());
    expect(figures.figures.length).toBe(3);
    const id = figures.figures[0]?.reportId as string;
    const audit = AuditResponse.parse(await (await app.request(`/api/reports/${id}/audit`)).json());
    expect(audit.reportId).toBe(id);
  });
});
