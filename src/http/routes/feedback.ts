// POST /api/feedback (anyone: 👍/👎 on an answer, with an optional comment) and GET /api/feedback
// (admin: every item, as JSON or as CSV for a spreadsheet). How an office learns which questions fail.
import { Hono } from 'hono';
import { FeedbackBody, type FeedbackItem } from '../../contract.ts';
import { AppError } from '../../errors.ts';
import type { FeedbackStore } from '../../store/feedback-store.ts';
import { requireAdmin } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { csvCell } from '../present.ts';
import { readJson } from '../validate.ts';

const CSV_COLUMNS = ['id', 'receivedAt', 'rating', 'question', 'comment', 'answer'] as const;

export function feedbackRoutes(deps: AppDeps & { feedback: FeedbackStore }) {
  const { feedback, config } = deps;
  const admin = requireAdmin(config.ADMIN_TOKEN);
  return new Hono()
    .post('/api/feedback', async (c) => {
      const body = await readJson(c, FeedbackBody);
      if (!feedback.writable)
        throw new AppError('STORAGE_UNAVAILABLE', 'This deployment has nowhere to keep feedback; nothing was stored.');
      const item: FeedbackItem = { id: newId(), receivedAt: new Date().toISOString(), ...body };
      try {
        await feedback.add(item);
      } catch (err) {
        deps.log?.('warn', 'feedback could not be stored', { error: String(err) });
        throw new AppError(
          'STORAGE_UNAVAILABLE',
          'The feedback could not be stored; nothing was changed. Try again later.',
        );
      }
      return c.json({ id: item.id }, 201);
    })
    .get('/api/feedback', admin, async (c) => {
      const items = await feedback.list();
      if (c.req.query('format') === 'csv') {
        const rows = items.map((i) => CSV_COLUMNS.map((k) => csvCell(i[k])).join(','));
        return c.body(`\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="feedback.csv"',
        });
      }
      return c.json({ items });
    });
}

/** Sortable by time, unique by its random tail: "20261203t201500123z-k3j9x2". */
function newId(): string {
  const t = new Date().toISOString().replace(/[-:.]/g, '').toLowerCase();
  return `${t}-${Math.random().toString(36).slice(2, 10)}`;
}
