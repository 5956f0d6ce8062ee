// The answering core over shards: the corpus port's view of a question (the reports its shards
// offer, ranked locally by the same code, merged in the Node corpus's order) is answered by the
// unchanged answerQuestion / verifyClaim; when the routed shards hold nothing, every shard is asked.
import { createAssistant, withLanguageModel } from '../answer/assistant.ts';
import type { LlmSettings } from '../answer/llm/client.ts';
import type { Assistant } from '../answer/types.ts';
import type { AskBody, AskResponse } from '../contract.ts';
import type { CorpusView } from '../corpus/port.ts';
import type { Log } from '../log.ts';
import type { ShardedCorpus } from './sharded-corpus.ts';

/** Runs `answer` over the view of the question's shards; when it finds nothing there, over every shard, as one index would. */
async function overShards(corpus: ShardedCorpus, texts: string[], answer: (view: CorpusView) => Promise<AskResponse>) {
  const res = await answer(await corpus.view(texts));
  // "Nearest figures" may come from any province: look everywhere before saying none (unless the
  // question named no place, and so was answered over every shard already).
  if (res.status !== 'not_found' && res.verdict !== 'not_enough_info') return res;
  if (corpus.routeOf(texts).scope === 'all') return res;
  return answer(await corpus.view(texts, 'all'));
}

export function createShardedAssistant(corpus: ShardedCorpus, llm: LlmSettings | null, log: Log): Assistant {
  const over = (view: CorpusView) =>
    withLanguageModel({ ...view, search: (q, o) => corpus.search(q, o) }, createAssistant(view), llm, log);
  return {
    ask(body: AskBody) {
      const previous = [...body.history].reverse().find((t) => t.role === 'user')?.content;
      return overShards(corpus, previous ? [body.question, previous] : [body.question], (view) => over(view).ask(body));
    },
    verify(claim: string) {
      return overShards(corpus, [claim], (view) => over(view).verify(claim));
    },
  };
}
