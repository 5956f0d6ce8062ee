// createAssistant(corpus): the answering core behind every surface. Deterministic and offline.
// withLanguageModel puts the optional model (ISSUE 7) in front of it when settings name one.

import type { Log } from '../log.ts';
import { answerQuestion } from './ask.ts';
import { createLlmAssistant } from './llm/assistant.ts';
import type { LlmSettings } from './llm/client.ts';
import type { LlmCorpus } from './llm/tools.ts';
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

/** The deterministic core, phrased and routed by a language model when `llm` is set; unchanged when null. */
export function withLanguageModel(corpus: LlmCorpus, core: Assistant, llm: LlmSettings | null, log: Log): Assistant {
  return llm ? createLlmAssistant(corpus, core, llm, log) : core;
}
