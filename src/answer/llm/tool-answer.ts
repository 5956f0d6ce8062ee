// Questions the rule parser could not read: the model chooses tools, the core runs them, and the
// answer is built from the figures and computations the tools produced. The model's [f1]/[c1] ids
// become the core's citations; a number in its text that no tool produced refuses the answer.
import type { AskBody, AskResponse } from '../../contract.ts';
import type { Figure } from '../../extract/types.ts';
import { AnswerBuilder } from '../builder.ts';
import { describePeriod } from '../present.ts';
import { type ChatClient, type ChatMessage, LlmError } from './client.ts';
import { type Allowance, checkNumbers, numbersIn, states } from './guard.ts';
import { TOOLS_SYSTEM_PROMPT, toolsRequest } from './prompt.ts';
import { type ComputationItem, type FigureItem, type LlmCorpus, TOOL_SPECS, ToolSession } from './tools.ts';

const MAX_ROUNDS = 5;
const MAX_CALLS = 12;
/** Earlier turns given as context; the question itself carries most of it. */
const HISTORY_TURNS = 4;
const HANDLES = /\[\s*([fc]\d+(?:\s*[,;]\s*[fc]\d+)*)\s*\]/g;

type Item = { kind: 'figure'; item: FigureItem } | { kind: 'computation'; item: ComputationItem };

export async function answerWithTools(
  client: ChatClient,
  corpus: LlmCorpus,
  body: AskBody,
  det: AskResponse,
  signal: AbortSignal,
): Promise<AskResponse> {
  const session = new ToolSession(corpus);
  const messages: ChatMessage[] = [
    { role: 'system', content: TOOLS_SYSTEM_PROMPT },
    ...body.history.slice(-HISTORY_TURNS).map((t) => ({ role: t.role, content: t.content }) as ChatMessage),
    { role: 'user', content: toolsRequest(body.question) },
  ];
  let calls = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const reply = await client.complete({ messages, tools: TOOL_SPECS }, signal);
    if (!reply.toolCalls.length) return buildFromTools((reply.content ?? '').trim(), session, body, det);
    calls += reply.toolCalls.length;
    if (calls > MAX_CALLS) throw new LlmError('too_many_tool_calls', 'the model called too many tools');
    messages.push({ role: 'assistant', content: reply.content, tool_calls: reply.toolCalls });
    for (const call of reply.toolCalls) {
      messages.push({
        role: 'tool',
        tool_call_id: call.id,
        content: await session.run(call.function.name, call.function.arguments),
      });
    }
  }
  throw new LlmError('too_many_tool_calls', 'the model kept calling tools');
}

function yearsOf(text: string): string {
  return numbersIn(text)
    .filter((n) => Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100)
    .map((n) => n.raw)
    .join(' ');
}

function trustedOf(figures: Figure[], comps: ComputationItem[], question: string): string[] {
  return [
    ...figures.flatMap((f) => [describePeriod(f.period), f.period?.label ?? '', f.label]),
    ...comps.map((c) => c.formula),
    yearsOf(question),
  ];
}

function valuesOf(items: Item[]): Allowance['values'] {
  return items.map((x) =>
    x.kind === 'figure'
      ? { value: x.item.figure.value, unit: x.item.figure.unit }
      : { value: x.item.value, unit: x.item.unit },
  );
}

/** The final answer: the model's text with ids turned into the core's markers, and the facts behind it. */
export function buildFromTools(text: string, session: ToolSession, body: AskBody, det: AskResponse): AskResponse {
  if (!text) throw new LlmError('empty_reply', 'the model returned no text');
  const lookup = (h: string): Item | undefined => {
    const f = session.figures.get(h);
    if (f) return { kind: 'figure', item: f };
    const c = session.computations.get(h);
    return c ? { kind: 'computation', item: c } : undefined;
  };

  // Ids the text names; an id no tool handed out is a made-up source.
  const referenced: Item[] = [];
  const unknown: string[] = [];
  for (const m of text.matchAll(HANDLES)) {
    for (const h of (m[1] ?? '').split(/\s*[,;]\s*/)) {
      const it = lookup(h);
      if (it) referenced.push(it);
      else unknown.push(`[${h}]`);
    }
  }
  if (unknown.length) throw new LlmError('guard', 'the answer cites ids no tool returned', undefined, unknown);
  const bare = text.replace(HANDLES, (m) => ' '.repeat(m.length));

  const all: Item[] = [
    ...[...session.figures.values()].map((item) => ({ kind: 'figure' as const, item })),
    ...[...session.computations.values()].map((item) => ({ kind: 'computation' as const, item })),
  ];
  const allowAll: Allowance = {
    values: valuesOf(all),
    trusted: trustedOf(
      [...session.figures.values()].map((x) => x.figure),
      [...session.computations.values()],
      body.question,
    ),
    markers: [],
  };
  const guard = checkNumbers(bare, allowAll);
  if (!guard.ok)
    throw new LlmError('guard', 'the answer states numbers no tool produced', undefined, [
      ...guard.offendingNumbers,
      ...guard.badMarkers,
    ]);

  // What the text uses: the ids it names, and the item behind every number it states.
  const used = new Set<Item['item']>(referenced.map((x) => x.item));
  for (const n of numbersIn(bare)) {
    const own = referenced.find((x) => states(n, valuesOf([x])[0] as Allowance['values'][number]));
    const any = own ?? all.find((x) => states(n, valuesOf([x])[0] as Allowance['values'][number]));
    if (any) used.add(any.item);
  }
  if (!used.size) throw new LlmError('no_facts_used', 'the answer states no figure the tools found');

  const b = new AnswerBuilder();
  const markerOf = new Map<Item['item'], string>();
  const usedItems = all.filter((x) => used.has(x.item));
  for (const x of usedItems) {
    if (x.kind === 'figure') {
      markerOf.set(x.item, b.cite(x.item.figure, x.item.report));
    } else {
      const markers = [...new Set(x.item.inputs.map((i) => b.cite(i.figure, i.report)))].join('');
      b.compute(
        x.item.label,
        x.item.formula,
        x.item.value,
        x.item.unit,
        x.item.inputs.map((i) => i.figure),
      );
      markerOf.set(x.item, markers);
    }
  }
  let answer = text.replace(HANDLES, (_m, inner: string) => {
    const markers = inner.split(/\s*[,;]\s*/).map((h) => markerOf.get((lookup(h) as Item).item) ?? '');
    return [...new Set(markers.join('').match(/\[\d+\]/g) ?? [])].join('');
  });
  const unshown = b.citations.filter((c) => !answer.includes(`[${c.n}]`)).map((c) => `[${c.n}]`);
  if (unshown.length) answer = `${answer} ${unshown.join('')}`;

  const res: AskResponse = {
    status: 'answered',
    answer,
    facts: b.facts,
    computations: b.computations,
    citations: b.citations,
    understood: { ...(det.understood ?? { metrics: [], places: [], period: null }), intent: 'llm_tools' },
    suggestions: [],
  };
  // The served text, checked once more against exactly the facts and computations it carries.
  const usedFigures = usedItems.flatMap((x) =>
    x.kind === 'figure' ? [x.item.figure] : x.item.inputs.map((i) => i.figure),
  );
  const final = checkNumbers(answer, {
    values: [...res.facts, ...res.computations].map((x) => ({ value: x.value, unit: x.unit })),
    trusted: trustedOf(
      usedFigures,
      usedItems.flatMap((x) => (x.kind === 'computation' ? [x.item] : [])),
      body.question,
    ),
    markers: res.citations.map((c) => c.n),
  });
  if (!final.ok)
    throw new LlmError('guard', 'the answer leans on figures it does not cite', undefined, final.offendingNumbers);
  return res;
}
