// createLlmAssistant: the optional language model in front of the deterministic core. Answered
// results are rephrased; questions the rules could not read go through the tools. Whatever goes
// wrong (timeout, bad body, bad tool call, a number the guard refuses) serves the core's answer
// and logs {event:'llm_fallback', reason, offendingNumbers}. The API key is never logged.
import type { AskResponse } from '../../contract.ts';
import type { Log } from '../../log.ts';
import type { Assistant } from '../types.ts';
import { type ChatClient, createChatClient, LlmError, type LlmSettings, MIN_SECRET_LENGTH } from './client.ts';
import { phraseResult } from './phrase.ts';
import { answerWithTools } from './tool-answer.ts';
import type { LlmCorpus } from './tools.ts';

export function createLlmAssistant(
  corpus: LlmCorpus,
  deterministic: Assistant,
  settings: LlmSettings,
  log: Log,
  client: ChatClient = createChatClient(settings),
): Assistant {
  return {
    async ask(body) {
      const det = await deterministic.ask(body);
      const mode = modeFor(det);
      if (!mode) return det;
      const t0 = Date.now();
      const ctrl = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      // The deadline wins even if a request ignores its abort signal.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          ctrl.abort();
          reject(new LlmError('timeout', 'the model did not answer in time'));
        }, settings.timeoutMs);
      });
      try {
        const work =
          mode === 'phrase'
            ? phraseResult(client, body, det, ctrl.signal)
            : answerWithTools(client, corpus, body, det, ctrl.signal);
        const res = await Promise.race([work, deadline]);
        if (settings.apiKey.length >= MIN_SECRET_LENGTH && res.answer.includes(settings.apiKey)) {
          throw new LlmError('secret_echo', 'the reply contains the API key');
        }
        log('info', 'llm_answer', { event: 'llm_answer', mode, ms: Date.now() - t0 });
        return res;
      } catch (err) {
        const e =
          err instanceof LlmError ? err : new LlmError('error', err instanceof Error ? err.name : 'unknown error');
        log('warn', 'llm_fallback', {
          event: 'llm_fallback',
          reason: e.reason,
          mode,
          ...(e.status ? { status: e.status } : {}),
          offendingNumbers: e.offendingNumbers,
          ms: Date.now() - t0,
        });
        return det;
      } finally {
        clearTimeout(timer);
        ctrl.abort();
      }
    },
    // A verdict is the core's: a rewording could turn "không đúng" into "đúng" with every number intact.
    verify(claim) {
      return deterministic.verify(claim);
    },
  };
}

/** Rephrase what the core answered; route through tools only what its rules could not read. */
function modeFor(det: AskResponse): 'phrase' | 'tools' | null {
  if (det.understood?.intent === 'source') return null;
  if (det.status === 'answered' || det.status === 'ambiguous') return det.answer.trim() ? 'phrase' : null;
  if (det.status === 'not_found' && det.understood && det.understood.metrics.length === 0) return 'tools';
  return null;
}
