// The OpenAI-compatible wire (POST /v1/chat/completions, GET /v1/models) as zod schemas, so the
// route validates with them and the OpenAPI document is generated from them. Only the fields this
// server reads are declared; every other field a client sends is accepted and ignored.
import { z } from 'zod';
import { AskResponse } from '../contract.ts';

/** The models this server offers: answering questions, and checking claims. */
export const MODELS = {
  'vn-welfare-qa': 'Trả lời câu hỏi về số liệu trong các báo cáo, có trích dẫn và phép tính.',
  'vn-welfare-qa-verify': 'Kiểm tra một nhận định: đúng (supported), sai (refuted) hay chưa đủ thông tin.',
} as const;
export type ModelId = keyof typeof MODELS;
export const DEFAULT_MODEL: ModelId = 'vn-welfare-qa';

const ContentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

export const ChatMessage = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(ContentPart), z.null()]).optional(),
});

export const ChatCompletionRequest = z.looseObject({
  /** Any other model name (a bot framework's default) is served by `vn-welfare-qa`. */
  model: z.string().optional(),
  messages: z.array(ChatMessage).min(1, "messages: send at least the user's question").max(200),
  stream: z.boolean().optional(),
  /** Extension: false leaves the sources out of the reply text (the widget shows them from `answer`). */
  footnotes: z.boolean().optional(),
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

export const ChatCompletion = z.object({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.null() }),
      finish_reason: z.literal('stop'),
      logprobs: z.null(),
    }),
  ),
  usage: z.object({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
  }),
  /** Extension: the structured answer of POST /api/ask (facts, computations, citations). */
  answer: AskResponse,
});

export const ChatCompletionChunk = z.object({
  id: z.string(),
  object: z.literal('chat.completion.chunk'),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      delta: z.object({ role: z.literal('assistant').optional(), content: z.string().optional() }),
      finish_reason: z.literal('stop').nullable(),
    }),
  ),
  /** Extension, on the last chunk only: the structured answer. */
  answer: AskResponse.optional(),
});

export const ModelInfo = z.object({
  id: z.string(),
  object: z.literal('model'),
  created: z.number().int(),
  owned_by: z.string(),
  description: z.string(),
});

export const ModelList = z.object({
  object: z.literal('list'),
  data: z.array(ModelInfo),
});
