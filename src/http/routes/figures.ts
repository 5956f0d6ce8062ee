// GET /api/figures (the figure table, JSON or CSV for newsrooms) and GET /api/reports/:id/audit
// (every relation a report states, recomputed).
import { Hono } from 'hono';
import { FiguresQuery } from '../../contract.ts';
import { AppError } from '../../errors.ts';
import { auditReport } from '../../extract/audit.ts';
import type { AppDeps } from '../deps.ts';
import { figuresToCsv, figuresToXlsx, presentFigure } from '../present.ts';
import { parseWith } from '../validate.ts';

export function figureRoutes(deps: AppDeps) {
  const { corpus } = deps;
  return new Hono()
    .get('/api/figures', async (c) => {
      const q = parseWith(FiguresQuery, c.req.query());
      const all = await corpus.queryFigures({
        metric: q.metric,
        place: q.place,
        year: q.year,
        kind: q.kind,
        reportId: q.reportId,
      });
      const figures = all.slice(0, q.limit).map(presentFigure);
      if (q.format === 'csv') {
        return c.body(figuresToCsv(figures), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="figures.csv"',
        });
      }
      if (q.format === 'xlsx') {
        return c.body(figuresToXlsx(figures), 200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': 'attachment; filename="so-lieu.xlsx"',
        });
      }
      return c.json({ total: all.length, figures });
    })
    .get('/api/reports/:id/audit', async (c) => {
      const id = c.req.param('id');
      const report = await corpus.get(id);
      if (!report) throw new AppError('NOT_FOUND', `No report with id "${id}". GET /api/reports lists the reports.`);
      const checks = auditReport(report, await corpus.figuresOf(id));
      const count = (s: string) => checks.filter((x) => x.status === s).length;
      return c.json({
        reportId: id,
        title: report.title,
        summary: { holds: count('holds'), differs: count('differs'), unverifiable: count('unverifiable') },
        checks,
      });
    });
}
