// The HTTP contract of ../shared/API.md as zod schemas: the single source of every wire type.
// Clients and the evaluation depend on these fields; add fields freely, never rename or drop one.
import { z } from 'zod';

/** Report ids: safe in a URL path and a file name, never a path. */
export const ReportId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,128}$/, 'id: 1–128 characters from A–Z, a–z, 0–9, ".", "_", "-"')
  .refine((id) => id !== '.' && id !== '..', 'id: "." and ".." are not ids');

export const ISODate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'publishedAt: an ISO date such as 2024-07-17 (or 2024-07, 2024)');

export const PostReportBody = z.object({
  id: ReportId.optional(),
  title: z.string().trim().min(1).max(500).optional(),
  text: z.string().refine((t) => t.trim().length > 0, 'text: the report text is empty'),
  source: z.string().max(2000).optional(),
  publishedAt: ISODate.optional(),
});
export type PostReportBody = z.infer<typeof PostReportBody>;

export const PostReportResponse = z.object({
  id: z.string(),
  title: z.string(),
  passages: z.number().int(),
  figures: z.number().int(),
  /** created (201), replaced or unchanged (200): what the post did. */
  status: z.enum(['created', 'replaced', 'unchanged']),
  /** For a file upload (multipart/form-data): what the file was read as. */
  format: z.enum(['pdf', 'docx', 'html', 'text']).optional(),
});

export const PlaceInfo = z.object({
  name: z.string(),
  level: z.enum(['province', 'district']),
  type: z.string(),
  code: z.string(),
  provinceCode: z.string(),
  province: z.string(),
});

export const PeriodInfo = z.object({
  label: z.string(),
  kind: z.enum(['during', 'as_of']),
  from: z.string(),
  to: z.string(),
  year: z.number().int(),
});

export const ReportSummary = z.object({
  id: z.string(),
  title: z.string(),
  /** The report's place name ("Quảng Trị"); the full record is in `placeInfo`. */
  place: z.string().nullable(),
  placeInfo: PlaceInfo.nullable(),
  periods: z.array(PeriodInfo),
  publishedAt: z.string().nullable(),
  passages: z.number().int(),
  figures: z.number().int(),
  /** true for the bundled sample reports in seeds/, which cannot be replaced or deleted. */
  seed: z.boolean(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ListReportsResponse = z.object({ reports: z.array(ReportSummary) });

export const PassageInfo = z.object({
  id: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  section: z.string().nullable(),
  place: z.string().nullable(),
  period: z.string().nullable(),
});

export const ReportDetail = ReportSummary.extend({
  /** The stored text every citation offset points into. */
  text: z.string(),
  source: z.string().nullable(),
  passageList: z.array(PassageInfo),
  /** Figures extracted from the report (filled by the figures step). */
  figures: z.array(z.unknown()),
  figureCount: z.number().int(),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'q: the search text is empty').max(1000, 'q: at most 1000 characters'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  reportId: ReportId.optional(),
});

export const SearchHit = z.object({
  id: z.string(),
  reportId: z.string(),
  title: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** Exactly `text.slice(start, end)` of the report. */
  text: z.string(),
  section: z.string().nullable(),
  place: z.string().nullable(),
  score: z.number(),
  /** HTML-escaped passage window with matched terms in <mark>…</mark>. */
  snippet: z.string(),
});

export const SearchResponse = z.object({
  query: z.string(),
  hits: z.array(SearchHit),
});

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const HealthResponse = z.object({
  ok: z.literal(true),
  reports: z.number().int(),
  passages: z.number().int(),
  runtime: z.enum(['node', 'workers']),
  storage: z.string(),
});

/** A figure as served: the contract's Fact fields plus where it sits in the report. */
export const FigureWire = z.object({
  id: z.string(),
  reportId: z.string(),
  metric: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  /** Money in đồng; otherwise the value. */
  normalizedValue: z.number(),
  kind: z.enum(['result', 'target', 'change']),
  place: z.string().nullable(),
  placeLevel: z.enum(['province', 'district', 'commune']).nullable(),
  /** The period as the report words it ("cuối năm 2023"). */
  period: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  year: z.number().int().nullable(),
  qualifiers: z.array(z.string()),
  relation: z.object({ type: z.string(), with: z.array(z.string()) }).nullable(),
  /** Ids of the parts that break the figure down, when the report lists them. */
  breakdown: z.array(z.string()).nullable(),
  /** The figure's characters: text === report.text.slice(start, end). */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type FigureWire = z.infer<typeof FigureWire>;

export const FiguresQuery = z.object({
  metric: z.string().trim().min(1).max(200).optional(),
  place: z.string().trim().min(1).max(200).optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  kind: z.enum(['result', 'target', 'change']).optional(),
  reportId: ReportId.optional(),
  /** csv: UTF-8 with BOM, comma-separated, dot decimals; xlsx: a workbook whose numbers are numbers in any locale. */
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
});

export const AuditCheckWire = z.object({
  relation: z.string(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  figureIds: z.array(z.string()),
  stated: z.object({ value: z.number(), unit: z.string(), text: z.string() }),
  computed: z.object({ value: z.number(), unit: z.string(), formula: z.string() }).nullable(),
  status: z.enum(['holds', 'differs', 'unverifiable']),
  note: z.string(),
});

/** GET /api/figures (JSON): how many figures match, and the first `limit` of them. */
export const FiguresResponse = z.object({ total: z.number().int(), figures: z.array(FigureWire) });

/** GET /api/reports/:id/audit: the report's stated totals and ratios recomputed from its own figures. */
export const AuditResponse = z.object({
  reportId: z.string(),
  title: z.string(),
  summary: z.object({ holds: z.number().int(), differs: z.number().int(), unverifiable: z.number().int() }),
  checks: z.array(AuditCheckWire),
});

export const ChatTurn = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(20_000),
});

const questionText = (field: string) =>
  z
    .string()
    .max(2000, `${field}: at most 2000 characters`)
    .refine((s) => s.trim().length > 0, `${field}: empty; ask a question such as "hộ nghèo Quảng Trị cuối 2023?"`);

export const AskBody = z.object({
  question: questionText('question'),
  history: z.array(ChatTurn).max(50).default([]),
});
export type AskBody = z.infer<typeof AskBody>;

export const VerifyBody = z.object({ claim: questionText('claim') });

/** 👍/👎 on an answer: how an office learns which questions fail. */
export const FeedbackBody = z.object({
  question: questionText('question'),
  rating: z.enum(['up', 'down'], { error: 'rating: "up" or "down"' }),
  comment: z.string().trim().max(2000, 'comment: at most 2000 characters').optional(),
  /** The answer text the rating is about, as shown. */
  answer: z.string().max(20_000, 'answer: at most 20000 characters').optional(),
});
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const FeedbackItem = FeedbackBody.extend({
  id: z.string(),
  /** ISO timestamp of acceptance. */
  receivedAt: z.string(),
});
export type FeedbackItem = z.infer<typeof FeedbackItem>;

export const FeedbackCreated = z.object({ id: z.string() });
export const FeedbackList = z.object({ items: z.array(FeedbackItem) });

/** A figure an answer states; `citation` is the `n` of the citation that shows it. */
export const Fact = z.object({
  id: z.string(),
  metric: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  place: z.string().nullable(),
  period: z.string().nullable(),
  kind: z.enum(['result', 'target', 'change']),
  reportId: z.string(),
  citation: z.number().int(),
  /** The figure as written in the report ("14.040 hộ"). */
  text: z.string(),
});
export type Fact = z.infer<typeof Fact>;

/** A number computed by code from facts, never by a model; `formula` shows the arithmetic. */
export const Computation = z.object({
  label: z.string(),
  formula: z.string(),
  value: z.number(),
  unit: z.string(),
  inputs: z.array(z.string()),
  /** How the value was rounded in the answer text. */
  rounding: z.string(),
});
export type Computation = z.infer<typeof Computation>;

/** `quote` is exactly text.slice(start, end) of the report and contains the cited figure. */
export const Citation = z.object({
  n: z.number().int(),
  reportId: z.string(),
  title: z.string(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type Citation = z.infer<typeof Citation>;

/** One point of a series: a result the report states for one period, shown by citation `citation`. */
export const SeriesPoint = z.object({
  /** The period as an answer words it ("cuối năm 2023"). */
  period: z.string(),
  from: z.string(),
  to: z.string(),
  year: z.number().int(),
  value: z.number(),
  /** The `id` of the fact this point is. */
  factId: z.string(),
  citation: z.number().int(),
});

/**
 * A series over time ("hộ nghèo Nghệ An 2021–2024"): one metric at one place, oldest point first,
 * results only (plans are facts of kind "target", never points).
 */
export const Series = z.object({
  metric: z.string(),
  label: z.string(),
  place: z.string().nullable(),
  unit: z.string(),
  points: z.array(SeriesPoint).min(2),
});
export type Series = z.infer<typeof Series>;

export const AskResponse = z.object({
  status: z.enum(['answered', 'not_found', 'ambiguous']),
  answer: z.string(),
  facts: z.array(Fact),
  computations: z.array(Computation),
  citations: z.array(Citation),
  verdict: z.enum(['supported', 'refuted', 'not_enough_info']).optional(),
  /**
   * When a message to /api/ask or /v1/chat/completions states a claim ("…, đúng không?"): the claim
   * as read and checked, and its verdict (the same as `verdict`). Absent for a question.
   */
  verification: z
    .object({
      verdict: z.enum(['supported', 'refuted', 'not_enough_info']),
      claim: z.string(),
    })
    .optional(),
  /** When the question asks for values over time and the reports hold two periods or more. */
  series: Series.optional(),
  /** What the question was understood as: metric, place, period, intent. */
  understood: z
    .object({
      intent: z.string(),
      metrics: z.array(z.string()),
      places: z.array(z.string()),
      period: z.string().nullable(),
      /**
       * Why the answer's figures were chosen, or why none was: the share of the question's content
       * words their own clause, sentence, passage or title holds (0–1), and the words none holds.
       */
      evidence: z
        .object({
          coverage: z.number(),
          missing: z.array(z.string()),
          reasons: z.array(z.string()),
        })
        .optional(),
    })
    .optional(),
  /** When not found or ambiguous: the nearest figures the reports do hold, as follow-up questions. */
  suggestions: z.array(z.string()).default([]),
});
export type AskResponse = z.infer<typeof AskResponse>;
