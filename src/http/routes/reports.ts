// The reports API: ingest (admin), list, read one with its stored text, delete (admin).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PostReportBody, ReportId, type ReportSummary } from '../../contract.ts';
import { sha256Hex } from '../../digest.ts';
import { AppError } from '../../errors.ts';
import { cleanReportText } from '../../ingest/clean.ts';
import { detectLegacyEncoding, legacyEncodingHint } from '../../ingest/encoding.ts';
import { type Converted, toText } from '../../ingest/formats/index.ts';
import type { Report } from '../../ingest/types.ts';
import { requireAdmin } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { presentFigure } from '../present.ts';
import { parseWith, readJson } from '../validate.ts';

export function reportRoutes(deps: AppDeps) {
  const { corpus, config } = deps;
  const admin = requireAdmin(config.ADMIN_TOKEN);
  const maxBytes = config.MAX_REPORT_BYTES;
  const tooLarge = () =>
    new AppError(
      'PAYLOAD_TOO_LARGE',
      `A report may be at most ${formatMB(maxBytes)} of text; split it into several reports.`,
    );
  // A file comes from the upload page or an office's script: it is refused in Vietnamese, as the
  // converters' refusals are (src/errors.ts).
  const fileTooLarge = () =>
    new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp lớn hơn giới hạn ${formatMB(maxBytes)} cho một báo cáo. Hãy chia thành nhiều tệp nhỏ hơn. Chưa có gì được lưu.`,
    );
  const isUpload = (contentType: string | undefined) => /^multipart\/form-data\b/iu.test(contentType ?? '');
  // JSON escaping can double a text's size (\uXXXX), so the body limit is looser than the text limit.
  const limitBody = bodyLimit({
    maxSize: maxBytes * 3 + 64 * 1024,
    onError: (c) => {
      throw isUpload(c.req.header('content-type')) ? fileTooLarge() : tooLarge();
    },
  });

  return new Hono()
    .get('/api/reports', async (c) =>
      c.json({ reports: await Promise.all((await corpus.list()).map((r) => summarise(deps, r))) }),
    )
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
      const isForm = isUpload(c.req.header('content-type'));
      const { body, format } = isForm
        ? await readUpload(c.req.raw, maxBytes, fileTooLarge)
        : { body: await readJson(c, PostReportBody), format: undefined };
      if (new TextEncoder().encode(body.text).length > maxBytes) throw isForm ? fileTooLarge() : tooLarge();
      const legacy = detectLegacyEncoding(body.title ? `${body.title}\n${body.text}` : body.text);
      if (legacy) throw new AppError('LEGACY_ENCODING', legacyEncodingHint(legacy));
      const id = body.id ?? (await contentId(body.text));
      try {
        const { status, report } = await corpus.upsert({ ...body, id }, { signal: c.req.raw.signal });
        return c.json(
          {
            id: report.id,
            title: report.title,
            passages: report.passages.length,
            figures: (await corpus.figuresOf(report.id)).length,
            status,
            ...(format ? { format } : {}),
          },
          status === 'created' ? 201 : 200,
        );
      } catch (err) {
        throw fromIoError(err);
      }
    })
    .delete('/api/reports/:id', admin, async (c) => {
      const id = parseWith(ReportId, c.req.param('id'));
      try {
        if (!(await corpus.remove(id))) throw notFound(id);
      } catch (err) {
        throw fromIoError(err);
      }
      return c.json({ id, deleted: true });
    });
}

/** The form's fields, as the JSON body would carry them (the same rules: PostReportBody). */
const UploadFields = PostReportBody.omit({ text: true });

/**
 * A multipart upload: the file in `file`, optional `id`, `title`, `source`, `publishedAt`.
 * The file is converted by what its bytes are (ingest/formats); a field given wins over what the
 * file says of itself (a page's <title>, og:url, date).
 */
async function readUpload(
  req: Request,
  maxBytes: number,
  tooLarge: () => AppError,
): Promise<{ body: PostReportBody; format: Converted['format'] }> {
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError(
      'BAD_REQUEST',
      'The multipart/form-data body could not be read; send the report file in a field named "file".',
    );
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') {
    throw new AppError(
      'VALIDATION',
      'file: send the report as a file in a field named "file" (PDF, DOCX, HTML or UTF-8 text).',
    );
  }
  if (file.size > maxBytes) throw tooLarge();
  if (file.size === 0) throw new AppError('EMPTY_TEXT', 'file: the file is empty.');
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  };
  const fields = parseWith(UploadFields, {
    id: field('id'),
    title: field('title'),
    source: field('source'),
    publishedAt: field('publishedAt'),
  });
  // A file the converters refuse throws its AppError (errors.ts), with a message in Vietnamese.
  const converted = await toText(
    new Uint8Array(await file.arrayBuffer()),
    { maxUnpackedBytes: maxBytes * 10 },
    file.name,
  );
  const title = fields.title ?? converted.title?.slice(0, 500);
  const source = fields.source ?? converted.source?.slice(0, 2000);
  const publishedAt = fields.publishedAt ?? converted.publishedAt;
  const body = parseWith(PostReportBody, {
    text: converted.text,
    ...(fields.id ? { id: fields.id } : {}),
    ...(title ? { title } : {}),
    ...(source ? { source } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  });
  return { body, format: converted.format };
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
  return `r-${(await sha256Hex(cleanReportText(text))).slice(0, 16)}`;
}

function notFound(id: string) {
  return new AppError('NOT_FOUND', `No report with id "${id}". GET /api/reports lists the reports.`);
}

/** A failed write of the store becomes the table's STORAGE_UNAVAILABLE; the corpus's own refusals are AppErrors already. */
function fromIoError(err: unknown) {
  if (isIoError(err)) {
    // The store writes atomically, so a failed write changed nothing: say so, and that it may pass later.
    return new AppError(
      'STORAGE_UNAVAILABLE',
      `The report could not be stored (${err.code}); nothing was changed. Try again later or tell the administrator.`,
    );
  }
  return err;
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
