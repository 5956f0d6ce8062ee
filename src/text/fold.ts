// Accent folding for Vietnamese matching: people type "ho ngheo quang tri" for "hộ nghèo Quảng Trị".
// Stored text is never folded; folding happens only where text is compared (tokenizer, place lookup).

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

let scratch = new Uint16Array(256);
/** Units of the reused buffer at most (128 KB): a report's text, not the longest text ever folded. */
const SCRATCH_MAX = 1 << 16;
const CHUNK = 4096;

function foldFast(s: string): string | null {
  const n = s.length;
  if (n > scratch.length && n <= SCRATCH_MAX)
    scratch = new Uint16Array(Math.min(SCRATCH_MAX, Math.max(n, scratch.length * 2)));
  // A longer text (a 2 MB report) gets a buffer of its own, let go afterwards.
  const buf = n <= scratch.length ? scratch : new Uint16Array(n);
  let same = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = c < FAST.length ? (FAST[c] as number) : 0;
    if (f === 0) return null;
    buf[i] = f;
    if (f !== c) same = false;
  }
  if (same) return s;
  // Safe: String.fromCharCode reads its arguments as numbers; a Uint16Array is array-like.
  if (n <= CHUNK) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let i = 0; i < n; i += CHUNK)
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  return out;
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
