// Whether a message states a claim to check ("…14.040 hộ nghèo, đúng không?") or asks a question,
// and the claim without its asking words. The one home of that reading: the chat page (/api/ask),
// /v1/chat/completions, Telegram and Zalo all use it, so a claim gets a verdict on every surface.
import type { AskBody, AskResponse } from '../contract.ts';
import type { Assistant } from './types.ts';

/** Trailing words that ask whether what precedes holds: "…, đúng không?", "… có phải không?", "… thật không?". */
const ASKS_IF_TRUE =
  /[\s,;:–-]*(?:(?:có\s+)?(?:đúng|phải|chính\s+xác)\s+(?:không|chứ|chăng|hay\s+sai|hay\s+không)|(?:có\s+)?thật\s+(?:không|chứ|chăng|vậy\s+không)|đúng\s+chứ|phải\s+chứ)\s*[?!.…]*\s*$/iu;
/** Leading words that announce a claim: "có đúng là …", "có phải (là) …", "kiểm tra: …", "/kiemtra …". */
const ANNOUNCES_CLAIM =
  /^\s*(?:(?:liệu\s+)?có\s+(?:đúng|phải|thật)\s+(?:là\s+|rằng\s+)?|(?:hãy\s+)?(?:kiểm\s+tra|xác\s+minh|kiểm\s+chứng)(?:\s+(?:giúp|hộ)(?:\s+(?:tôi|mình|em))?)?(?:\s+(?:xem|rằng|là))?\s*:?\s*|nhận\s+định\s*:\s*|\/(?:kiemtra|check|verify)(?:@\w+)?\s+)/iu;
/** After a leading "có đúng là / có phải …", the closing "không?" belongs to the asking words too. */
const CLOSING_NOT = /[\s,;]*(?:hay\s+)?(?:không|chăng|chứ)\s*[?!.…]*\s*$/iu;
/**
 * A bare "kiểm tra …" (no colon, no "xem/rằng/là") is as often "look up …" as "check that …":
 * then the rest must state something, with a verb of a result ("còn", "đạt", "giảm", …). A claim
 * missed this way is answered as a question, which still shows the report's figure.
 */
const BARE_CHECK =
  /^\s*(?:hãy\s+)?(?:kiểm\s+tra|xác\s+minh|kiểm\s+chứng)(?:\s+(?:giúp|hộ)(?:\s+(?:tôi|mình|em))?)?\s+(?!xem\b|rằng\b|là\b|:)/iu;
const STATES =
  /(?<!\p{L})(?:còn|đạt|có|giảm|tăng|là|được|chiếm|xuống|lên|bằng|vượt|hỗ\s+trợ|giải\s+quyết|giải\s+ngân|chi|cấp|xây|tạo|thoát)(?!\p{L})/iu;
/** Words of a question that asks for a number rather than states one. */
const ASKS_FOR_NUMBER = /(?:^|[^\p{L}])(?:bao\s+nhiêu|mấy)(?=$|[^\p{L}])/iu;

/**
 * The claim a message states, without its asking words; null when the message is a question.
 * A claim states a number other than a year (there is nothing else to check) and does not ask
 * for one ("bao nhiêu", "mấy").
 * @example claimIn('Cuối 2023 Quảng Trị còn 14.040 hộ nghèo, đúng không?') // 'Cuối 2023 Quảng Trị còn 14.040 hộ nghèo'
 * @example claimIn('Có phải năm 2023 Quảng Trị còn 14.040 hộ nghèo không?') // 'năm 2023 Quảng Trị còn 14.040 hộ nghèo'
 * @example claimIn('Quảng Trị còn bao nhiêu hộ nghèo, đúng không?') // null
 */
export function claimIn(message: string): string | null {
  const t = message.normalize('NFC').trim();
  const prefixed = ANNOUNCES_CLAIM.test(t);
  const suffixed = ASKS_IF_TRUE.test(t);
  if (!prefixed && !suffixed) return null;
  let claim = t.replace(ASKS_IF_TRUE, '');
  if (prefixed) claim = claim.replace(ANNOUNCES_CLAIM, '').replace(CLOSING_NOT, '');
  claim = claim.replace(/^[\s"“'‘]+|[\s"”'’,;:?!]+$/gu, '').trim();
  if (!claim || ASKS_FOR_NUMBER.test(claim) || !statesNumber(claim)) return null;
  if (!suffixed && BARE_CHECK.test(t) && !STATES.test(claim)) return null;
  return claim;
}

/** A figure to check: a number that is not a bare year ("2023"), a quarter or a month. */
function statesNumber(text: string): boolean {
  const withoutDates = text
    .replace(/(?:năm|cuối|đầu|giữa|quý|tháng|giai\s+đoạn|ngày)\s+\d+(?:\s*[–-]\s*\d+)?/giu, ' ')
    .replace(
      /(?<![\d.,])(?:19|20)\d{2}(?![\d.,%]|\s*(?:hộ|người|lao\s+động|tỷ|triệu|nghìn|đồng|suất|phần|căn|nhà|xã|học))/gu,
      ' ',
    );
  return /\d/.test(withoutDates);
}

/**
 * A chat message answered as the surfaces do: a claim goes to `verify` (the answer states the verdict
 * with its citations and `verification` names the claim read), anything else to `ask`.
 */
export async function answerMessage(assistant: Assistant, body: AskBody): Promise<AskResponse> {
  const claim = claimIn(body.question);
  if (claim === null) return assistant.ask(body);
  const res = await assistant.verify(claim);
  return { ...res, verification: { verdict: res.verdict ?? 'not_enough_info', claim } };
}
