// The answering core over shards: each shard the question needs sends the reports that could hold
// the answer (ranked locally by the same code), the Worker merges them into one CorpusView in the
// Node corpus's order and runs the unchanged answerQuestion / verifyClaim over it.
import { createAssistant, withLanguageModel } from '../answer/assistant.ts';
import type { Log } from '../log.ts';
import type { LlmSettings } from '../answer/llm/client.ts';
import type { CorpusView } from '../answer/retrieve.ts';
import type { Assistant } from '../answer/types.ts';
import type { AskBody, AskResponse } from '../contract.ts';
import { routeQuestion } from './router.ts';
import { mergedView } from './select.ts';
import type { ShardedCorpus } from './sharded-corpus.ts';

/** Runs `answer` over the shards a question needs; when it finds nothing there, over every shard, as one index would. */
async function overShards(corpus: ShardedCorpus, question: string, previous: string | undefined, answer: (view: CorpusView) => Promise<AskResponse>) {
  const texts = previous ? [question, previous] : [question];
  const route = routeQuestion(question, previous);
  const shards = await corpus.shardsFor(route);
  const res = await answer(mergedView(await corpus.select(shards, texts), corpus.order));
  // "Nearest figures" may come from any province: look everywhere before saying none.
  if (route.scope === 'all' || (res.status !== 'not_found' && res.verdict !== 'not_enough_info')) return res;
  const all = await corpus.shardsFor({ scope: 'all', places: [], shards: [] });
  return answer(mergedView(await corpus.select(all, texts), corpus.order));
}

export function createShardedAssistant(corpus: ShardedCorpus, llm: LlmSettings | null, log: Log): Assistant {
  const over = (view: CorpusView) => withLanguageModel({ ...view, search: (q, o) => corpus.search(q, o) }, createAssistant(view), llm, log);
  return {
    ask(body: AskBody) {
      const previous = [...body.history].reverse().find((t) => t.role === 'user')?.content;
      return overShards(corpus, body.question, previous, (view) => over(view).ask(body));
    },
    verify(claim: string) {
      return overShards(corpus, claim, undefined, (view) => over(view).verify(claim));
    },
  };
}
