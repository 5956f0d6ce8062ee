// The reports API: ingest (admin), list, read one with its stored text, delete (admin).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PostReportBody, ReportId, type ReportSummary } from '../../contract.ts';
import { CorpusError } from '../../corpus.ts';
import { cleanReportText } from '../../ingest/clean.ts';
import { detectLegacyEncoding, legacyEncodingHint } from '../../ingest/encoding.ts';
import type { Report } from '../../ingest/types.ts';
import type { AppDeps } from '../app.ts';
import { requireAdmin } from '../auth.ts';
import { AppError } from '../errors.ts';
import { presentFigure } from '../present.ts';
import { parseWith, readJson } from '../validate.ts';

export function reportRoutes(deps: AppDeps) {
  const { corpus, config } = deps;
  const admin = requireAdmin(config.ADMIN_TOKEN);
  const maxBytes = config.MAX_REPORT_BYTES;
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `A report may be at most ${formatMB(maxBytes)} of text; split it into several reports.`);
  // JSON escaping can double a text's size (\uXXXX), so the body limit is looser than the text limit.
  const limitBody = bodyLimit({ maxSize: maxBytes * 3 + 64 * 1024, onError: () => { throw tooLarge(); } });

  return new Hono()
    .get('/api/reports', async (c) => c.json({ reports: await Promise.all((await corpus.list()).map((r) => summarise(deps, r))) }))
    .get('/api/reports/:id', async (c) => {
      const report = await corpus.get(c.req.param('id'));
      if (!report) throw notFound(c.req.param('id'));
      const figures = await corpus.figuresOf(report.id);
      return c.json({
        ...(await summarise(deps, report)),
        text: report.text,
        source: report.source,
        passageList: report.passages.map((p) => ({
          id: p.id,
          start: p.start,
          end: p.end,
          section: p.section,
          place: p.place?.name ?? null,
          period: p.period?.label ?? null,
        })),
        figures: figures.map(presentFigure),
        figureCount: figures.length,
      });
    })
    .post('/api/reports', admin, limitBody, async (c) => {
      const body = await readJson(c, PostReportBody);
      if (new TextEncoder().encode(body.text).length > maxBytes) throw tooLarge();
      const legacy = detectLegacyEncoding(body.title ? `${body.title}\n${body.text}` : body.text);
      if (legacy) throw new AppError('LEGACY_ENCODING', legacyEncodingHint(legacy));
      const id = body.id ?? (await contentId(body.text));
      try {
        const { status, report } = await corpus.upsert({ ...body, id }, { signal: c.req.raw.signal });
        return c.json(
          { id: report.id, title: report.title, passages: report.passages.length, figures: (await corpus.figuresOf(report.id)).length, status },
          status === 'created' ? 201 : 200,
        );
      } catch (err) {
        throw fromCorpusError(err);
      }
    })
    .delete('/api/reports/:id', admin, async (c) => {
      const id = parseWith(ReportId, c.req.param('id'));
      try {
        if (!(await corpus.remove(id))) throw notFound(id);
      } catch (err) {
        throw fromCorpusError(err);
      }
      return c.json({ id, deleted: true });
    });
}

async function summarise(deps: AppDeps, r: Report): Promise<ReportSummary> {
  return {
    id: r.id,
    title: r.title,
    place: r.place?.name ?? null,
    placeInfo: r.place,
    periods: r.periods,
    publishedAt: r.publishedAt,
    passages: r.passages.length,
    figures: (await deps.corpus.figuresOf(r.id)).length,
    seed: deps.corpus.isSeed(r.id),
  };
}

/** Without an id, the same text always gets the same id, so a re-post is a no-op. */
async function contentId(text: string) {
  const bytes = new TextEncoder().encode(cleanReportText(text));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `r-${[...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function notFound(id: string) {
  return new AppError('NOT_FOUND', `No report with id "${id}". GET /api/reports lists the reports.`);
}

function fromCorpusError(err: unknown) {

  if (isIoError(err)) {
    // The store writes atomically, so a failed write changed nothing: say so, and that it may pass later.
    return new AppError('STORAGE_UNAVAILABLE', `The report could not be stored (${err.code}); nothing was changed. Try again later or tell the administrator.`);
  }
  if (!(err instanceof CorpusError)) return err;
  if (err.code === 'SEED_READ_ONLY') return new AppError('CONFLICT', err.message);
  if (err.code === 'STORAGE_UNAVAILABLE') return new AppError('STORAGE_UNAVAILABLE', err.message);
  if (err.code === 'ABORTED') return new AppError('REQUEST_ABORTED', `${err.message} Post it again.`);
  return new AppError('NOT_FOUND', err.message);
}

/** A failed file-system call (ENOSPC, EACCES, EROFS, EIO…), the only I/O the store does. */
function isIoError(err: unknown): err is Error & { code: string } {
  if (!(err instanceof Error)) return false;
  // Node's errno errors carry a string `code`; reading it off an Error is safe whatever it holds.
  const code = (err as Error & { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

function formatMB(bytes: number) {
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
