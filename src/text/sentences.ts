// Sentence boundaries as offsets, tuned to Vietnamese administrative prose: vi-VN numbers, dates,
// document numbers (139/QĐ-UBND) and dotted abbreviations (TP. Huế) never end a sentence.

export interface Span {
  start: number;
  end: number;
}

/** Tokens that take a dot but do not end a sentence ("TP. Huế", "TX. Tịnh Biên", "KT. CHỦ TỊCH"). */
const DOTTED_ABBREVIATIONS = new Set([
  'tp', 'tx', 'tt', 'q', 'h', 'p', 'x', 'tm', 'kt', 'tl', 'tuq', 'ts', 'ths', 'bs', 'gs', 'pgs',
  'ks', 'cn', 'ncs', 'th.s', 'st', 'v.v', 'vv', 'sđt', 'đt', 'tr', 'đ/c', 'đc',
]);

/** A list or heading marker at the start of a line: "- ", "+ ", "3.1. ", "II. ", "a) ". */
const LINE_MARKER = /^(?:[-+•*–]\s+|(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+)/u;

// A terminal cluster: "./." (the report ending), runs of . ! ? … , then closing quotes/brackets.
const TERMINAL = /(?:\.\/\.|[.!?…]+)["”’»)\]]*/gu;

const isUpperStart = (ch: string): boolean => /[\p{Lu}\p{N}"“‘«(\[]/u.test(ch);

function wordBefore(line: string, at: number): string {
  let i = at;
  while (i > 0 && /[\p{L}\p{N}./]/u.test(line[i - 1] as string)) i--;
  return line.slice(i, at);
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
      const after = line.slice(cut).trimStart();
      if (!after || !isUpperStart(after[0] as string)) continue;
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

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  if (e > s) out.push({ start: s, end: e });
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
