// Finds the numbers in a sentence that are figures, and sets aside those that are not: years,
// dates, times, document numbers ("139/QĐ-UBND", "78/2002/NĐ-CP"), ordinals and names
// ("lần thứ 7", "cơn bão số 3", "Dự án 6", "Covid-19"), ages ("90 tuổi") and durations ("3 tháng").
import { foldAligned } from '../text/fold-aligned.ts';
import { parseViNumber } from '../text/vi-number.ts';
import { readUnit } from './units.ts';

/** Does a unit ("người", "%", "triệu đồng") follow at `at`? Tells "91/80 người" from "30/6 toàn tỉnh". */
function unitFollows(text: string, at: number): boolean {
  const window = text.slice(at, at + 24);
  return readUnit(window, foldAligned(window), 0) !== null;
}

export interface NumberMention {
  start: number;
  end: number;
  raw: string;
  value: number;
  /** For "A/B unit": A points at its B (the plan) and B at its A (the result). */
  pairedWith?: number;
  pairRole?: 'result' | 'target';
  /** "giảm từ 1,0 - 1,5%": both ends of a range share the unit after the second. */
  rangeWith?: number;
}

const NUM = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;

/** Words after which a number names or orders something rather than counting it. */
const ORDINAL_BEFORE = new Set([
  'số',
  'thứ',
  'đợt',
  'lần',
  'khóa',
  'khoá',
  'kỳ',
  'quý',
  'tháng',
  'ngày',
  'năm',
  'điều',
  'khoản',
  'mục',
  'phần',
  'chương',
  'án',
  'bão',
  'giai đoạn',
  'lúc',
  'phòng',
  'tổ',
  'đội',
  'khu',
  'tuyến',
  'quốc lộ',
  'tỉnh lộ',
  'nhóm',
  'vòng',
  'hạng',
  'bậc',
  'tuổi',
  'quyết định',
  'nghị định',
  'thông tư',
  'chỉ thị',
  'nghị quyết',
  'công văn',
  'luật',
  'chương trình',
  'bảng',
  'biểu',
  'phụ lục',
]);
/** Units after which a number is a duration or an age, not a figure. */
const NOT_FIGURE_AFTER = /^\s*(?:tuổi|tháng|năm|ngày|tuần|giờ|phút|quý)(?![\p{L}])/u;
const COUNTING_AFTER = /^\s*(?:%|[\p{L}])/u;

const LETTER = /\p{L}/u;
const SPACE = /\s/;

/** How many code units the letter ending at `i` takes (2 for one outside the BMP), 0 when no letter ends there. */
function letterBefore(s: string, i: number): number {
  if (i <= 0) return 0;
  const low = s.charCodeAt(i - 1);
  const pair =
    low >= 0xdc00 && low <= 0xdfff && i >= 2 && s.charCodeAt(i - 2) >= 0xd800 && s.charCodeAt(i - 2) <= 0xdbff;
  const ch = pair ? s.slice(i - 2, i) : (s[i - 1] as string);
  return LETTER.test(ch) ? ch.length : 0;
}

/**
 * The last two words (runs of letters) of the 40 characters before `at`, lower-cased, with only
 * whitespace after and between them: what /([\p{L}]+(?:\s+[\p{L}]+){0,2})\s*$/u would end
 * with, read backwards from the end instead of tried from every start (a sixth of extraction).
 */
export function wordsBefore(text: string, at: number): string[] {
  const head = text.slice(Math.max(0, at - 40), at).toLowerCase();
  const words: string[] = [];
  let i = head.length;
  while (i > 0 && SPACE.test(head[i - 1] as string)) i--;
  while (words.length < 2) {
    const end = i;
    for (let n = letterBefore(head, i); n > 0; n = letterBefore(head, i)) i -= n;
    if (i === end) break;
    words.unshift(head.slice(i, end));
    const gap = i;
    while (i > 0 && SPACE.test(head[i - 1] as string)) i--;
    if (i === gap) break;
  }
  return words;
}

function isOrdinalContext(text: string, at: number): boolean {
  // "Kế hoạch 95%" sets a target; the parenthesis or a % after tells it from "Kế hoạch 25/KH-UBND".
  const words = wordsBefore(text, at);
  const last = words[words.length - 1];
  // "với tổng số 4.063 căn" counts; "Quyết định số 403", "cơn bão số 3" name.
  if (words.join(' ') === 'tổng số') return false;
  return last !== undefined && (ORDINAL_BEFORE.has(words.join(' ')) || ORDINAL_BEFORE.has(last));
}

/**
 * Numbers in `text[from, to)` that state a figure.
 * @example findNumberMentions('còn 14.040 hộ nghèo, chiếm tỷ lệ 7,71%') // 14.040 and 7,71
 */
export function findNumberMentions(text: string, from = 0, to = text.length): NumberMention[] {
  const slice = text.slice(from, to);
  const out: NumberMention[] = [];
  for (const m of slice.matchAll(NUM)) {
    const raw = m[0];
    const start = from + (m.index ?? 0);
    const end = start + raw.length;
    const prev = text[start - 1] ?? '';
    const next = text[end] ?? '';
    const after = text.slice(end, end + 24);
    const value = parseViNumber(raw);
    if (value === null) continue;
    // Inside a word or a code: "Covid-19", "KH-UBND", "C3", "TB&XH", "kwh/tháng".
    if (/[\p{L}_&]/u.test(prev) || (prev === '-' && /[\p{L}]/u.test(text[start - 2] ?? ''))) continue;
    if (/[\p{L}]/u.test(next)) continue;
    // Times "01:56", "09:42 PM".
    if (next === ':' && /^\d{2}/.test(text.slice(end + 1, end + 3))) continue;
    if (prev === ':' && /\d/.test(text[start - 2] ?? '')) continue;
    // Document numbers: "16/NQ-HĐND", "78/2002/NĐ-CP", "54-KH/TU", "Số: /BC-UBND".
    if (/^[/-][\p{Lu}Đ]/u.test(after) || /^\/\d{4}\/[\p{Lu}Đ]/u.test(after)) continue;
    if (
      /[/-]$/.test(text.slice(start - 1, start)) &&
      /\d{1,4}[/-]$/.test(text.slice(Math.max(0, start - 6), start)) &&
      /^[/-]?[\p{Lu}Đ]/u.test(after)
    )
      continue;
    // Dates: d/m/yyyy, d/m, m/yyyy, and the parts of them.
    if (/^\/\d{1,2}\/\d{2,4}/.test(after) || /^\/\d{4}(?!\d)/.test(after)) continue;
    if (prev === '/' && /\d{1,2}\/\d{1,2}\/$/.test(text.slice(Math.max(0, start - 6), start))) continue;
    if (
      prev === '/' &&
      /(?:^|[^\d.])\d{1,2}\/$/.test(text.slice(Math.max(0, start - 4), start)) &&
      value <= 12 &&
      (!unitFollows(text, end) ||
        /(?<![\p{L}])ngày(?:\s+[\p{L}]+){0,5}\s*\d{1,2}\/$/iu.test(text.slice(Math.max(0, start - 44), start)))
    ) {
      // "30/6" or "1/2023" (the month or year half), unless a unit follows ("91/80 người").
      continue;
    }
    if (next === '/' && /^\/\d{1,2}(?![\d/]|[.,]\d)/.test(after) && value <= 31) {
      const month = /^\/(\d{1,2})/.exec(after)?.[1] ?? '';
      // After "ngày …" it is a date whatever follows ("Nhân ngày Quốc tế thiếu nhi 01/6 huyện đã …").
      const dayBefore = /(?<![\p{L}])ngày(?:\s+[\p{L}]+){0,5}\s*$/iu.test(text.slice(Math.max(0, start - 40), start));
      if (Number(month) <= 12 && (dayBefore || !unitFollows(text, end + 1 + month.length))) continue;
    }
    // Years: 1900–2100 written without grouping, with no counted noun after.
    if (
      /^\d{4}$/.test(raw) &&
      value >= 1900 &&
      value <= 2100 &&
      !/^\s*(?:%|(?:hộ|người|lao động|lượt|kg|tấn|triệu|tỷ|suất|thẻ)(?![\p{L}]))/u.test(after)
    )
      continue;
    // Section numbers and list ordinals at the start of a line: "3.1.", "1.", "2)".
    if (
      /(?:^|\n)\s*$/.test(text.slice(Math.max(0, start - 4), start)) &&
      /^[.)](?:\d|\s)/.test(text.slice(end, end + 2))
    )
      continue;
    if (/^\.\d+\.\s/.test(after) && /(?:^|\n)\s*$/.test(text.slice(Math.max(0, start - 4), start))) continue;
    if (
      /(?:^|\n)\s*\d{1,2}\.$/.test(text.slice(Math.max(0, start - 6), start)) &&
      /^\.?\s/.test(text.slice(end, end + 2))
    )
      continue;
    if (NOT_FIGURE_AFTER.test(after)) continue;
    // An eligibility threshold, not a figure: "dưới 50 kwh/tháng", "trên 2 triệu đồng/người/tháng".
    if (
      /(?:dưới|trên|không quá|tối đa)\s*$/iu.test(text.slice(Math.max(0, start - 12), start)) &&
      /^\s*[\p{L}]+(?:\s+[\p{L}]+)?\/(?:tháng|năm|người)/u.test(after)
    )
      continue;
    // Ages listed after "tuổi": "ở tuổi 70, 75, 80".
    if (/tuổi\s+(?:\d+(?:\s*,\s*|\s+và\s+(?:trên\s+)?))*$/u.test(text.slice(Math.max(0, start - 40), start))) continue;
    if (isOrdinalContext(text, start) && !(/^\s*%/.test(after) || (next === '/' && /^\/[\d.]+/.test(after)))) continue;
    // A table cell ends at "|" or a tab: "Số người chết (người) | 31 | 41".
    // So does the last cell of a piped row, at the end of its line ("1 | TP. Nha Trang | 70 | 26,42").
    const lastCell =
      /^[ \t]*\r?\n/.test(after) &&
      text.slice(Math.max(0, start - 400, text.lastIndexOf('\n', start - 1) + 1), start).includes('|');
    if (
      !COUNTING_AFTER.test(after) &&
      !/^\s*[/–-]\s*\d/.test(after) &&
      !/^[\s)]*[;,.:)|\t]|^\s*$/.test(after) &&
      !lastCell
    )
      continue;
    out.push({ start, end, raw, value });
  }
  linkPairsAndRanges(text, out);
  return out;
}

/** "7.000/6.400 người": the result over its plan. "1,0 - 1,5%": a range. */
function linkPairsAndRanges(text: string, nums: NumberMention[]) {
  for (let i = 0; i + 1 < nums.length; i++) {
    const a = nums[i] as NumberMention;
    const b = nums[i + 1] as NumberMention;
    const between = text.slice(a.end, b.start);
    if (between === '/') {
      a.pairedWith = i + 1;
      a.pairRole = 'result';
      b.pairedWith = i;
      b.pairRole = 'target';
    } else if (/^\s*[–-]\s*$/.test(between)) {
      a.rangeWith = i + 1;
      b.rangeWith = i;
    }
  }
}
