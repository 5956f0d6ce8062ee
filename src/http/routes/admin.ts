// The upload page for administrators: GET /admin and its script and styles. The page itself is
// public (it holds no data); every upload it makes carries the admin token to POST /api/reports.
import { Hono } from 'hono';
import type { Config } from '../../config.ts';
import { pageHeaders } from '../security.ts';
import { ADMIN_JS } from '../widget/admin-js.ts';
import { adminPage } from '../widget/admin-page.ts';
import { ADMIN_CSS } from '../widget/admin-styles.ts';

const ASSET_CACHE = 'public, max-age=300';

export function adminRoutes(deps: { config: Config }) {
  const { config } = deps;
  return new Hono()
    .get('/admin', pageHeaders(config), (c) => c.html(adminPage({ maxReportBytes: config.MAX_REPORT_BYTES })))
    .get('/assets/admin.js', (c) => {
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      c.header('Cache-Control', ASSET_CACHE);
      return c.body(ADMIN_JS);
    })
    .get('/assets/admin.css', (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', ASSET_CACHE);
      return c.body(ADMIN_CSS);
    });
}
