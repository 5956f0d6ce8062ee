// Zalo Official Account bot: POST /webhooks/zalo takes the OA's events, checks X-ZEvent-Signature,
// answers 200 at once (Zalo wants an answer within 2 s and retries otherwise) and sends the reply
// through the OA message API afterwards: plain text within Zalo's limit, sources as short links.
import { Hono } from 'hono';
import { z } from 'zod';
import { AskBody, VerifyBody } from '../../contract.ts';
import { sha256Hex } from '../../digest.ts';
import { AppError } from '../../errors.ts';
import { defaultLog, type Log } from '../../log.ts';
import { answerAsPlainTexts, ZALO_MAX_TEXT } from '../answer-text.ts';
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

/** The `user_send_text` event (developers.zalo.me, OA webhook); other events only need `event_name`. */
export const ZaloTextEvent = z.looseObject({
  event_name: z.literal('user_send_text'),
  app_id: z.string().optional(),
  sender: z.looseObject({ id: z.string() }),
  recipient: z.looseObject({ id: z.string() }).optional(),
  message: z.looseObject({ msg_id: z.string().optional(), text: z.string() }),
  timestamp: z.union([z.string(), z.number()]),
});

/** What every event must have before anything else is read: a name and Zalo's millisecond timestamp. */
const ZaloEnvelope = z.looseObject({
  event_name: z.string().min(1).max(100),
  timestamp: z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)]),
});

/**
 * How old a signed event may be when it arrives. Zalo sends at once and redelivers within a few
 * minutes; an older event is a capture being replayed and gets no reply (issue 15).
 */
export const ZALO_MAX_EVENT_AGE_MS = 15 * 60_000;
/** Clock skew allowed for an event stamped in the future. */
const ZALO_MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The event's MAC as Zalo documents it: sha256 over app id + the raw JSON body + the body's
 * `timestamp` + the OA secret key, in hex. Zalo sends it as `X-ZEvent-Signature: mac=<hex>`.
 */
export async function zaloSignature(
  appId: string,
  rawBody: string,
  timestamp: string,
  oaSecretKey: string,
): Promise<string> {
  return sha256Hex(`${appId}${rawBody}${timestamp}${oaSecretKey}`);
}

/** Message ids answered lately: Zalo redelivers an event it thinks failed, and a user should get one reply. */
const RECENT_LIMIT = 1000;

export function zaloRoutes(deps: SurfaceDeps) {
  const { config } = deps;
  const log = deps.log ?? defaultLog;
  const recent = new Set<string>();
  const limited = senderLimit(config);

  return new Hono().post('/webhooks/zalo', async (c) => {
    const appId = config.ZALO_APP_ID;
    const secret = config.ZALO_OA_SECRET_KEY;
    if (!appId || !secret) {
      throw new AppError(
        'FORBIDDEN',
        'The Zalo bot is off: set ZALO_APP_ID and ZALO_OA_SECRET_KEY (the OA secret key, not the app secret).',
      );
    }
    const raw = await c.req.text();
    let event: unknown;
    try {
      event = JSON.parse(raw);
    } catch {
      throw new AppError('INVALID_JSON', 'The body is not valid JSON.');
    }
    const envelope = ZaloEnvelope.safeParse(event);
    if (!envelope.success) {
      throw new AppError(
        'VALIDATION',
        'Not a Zalo OA event: it needs "event_name" (a string) and "timestamp" (milliseconds, a string or a number).',
      );
    }
    const timestamp = String(envelope.data.timestamp);
    const given = (c.req.header('x-zevent-signature') ?? '').trim().replace(/^mac=/i, '').toLowerCase();
    if (!given || !safeEqual(given, await zaloSignature(appId, raw, timestamp, secret))) {
      throw new AppError('UNAUTHORIZED', "X-ZEvent-Signature is missing or does not match this OA's secret key.");
    }
    // Signed, but a signature does not expire: a replayed capture is acknowledged (so Zalo stops) and not answered.
    const age = Date.now() - Number(timestamp);
    if (age > ZALO_MAX_EVENT_AGE_MS || age < -ZALO_MAX_CLOCK_SKEW_MS)
      return c.json({ ok: true, handled: false, event: 'stale' });

    const text = ZaloTextEvent.safeParse(event);
    if (!text.success) return c.json({ ok: true, handled: false, event: envelope.data.event_name });
    const { sender, message } = text.data;
    if (message.msg_id) {
      if (recent.has(message.msg_id)) return c.json({ ok: true, handled: false, event: 'duplicate' });
      recent.add(message.msg_id);
      if (recent.size > RECENT_LIMIT) recent.delete(recent.values().next().value as string);
    }

    const base = publicBase(c, config);
    const wait = limited(`zalo:${sender.id}`);
    if (wait > 0) {
      runAfterResponse(
        c,
        async () =>
          void (await sendZaloText(
            config.ZALO_API_BASE,
            config.ZALO_OA_ACCESS_TOKEN,
            sender.id,
            tooManyQuestions(wait),
            log,
          )),
        log,
      );
      return c.json({ ok: true, handled: false, event: 'rate_limited' });
    }
    runAfterResponse(
      c,
      async () => {
        // In order, one after the other: a message refused stops the rest, so none arrives out of place.
        for (const part of await replyTo(message.text, base, deps)) {
          if (!(await sendZaloText(config.ZALO_API_BASE, config.ZALO_OA_ACCESS_TOKEN, sender.id, part, log))) break;
        }
      },
      log,
    );
    return c.json({ ok: true, handled: true, event: 'user_send_text' });
  });
}

/** The reply as the messages to send, in order (a long answer is split: answer-text.ts). */
async function replyTo(text: string, base: string, deps: SurfaceDeps): Promise<string[]> {
  const m = parseBotMessage(text);
  if (!m || m.kind === 'help') return [helpLines(await coverageOf(deps)).join('\n')];
  try {
    if (m.kind === 'verify') {
      const claim = VerifyBody.safeParse({ claim: m.claim });
      if (!claim.success) return [`Không đọc được nhận định: ${claim.error.issues[0]?.message ?? 'không hợp lệ'}`];
      return answerAsPlainTexts(await deps.assistant.verify(claim.data.claim), base, ZALO_MAX_TEXT);
    }
    const body = AskBody.safeParse({ question: m.question, history: [] });
    if (!body.success) return [`Không đọc được câu hỏi: ${body.error.issues[0]?.message ?? 'câu hỏi không hợp lệ'}`];
    return answerAsPlainTexts(await deps.assistant.ask(body.data), base, ZALO_MAX_TEXT);
  } catch (err) {
    (deps.log ?? defaultLog)('error', 'zalo: the assistant failed', {
      error: err instanceof Error ? err.stack : String(err),
    });
    return ['Xin lỗi, hiện chưa trả lời được câu hỏi này. Vui lòng thử lại sau.'];
  }
}

/** Sends a consultation text message through the OA message API v3; false (and logged) when it was not accepted. */
export async function sendZaloText(
  apiBase: string,
  accessToken: string | undefined,
  userId: string,
  text: string,
  log: Log,
): Promise<boolean> {
  if (!accessToken) {
    log('warn', 'zalo: ZALO_OA_ACCESS_TOKEN is unset, so the reply was not sent', { userId });
    return false;
  }
  const res = await fetch(`${apiBase}/v3.0/oa/message/cs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', access_token: accessToken },
    body: JSON.stringify({ recipient: { user_id: userId }, message: { text: text.slice(0, ZALO_MAX_TEXT) } }),
  });
  const body = (await res.json().catch(() => null)) as { error?: number; message?: string } | null;
  if (!res.ok || (body && body.error !== undefined && body.error !== 0)) {
    log('error', 'zalo: the OA message API refused the reply', {
      status: res.status,
      error: body?.error,
      message: body?.message,
    });
    return false;
  }
  return true;
}
