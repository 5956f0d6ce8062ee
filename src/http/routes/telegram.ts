// Telegram bot: POST /webhooks/telegram takes an Update and answers in the webhook response with a
// sendMessage method call (HTML, sources linked to /reports/:id#start-end). An answer longer than
// one message goes out as several through the Bot API when TELEGRAM_BOT_TOKEN is set (a webhook
// response carries one method call). Telegram retries any non-2xx answer, so everything it sends
// that we cannot answer is acknowledged and ignored.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AskResponse } from '../../contract.ts';
import { AskBody, VerifyBody } from '../../contract.ts';
import { AppError } from '../../errors.ts';
import { defaultLog, type Log } from '../../log.ts';
import {
  answerAsTelegramHtml,
  answerAsTelegramMessages,
  escapeTelegramHtml,
  TELEGRAM_MAX_TEXT,
} from '../answer-text.ts';
import { helpLines, parseBotMessage } from '../bot-messages.ts';
import {
  coverageOf,
  publicBase,
  runAfterResponse,
  type SurfaceDeps,
  safeEqual,
  senderLimit,
  tooManyQuestions,
} from '../surface.ts';

const TelegramMessage = z.looseObject({
  message_id: z.number().int(),
  chat: z.looseObject({ id: z.union([z.number(), z.string()]), type: z.string().optional() }),
  from: z.looseObject({ id: z.number(), is_bot: z.boolean().optional() }).optional(),
  text: z.string().optional(),
  reply_to_message: z
    .looseObject({ text: z.string().optional(), from: z.looseObject({ is_bot: z.boolean().optional() }).optional() })
    .optional(),
});

/** The part of a Telegram Update this bot reads (https://core.telegram.org/bots/api#update). */
export const TelegramUpdate = z.looseObject({
  update_id: z.number().int(),
  message: TelegramMessage.optional(),
  edited_message: TelegramMessage.optional(),
  channel_post: TelegramMessage.optional(),
});

/** The sendMessage method call Telegram performs when a webhook answers with it. */
export interface TelegramSendMessage {
  method: 'sendMessage';
  chat_id: number | string;
  text: string;
  parse_mode: 'HTML';
  link_preview_options: { is_disabled: true };
  reply_parameters: { message_id: number; allow_sending_without_reply: true };
}

export function telegramRoutes(deps: SurfaceDeps) {
  const { assistant, config } = deps;
  const log = deps.log ?? defaultLog;
  const limited = senderLimit(config);

  return new Hono().post('/webhooks/telegram', async (c) => {
    const secret = config.TELEGRAM_WEBHOOK_SECRET;
    if (!secret) {
      throw new AppError(
        'FORBIDDEN',
        'The Telegram bot is off: set TELEGRAM_WEBHOOK_SECRET and pass it to setWebhook as secret_token.',
      );
    }
    if (!safeEqual(c.req.header('x-telegram-bot-api-secret-token') ?? '', secret)) {
      throw new AppError('UNAUTHORIZED', 'X-Telegram-Bot-Api-Secret-Token is missing or wrong.');
    }

    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return c.body(null, 200);
    }
    const update = TelegramUpdate.safeParse(raw);
    const msg = update.success
      ? (update.data.message ?? update.data.edited_message ?? update.data.channel_post)
      : undefined;
    const parsed = msg?.text === undefined ? null : parseBotMessage(msg.text);
    if (!msg || parsed === null) return c.body(null, 200);

    const reply = (text: string): TelegramSendMessage => ({
      method: 'sendMessage',
      chat_id: msg.chat.id,
      text,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_parameters: { message_id: msg.message_id, allow_sending_without_reply: true },
    });

    // The answer in the webhook's reply when it fits one message (or no token lets us send more);
    // else every part through the Bot API, one after the other, so they arrive in order.
    const answer = (c: Context, res: AskResponse) => {
      const base = publicBase(c, config);
      const token = config.TELEGRAM_BOT_TOKEN;
      const parts = token ? answerAsTelegramMessages(res, base, TELEGRAM_MAX_TEXT) : [];
      if (!token || parts.length <= 1)
        return c.json(reply(parts[0] ?? answerAsTelegramHtml(res, base, TELEGRAM_MAX_TEXT)));
      runAfterResponse(c, () => sendTelegramMessages(config.TELEGRAM_API_BASE, token, parts.map(reply), log), log);
      return c.body(null, 200);
    };

    if (parsed.kind === 'help') return c.json(reply(escapeTelegramHtml(helpLines(await coverageOf(deps)).join('\n'))));

    const wait = limited(`telegram:${msg.chat.id}`);
    if (wait > 0) return c.json(reply(escapeTelegramHtml(tooManyQuestions(wait))));

    if (parsed.kind === 'verify') {
      const claim = VerifyBody.safeParse({ claim: parsed.claim });
      if (!claim.success)
        return c.json(
          reply(escapeTelegramHtml(`Không đọc được nhận định: ${claim.error.issues[0]?.message ?? 'không hợp lệ'}`)),
        );
      try {
        return answer(c, await assistant.verify(claim.data.claim));
      } catch (err) {
        log('error', 'telegram: the assistant failed', { error: err instanceof Error ? err.stack : String(err) });
        return c.json(reply('Xin lỗi, hiện chưa kiểm tra được nhận định này. Vui lòng thử lại sau.'));
      }
    }
    const question = parsed.question;

    const history: AskBody['history'] = [];
    const previous = msg.reply_to_message;
    if (previous?.from?.is_bot && previous.text)
      history.push({ role: 'assistant', content: previous.text.slice(0, 20_000) });
    const body = AskBody.safeParse({ question, history });
    if (!body.success) {
      const why = body.error.issues[0]?.message ?? 'câu hỏi không hợp lệ';
      return c.json(reply(escapeTelegramHtml(`Không đọc được câu hỏi: ${why}`)));
    }
    try {
      return answer(c, await assistant.ask(body.data));
    } catch (err) {
      log('error', 'telegram: the assistant failed', { error: err instanceof Error ? err.stack : String(err) });
      return c.json(reply('Xin lỗi, hiện chưa trả lời được câu hỏi này. Vui lòng thử lại sau.'));
    }
  });
}

/** Sends the messages in order through the Bot API; one refused stops the rest (and is logged). */
export async function sendTelegramMessages(
  apiBase: string,
  token: string,
  messages: TelegramSendMessage[],
  log: Log,
): Promise<void> {
  for (const [i, { method, ...payload }] of messages.entries()) {
    // Only the first part replies to the question; the rest follow it.
    const body = i === 0 ? payload : { ...payload, reply_parameters: undefined };
    const res = await fetch(`${apiBase}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) {
      log('error', 'telegram: the Bot API refused a part of the reply', {
        status: res.status,
        part: i + 1,
        of: messages.length,
      });
      return;
    }
  }
}

/**
 * The question in a message: the text itself, or what follows /ask (/hoi); '' for /start and
 * /help (answered with the help); null for any other command, which the bot ignores.
 * @example questionOf('/ask@ViWelfareBot hộ nghèo Quảng Trị cuối 2023?') // 'hộ nghèo Quảng Trị cuối 2023?'
 */
export function questionOf(text: string): string | null {
  const m = parseBotMessage(text);
  if (!m) return null;
  return m.kind === 'help' ? '' : m.kind === 'ask' ? m.question : m.claim;
}
