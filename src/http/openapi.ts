// The OpenAPI 3.1 document of the server, generated from the zod schemas (src/contract.ts and the
// OpenAI-compatible wire) with zod 4's z.toJSONSchema, so the docs cannot drift from validation.
// The operation table below is also what the readable docs page (/docs) lists; a test checks that
// it names every route the app serves, with its errors and content types.
import { z } from 'zod';
import {
  AskBody,
  AskResponse,
  AuditResponse,
  ChatTurn,
  Citation,
  Computation,
  ErrorBody,
  Fact,
  FeedbackBody,
  FeedbackCreated,
  FeedbackItem,
  FeedbackList,
  FiguresQuery,
  FiguresResponse,
  FigureWire,
  HealthResponse,
  ListReportsResponse,
  PassageInfo,
  PeriodInfo,
  PlaceInfo,
  PostReportBody,
  PostReportResponse,
  ReportDetail,
  ReportSummary,
  SearchHit,
  SearchQuery,
  SearchResponse,
  VerifyBody,
} from '../contract.ts';
import {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  ChatMessage,
  ModelInfo,
  ModelList,
} from './openai-wire.ts';
import { TelegramUpdate } from './routes/telegram.ts';
import { ZaloTextEvent } from './routes/zalo.ts';

/** Schemas as responses show them (defaults applied, coercions done). */
const OUTPUT_SCHEMAS = {
  AskResponse,
  Fact,
  Computation,
  Citation,
  ErrorBody,
  HealthResponse,
  ListReportsResponse,
  ReportSummary,
  ReportDetail,
  PlaceInfo,
  PeriodInfo,
  PassageInfo,
  PostReportResponse,
  SearchResponse,
  SearchHit,
  FigureWire,
  FiguresResponse,
  AuditResponse,
  ChatCompletion,
  ChatCompletionChunk,
  ModelInfo,
  ModelList,
  FeedbackItem,
  FeedbackCreated,
  FeedbackList,
} satisfies Record<string, z.ZodType>;

/** Schemas as clients send them (optional where a default applies). */
const INPUT_SCHEMAS = {
  AskBody,
  ChatTurn,
  VerifyBody,
  FeedbackBody,
  PostReportBody,
  ChatCompletionRequest,
  ChatMessage,
  TelegramUpdate,
  ZaloEvent: ZaloTextEvent,
} satisfies Record<string, z.ZodType>;

type SchemaName = keyof typeof OUTPUT_SCHEMAS | keyof typeof INPUT_SCHEMAS;

/** A response body: one of the schemas, or text (HTML, JavaScript, CSS, CSV, an SSE stream) described in words. */
type Body = SchemaName | { text: string };

export interface OperationResponse {
  description: string;
  /** Media type → body. */
  content?: Record<string, Body>;
  headers?: Record<string, string>;
}

export interface Operation {
  /** Unique; what client generators name the method. */
  operationId: string;
  method: 'get' | 'post' | 'delete';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  pathParams?: string[];
  /** Parameters outside the query schema (a header, a switch). */
  params?: { name: string; in: 'query' | 'header'; required?: boolean; description: string }[];
  body?: SchemaName;
  /** The body may also be a multipart/form-data upload: a `file` plus these text fields. */
  upload?: { fields: Record<string, string> };
  responses: Record<number, OperationResponse>;
  admin?: boolean;
  example?: string;
}

const json = (schema: SchemaName) => ({ 'application/json': schema });
const error = (description: string): OperationResponse => ({ description, content: json('ErrorBody') });
const badInput = { 400: error('Bad input: the message says what to fix.') };
/** Routes that read a JSON body (src/http/validate.ts readJson). */
const jsonBody = { ...badInput, 415: error('The body is not UTF-8 JSON sent with Content-Type: application/json.') };
/** Routes behind the body cap and the per-client rate limit (src/http/app.ts). */
const questionLimits = {
  413: error('The body is larger than the server reads for a question.'),
  429: {
    ...error('Too many questions from this client this minute (RATE_LIMIT_PER_MINUTE).'),
    headers: { 'Retry-After': 'Seconds until the next question is accepted.' },
  },
};
/** Searches and figure tables: a per-client limit of their own, twice the questions'. */
const readLimit = {
  429: {
    ...error('Too many searches from this client this minute (twice RATE_LIMIT_PER_MINUTE).'),
    headers: { 'Retry-After': 'Seconds until the next search is accepted.' },
  },
};
const adminErrors = {
  401: error('No admin token: send "Authorization: Bearer <ADMIN_TOKEN>".'),
  403: error('Wrong token, or admin routes are off (ADMIN_TOKEN is not set).'),
};
const noReport = { 404: error('No report with this id.') };
const text = (mediaType: string, description: string) => ({ [mediaType]: { text: description } });

/** A page or asset the browser fetches: one 200 of one media type. */
function served(
  operationId: string,
  path: string,
  summary: string,
  mediaType: string,
  what: string,
  label = mediaType,
): Operation {
  return {
    operationId,
    method: 'get',
    path,
    tag: 'Trang',
    summary,
    responses: { 200: { description: label, content: text(mediaType, what) } },
  };
}

export const OPERATIONS: Operation[] = [
  {
    operationId: 'ask',
    method: 'post',
    path: '/api/ask',
    tag: 'Hỏi đáp',
    summary: 'Ask a question; get a cited answer with computations.',
    description:
      'A question that states a claim ("…14.040 hộ nghèo, đúng không?", "có đúng là …", "kiểm tra: …") gets the verdict of /api/verify, with `verdict` and `verification` {verdict, claim} set. With Accept: text/event-stream (or ?stream=1) the answer arrives as server-sent events: `delta` events carry {"text"} pieces of the answer, then one `result` event the whole AskResponse.',
    params: [
      {
        name: 'stream',
        in: 'query',
        description: '"1" streams the answer as server-sent events, like Accept: text/event-stream.',
      },
    ],
    body: 'AskBody',
    responses: {
      200: {
        description: 'The answer, as JSON or as a stream of server-sent events.',
        content: {
          ...json('AskResponse'),
          ...text(
            'text/event-stream',
            'event: delta, data: {"text"}; then event: result, data: AskResponse; event: error, data: ErrorBody if the core fails.',
          ),
        },
      },
      ...jsonBody,
      ...questionLimits,
    },
    example: `curl -s localhost:8787/api/ask -H 'content-type: application/json' -d '{"question":"hộ nghèo Quảng Trị cuối 2023?"}'`,
  },
  {
    operationId: 'verify',
    method: 'post',
    path: '/api/verify',
    tag: 'Hỏi đáp',
    summary: 'Check a claim: supported, refuted or not_enough_info.',
    body: 'VerifyBody',
    responses: {
      200: { description: 'The verdict with its evidence.', content: json('AskResponse') },
      ...jsonBody,
      ...questionLimits,
    },
    example: `curl -s localhost:8787/api/verify -H 'content-type: application/json' -d '{"claim":"Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo."}'`,
  },
  {
    operationId: 'createFeedback',
    method: 'post',
    path: '/api/feedback',
    tag: 'Hỏi đáp',
    summary: '👍/👎 on an answer, with an optional comment.',
    body: 'FeedbackBody',
    responses: {
      201: { description: 'Stored.', content: json('FeedbackCreated') },
      ...jsonBody,
      ...questionLimits,
      503: error('Nowhere durable to keep feedback on this deployment, or the write failed; nothing was stored.'),
    },
    example: `curl -s localhost:8787/api/feedback -H 'content-type: application/json' -d '{"question":"hộ nghèo Quảng Trị cuối 2023?","rating":"down","comment":"thiếu số hộ cận nghèo"}'`,
  },
  {
    operationId: 'listFeedback',
    method: 'get',
    path: '/api/feedback',
    tag: 'Hỏi đáp',
    summary: 'Every feedback item (admin token), as JSON or CSV.',
    admin: true,
    params: [{ name: 'format', in: 'query', description: '"csv" for a spreadsheet (UTF-8 with BOM).' }],
    responses: {
      200: {
        description: 'The items, oldest first.',
        content: { ...json('FeedbackList'), ...text('text/csv', 'id,receivedAt,rating,question,comment,answer') },
      },
      ...adminErrors,
    },
  },
  {
    operationId: 'createChatCompletion',
    method: 'post',
    path: '/v1/chat/completions',
    tag: 'OpenAI-compatible',
    summary:
      'The assistant as a model: the reply is the answer with sources as footnotes; `answer` holds the structured answer.',
    description:
      'With "stream": true the reply arrives as server-sent events (chat.completion.chunk); the last chunk carries `answer`. Model "vn-welfare-qa-verify" checks the whole message as a claim; model "vn-welfare-qa" checks a message that states one ("…, đúng không?") and answers any other.',
    body: 'ChatCompletionRequest',
    responses: {
      200: {
        description:
          'A chat.completion, or with "stream": true an SSE stream of chat.completion.chunk ending with data: [DONE].',
        content: {
          ...json('ChatCompletion'),
          ...text(
            'text/event-stream',
            'data: ChatCompletionChunk, one per event; the last one carries `answer`; then data: [DONE].',
          ),
        },
      },
      ...jsonBody,
      ...questionLimits,
    },
    example: `curl -s localhost:8787/v1/chat/completions -H 'content-type: application/json' -d '{"model":"vn-welfare-qa","messages":[{"role":"user","content":"hộ nghèo Quảng Trị cuối 2023?"}]}'`,
  },
  {
    operationId: 'listModels',
    method: 'get',
    path: '/v1/models',
    tag: 'OpenAI-compatible',
    summary: 'The models this server offers.',
    responses: { 200: { description: 'The model list.', content: json('ModelList') } },
  },
  {
    operationId: 'getModel',
    method: 'get',
    path: '/v1/models/{id}',
    tag: 'OpenAI-compatible',
    summary: 'One model.',
    pathParams: ['id'],
    responses: { 200: { description: 'The model.', content: json('ModelInfo') }, 404: error('No such model.') },
  },
  {
    operationId: 'listReports',
    method: 'get',
    path: '/api/reports',
    tag: 'Báo cáo',
    summary: 'List the reports.',
    responses: { 200: { description: 'The reports.', content: json('ListReportsResponse') } },
  },
  {
    operationId: 'createReport',
    method: 'post',
    path: '/api/reports',
    tag: 'Báo cáo',
    summary: 'Ingest one report (admin token).',
    admin: true,
    body: 'PostReportBody',
    description:
      'JSON with the text, or multipart/form-data with a file (PDF with a text layer, DOCX, HTML page or UTF-8 text, read by its content).',
    upload: {
      fields: {
        id: 'The report id; without it, one derived from the text.',
        title: "The title; without it, the file's own (a page's <title>) or the first line.",
        source: "Where it came from; without it, a page's og:url or publication.",
        publishedAt: "ISO date; without it, a page's article:published_time.",
      },
    },
    responses: {
      200: { description: 'Unchanged or replaced.', content: json('PostReportResponse') },
      201: { description: 'Created.', content: json('PostReportResponse') },
      ...jsonBody,
      ...adminErrors,
      408: error('The client went away before the report was stored; nothing was stored.'),
      409: error('The id is a seed report, which is read-only.'),
      413: error('The report (or the uploaded file, or what it unpacks to) is larger than MAX_REPORT_BYTES.'),
      415: error('An uploaded file in a format not read here: a Word 97 .doc (send DOCX) or not a document at all.'),
      422: error(
        'The report holds more figures than one report may (or takes too long to read), or the uploaded file cannot be read: a scanned PDF (no OCR), an encrypted or corrupt file, a page with no main text; nothing was stored.',
      ),
      503: error('The report could not be stored; nothing was changed.'),
    },
  },
  {
    operationId: 'getReport',
    method: 'get',
    path: '/api/reports/{id}',
    tag: 'Báo cáo',
    summary: 'One report with the stored text every citation points into.',
    pathParams: ['id'],
    responses: { 200: { description: 'The report.', content: json('ReportDetail') }, ...noReport },
  },
  {
    operationId: 'deleteReport',
    method: 'delete',
    path: '/api/reports/{id}',
    tag: 'Báo cáo',
    summary: 'Remove a report (admin token).',
    admin: true,
    pathParams: ['id'],
    responses: {
      200: { description: 'Deleted.' },
      ...badInput,
      ...adminErrors,
      ...noReport,
      409: error('Seed reports are read-only.'),
      503: error('The store could not delete it; nothing was changed.'),
    },
  },
  {
    operationId: 'auditReport',
    method: 'get',
    path: '/api/reports/{id}/audit',
    tag: 'Báo cáo',
    summary: "The report's stated totals and ratios recomputed from its own figures: holds, differs or unverifiable.",
    pathParams: ['id'],
    responses: { 200: { description: 'The checks.', content: json('AuditResponse') }, ...noReport },
  },
  {
    operationId: 'searchPassages',
    method: 'get',
    path: '/api/search',
    tag: 'Tìm kiếm',
    summary: 'Ranked passages with highlights.',
    query: SearchQuery,
    responses: { 200: { description: 'The hits.', content: json('SearchResponse') }, ...badInput, ...readLimit },
  },
  {
    operationId: 'listFigures',
    method: 'get',
    path: '/api/figures',
    tag: 'Tìm kiếm',
    summary: 'The figure table (format=csv for CSV).',
    query: FiguresQuery,
    responses: {
      200: {
        description: 'Figures as JSON, or as a CSV file (UTF-8, one figure a row, a header row) with format=csv.',
        content: {
          ...json('FiguresResponse'),
          ...text('text/csv', 'The columns of FigureWire, one figure a row, sent as an attachment named figures.csv.'),
          ...text(
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'With format=xlsx: the same table as a workbook whose numbers are numbers in any locale (so-lieu.xlsx).',
          ),
        },
      },
      ...badInput,
      ...readLimit,
    },
  },
  {
    operationId: 'telegramWebhook',
    method: 'post',
    path: '/webhooks/telegram',
    tag: 'Bots',
    summary: 'Telegram webhook: replies with a sendMessage method call.',
    params: [
      {
        name: 'X-Telegram-Bot-Api-Secret-Token',
        in: 'header',
        required: true,
        description: 'The TELEGRAM_WEBHOOK_SECRET setting, given to setWebhook as secret_token.',
      },
    ],
    body: 'TelegramUpdate',
    responses: {
      200: {
        description:
          'A sendMessage method call (a sender over the limit is told so in it), or an empty body for updates the bot ignores (unreadable ones too, so Telegram does not resend them).',
      },
      401: error('Wrong secret token.'),
      403: error('The Telegram bot is not configured.'),
      413: error('The body is larger than the server reads for a question.'),
    },
  },
  {
    operationId: 'zaloWebhook',
    method: 'post',
    path: '/webhooks/zalo',
    tag: 'Bots',
    summary: 'Zalo OA webhook: acknowledges at once, replies through the OA message API.',
    params: [
      {
        name: 'X-ZEvent-Signature',
        in: 'header',
        required: true,
        description: 'mac=sha256(app id + raw body + timestamp + OA secret key), hex.',
      },
    ],
    body: 'ZaloEvent',
    responses: {
      200: { description: '{ ok, handled, event }; event "rate_limited" when the sender is over the limit.' },
      ...badInput,
      401: error('Bad signature; nothing was done.'),
      403: error('The Zalo bot is not configured.'),
      413: error('The body is larger than the server reads for a question.'),
    },
  },
  {
    operationId: 'health',
    method: 'get',
    path: '/healthz',
    tag: 'Vận hành',
    summary: 'Is the server up, what does it hold.',
    responses: { 200: { description: 'Health.', content: json('HealthResponse') } },
  },
  {
    operationId: 'openApiDocument',
    method: 'get',
    path: '/openapi.json',
    tag: 'Vận hành',
    summary: 'This document.',
    responses: {
      200: { description: 'OpenAPI 3.1, JSON.', content: text('application/json', 'An OpenAPI 3.1 document.') },
    },
  },
  served('docsPage', '/docs', 'This document as a readable page.', 'text/html', 'The operations and schemas.', 'HTML'),
  served(
    'chatPage',
    '/',
    'The chat widget (HTML); ?embed=1&title=… is the framed version widget.js opens.',
    'text/html',
    'The chat page.',
    'HTML',
  ),
  {
    operationId: 'widgetScript',
    method: 'get',
    path: '/widget.js',
    tag: 'Trang',
    summary: 'Embed the chat on any site with one <script> tag.',
    responses: {
      200: { description: 'JavaScript', content: text('text/javascript', 'The embed script; readable cross-origin.') },
    },
    example: '<script src="https://tro-ly.example.vn/widget.js" data-title="Hỏi số liệu giảm nghèo" async></script>',
  },
  served(
    'chatPageScript',
    '/assets/app.js',
    'The chat page’s script.',
    'text/javascript',
    'The chat page’s script.',
    'JavaScript',
  ),
  served(
    'reportPageScript',
    '/assets/report.js',
    'The report page’s script (highlights #start-end).',
    'text/javascript',
    'The report page’s script.',
    'JavaScript',
  ),
  served('pageStyles', '/assets/app.css', 'The pages’ style sheet.', 'text/css', 'The style sheet.', 'CSS'),
  {
    operationId: 'adminUploadPage',
    method: 'get',
    path: '/admin',
    tag: 'Trang',
    summary:
      'The upload page: the admin token kept for the tab only, files dropped or picked, a progress bar, the figures found and the audit link per file.',
    responses: { 200: { description: 'HTML', content: text('text/html', 'The upload page.') } },
  },
  {
    operationId: 'adminUploadScript',
    method: 'get',
    path: '/assets/admin.js',
    tag: 'Trang',
    summary: 'The upload page’s script.',
    responses: { 200: { description: 'JavaScript', content: text('text/javascript', 'The upload page’s script.') } },
  },
  {
    operationId: 'adminUploadStyles',
    method: 'get',
    path: '/assets/admin.css',
    tag: 'Trang',
    summary: 'The upload page’s style sheet (on top of app.css).',
    responses: { 200: { description: 'CSS', content: text('text/css', 'The style sheet.') } },
  },
  {
    operationId: 'reportPage',
    method: 'get',
    path: '/reports/{id}',
    tag: 'Trang',
    summary: 'A report as a page; #start-end in the URL highlights that range.',
    pathParams: ['id'],
    responses: { 200: { description: 'HTML', content: text('text/html', 'The report page.') }, ...noReport },
  },
  {
    operationId: 'reportShortLink',
    method: 'get',
    path: '/r/{id}',
    tag: 'Trang',
    summary: 'Short link to a report page (used in bot replies).',
    pathParams: ['id'],
    responses: { 302: { description: 'Redirect to /reports/{id}.', headers: { Location: 'The report page.' } } },
  },
];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function uploadContent(fields: Record<string, string>) {
  const properties = {
    file: { type: 'string', format: 'binary', description: 'The report file.' },
    ...Object.fromEntries(Object.entries(fields).map(([name, description]) => [name, { type: 'string', description }])),
  };
  return { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties } } };
}

function mediaType(body: Body) {
  return typeof body === 'string' ? { schema: ref(body) } : { schema: { type: 'string', description: body.text } };
}

function componentSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [io, table] of [
    ['output', OUTPUT_SCHEMAS],
    ['input', INPUT_SCHEMAS],
  ] as const) {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of Object.entries(table)) registry.add(schema, { id });
    const { schemas } = z.toJSONSchema(registry, {
      io,
      unrepresentable: 'any',
      uri: (id) => `#/components/schemas/${id}`,
    });
    for (const [id, s] of Object.entries(schemas)) {
      const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
      out[id] = rest;
    }
  }
  return out;
}

function queryParameters(query: z.ZodObject) {
  const json = z.toJSONSchema(query, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

let cached: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 document (built once). */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters = [
      ...(op.pathParams ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...(op.query ? queryParameters(op.query) : []),
      ...(op.params ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required ?? false,
        description: p.description,
        schema: { type: 'string' },
      })),
    ];
    const responses = Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.headers
            ? {
                headers: Object.fromEntries(
                  Object.entries(r.headers).map(([name, description]) => [
                    name,
                    { description, schema: { type: 'string' } },
                  ]),
                ),
              }
            : {}),
          ...(r.content
            ? { content: Object.fromEntries(Object.entries(r.content).map(([type, b]) => [type, mediaType(b)])) }
            : {}),
        },
      ]),
    );
    const item = paths[op.path] ?? {};
    paths[op.path] = item;
    item[op.method] = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: ref(op.body) },
                ...(op.upload ? uploadContent(op.upload.fields) : {}),
              },
            },
          }
        : {}),
      ...(op.admin ? { security: [{ adminToken: [] }] } : {}),
      responses,
    };
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'vn-welfare-qa',
      version: '1',
      description: "Answers questions about Vietnam's welfare reports with cited figures and computed answers.",
    },
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN setting.' } },
    },
  };
  return cached;
}
