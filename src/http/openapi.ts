// The OpenAPI 3.1 document of the server, generated from the zod schemas (src/contract.ts and the
// OpenAI-compatible wire) with zod 4's z.toJSONSchema, so the docs cannot drift from validation.
// The operation table below is also what the readable docs page (/docs) lists.
import { z } from 'zod';
import {
  AskBody,
  AskResponse,
  ChatTurn,
  Citation,
  Computation,
  ErrorBody,
  Fact,
  FiguresQuery,
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
import { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, ChatMessage, ModelList } from './openai-wire.ts';
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
  ChatCompletion,
  ChatCompletionChunk,
  ModelList,
} satisfies Record<string, z.ZodType>;

/** Schemas as clients send them (optional where a default applies). */
const INPUT_SCHEMAS = {
  AskBody,
  ChatTurn,
  VerifyBody,
  PostReportBody,
  ChatCompletionRequest,
  ChatMessage,
  TelegramUpdate,
  ZaloEvent: ZaloTextEvent,
} satisfies Record<string, z.ZodType>;

type SchemaName = keyof typeof OUTPUT_SCHEMAS | keyof typeof INPUT_SCHEMAS;

export interface Operation {
  method: 'get' | 'post' | 'delete';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  pathParams?: string[];
  body?: SchemaName;
  /** Status → response body schema (JSON unless `type` says otherwise). */
  responses: Record<number, { description: string; schema?: SchemaName; type?: string }>;
  admin?: boolean;
  header?: { name: string; description: string };
  example?: string;
}

const errors = {
  400: { description: 'Bad input: the message says what to fix.', schema: 'ErrorBody' },
} as const;

export const OPERATIONS: Operation[] = [
  {
    method: 'post', path: '/api/ask', tag: 'Hỏi đáp', summary: 'Ask a question; get a cited answer with computations.',
    body: 'AskBody', responses: { 200: { description: 'The answer.', schema: 'AskResponse' }, ...errors },
    example: `curl -s localhost:8787/api/ask -H 'content-type: application/json' -d '{"question":"hộ nghèo Quảng Trị cuối 2023?"}'`,
  },
  {
    method: 'post', path: '/api/verify', tag: 'Hỏi đáp', summary: 'Check a claim: supported, refuted or not_enough_info.',
    body: 'VerifyBody', responses: { 200: { description: 'The verdict with its evidence.', schema: 'AskResponse' }, ...errors },
    example: `curl -s localhost:8787/api/verify -H 'content-type: application/json' -d '{"claim":"Cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo."}'`,
  },
  {
    method: 'post', path: '/v1/chat/completions', tag: 'OpenAI-compatible',
    summary: 'The assistant as a model: the reply is the answer with sources as footnotes; `answer` holds the structured answer.',
    description: 'With "stream": true the reply arrives as server-sent events (chat.completion.chunk); the last chunk carries `answer`. Model "vn-welfare-qa-verify" checks claims.',
    body: 'ChatCompletionRequest',
    responses: { 200: { description: 'A chat.completion, or an SSE stream of chat.completion.chunk.', schema: 'ChatCompletion' }, ...errors },
    example: `curl -s localhost:8787/v1/chat/completions -H 'content-type: application/json' -d '{"model":"vn-welfare-qa","messages":[{"role":"user","content":"hộ nghèo Quảng Trị cuối 2023?"}]}'`,
  },
  {
    method: 'get', path: '/v1/models', tag: 'OpenAI-compatible', summary: 'The models this server offers.',
    responses: { 200: { description: 'The model list.', schema: 'ModelList' } },
  },
  {
    method: 'get', path: '/api/reports', tag: 'Báo cáo', summary: 'List the reports.',
    responses: { 200: { description: 'The reports.', schema: 'ListReportsResponse' } },
  },
  {
    method: 'post', path: '/api/reports', tag: 'Báo cáo', summary: 'Ingest one report (admin token).', admin: true,
    body: 'PostReportBody',
    responses: {
      200: { description: 'Unchanged or replaced.', schema: 'PostReportResponse' },
      201: { description: 'Created.', schema: 'PostReportResponse' },
      ...errors,
      401: { description: 'No Authorization header.', schema: 'ErrorBody' },
      403: { description: 'Wrong token, or ingestion is off.', schema: 'ErrorBody' },
      413: { description: 'The report is too large.', schema: 'ErrorBody' },
    },
  },
  {
    method: 'get', path: '/api/reports/{id}', tag: 'Báo cáo', summary: 'One report with the stored text every citation points into.',
    pathParams: ['id'], responses: { 200: { description: 'The report.', schema: 'ReportDetail' }, 404: { description: 'No such report.', schema: 'ErrorBody' } },
  },
  {
    method: 'delete', path: '/api/reports/{id}', tag: 'Báo cáo', summary: 'Remove a report (admin token).', admin: true,
    pathParams: ['id'], responses: { 200: { description: 'Deleted.' }, 404: { description: 'No such report.', schema: 'ErrorBody' } },
  },
  {
    method: 'get', path: '/api/search', tag: 'Tìm kiếm', summary: 'Ranked passages with highlights.', query: SearchQuery,
    responses: { 200: { description: 'The hits.', schema: 'SearchResponse' }, ...errors },
  },
  {
    method: 'get', path: '/api/figures', tag: 'Tìm kiếm', summary: 'The figure table (format=csv for CSV).', query: FiguresQuery,
    responses: { 200: { description: 'Figures as JSON, or CSV with format=csv.' }, ...errors },
  },
  {
    method: 'post', path: '/webhooks/telegram', tag: 'Bots', summary: 'Telegram webhook: replies with a sendMessage method call.',
    header: { name: 'X-Telegram-Bot-Api-Secret-Token', description: 'The TELEGRAM_WEBHOOK_SECRET setting, given to setWebhook as secret_token.' },
    body: 'TelegramUpdate',
    responses: {
      200: { description: 'A sendMessage method call, or an empty body for updates the bot ignores.' },
      401: { description: 'Wrong secret token.', schema: 'ErrorBody' },
      403: { description: 'The Telegram bot is not configured.', schema: 'ErrorBody' },
    },
  },
  {
    method: 'post', path: '/webhooks/zalo', tag: 'Bots', summary: 'Zalo OA webhook: acknowledges at once, replies through the OA message API.',
    header: { name: 'X-ZEvent-Signature', description: 'mac=sha256(app id + raw body + timestamp + OA secret key), hex.' },
    body: 'ZaloEvent',
    responses: {
      200: { description: '{ ok, handled, event }' },
      401: { description: 'Bad signature; nothing was done.', schema: 'ErrorBody' },
      403: { description: 'The Zalo bot is not configured.', schema: 'ErrorBody' },
    },
  },
  {
    method: 'get', path: '/healthz', tag: 'Vận hành', summary: 'Is the server up, what does it hold.',
    responses: { 200: { description: 'Health.', schema: 'HealthResponse' } },
  },
  { method: 'get', path: '/', tag: 'Trang', summary: 'The chat widget (HTML).', responses: { 200: { description: 'HTML', type: 'text/html' } } },
  {
    method: 'get', path: '/widget.js', tag: 'Trang', summary: 'Embed the chat on any site with one <script> tag.',
    responses: { 200: { description: 'JavaScript', type: 'text/javascript' } },
    example: '<script src="https://tro-ly.example.vn/widget.js" data-title="Hỏi số liệu giảm nghèo" async></script>',
  },
  {
    method: 'get', path: '/reports/{id}', tag: 'Trang', summary: 'A report as a page; #start-end in the URL highlights that range.',
    pathParams: ['id'], responses: { 200: { description: 'HTML', type: 'text/html' } },
  },
];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function componentSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [io, table] of [['output', OUTPUT_SCHEMAS], ['input', INPUT_SCHEMAS]] as const) {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of Object.entries(table)) registry.add(schema, { id });
    const { schemas } = z.toJSONSchema(registry, { io, unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
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
      ...(op.header ? [{ name: op.header.name, in: 'header', required: true, description: op.header.description, schema: { type: 'string' } }] : []),
    ];
    const responses = Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.schema ? { content: { 'application/json': { schema: ref(r.schema) } } } : r.type ? { content: { [r.type]: {} } } : {}),
        },
      ]),
    );
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
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
