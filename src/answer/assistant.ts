// createAssistant(corpus): the answering core behind every surface. Deterministic and offline.
import { answerQuestion } from './ask.ts';
import type { CorpusView } from './retrieve.ts';
import type { Assistant } from './types.ts';
import { verifyClaim } from './verify.ts';

export function createAssistant(corpus: CorpusView): Assistant {
  return {
    async ask(body) {
      return answerQuestion(corpus, body);
    },
    async verify(claim) {
      return verifyClaim(corpus, claim);
    },
  };
}
