// GET /openapi.json (generated from the zod schemas) and GET /docs (the same, readable).
import { Hono } from 'hono';
import { OPERATIONS, openApiDocument } from '../openapi.ts';
import { pageHeaders } from '../security.ts';
import type { SurfaceDeps } from '../surface.ts';
import { docsPage } from '../widget/pages.ts';

export function docsRoutes(deps: Pick<SurfaceDeps, 'config'>) {
  return new Hono()
    .get('/openapi.json', (c) => {
      c.header('Access-Control-Allow-Origin', '*');
      return c.json(openApiDocument());
    })
    .get('/docs', pageHeaders(deps.config), (c) => {
      const doc = openApiDocument() as { components: { schemas: Record<string, unknown> } };
      return c.html(
        docsPage({
          title: 'Tài liệu API — trợ lý số liệu an sinh xã hội',
          operations: OPERATIONS.map((o) => ({
            method: o.method,
            path: o.path,
            summary: o.summary,
            ...(o.description ? { description: o.description } : {}),
            ...(o.example ? { example: o.example } : {}),
          })),
          schemas: doc.components.schemas,
        }),
      );
    });
}
