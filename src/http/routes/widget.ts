// The chat widget and the pages around it: GET / (the chat), /widget.js (one-tag embed), the page
// assets, GET /reports/:id (a report with its cited range highlighted) and /r/:id (short links).
import { type Context, Hono } from 'hono';
import type { CorpusReader } from '../../corpus/port.ts';
import { AppError } from '../../errors.ts';
import { pageHeaders } from '../security.ts';
import type { SurfaceDeps } from '../surface.ts';
import { APP_JS } from '../widget/app-js.ts';
import { chatPage, reportPage } from '../widget/pages.ts';
import { REPORT_JS } from '../widget/report-js.ts';
import { APP_CSS } from '../widget/styles.ts';
import { WIDGET_JS } from '../widget/widget-js.ts';

const ASSET_CACHE = 'public, max-age=300';

export function widgetRoutes(deps: Pick<SurfaceDeps, 'config'> & { corpus: CorpusReader }) {
  const { config, corpus } = deps;
  const page = pageHeaders(config);

  return new Hono()
    .get('/', page, (c) => {
      const embed = c.req.query('embed') === '1';
      // An embedding site may name the widget (data-title); it is text, escaped like all data.
      const title = (embed && c.req.query('title')?.trim().slice(0, 120)) || config.WIDGET_TITLE;
      return c.html(chatPage({ title, embed }));
    })
    .get('/assets/app.js', (c) => script(c, APP_JS))
    .get('/assets/report.js', (c) => script(c, REPORT_JS))
    .get('/assets/app.css', (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', ASSET_CACHE);
      return c.body(APP_CSS);
    })
    .get('/widget.js', (c) => {
      // Loaded by <script> on other sites, so it must be readable cross-origin.
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
      c.header('Access-Control-Allow-Origin', '*');
      return script(c, WIDGET_JS);
    })
    .get('/reports/:id', page, async (c) => {
      const report = await corpus.get(c.req.param('id'));
      if (!report)
        throw new AppError(
          'NOT_FOUND',
          `No report with id "${c.req.param('id')}". GET /api/reports lists the reports.`,
        );
      return c.html(
        reportPage({
          id: report.id,
          title: report.title,
          text: report.text,
          place: report.place?.name ?? null,
          publishedAt: report.publishedAt,
        }),
      );
    })
    .get('/r/:id', (c) => c.redirect(`/reports/${encodeURIComponent(c.req.param('id'))}`, 302));
}

function script(c: Context, source: string) {
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', ASSET_CACHE);
  return c.body(source);
}
