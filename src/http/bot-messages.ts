// What a bot message asks for, the same on Telegram and Zalo: help (/start, /help, /trogiup), a
// question (/hoi, /ask, or plain text), or a claim to check (/kiemtra, /check, or plain text that
// asks whether a stated figure is right: "…14.040 hộ nghèo, đúng không?"). And the help text,
// which says what the reports cover, so a user from another province knows whether to ask.
import { claimIn } from '../answer/claims.ts';
import type { Report } from '../ingest/types.ts';
import { BOT_GREETING, SAMPLE_QUESTIONS } from './sample-questions.ts';

export type BotMessage = { kind: 'help' } | { kind: 'ask'; question: string } | { kind: 'verify'; claim: string };

/**
 * @example parseBotMessage('/kiemtra Quảng Trị còn 15.040 hộ nghèo') // { kind: 'verify', claim: 'Quảng Trị còn 15.040 hộ nghèo' }
 * @example parseBotMessage('Cuối 2023 Quảng Trị còn 14.040 hộ nghèo, đúng không?') // { kind: 'verify', claim: 'Cuối 2023 Quảng Trị còn 14.040 hộ nghèo' }
 */
export function parseBotMessage(text: string): BotMessage | null {
  const t = text.trim();
  if (!t) return null;
  const command = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+|$)/.exec(t);
  if (command) {
    const name = command[1]?.toLowerCase();
    const rest = t.slice(command[0].length).trim();
    if (name === 'start' || name === 'help' || name === 'trogiup') return { kind: 'help' };
    if (name === 'ask' || name === 'hoi') return rest ? { kind: 'ask', question: rest } : { kind: 'help' };
    if (name === 'kiemtra' || name === 'check' || name === 'verify')
      return rest ? { kind: 'verify', claim: claimIn(rest) ?? rest } : { kind: 'help' };
    return null;
  }
  if (/^#?(?:trợ giúp|hướng dẫn)$/iu.test(t)) return { kind: 'help' };
  // A plain claim states a number and asks whether it holds (src/answer/claims.ts reads which).
  const claim = claimIn(t);
  return claim ? { kind: 'verify', claim } : { kind: 'ask', question: t };
}

/** "29 báo cáo về Quảng Trị, Hà Giang … và 6 địa bàn khác, năm 2019–2024." */
export function coverageLine(reports: readonly Pick<Report, 'place' | 'periods'>[], maxPlaces = 10): string {
  if (!reports.length) return 'Hiện chưa có báo cáo nào.';
  const places = [...new Set(reports.map((r) => r.place?.name).filter((p): p is string => !!p))];
  const years = reports.flatMap((r) => r.periods.map((p) => p.year)).filter((y) => y >= 1990 && y <= 2100);
  const shown = places.slice(0, maxPlaces).join(', ');
  const more = places.length > maxPlaces ? ` và ${places.length - maxPlaces} địa bàn khác` : '';
  const span = years.length
    ? `, năm ${Math.min(...years)}${Math.max(...years) > Math.min(...years) ? `–${Math.max(...years)}` : ''}`
    : '';
  return `Các báo cáo hiện có: ${reports.length} báo cáo${places.length ? ` về ${shown}${more}` : ''}${span}.`;
}

/** The help of /start and /help: greeting, coverage, how to ask and to check a claim, examples. */
export function helpLines(coverage: string): string[] {
  return [
    BOT_GREETING.replace(/ Ví dụ:$/, ''),
    coverage,
    'Hỏi bằng một câu, ví dụ:',
    ...SAMPLE_QUESTIONS.map((s) => `• ${s}`),
    'Kiểm tra một con số: /kiemtra Cuối năm 2023 Quảng Trị còn 14.040 hộ nghèo (hoặc viết "…, đúng không?").',
  ].filter(Boolean);
}
