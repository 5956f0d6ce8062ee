// Sentence boundaries as offsets, tuned to Vietnamese administrative prose: vi-VN numbers, dates,
// document numbers (139/QĐ-UBND) and dotted abbreviations (TP. Huế) never end a sentence.

export interface Span {
  start: number;
  end: number;
}

/** Tokens that take a dot but do not end a sentence ("TP. Huế", "TX. Tịnh Biên", "KT. CHỦ TỊCH"). */
const DOTTED_ABBREVIATIONS = new Set([
  'tp',
  'tx',
  'tt',
  'q',
  'h',
  'p',
  'x',
  'tm',
  'kt',
  'tl',
  'tuq',
  'ts',
  'ths',
  'bs',
  'gs',
  'pgs',
  'ks',
  'cn',
  'ncs',
  'th.s',
  'st',
  'v.v',
  'vv',
  'sđt',
  'đt',
  'tr',
  'đ/c',
  'đc',
]);

/** A list or heading marker at the start of a line: "- ", "+ ", "3.1. ", "II. ", "a) ". */
const LINE_MARKER = /^(?:[-+•*–]\s+|(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+)/u;

// A terminal cluster: "./." (the report ending), runs of . ! ? … , then closing quotes/brackets.
const TERMINAL = /(?:\.\/\.|[.!?…]+)["”’»)\]]*/gu;

const isUpperStart = (ch: string): boolean => /[\p{Lu}\p{N}"“‘«([]/u.test(ch);

/** The word before a full stop; abbreviations are short, so a long run ("1.2.3.4.…") is cut at 40 characters. */
function wordBefore(line: string, at: number): string {
  let i = at;
  const floor = Math.max(0, at - 40);
  while (i > floor && /[\p{L}\p{N}./]/u.test(line[i - 1] as string)) i--;
  return line.slice(i, at);
}

/** The first character at or after `from` that is not a space or tab ('' at the end). */
function nextVisible(line: string, from: number): string {
  let i = from;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return line[i] ?? '';
}

function lineSentences(text: string, lineStart: number, lineEnd: number, out: Span[]): void {
  const line = text.slice(lineStart, lineEnd);
  const marker = LINE_MARKER.exec(line);
  const from = marker ? marker[0].length : 0;
  let sentStart = 0;
  TERMINAL.lastIndex = from;
  for (let m = TERMINAL.exec(line); m; m = TERMINAL.exec(line)) {
    const cut = m.index + m[0].length;
    const next = line[cut];
    if (next === undefined) break;
    const isDotOnly = m[0][0] === '.' && !m[0].startsWith('..') && m[0] !== './.';
    if (next === ' ') {
      const after = nextVisible(line, cut);
      if (!after || !isUpperStart(after)) continue;
      if (isDotOnly) {
        const word = wordBefore(line, m.index);
        const lower = word.toLowerCase();
        // "TP. Huế", "H. Tịnh Biên", "Nguyễn V. A": a dotted abbreviation or a lone capital.
        if (DOTTED_ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(word)) continue;
      }
    } else {
      // A missing space after a full stop ("kế hoạch.Năm 2024") still ends a sentence when a
      // lower-case word precedes and a capitalised word follows; "TP.HCM", "7.000" do not qualify.
      const word = wordBefore(line, m.index);
      if (!isDotOnly || !/^\p{Ll}{2,}$/u.test(word) || DOTTED_ABBREVIATIONS.has(word)) continue;
      if (!/^\p{Lu}\p{Ll}/u.test(line.slice(cut, cut + 2))) continue;
    }
    pushTrimmed(text, lineStart + sentStart, lineStart + cut, out);
    sentStart = cut;
  }
  pushTrimmed(text, lineStart + sentStart, lineEnd, out);
}

/**
 * The longest span taken as one sentence. The longest real one in the seeds and the 24 wide
 * reports is 1.050 characters; a longer "sentence" is a table or a run of figures with no full
 * stop, and every step after this one (figures, qualifiers, clauses) looks across its sentence, so
 * an unbounded one made extraction quadratic (4,6 s for 25 KB of "12% 12% …", issue 15).
 */
export const MAX_SENTENCE_CHARS = 2000;

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  while (e - s > MAX_SENTENCE_CHARS) {
    const cut = breakBefore(text, s, s + MAX_SENTENCE_CHARS);
    pushTrimmed(text, s, cut, out);
    s = cut;
    while (s < e && /\s/.test(text[s] as string)) s++;
  }
  if (e > s) out.push({ start: s, end: e });
}

/** Where to cut an over-long span ending by `limit`: after its last ';' or ',' in the last quarter, else its last space, else at `limit`. */
function breakBefore(text: string, start: number, limit: number): number {
  const floor = Math.max(start + 1, limit - MAX_SENTENCE_CHARS / 4);
  // Searched within the window: lastIndexOf over the whole text would rescan it for every cut.
  const window = text.slice(floor, limit);
  for (const mark of [';', ',', ' ']) {
    const at = window.lastIndexOf(mark);
    if (at >= 0) return floor + at + 1;
  }
  return limit;
}

/**
 * Sentence spans inside `text[start, end)`; a line break always ends a sentence, so list items
 * ("- …", "+ …") and headings are units of their own. Semicolons never split.
 * @example splitSentences('Tỷ lệ hộ nghèo còn 7,71%. TP. Huế giảm 1.850 hộ.') // two spans
 */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  let lineStart = Math.max(0, start);
  const stop = Math.min(end, text.length);
  while (lineStart < stop) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > stop) lineEnd = stop;
    lineSentences(text, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out;
}
