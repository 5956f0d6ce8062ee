// The answering core as the surfaces see it: every adapter (HTTP API, chat widget, OpenAI-compatible
// endpoint, Telegram, Zalo, CLI) calls these two verbs and has no answering logic of its own.
import type { AskBody, AskResponse } from '../contract.ts';

export interface Assistant {
  /** A question (with the conversation so far) → a cited answer with computations. */
  ask(body: AskBody): Promise<AskResponse>;
  /** A claim → supported / refuted / not_enough_info with the evidence. */
  verify(claim: string): Promise<AskResponse>;
}
