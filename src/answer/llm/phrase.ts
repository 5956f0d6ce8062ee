// Phrasing the deterministic result: the model rewrites the core's answer text, and the rewrite is
// served only if it keeps every citation marker, states no number the result cannot back, and still
// calls a plan a plan. Facts, computations and citations stay the core's, untouched.
import type { AskBody, AskResponse } from '../../contract.ts';
import { type ChatClient, LlmError } from './client.ts';
import { type Allowance, checkNumbers, markersIn } from './guard.ts';
import { PHRASE_SYSTEM_PROMPT, phraseRequest } from './prompt.ts';

const PLAN_WORDS = /kế hoạch|chỉ tiêu|mục tiêu|phấn đấu/iu;

/** What a rephrasing of `det` may state: its values, the numbers of its own text, its markers. */
export function allowanceOf(det: AskResponse, extraTrusted: string[] = []): Allowance {
  return {
    values: [...det.facts, ...det.computations].map((x) => ({ value: x.value, unit: x.unit })),
    trusted: [
      det.answer,
      ...det.facts.flatMap((f) => [f.period ?? '', f.label]),
      ...det.computations.map((c) => c.formula),
      ...extraTrusted,
    ],
    markers: det.citations.map((c) => c.n),
  };
}

/** Throws LlmError when `text` is not a faithful rewording of `det`. */
export function checkPhrasing(text: string, det: AskResponse): void {
  const guard = checkNumbers(text, allowanceOf(det));
  if (!guard.ok)
    throw new LlmError('guard', 'the rewrite states numbers the result does not back', undefined, [
      ...guard.offendingNumbers,
      ...guard.badMarkers,
    ]);
  const kept = new Set(markersIn(text));
  if (det.citations.some((c) => !kept.has(c.n)))
    throw new LlmError('markers_dropped', 'the rewrite dropped a citation marker');
  if (PLAN_WORDS.test(det.answer) && !PLAN_WORDS.test(text))
    throw new LlmError('meaning_changed', 'the rewrite no longer says a plan is a plan');
  if (text.length > det.answer.length * 4 + 400)
    throw new LlmError('meaning_changed', 'the rewrite is far longer than the answer');
}

export async function phraseResult(
  client: ChatClient,
  body: AskBody,
  det: AskResponse,
  signal: AbortSignal,
): Promise<AskResponse> {
  const reply = await client.complete(
    {
      messages: [
        { role: 'system', content: PHRASE_SYSTEM_PROMPT },
        { role: 'user', content: phraseRequest(body.question, det) },
      ],
    },
    signal,
  );
  if (reply.toolCalls.length) throw new LlmError('malformed_tool_call', 'a tool call where a rewrite was asked');
  const text = (reply.content ?? '').trim();
  if (!text) throw new LlmError('empty_reply', 'the model returned no text');
  checkPhrasing(text, det);
  return { ...det, answer: text };
}
