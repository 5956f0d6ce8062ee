// Accent folding for Vietnamese matching: people type "ho ngheo quang tri" for "hộ nghèo Quảng Trị".
// Stored text is never folded; folding happens only where text is compared (tokenizer, place lookup).
import { ScratchUnits, unitsToString } from './units-to-string.ts';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE_CODE: Record<string, string> = {
  '\u0300': '2', // huyền
  '\u0301': '1', // sắc
  '\u0303': '4', // ngã
  '\u0309': '3', // hỏi
  '\u0323': '5', // nặng
};

/**
 * Lower-cases and strips every diacritic, mapping đ to d.
 * @example foldVi('Hộ nghèo Quảng Trị') // 'ho ngheo quang tri'
 */
export function foldVi(s: string): string {
  return foldFast(s) ?? foldSlow(s);
}

function foldSlow(s: string): string {
  return s.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

/**
 * Latin letters (U+0000–U+024F) and Vietnamese's precomposed ones (U+1EA0–U+1EF9) fold one unit
 * to one unit and independently of their neighbours, so a string of them folds by a table read
 * per unit (0: outside the table, or folding to some other length). Everything else takes NFD.
 */
const FAST = new Uint16Array(0x1efa);
for (let c = 0; c < FAST.length; c++) {
  if (c >= 0x250 && c < 0x1ea0) continue;
  const folded = foldSlow(String.fromCharCode(c));
  if (folded.length === 1 && folded.charCodeAt(0) !== 0) FAST[c] = folded.charCodeAt(0);
}
FAST[0] = 0;

const scratch = new ScratchUnits(256);

function foldFast(s: string): string | null {
  const n = s.length;
  const buf = scratch.take(n);
  let same = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = c < FAST.length ? (FAST[c] as number) : 0;
    if (f === 0) return null;
    buf[i] = f;
    if (f !== c) same = false;
  }
  if (same) return s;
  return unitsToString(buf, n);
}

/**
 * A lower-case key that keeps every accent but ignores where the tone mark sits, so the two
 * spelling conventions (hòa/hoà, thủy/thuỷ, khỏe/khoẻ) give one key.
 * @example toneKey('Hoà') === toneKey('hòa') // 'hoa2'
 */
export function toneKey(syllable: string): string {
  const nfd = syllable.toLowerCase().normalize('NFD');
  let tone = '';
  const base = nfd.replace(TONE_MARKS, (m) => {
    tone = TONE_CODE[m] ?? '';
    return '';
  });
  return base.normalize('NFC') + tone;
}
